import { createStore, get, set, type UseStore } from 'idb-keyval';
import type { StatusStorage } from '../types.js';
import { createMemoryStorage } from './memory-storage.js';

/** The database of our own, never idb-keyval's shared default. A schema change means a new name. */
export const DATABASE_NAME = 'status-banner-v1';
const STORE_NAME = 'kv';
const DEFAULT_TIMEOUT_MS = 1500;

/** Options for {@link createIndexedDbStorage}. */
export interface IndexedDbStorageOptions {
  /** Default `status-banner-v1`. */
  databaseName?: string;
  /** How long one operation may take before storage is given up for the page's life, in ms. Default 1500. */
  timeout?: number;
}

/**
 * Storage in IndexedDB, in a database of its own, that falls back to memory for the rest of the page's life
 * as soon as IndexedDB is missing, throws, or hangs (Safari 14's first open never settles; Firefox private
 * mode and Tor reject the open). Writes are mirrored in memory, so the fallback loses nothing of this session.
 * Nothing touches IndexedDB until the first call.
 */
export function createIndexedDbStorage(options: IndexedDbStorageOptions = {}): StatusStorage {
  const timeout = options.timeout ?? DEFAULT_TIMEOUT_MS;
  const memory = createMemoryStorage();
  let store: UseStore | undefined;
  let broken = false;

  async function once<T>(operation: (store: UseStore) => Promise<T>): Promise<T> {
    // idb-keyval throws synchronously when `indexedDB` is undefined, so the call sits inside the async
    // function's try, not only behind a .catch().
    store ??= createStore(options.databaseName ?? DATABASE_NAME, STORE_NAME);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('IndexedDB timed out')), timeout);
    });
    try {
      return await Promise.race([operation(store), deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  async function attempt<T>(operation: (store: UseStore) => Promise<T>): Promise<T> {
    try {
      return await once(operation);
    } catch (error) {
      // iOS drops the connection of a backgrounded page ("connection is closing") without firing `close`:
      // open a new one, once, before giving up on IndexedDB.
      if (error instanceof Error && error.message === 'IndexedDB timed out') throw error;
      store = undefined;
      return once(operation);
    }
  }

  return {
    async get(key) {
      if (!broken) {
        try {
          return await attempt((s) => get(key, s));
        } catch {
          broken = true;
        }
      }
      return memory.get(key);
    },
    async set(key, value) {
      await memory.set(key, value);
      if (broken) return;
      try {
        await attempt((s) => set(key, value, s));
      } catch {
        // Quota, a lost connection, a hang: this session keeps working from memory.
        broken = true;
      }
    },
  };
}
