import { createStore, promisifyRequest, type UseStore } from 'idb-keyval';
import type { StatusStorage } from '../types.js';
import { createMemoryStorage } from './memory-storage.js';

/** The database of our own, never idb-keyval's shared default. A schema change means a new name. */
export const DATABASE_NAME = 'status-banner-v1';

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
  const memory = createMemoryStorage();
  let store: UseStore | undefined;
  let broken = false;

  /** One operation, raced against the timeout; a failure other than the timeout reopens the database once. */
  async function attempt<T>(mode: IDBTransactionMode, operation: (store: IDBObjectStore) => IDBRequest | IDBTransaction, retry = true): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      // idb-keyval opens lazily, and throws synchronously when `indexedDB` is undefined: both happen inside
      // this try, not behind a .catch().
      store ??= createStore(options.databaseName ?? DATABASE_NAME, 'kv');
      return await Promise.race([
        store(mode, (s) => promisifyRequest(operation(s) as IDBRequest<T>)),
        new Promise<never>((_, reject) => (timer = setTimeout(reject, options.timeout ?? 1500, 'timeout'))),
      ]);
    } catch (error) {
      // iOS drops the connection of a backgrounded page ("connection is closing") without firing `close`.
      if (!retry || error === 'timeout') throw error;
      store = undefined;
      return attempt(mode, operation, false);
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    async get(key) {
      try {
        if (!broken) return await attempt('readonly', (s) => s.get(key));
      } catch {
        broken = true;
      }
      return memory.get(key);
    },
    async set(key, value) {
      await memory.set(key, value);
      try {
        if (!broken) {
          await attempt('readwrite', (s) => {
            s.put(value, key);
            return s.transaction;
          });
        }
      } catch {
        // Quota, a lost connection, a hang: this session keeps working from memory.
        broken = true;
      }
    },
  };
}
