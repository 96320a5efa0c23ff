// Shared by the client tests: real clients against the test server, with visibility and connectivity that a
// test controls, and ways to wait for a state.

import {
  createMemoryStorage,
  createStatusClient,
  type StatusClient,
  type StatusClientOptions,
  type StatusEnvironment,
  type StatusState,
  type StatusStorage,
} from '@status-banner/core';

/** Visibility and connectivity the test controls. */
export function controlledEnvironment() {
  let visible = true;
  let online = true;
  const listeners = new Set<() => void>();
  const environment: StatusEnvironment = {
    isVisible: () => visible,
    isOnline: () => online,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    environment,
    set(next: { visible?: boolean; online?: boolean }) {
      visible = next.visible ?? visible;
      online = next.online ?? online;
      for (const listener of listeners) listener();
    },
    get listeners() {
      return listeners.size;
    },
  };
}

/** Every client made by {@link client}, for the test to destroy afterwards. */
export const clients: StatusClient[] = [];

export function client(options: StatusClientOptions): StatusClient {
  const created = createStatusClient({ storage: createMemoryStorage(), random: () => 0, ...options });
  clients.push(created);
  return created;
}

/** Keeps a client running (a client polls only while someone listens). */
export function keep(target: StatusClient): StatusClient {
  target.subscribe(() => {});
  return target;
}

/** Resolves with the first state (current or future) that satisfies `predicate`. */
export function until(target: StatusClient, predicate: (state: StatusState) => boolean, timeout = 4000): Promise<StatusState> {
  return new Promise((resolve, reject) => {
    if (predicate(target.getSnapshot())) return resolve(target.getSnapshot());
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`timed out; last state ${JSON.stringify(target.getSnapshot())}`));
    }, timeout);
    const stop = target.subscribe((state) => {
      if (!predicate(state)) return;
      clearTimeout(timer);
      stop();
      resolve(state);
    });
  });
}

/** A storage that counts what the client asks of it, so a test can wait for the client to have looked. */
export function watched(storage: StatusStorage) {
  const seen = { reads: 0, writes: 0 };
  const wrapped: StatusStorage = {
    get: (key) => ((seen.reads += 1), storage.get(key)),
    set: (key, value) => ((seen.writes += 1), storage.set(key, value)),
  };
  return { seen, storage: wrapped };
}
