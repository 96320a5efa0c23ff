// What the client shows, as pure functions of what it knew and what arrived: no timers, no storage, no tabs.

import { filterNotices } from '../filter-notices.js';
import type { StatusSnapshot, StatusState } from '../types.js';
import type { Dismissals } from './dismissal-store.js';

/** What the client remembers of the snapshots it applied. */
export interface Seen {
  /** The last snapshot applied, as JSON: an answer that parses to the same is no change. */
  key?: string;
  /** The highest version applied. */
  version?: number;
  /** The lower version last turned away. */
  lower?: number;
  /** When the endpoint last confirmed the snapshot (in any tab). */
  checkedAt: number;
}

/** `older`: turned away; `same`: confirmed, nothing to show anew; `changed`: to be shown. */
export type Verdict = 'older' | 'same' | 'changed';

/**
 * Judges a snapshot, from the network or another tab, confirmed at `at`. A version lower than the one applied is
 * turned away once, as a replay or a message from a slower tab; a second in a row (the same, or counting up from
 * it) means the server really went back, and is taken. A stored snapshot (`stored`) sets no version to compare
 * with: the server may have restarted since it was stored.
 */
export function judgeSnapshot(seen: Seen, snapshot: StatusSnapshot, at: number, stored = false): { seen: Seen; verdict: Verdict } {
  const { version } = snapshot;
  const next = { ...seen };
  if (!stored) {
    if (version! < seen.version! && !(version! >= seen.lower!)) return { seen: { ...seen, lower: version }, verdict: 'older' };
    next.version = version;
    next.lower = undefined;
  }
  next.checkedAt = Math.max(seen.checkedAt, at);
  const key = JSON.stringify(snapshot);
  if (key === seen.key) return { seen: next, verdict: 'same' };
  next.key = key;
  return { seen: next, verdict: 'changed' };
}

/**
 * The next state: `patch` over `state`, with the notices to show (those of the components asked for, less the
 * dismissed revisions), and no `error` or `stale` key when they are unset.
 */
export function nextState(state: StatusState, patch: Partial<StatusState>, components: readonly string[], dismissed: Dismissals): StatusState {
  const next: StatusState = { ...state, ...patch };
  next.notices = next.snapshot
    ? filterNotices(next.snapshot, components).filter((notice) => dismissed.get(notice.id)?.revision !== notice.revision)
    : [];
  if (!next.error) delete next.error;
  if (!next.stale) delete next.stale;
  return next;
}

/** The state after a good answer: ready, with or without a new snapshot, and no longer in error or stale. */
export const confirmed = (snapshot?: StatusSnapshot, fetchedAt?: number): Partial<StatusState> => ({
  status: 'ready',
  ...(snapshot && { snapshot, fetchedAt }),
  error: undefined,
  stale: undefined,
});

/**
 * The state after our failure to reach the endpoint, which is not an outage: the last good snapshot stays,
 * marked by `error`, and by `stale` once it is old.
 */
export const failed = (state: StatusState, error: Error, stale: boolean): Partial<StatusState> => ({
  status: state.snapshot ? 'ready' : 'error',
  error,
  stale,
});

/**
 * Whether the snapshot shown has gone unconfirmed since `checkedAt` for longer than its `staleAfterSeconds`, or
 * else `staleAfter` seconds.
 */
export const isStale = (snapshot: StatusSnapshot | undefined, checkedAt: number, now: number, staleAfter: number): boolean =>
  !!snapshot && now - checkedAt > (snapshot.staleAfterSeconds ?? staleAfter) * 1000;

/**
 * How far the server's clock is ahead of this device's, in ms, from a readable Date header. A Date header has
 * whole seconds: only a gap of more than a few counts as skew.
 */
export const clockSkew = (serverTime: number, now: number): number => (Math.abs(serverTime - now) > 5000 ? serverTime - now : 0);
