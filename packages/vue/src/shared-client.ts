// One client per set of options, shared by every composable on the page that asks for the same source, and
// destroyed when the last one lets go. The same few lines live in the React package: candidates for the core.
import { createStatusClient, type StatusClient, type StatusClientOptions, type StatusState } from '@status-banner/core';

/** The state before any client answers, and on the server: one constant, so snapshots compare equal. */
export const IDLE: StatusState = Object.freeze({ status: 'loading', notices: [] }) as StatusState;

const clients = new Map<string, { client: StatusClient; users: number }>();
const identities = new WeakMap<object, number>();
let identity = 0;

/**
 * A string equal for options that make the same client, or '' for options without a `src`. Values compare by
 * value; functions and objects (`fetch`, `storage`, `environment`) by identity.
 */
export function keyOf(options: StatusClientOptions | undefined): string {
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

/** Holds the client for `key`, creating it from `options` if none is held. Pair every call with {@link release}. */
export function retain(key: string, options: StatusClientOptions): StatusClient {
  let entry = clients.get(key);
  if (!entry) clients.set(key, (entry = { client: createStatusClient(options), users: 0 }));
  entry.users += 1;
  return entry.client;
}

/**
 * Lets go of the client for `key`. The last user's release destroys it after the current task's synchronous
 * work, so an unmount followed at once by a mount (a keyed remount, a moved component) keeps the same client.
 */
export function release(key: string): void {
  const entry = clients.get(key);
  if (!entry || --entry.users > 0) return;
  queueMicrotask(() => {
    if (entry.users > 0 || clients.get(key) !== entry) return;
    clients.delete(key);
    entry.client.destroy();
  });
}
