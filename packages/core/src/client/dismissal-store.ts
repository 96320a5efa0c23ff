import { own } from '../own.js';
import { isRecord } from '../sources/normalize.js';
import type { GuardedStorage } from './storage.js';

/** By notice id: a Map, so an id such as `__proto__` is a key like any other. Stored as a plain object. */
export type Dismissals = Map<string, { revision: string; at: number }>;

/** How long a dismissal is remembered: 90 days. */
export const DISMISSALS_KEPT_MS = 90 * 864e5;

/**
 * How many dismissals are remembered, the latest first: far more notices than a status page opens in 90 days,
 * and a bound on what a long-lived page (or a hostile stream of new ids) can make it hold and rewrite.
 */
export const DISMISSALS_KEPT = 200;

/** The latest {@link DISMISSALS_KEPT} dismissals, and none older than 90 days before `at` (when given). */
export function keptDismissals(dismissals: Dismissals, at?: number): Dismissals {
  let entries = [...dismissals];
  if (at !== undefined) entries = entries.filter(([, entry]) => at - entry.at < DISMISSALS_KEPT_MS);
  if (entries.length > DISMISSALS_KEPT) entries = entries.sort(([, a], [, b]) => b.at - a.at).slice(0, DISMISSALS_KEPT);
  return entries.length === dismissals.size ? dismissals : new Map(entries);
}

/** Stored values outlive code versions and can be corrupted: validated like any payload. */
export function readDismissals(value: unknown): Dismissals {
  const out: Dismissals = new Map();
  for (const [id, entry] of Object.entries(isRecord(value) ? value : {})) {
    const revision = own(entry, 'revision');
    const at = own(entry, 'at');
    if (typeof revision === 'string' && typeof at === 'number') out.set(id, { revision, at });
  }
  return out;
}

/** Both sets of dismissals; for a notice in both, the later dismissal wins. */
export function mergeDismissals(into: Dismissals, from: Dismissals): Dismissals {
  const out = new Map(into);
  for (const [id, entry] of from) if (!(out.get(id)!?.at >= entry.at)) out.set(id, entry);
  return out;
}

/** Dismissals as stored and sent: a plain object (`Object.fromEntries` makes even `__proto__` an own key). */
export const plainDismissals = (dismissals: Dismissals): Record<string, { revision: string; at: number }> => Object.fromEntries(dismissals);

const same = (a: Dismissals, b: Dismissals) => JSON.stringify([...a]) === JSON.stringify([...b]);

/** The dismissals one client knows: its own, other tabs', and the stored ones. */
export interface DismissalStore {
  /** What is dismissed now. */
  readonly current: Dismissals;
  /** Takes in dismissals read from storage or sent by a tab, unvalidated; returns whether anything changed. */
  absorb(value: unknown): boolean;
  /** Dismisses one notice at one revision; returns the entry as a tab message carries it. */
  add(noticeId: string, revision: string, at: number): Record<string, { revision: string; at: number }>;
  /**
   * Stores what this page dismissed, merged into what is stored (another tab may have dismissed something
   * else), dropping what is older than 90 days at `at` and all but the latest {@link DISMISSALS_KEPT}. One write at a time: two quick dismissals cannot lose one.
   */
  persist(at: number): Promise<void>;
}

export function createDismissalStore(stored: GuardedStorage, key: string): DismissalStore {
  let current: Dismissals = new Map();
  let writing: Promise<unknown> = Promise.resolve();
  return {
    get current() {
      return current;
    },
    absorb(value) {
      const merged = keptDismissals(mergeDismissals(current, readDismissals(value)));
      const changed = !same(merged, current);
      current = merged;
      return changed;
    },
    add(noticeId, revision, at) {
      const entry: Dismissals = new Map([[noticeId, { revision, at }]]);
      current = keptDismissals(mergeDismissals(current, entry));
      return plainDismissals(entry);
    },
    async persist(at) {
      await (writing = writing.then(async () => {
        const merged = mergeDismissals(readDismissals(await stored(key)), current);
        await stored(key, plainDismissals(keptDismissals(merged, at)));
      }));
    },
  };
}
