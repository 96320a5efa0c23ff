import { StatusFetchError, StatusFormatError } from './errors.js';
import { browserEnvironment, type StatusEnvironment } from './environment.js';
import { filterNotices } from './filter-notices.js';
import { parseStatus } from './parse-status.js';
import { createIndexedDbStorage } from './persistence/idb-storage.js';
import { readSnapshot } from './sources/native.js';
import { isRecord } from './sources/normalize.js';
import { findSource, sources } from './sources/index.js';
import { backoffDelay, jitter } from './transports/backoff.js';
import { fetchStatus } from './transports/fetch-status.js';
import type { Notice, StatusListener, StatusSnapshot, StatusState, StatusStorage } from './types.js';

/** Options for {@link createStatusClient}. */
export interface StatusClientOptions {
  /**
   * The status endpoint, or a status page's base URL (`https://www.githubstatus.com` means its
   * `/api/v2/summary.json`). Relative URLs resolve against the document.
   */
  src: string;
  /** A provider id (`statuspage`, `native`); detected from the first payload when absent. */
  provider?: string;
  /** Seconds between polls, ±20 % jitter. Default 60, at least 1. */
  interval?: number;
  /** Component ids or names: only notices touching them are shown. A group selects its children. */
  components?: readonly string[];
  /** How far ahead scheduled maintenance is shown, in seconds. Default 86 400 (24 h). */
  maintenanceLead?: number;
  /**
   * How old a stored snapshot may be and still be shown before the network answers, in seconds. Default 600.
   */
  maxAge?: number;
  /** Where dismissals and the last good snapshot are kept. Default: IndexedDB, falling back to memory. */
  storage?: StatusStorage;
  /** The `fetch` to use. Default: the global one, captured when the client is created. */
  fetch?: typeof fetch;
  /** Milliseconds before a request is given up. Default 10 000. */
  timeout?: number;
  /** Largest payload read, in bytes. Default 1 MiB. */
  maxBytes?: number;
  /** Visibility and connectivity. Default: the browser's. */
  environment?: StatusEnvironment;
  /** A source of numbers in [0, 1), for jitter. Default `Math.random`. */
  random?: () => number;
}

/** A live view of one status endpoint. */
export interface StatusClient {
  /** What the client knows now; the same object until something changes. */
  getSnapshot(): StatusState;
  /**
   * Calls `listener` on every change. The first subscriber starts polling; when the last one leaves, polling
   * pauses. Returns the function that unsubscribes.
   */
  subscribe(listener: StatusListener): () => void;
  /** Hides a notice until it gets news (a new revision), across reloads. Resolves once stored. */
  dismiss(noticeId: string): Promise<void>;
  /** Fetches now. Resolves when done; never rejects. */
  refresh(): Promise<void>;
  /** Stops for good: no more requests, timers or listeners. */
  destroy(): void;
}

interface StoredSnapshot {
  snapshot: StatusSnapshot;
  fetchedAt: number;
}

type Dismissals = Record<string, { revision: string; at: number }>;

const DISMISSALS_KEPT_MS = 90 * 24 * 60 * 60 * 1000;
const DISMISSALS_KEPT = 200;
const warned = new Set<string>();

/** One console line per kind of failure per page, however many clients and retries. */
function warnOnce(kind: string, message: string): void {
  if (warned.has(kind) || typeof console === 'undefined') return;
  warned.add(kind);
  console.warn(`[status-banner] ${message}`);
}

/**
 * The URL to fetch for `src`: a bare origin means its Statuspage summary, and a named provider may map a base
 * URL to its endpoint. Throws a TypeError for a URL that cannot be parsed.
 */
export function resolveEndpoint(src: string, provider?: string): string {
  const base = typeof document === 'undefined' ? undefined : document.baseURI;
  const url = new URL(src.trim(), base);
  const source = provider ? findSource(provider) : url.pathname === '/' ? sources.find((s) => s.id === 'statuspage') : undefined;
  return (source?.endpoint?.(url) ?? url).href;
}

/**
 * Creates a client that polls a status endpoint, keeps the latest good snapshot, and remembers dismissals.
 * Nothing happens until the first `subscribe` (or `refresh`); it never throws at the page or rejects.
 *
 * @example
 * ```ts
 * const client = createStatusClient({ src: 'https://www.githubstatus.com' });
 * const stop = client.subscribe(({ notices }) => render(notices[0]));
 * ```
 */
