import { systemClock, type StatusClock } from '../clock.js';
import type { StatusStorage } from '../types.js';

/** Reads `key` (no `value`) or writes it; resolves with what was read, undefined for a write or a failure. */
export type GuardedStorage = (key: string, value?: unknown) => Promise<unknown>;

/** How long a storage call may take before it counts as having found nothing. */
export const STORAGE_TIMEOUT_MS = 2000;

/**
 * Storage calls that can neither throw, reject nor hang (a custom storage may do all three): a failure, or no
 * answer within 2 s, reads as "nothing stored". What is read comes back as plain data, a copy through JSON: own
 * properties only, no getters, no proxies, nothing shared with the storage's own objects.
 *
 * @param timers - Whose timers measure the 2 s. Default the real ones: a storage that hangs hangs in real time.
 */
export function guardStorage(storage: StatusStorage, timers: Pick<StatusClock, 'setTimeout' | 'clearTimeout'> = systemClock): GuardedStorage {
  return (key, value) => {
    let timer: unknown;
    return Promise.race([
      Promise.resolve().then(() => (value === undefined ? storage.get(key) : storage.set(key, value))),
      new Promise((resolve) => (timer = timers.setTimeout(() => resolve(undefined), STORAGE_TIMEOUT_MS))),
    ])
      .then((read) => (value === undefined && read !== undefined ? JSON.parse(JSON.stringify(read)) : undefined))
      .catch(() => undefined)
      .finally(() => timers.clearTimeout(timer));
  };
}
