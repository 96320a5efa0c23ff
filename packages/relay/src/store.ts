// The notice store: where the state lives and how nodes share it. One interface, two homes: a journal file for
// one node (journal-store.ts), Redis for many (redis-store.ts).

import type { Patch, RelayState } from './model.js';

/** What a planner decides: the change to make, and the answer to give for it. */
export interface CommitPlan<R> {
  patch: Patch;
  result: R;
}

/**
 * Plans a write against the latest state, knowing the version the write will get. Pure and quick: a store may
 * call it again when another node wrote first. Throws a `RelayError` to refuse.
 */
export type Planner<R> = (state: RelayState, version: number) => CommitPlan<R>;

/** Makes a retried write answer as the first one did. */
export interface Idempotency {
  /** The client's `Idempotency-Key`, scoped by whoever sent it. */
  key: string;
  /** A hash of the request; the same key with another request is refused. */
  fingerprint: string;
}

/** What a commit did. */
export interface CommitOutcome<R> {
  /** The state after it (the latest known, when nothing changed). */
  state: RelayState;
  result: R;
  /** Whether this is the stored answer to an earlier request with the same idempotency key. */
  replayed: boolean;
  /** Whether the state changed (and its version went up). */
  changed: boolean;
}

/** Who watches the upstream and runs the clock's changes: one node of a cluster at a time. */
export interface Lease {
  held(): boolean;
  /** Called whenever this node gains or loses the lease. Returns the unsubscribe function. */
  onChange(listener: (held: boolean) => void): () => void;
}

/** Health as `/readyz` and `/metrics` report it. */
export interface StoreHealth {
  ok: boolean;
  detail: string;
}

/** Where the state lives. */
export interface RelayStore {
  readonly kind: 'journal' | 'redis';
  /** Loads the state (and starts following other nodes' writes). Call once, first. */
  open(): Promise<RelayState>;
  /** The latest state this node holds. */
  state(): RelayState;
  /**
   * Applies a planned change to the latest state and resolves once it is durable (fsync'd, or acknowledged by
   * Redis), with the state after it. A planner that changes nothing writes nothing.
   *
   * @throws {RelayError} The planner's refusal; `conflict` for an idempotency key reused with another request;
   *   `unavailable` when the store cannot write now.
   */
  commit<R>(plan: Planner<R>, options?: { idempotency?: Idempotency }): Promise<CommitOutcome<R>>;
  /** Called with every newer state, written here or by another node. Returns the unsubscribe function. */
  onChange(listener: (state: RelayState) => void): () => void;
  readonly lease: Lease;
  /** Asks whichever node holds the lease to read the upstream early. */
  poke(): Promise<void>;
  /** Called on the lease holder for every poke. Returns the unsubscribe function. */
  onPoke(listener: () => void): () => void;
  health(): StoreHealth;
  close(): Promise<void>;
}

/** A set of listeners, each called in turn; one that throws does not stop the others. */
export function listeners<T extends unknown[]>(onError: (error: unknown) => void = () => {}) {
  const set = new Set<(...args: T) => void>();
  return {
    add(listener: (...args: T) => void): () => void {
      set.add(listener);
      return () => set.delete(listener);
    },
    emit(...args: T): void {
      for (const listener of [...set]) {
        try {
          listener(...args);
        } catch (error) {
          onError(error);
        }
      }
    },
  };
}
