// One client per set of options, shared by everything on the page that asks for the same source (elements,
// React hooks, Vue composables), and destroyed when the last one lets go: one request or stream, one state.

import { createStatusClient, type StatusClient, type StatusClientOptions } from './create-status-client.js';
import type { StatusState } from './types.js';

/** The state before any client answers, and on the server: one constant, so snapshots compare equal. */
export const IDLE_STATE: StatusState = Object.freeze({ status: 'loading', notices: [] as never[] });

const clients = new Map<string, { client: StatusClient; users: number }>();
const identities = new WeakMap<object, number>();
let identity = 0;

/**
 * A string equal for options that make the same client, or `''` for options without a `src`. Values compare by
 * value; functions and objects (`fetch`, `storage`, `environment`) by identity; arrays (`components`) by value.
 */
export function statusClientKey(options: StatusClientOptions | undefined): string {
  if (!options?.src) return '';
  const entries = Object.entries(options)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, value]) => {
      if (typeof value !== 'function' && (typeof value !== 'object' || value === null || Array.isArray(value))) return [name, value];
      if (!identities.has(value)) identities.set(value, (identity += 1));
      return [name, `#${identities.get(value)}`];
    });
  return JSON.stringify(entries);
}

/** The live shared client for `key`, if anyone holds one. */
export const peekStatusClient = (key: string): StatusClient | undefined => clients.get(key)?.client;

/**
 * Holds the shared client for `key` (from {@link statusClientKey}), creating it from `options` if nobody
 * holds one. Pair every call with {@link releaseStatusClient}.
 *
 * @example
 * ```ts
 * const key = statusClientKey(options);
 * const stop = retainStatusClient(key, options).subscribe(render);
 * // later
 * stop();
 * releaseStatusClient(key);
 * ```
 */
export function retainStatusClient(key: string, options: StatusClientOptions): StatusClient {
  let entry = clients.get(key);
  if (!entry) clients.set(key, (entry = { client: createStatusClient(options), users: 0 }));
  entry.users += 1;
  return entry.client;
}

/**
 * Lets go of the shared client for `key`. The last holder's release destroys it after the current task's
 * synchronous work, so an unmount followed at once by a mount (React's StrictMode, a keyed remount, an element
 * moved in the page) keeps the same client.
 */
export function releaseStatusClient(key: string): void {
  const entry = clients.get(key);
  if (!entry || --entry.users > 0) return;
  queueMicrotask(() => {
    if (entry.users > 0 || clients.get(key) !== entry) return;
    clients.delete(key);
    entry.client.destroy();
  });
}
