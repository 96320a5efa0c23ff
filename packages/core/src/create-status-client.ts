import { StatusFetchError } from './errors.js';
import { browserEnvironment, type StatusEnvironment } from './environment.js';
import { filterNotices } from './filter-notices.js';
import { parseStatus } from './parse-status.js';
import { createIndexedDbStorage } from './persistence/idb-storage.js';
import { findSource } from './sources/index.js';
import { isRecord } from './sources/normalize.js';
import { backoffDelay } from './transports/backoff.js';
import { fetchStatus, type FetchResult } from './transports/fetch-status.js';
import type { StatusListener, StatusSnapshot, StatusState, StatusStorage } from './types.js';

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
  /** How old a stored snapshot may be and still be shown before the network answers, in seconds. Default 600. */
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

type Dismissals = Record<string, { revision: string; at: number }>;

const DISMISSALS_KEPT_MS = 90 * 864e5;
const warned = new Set<string>();

/** One console line per kind of failure per page, however many clients and retries. */
function warnOnce(kind: string, message: string): void {
  if (!warned.has(kind)) console.warn(`[status-banner] ${message}`);
  warned.add(kind);
}

/** A number option within bounds, or its default. */
const option = (value: number | undefined, fallback: number, min = 0) => Math.max(min, Number.isFinite(value) ? value! : fallback);

/**
 * The URL to fetch for `src`: a bare origin means its Statuspage summary, and a named provider may map a base
 * URL to its endpoint. Throws a TypeError for a URL that cannot be parsed.
 */