export function createStatusClient(options: StatusClientOptions): StatusClient {
  const interval = Math.max(1, finite(options.interval) ?? 60) * 1000;
  const maxAge = Math.max(0, finite(options.maxAge) ?? 600) * 1000;
  const timeout = Math.max(1, finite(options.timeout) ?? 10_000);
  const maxBytes = Math.max(1, finite(options.maxBytes) ?? 1024 * 1024);
  const selectors = options.components ?? [];
  const random = options.random ?? Math.random;
  const environment = options.environment ?? browserEnvironment();
  const storage = options.storage ?? createIndexedDbStorage();
  // Captured now: a host page that later patches window.fetch does not get to see or break our requests.
  const fetchFn = options.fetch ?? (typeof fetch === 'function' ? fetch.bind(globalThis) : undefined);

  let endpoint: string | undefined;
  let setupError: Error | undefined;
  try {
    endpoint = resolveEndpoint(options.src, options.provider);
  } catch (error) {
    setupError = new TypeError(`status-banner: "${String(options.src)}" is not a URL`, { cause: error });
  }
  if (!fetchFn) setupError = new TypeError('status-banner: no fetch in this environment');

  let state: StatusState = setupError ? { status: 'error', notices: [], error: setupError } : { status: 'loading', notices: [] };
  const listeners = new Set<StatusListener>();
  let dismissed: Dismissals = {};
  let provider = options.provider;
  let lastText: string | undefined;
  let failures = 0;
  let halted = Boolean(setupError);
  let destroyed = false;
  let running = false;
  let wasOnline = true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inflight: { controller: AbortController; done: Promise<void> } | undefined;
  let restored: Promise<void> | undefined;
  let stopEnvironment: (() => void) | undefined;

  const snapshotKey = `snapshot:${endpoint}`;
  const dismissalsKey = `dismissals:${endpoint}`;

  function visibleNotices(snapshot: StatusSnapshot | undefined): Notice[] {
    if (!snapshot) return [];
    return filterNotices(snapshot, selectors).filter((notice) => dismissed[notice.id]?.revision !== notice.revision);
  }

  function update(patch: Partial<StatusState>): void {
    const next: StatusState = { ...state, ...patch };
    next.notices = visibleNotices(next.snapshot);
    if (!next.error) delete next.error;
    state = next;
    for (const listener of [...listeners]) {
      try {
        listener(state);
      } catch (error) {
        // A listener's bug is the host's; report it as theirs without breaking the other listeners.
        setTimeout(() => {
          throw error;
        });
      }
    }
  }

  async function safely<T>(operation: () => Promise<T>): Promise<T | undefined> {
    try {
      return await operation();
    } catch {
      return undefined;
    }
  }

  function readDismissals(value: unknown): Dismissals {
    const out: Dismissals = {};
    if (!isRecord(value)) return out;
    for (const [id, entry] of Object.entries(value)) {
      if (isRecord(entry) && typeof entry.revision === 'string' && typeof entry.at === 'number') {
        out[id] = { revision: entry.revision, at: entry.at };
      }
    }
    return out;
  }

  function restore(): Promise<void> {
    restored ??= (async () => {
      const [storedDismissals, stored] = await Promise.all([
        safely(() => storage.get(dismissalsKey)),
        safely(() => storage.get(snapshotKey)),
      ]);
      dismissed = { ...readDismissals(storedDismissals), ...dismissed };
      const cached = readStored(stored);
      if (cached && !state.snapshot && !destroyed) {
        update({ status: 'ready', snapshot: cached.snapshot, fetchedAt: cached.fetchedAt });
      } else if (state.snapshot) {
        update({});
      }
    })();
    return restored;
  }

  function readStored(value: unknown): StoredSnapshot | undefined {
    // Stored values outlive code versions and can be corrupted: validate them like any payload.
    if (!isRecord(value) || typeof value.fetchedAt !== 'number' || !isRecord(value.snapshot)) return undefined;
    const age = Date.now() - value.fetchedAt;
    if (age < 0 || age > maxAge) return undefined;
    try {
      const storedProvider = typeof value.snapshot.provider === 'string' ? value.snapshot.provider : 'native';
      const snapshot = readSnapshot(value.snapshot, contextNow(), storedProvider);
      return { snapshot, fetchedAt: value.fetchedAt };
    } catch {
      return undefined;
    }
  }

  function contextNow() {
    const lead = finite(options.maintenanceLead);
    return { now: new Date(), maintenanceLead: (lead === undefined || lead < 0 ? 86_400 : lead) * 1000 };
  }

  function apply(text: string): void {
    let snapshot: StatusSnapshot;
    try {
      const parseOptions = { now: new Date(), ...(provider ? { provider } : {}) };
      snapshot = parseStatus(text, options.maintenanceLead === undefined ? parseOptions : { ...parseOptions, maintenanceLead: options.maintenanceLead });
    } catch (cause) {
      const error = new StatusFetchError('format', (cause as Error).message, { cause });
      warnOnce(`format:${(cause as StatusFormatError).type}`, `${endpoint} is not a status payload (${error.message})`);
      throw error;
    }
    provider ??= snapshot.provider;
    lastText = text;
    const shown = state.snapshot?.version;
    // A replayed or reordered older version never replaces a newer one.
    if (shown !== undefined && snapshot.version !== undefined && snapshot.version < shown) return;
    const fetchedAt = Date.now();
    update({ status: 'ready', snapshot, fetchedAt, error: undefined });
    void safely(() => storage.set(snapshotKey, { snapshot, fetchedAt } satisfies StoredSnapshot));
  }

  function settle(result: Awaited<ReturnType<typeof fetchStatus>>, controller: AbortController): number | undefined {
    if (controller.signal.aborted || destroyed) return undefined;
    if (result.ok) {
      try {
        if (result.text !== lastText) apply(result.text);
        else if (state.status !== 'ready') update({ status: 'ready', error: undefined });
        failures = 0;
        return jitter(interval, random);
      } catch (error) {
        return fail(error as StatusFetchError);
      }
    }
    if (result.retry === 'stop') {
      halted = true;
      warnOnce(`http:${result.error.status}`, `${endpoint} answered HTTP ${result.error.status}; not asking again.`);
      update({ status: 'error', error: result.error });
      return undefined;
    }
    return fail(result.error, result.retryAfter);
  }

  function fail(error: StatusFetchError, retryAfter?: number): number {
    failures += 1;
    // Our failure to reach the endpoint is not an outage: the last good snapshot stays, marked by `error`.
    update({ status: state.snapshot ? 'ready' : 'error', error });
    const backoff = backoffDelay(failures - 1, {}, random);
    return retryAfter === undefined ? backoff : retryAfter + Math.floor(random() * Math.min(retryAfter, 5000) * 0.2);
  }

  /** One request at a time; schedules the next when it settles. */
  function run(): Promise<void> {
    if (inflight) return inflight.done;
    const entry = { controller: new AbortController(), done: Promise.resolve() };
    entry.done = (async () => {
      const next = await pollWith(entry.controller);
      if (isCurrent(entry)) inflight = undefined;
      if (next !== undefined) schedule(next);
    })();
    inflight = entry;
    return entry.done;
  }

  function isCurrent(entry: typeof inflight): boolean {
    return inflight === entry;
  }

  /** Resolves with the delay before the next request, or undefined to stop. */
  async function pollWith(controller: AbortController): Promise<number | undefined> {
    if (!endpoint || !fetchFn || destroyed || halted) return undefined;
    const result = await fetchStatus(endpoint, { fetch: fetchFn, signal: controller.signal, timeout, maxBytes, now: Date.now() });
    return settle(result, controller);
  }

  function schedule(delay: number): void {
    clearTimeout(timer);
    timer = undefined;
    // Hidden tabs and offline devices make no requests; the environment listener resumes them.
    if (!running || halted || destroyed || !environment.isVisible() || !environment.isOnline()) return;
    timer = setTimeout(() => {
      timer = undefined;
      void run();
    }, Math.max(0, delay));
  }

  function onEnvironmentChange(): void {
    const online = environment.isOnline();
    const cameOnline = online && !wasOnline;
    wasOnline = online;
    if (!environment.isVisible() || !online) {
      clearTimeout(timer);
      timer = undefined;
      return;
    }
    if (inflight) return;
    // Revalidate soon, but not in lockstep with every other tab and device that just woke up.
    schedule(random() * (cameOnline ? 5000 : 1000));
  }

  function firstDelay(): number {
    const age = state.fetchedAt === undefined ? Infinity : Date.now() - state.fetchedAt;
    // A fresh stored snapshot is already on screen: join the polling cycle at a random phase. Otherwise ask
    // now, with a little jitter so a fleet of reloaded pages does not arrive as one spike.
    return age < interval ? random() * (interval - age) : random() * 500;
  }

  function start(): void {
    if (running || destroyed) return;
    running = true;
    wasOnline = environment.isOnline();
    stopEnvironment = environment.subscribe(onEnvironmentChange);
    void restore().then(() => {
      if (running && !timer && !inflight) schedule(firstDelay());
    });
  }

  function pause(): void {
    running = false;
    clearTimeout(timer);
    timer = undefined;
    inflight?.controller.abort();
    inflight = undefined;
    stopEnvironment?.();
    stopEnvironment = undefined;
  }

  return {
    getSnapshot: () => state,
    subscribe(listener) {
      if (destroyed) return () => {};
      listeners.add(listener);
      start();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) pause();
      };
    },
    async dismiss(noticeId) {
      const notice = state.snapshot?.notices.find((n) => n.id === noticeId);
      if (!notice || destroyed) return;
      const at = Date.now();
      dismissed = { ...dismissed, [noticeId]: { revision: notice.revision, at } };
      update({});
      await restore();
      // Merge with what is stored: another tab may have dismissed something else meanwhile.
      const merged = { ...readDismissals(await safely(() => storage.get(dismissalsKey))), [noticeId]: dismissed[noticeId]! };
      const kept = Object.entries(merged)
        .filter(([, entry]) => at - entry.at < DISMISSALS_KEPT_MS)
        .sort(([, a], [, b]) => b.at - a.at)
        .slice(0, DISMISSALS_KEPT);
      await safely(() => storage.set(dismissalsKey, Object.fromEntries(kept)));
    },
    async refresh() {
      if (destroyed || halted) return;
      await restore();
      clearTimeout(timer);
      timer = undefined;
      await run();
    },
    destroy() {
      if (destroyed) return;
      pause();
      destroyed = true;
      listeners.clear();
      state = { ...state, status: 'stopped' };
    },
  };
}

function finite(value: number | undefined): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
