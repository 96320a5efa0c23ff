import type { StatusStorage } from '../types.js';

/**
 * Storage that lives as long as the page: what a client falls back to when IndexedDB is missing or broken.
 *
 * @example
 * createStatusClient({ src, storage: createMemoryStorage() });
 */
export function createMemoryStorage(): StatusStorage {
  const values = new Map<string, unknown>();
  return {
    get: async (key) => values.get(key),
    set: async (key, value) => {
      values.set(key, value);
    },
  };
}