export function resolveEndpoint(src: string, provider?: string): string {
  const url = new URL(src.trim(), globalThis.document?.baseURI);
  // A bare origin or an `/api/v2` path is a Statuspage page; any other path is taken as the endpoint itself.
  const source = findSource(provider ?? (/^\/(api\/v2\/?)?$/i.test(url.pathname) ? 'statuspage' : ''));
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
  const {
    components = [],
    maintenanceLead,
    random = Math.random,
    environment = browserEnvironment(),
    storage = createIndexedDbStorage(),
  } = options;
  const interval = option(options.interval, 60, 1) * 1000;
  // Captured now: a host page that later patches window.fetch neither sees nor breaks our requests.
  const fetchFn = options.fetch ?? globalThis.fetch?.bind(globalThis);
  const listeners = new Set<StatusListener>();
  let state: StatusState = { status: 'loading', notices: [] };
  let endpoint = '';
  try {
    endpoint = resolveEndpoint(options.src, options.provider);
    if (!fetchFn) throw 0;
  } catch {
    state = { status: 'error', notices: [], error: new TypeError(`status-banner: cannot fetch "${options.src}"`) };
  }
  const maxAge = option(options.maxAge, 600) * 1000;
  let provider = options.provider;
  let dismissed: Dismissals = {};
  /** The last snapshot applied, as JSON: an answer that parses to the same is no change. */
  let lastKey: string | undefined;
  /** The highest version this session received from the network, and a lower one seen once since. */
  let lastVersion: number | undefined;
  let lowerVersion: number | undefined;
  /** When the endpoint last confirmed the snapshot, and when that was last stored. */
  let checkedAt = 0;
  let savedAt = 0;
  /** No request before this time: backoff and Retry-After set it, and nothing may shorten it. */
  let notBefore = 0;
  let failures = 0;
  let halted = state.status === 'error';
  let destroyed = false;
  let running = false;
  let online = true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inflight: AbortController | undefined;
  let done: Promise<void> = Promise.resolve();
  let restored: Promise<void> | undefined;
  let ready = false;
  let writing: Promise<unknown> = Promise.resolve();
  let stopEnvironment: (() => void) | undefined;
  const snapshotKey = `snapshot:${endpoint}`;
  const dismissalsKey = `dismissals:${endpoint}`;

  function update(patch: Partial<StatusState>): void {
    const next: StatusState = { ...state, ...patch };
    next.notices = next.snapshot
      ? filterNotices(next.snapshot, components).filter((notice) => dismissed[notice.id]?.revision !== notice.revision)
      : [];
    if (!next.error) delete next.error;
    state = next;
    for (const listener of [...listeners]) {
      try {
        listener(state);
      } catch (error) {
        // A listener's bug is the host's: report it as theirs without breaking the other listeners.
        setTimeout(() => {
          throw error;
        });
      }
    }
  }

  /**
   * A storage call that can neither throw, reject nor hang (a custom storage may do all three): a failure, or
   * no answer within 2 s, reads as "nothing stored".
   */
  function stored(key: string, value?: unknown): Promise<unknown> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    return Promise.race([
      Promise.resolve().then(() => (value === undefined ? storage.get(key) : storage.set(key, value))),
      new Promise((resolve) => (timer = setTimeout(resolve, 2000))),
    ])
      .catch(() => undefined)
      .finally(() => clearTimeout(timer));
  }

  function save(): void {
    savedAt = checkedAt;
    void stored(snapshotKey, { snapshot: state.snapshot, fetchedAt: state.fetchedAt, checkedAt });
  }

  /** Stored values outlive code versions and can be corrupted: validate them like any payload. */
  function readDismissals(value: unknown): Dismissals {
    const out: Dismissals = {};
    for (const [id, entry] of Object.entries(isRecord(value) ? value : {})) {
      if (isRecord(entry) && typeof entry.revision === 'string' && typeof entry.at === 'number') {
        out[id] = { revision: entry.revision, at: entry.at };
      }
    }
    return out;
  }

  function parse(payload: unknown, as?: string): StatusSnapshot {
    return parseStatus(payload, { ...(as && { provider: as }), ...(maintenanceLead !== undefined && { maintenanceLead }) });
  }

  function restore(): Promise<void> {
    return (restored ??= Promise.all([stored(dismissalsKey), stored(snapshotKey)]).then(([savedDismissals, saved]) => {
      dismissed = { ...readDismissals(savedDismissals), ...dismissed };
      let snapshot: StatusSnapshot | undefined;
      const { fetchedAt, checkedAt: confirmedAt = fetchedAt } = isRecord(saved) ? (saved as { fetchedAt: number; checkedAt?: number }) : { fetchedAt: NaN };
      const age = Date.now() - confirmedAt;
      if (age >= 0 && age <= maxAge && !state.snapshot && !destroyed) {
        try {
          // Re-read like any payload (it may be corrupt or from an older version) and against today's clock.
          const raw = (saved as { snapshot: StatusSnapshot }).snapshot;
          snapshot = { ...parse(raw, 'native'), provider: String(raw.provider ?? 'native') };
        } catch {
          // A corrupt or outdated value: ignore it.
        }
      }
      ready = true;
      if (snapshot) {
        checkedAt = savedAt = confirmedAt;
        lastKey = JSON.stringify(snapshot);
        update({ status: 'ready', snapshot, fetchedAt });
      } else if (state.snapshot) {
        update({});
      }
    }));
  }

  /** Handles one response; returns the delay before the next request, or undefined to stop. */
  function settle(result: FetchResult): number | undefined {
    let error: StatusFetchError;
    let retry: number | boolean = true;
    if ('text' in result) {
      try {
        // Parsed every time, even when the bytes are the same: which maintenance is due, or over, depends on
        // the clock. What decides "changed" is the snapshot, not the bytes.
        const snapshot = parse(result.text, provider);
        const { version } = snapshot;
        provider ??= snapshot.provider;
        if (version! < lastVersion! && version !== lowerVersion) {
          // A replayed or reordered older version is ignored; served again, the server really went back
          // (a restart, a failover), and it is taken.
          lowerVersion = version;
        } else {
          lastVersion = version;
          lowerVersion = undefined;
          checkedAt = Date.now();
          const key = JSON.stringify(snapshot);
          if (key !== lastKey) {
            lastKey = key;
            update({ status: 'ready', snapshot, fetchedAt: checkedAt, error: undefined });
            save();
          } else {
            if (state.error) update({ status: 'ready', error: undefined });
            // Unchanged: only refresh the stored time now and then, so a reload still finds it fresh.
            if (checkedAt - savedAt > maxAge / 2) save();
          }
        }
        failures = notBefore = 0;
        return interval * (0.8 + 0.4 * random());
      } catch (cause) {
        warnOnce(`format:${(cause as { type: string }).type}`, `${endpoint}: ${(cause as Error).message}`);
        error = new StatusFetchError('format', (cause as Error).message, 0, cause);
      }
    } else {
      ({ error, retry } = result);
    }
    // Our failure to reach the endpoint is not an outage: the last good snapshot stays, marked by `error`.
    update({ status: state.snapshot ? 'ready' : 'error', error });
    if (retry === false) {
      halted = true;
      warnOnce(`http:${error.status}`, `${endpoint}: HTTP ${error.status}, not asking again`);
      return undefined;
    }
    failures += 1;
    const delay = retry === true ? backoffDelay(failures - 1, {}, random) : retry * (1 + 0.2 * random());
    notBefore = Date.now() + delay;
    return delay;
  }

  /** One request at a time; schedules the next when it settles. */
  function run(): Promise<void> {
    if (inflight || halted) return done;
    const abort = (inflight = new AbortController());
    return (done = fetchStatus(endpoint, fetchFn!, abort.signal, option(options.timeout, 1e4, 1), option(options.maxBytes, 1 << 20, 1)).then(
      (result) => {
        if (abort.signal.aborted) return;
        inflight = undefined;
        schedule(settle(result));
      },
    ));
  }

  function schedule(delay: number | undefined): void {
    clearTimeout(timer);
    timer = undefined;
    // Hidden tabs and offline devices make no requests; the environment listener resumes them.
    if (delay !== undefined && running && environment.isVisible() && environment.isOnline()) {
      timer = setTimeout(run, delay);
    }
  }

  function onEnvironmentChange(): void {
    const wasOnline = online;
    online = environment.isOnline();
    if (!environment.isVisible() || !online) return schedule(undefined);
    // Back in view, or back online: revalidate soon, jittered so tabs and devices waking together do not
    // arrive together, but never before a backoff or Retry-After allows. A pending timer is left alone.
    if (!timer && !inflight && ready && running) {
      schedule(Math.max(notBefore - Date.now(), random() * (wasOnline ? 1000 : 5000)));
    }
  }

  function pause(): void {
    running = false;
    schedule(undefined);
    inflight?.abort();
    inflight = undefined;
    stopEnvironment?.();
    stopEnvironment = undefined;
  }

  return {
    getSnapshot: () => state,
    subscribe(listener) {
      if (destroyed) return () => {};
      listeners.add(listener);
      if (!running) {
        running = true;
        online = environment.isOnline();
        stopEnvironment = environment.subscribe(onEnvironmentChange);
        void restore().then(() => {
          const age = Date.now() - checkedAt;
          // A fresh stored snapshot is already on screen: join the polling cycle at a random phase. Otherwise
          // ask now, with a little jitter so a fleet of reloaded pages does not arrive as one spike.
          if (running && !timer && !inflight) schedule(random() * (age < interval ? interval - age : 500));
        });
      }
      return () => {
        listeners.delete(listener);
        if (!listeners.size) pause();
      };
    },
    async dismiss(noticeId) {
      const notice = state.snapshot?.notices.find((n) => n.id === noticeId);
      if (!notice || destroyed) return;
      const at = Date.now();
      dismissed = { ...dismissed, [noticeId]: { revision: notice.revision, at } };
      update({});
      await restore();
      // One write at a time, each merging all of this page's dismissals into what is stored (another tab may
      // have dismissed something else): two quick dismissals cannot lose one. Kept for 90 days.
      await (writing = writing.then(async () => {
        const merged = { ...readDismissals(await stored(dismissalsKey)), ...dismissed };
        await stored(dismissalsKey, Object.fromEntries(Object.entries(merged).filter(([, entry]) => at - entry.at < DISMISSALS_KEPT_MS)));
      }));
    },
    async refresh() {
      await restore();
      schedule(undefined);
      await run();
    },
    destroy() {
      pause();
      destroyed = halted = true;
      listeners.clear();
      state = { ...state, status: 'stopped' };
    },
  };
}
