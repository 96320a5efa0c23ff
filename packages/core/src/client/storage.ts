import type { StatusStorage } from '../types.js';

/** Reads `key` (no `value`) or writes it; resolves with what was read, undefined for a write or a failure. */
export type GuardedStorage = (key: string, value?: unknown) => Promise<unknown>;

/** How long a storage call may take before it counts as having found nothing. */
export const STORAGE_TIMEOUT_MS = 2000;

/**
 * Storage calls that can neither throw, reject nor hang (a custom storage may do all three): a failure, or no
 * answer within 2 s, reads as "nothing stored". What is read comes back as plain data, a copy through JSON: own
 * properties only, no getters, no proxies, nothing shared with the storage's own objects.
 */
export function guardStorage(storage: StatusStorage): GuardedStorage {
  return (key, value) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    return Promise.race([
      Promise.resolve().then(() => (value === undefined ? storage.get(key) : storage.set(key, value))),
      new Promise((resolve) => (timer = setTimeout(resolve, STORAGE_TIMEOUT_MS))),
    ])
      .then((read) => (value === undefined && read !== undefined ? JSON.parse(JSON.stringify(read)) : undefined))
      .catch(() => undefined)
      .finally(() => clearTimeout(timer));
  };
}
