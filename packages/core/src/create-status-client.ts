import { systemClock, type StatusClock } from './clock.js';
import { StatusFetchError } from './errors.js';
import { browserEnvironment, type StatusEnvironment } from './environment.js';
import { filterNotices } from './filter-notices.js';
import { parseStatus } from './parse-status.js';
import { createEndpointLocator, resolveEndpoint } from './discover-endpoint.js';
import { createIndexedDbStorage } from './persistence/idb-storage.js';
import { isRecord } from './sources/normalize.js';
import { createTabs, type Tabs } from './tabs.js';
import { backoffDelay } from './transports/backoff.js';
import { fetchStatus, type FetchResult } from './transports/fetch-status.js';
import type { StreamEnd } from './transports/sse.js';
import { loadStream } from './lazy.js';
import { own, ownCopy } from './own.js';
import type { StatusListener, StatusSnapshot, StatusState, StatusStorage } from './types.js';

/** Options for {@link createStatusClient}. */
export interface StatusClientOptions {
  /**
   * The status endpoint, or a status page's base URL (`https://www.githubstatus.com`): the client finds the
   * page's endpoint once and remembers it (docs/providers.md). Relative URLs resolve against the document.
   */
  src: string;
  /**
   * A server-sent event stream of the same status in the native protocol (docs/protocol.md). With it the client
   * streams, and polls `src` only when streaming fails.
   */
  stream?: string;
  /**
   * How updates arrive: `sse` streams (from `stream`, else from `src`), `poll` polls `src`, and `auto` (the
   * default) streams when a `stream` URL is given, else polls.
   */
  transport?: 'auto' | 'sse' | 'poll';
  /**
   * Seconds a new stream may say nothing (no event, no heartbeat) before the client polls instead for the rest
   * of the page session: a buffering proxy holds events back. Default 20.
   */
  firstEventTimeout?: number;
  /** Seconds without a byte on an open stream before it counts as dead and the client polls. Default 45. */
  heartbeatTimeout?: number;
  /** A provider id (`statuspage`, `uptimekuma`, … or one from `defineProvider`); detected from the first payload when absent. */
  provider?: string;
  /**
   * Seconds between polls, ±20 % jitter. Default 60, at least 1. A native payload's `pollAfterSeconds` takes
   * precedence; without Web Locks every tab polls, at twice the interval.
   */
  interval?: number;
  /** Component ids or names: only notices touching them are shown. A group selects its children. */
  components?: readonly string[];
  /** How far ahead scheduled maintenance is shown, in seconds. Default 86 400 (24 h). */
  maintenanceLead?: number;
  /**
   * Seconds without a good answer after which what is shown may be out of date: once a refresh then fails (or
   * the device is offline), the state says `stale`. Default 600; a native payload's `staleAfterSeconds` takes
   * precedence.
   */
  staleAfter?: number;
  /** The page's IANA time zone, for providers that write times without one (Cachet). Default UTC. */
  timeZone?: string;
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
  /** The time and the timers: polls, backoff, deadlines and the stream's watchdog. Default the real ones. */
  clock?: StatusClock;
}

/** A live view of one status endpoint. */
export interface StatusClient {
  /** What the client knows now; the same object until something changes. */
  getSnapshot(): StatusState;
  /**
   * Calls `listener` on every change. The first subscriber starts the client; when the last one leaves, it
   * pauses. Returns the function that unsubscribes.
   */
  subscribe(listener: StatusListener): () => void;
  /** Hides a notice until it gets news (a new revision), across reloads and in every tab. Resolves once stored. */
  dismiss(noticeId: string): Promise<void>;
  /** Fetches `src` now, even in a tab that does not lead. Resolves when done; never rejects. */
  refresh(): Promise<void>;
  /** Stops for good: no more requests, timers or listeners. */
  destroy(): void;
}

/** By notice id: a Map, so an id such as `__proto__` is a key like any other. Stored as a plain object. */
type Dismissals = Map<string, { revision: string; at: number }>;

/** What tabs tell each other: a snapshot with when it was fetched and last confirmed, or dismissals. */
interface TabMessage {
  /** A tab that has just been shown asks the leader for what it knows. */
  hello?: boolean;
  snapshot?: unknown;
  fetchedAt?: number;
  checkedAt?: number;
  dismissals?: unknown;
}

const DISMISSALS_KEPT_MS = 90 * 864e5;
/** The largest event a stream may send, in characters. */
const MAX_EVENT = 256 * 1024;

const warned = new Set<string>();

/** One console line per kind of failure per page, however many clients and retries. */
function warnOnce(kind: string, message: string): void {
  if (!warned.has(kind)) console.warn(`[status-banner] ${message}`);
  warned.add(kind);
}

/** A number option within bounds, or its default. */
const option = (value: number | undefined, fallback: number, min = 0) => Math.max(min, Number.isFinite(value) ? value! : fallback);

// Kept importable from here, where it always was.
export { resolveEndpoint };

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
  // Own properties only: an option the caller did not set stays unset, whatever a polluted prototype says.
  options = ownCopy(options);
  const {
    components = [],
    maintenanceLead,
    random = Math.random,
    clock = systemClock,
    environment = browserEnvironment(),
    storage = createIndexedDbStorage(),
  } = options;
  const interval = option(options.interval, 60, 1) * 1000;
  // Captured now: a host page that later patches window.fetch neither sees nor breaks our requests.
  const fetchFn = options.fetch ?? globalThis.fetch?.bind(globalThis);
  const listeners = new Set<StatusListener>();
  let state: StatusState = { status: 'loading', notices: [] };
  let endpoint = '';
  let streamUrl: string | undefined;
  try {
    endpoint = resolveEndpoint(options.src, options.provider);
    if (options.transport !== 'poll' && (options.stream || options.transport === 'sse')) {
      streamUrl = new URL((options.stream || options.src).trim(), globalThis.document?.baseURI).href;
    }
    if (!fetchFn) throw 0;
  } catch {
    state = { status: 'error', notices: [], error: new TypeError(`status-banner: cannot fetch "${options.src}"`) };
  }
  const maxAge = option(options.maxAge, 600) * 1000;
  const timeout = option(options.timeout, 1e4, 1);
  const maxBytes = option(options.maxBytes, 1 << 20, 1);
  const firstWord = option(options.firstEventTimeout, 20, 0.1) * 1000;
  const silence = option(options.heartbeatTimeout, 45, 0.1) * 1000;
  let provider = options.provider;
  let dismissed: Dismissals = new Map();
  /** The last snapshot applied, as JSON: an answer that parses to the same is no change. */
  let lastKey: string | undefined;
  /** The highest version applied, and the lower one that was last turned away. */
  let lastVersion: number | undefined;
  let lowerVersion: number | undefined;
  /** When the endpoint last confirmed the snapshot (in any tab), and when this tab last stored it. */
  let checkedAt = 0;
  let savedAt = 0;
  /** No request before this time: backoff and Retry-After set it, and nothing may shorten it. */
  let notBefore = 0;
  let failures = 0;
  /** Streaming, until the stream fails in a way that says it will not work on this page. */
  let streaming = !!streamUrl;
  let lastEventId: string | undefined;
  /** The server's reconnection time (`retry:`), clamped to [1 s, 10 min]. */
  let retryMs = 2000;
  let halted = state.status === 'error';
  let destroyed = false;
  let running = false;
  let shown = false;
  let leading = false;
  let online = true;
  let cameOnline = false;
  let timer: unknown;
  let watchdog: unknown;
  let inflight: AbortController | undefined;
  let done: Promise<void> = Promise.resolve();
  let restored: Promise<void> | undefined;
  let ready = false;
  let writing: Promise<unknown> = Promise.resolve();
  let stopListening: (() => void) | undefined;
  let tabs: Tabs | undefined;
  /** How far the server's clock is ahead of this device's, in ms, from the last readable Date header. */
  let skew = 0;
  /**
   * Whether every tab of this browser polls on its own: no Web Locks or channel, or they were denied. (Outside a
   * document there are no tabs: Node streams and polls as asked.)
   */
  const unled = () => !!tabs && !tabs.shared && !!globalThis.document;
  const snapshotKey = `snapshot:${endpoint}`;
  const dismissalsKey = `dismissals:${endpoint}`;
  // A base URL's endpoint is found once (discover-endpoint.ts), then remembered; an endpoint is fetched as is.
  /** The origins this client has asked: a page's CSP that blocks any of them blocks us (see onViolation). */
  const asked = new Set<string>();
  const locate = createEndpointLocator(endpoint ? options.src : 'about:blank', {
    provider: options.provider,
    fetch: (url, signal) => {
      asked.add(new URL(url).origin);
      return fetchStatus(url, fetchFn!, signal, timeout, maxBytes, clock);
    },
    memory: { get: (key) => stored(key), set: (key, value) => stored(key, value) },
    now: clock.now,
  });

  function update(patch: Partial<StatusState>): void {
    const next: StatusState = { ...state, ...patch };
    next.notices = next.snapshot
      ? filterNotices(next.snapshot, components).filter((notice) => dismissed.get(notice.id)?.revision !== notice.revision)
      : [];
    if (!next.error) delete next.error;
    if (!next.stale) delete next.stale;
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
   * no answer within 2 s, reads as "nothing stored". What is read comes back as plain data, a copy through JSON:
   * own properties only, no getters, no proxies, nothing shared with the storage's own objects.
   */
  function stored(key: string, value?: unknown): Promise<unknown> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    return Promise.race([
      Promise.resolve().then(() => (value === undefined ? storage.get(key) : storage.set(key, value))),
      new Promise((resolve) => (timer = setTimeout(resolve, 2000))),
    ])
      .then((read) => (value === undefined && read !== undefined ? JSON.parse(JSON.stringify(read)) : undefined))
      .catch(() => undefined)
      .finally(() => clearTimeout(timer));
  }

  function save(): void {
    savedAt = checkedAt;
    void stored(snapshotKey, { snapshot: state.snapshot, fetchedAt: state.fetchedAt, checkedAt });
  }

  /** Stored values outlive code versions and can be corrupted: validate them like any payload. */
  function readDismissals(value: unknown): Dismissals {
    const out: Dismissals = new Map();
    for (const [id, entry] of Object.entries(isRecord(value) ? value : {})) {
      const revision = own(entry, 'revision');
      const at = own(entry, 'at');
      if (typeof revision === 'string' && typeof at === 'number') out.set(id, { revision, at });
    }
    return out;
  }

  /** Both sets of dismissals; for a notice in both, the later dismissal wins. */
  function merge(into: Dismissals, from: Dismissals): Dismissals {
    const out = new Map(into);
    for (const [id, entry] of from) if (!(out.get(id)!?.at >= entry.at)) out.set(id, entry);
    return out;
  }

  /** Dismissals as stored and sent: a plain object (`Object.fromEntries` makes even `__proto__` an own key). */
  const plain = (dismissals: Dismissals) => Object.fromEntries(dismissals);
  const same = (a: Dismissals, b: Dismissals) => JSON.stringify([...a]) === JSON.stringify([...b]);

  /** Read on the server's clock when it told us its time: a device clock a day off cannot open a window early. */
  function parse(payload: unknown, as?: string): StatusSnapshot {
    const now = new Date(clock.now() + skew);
    return parseStatus(payload, {
      now,
      ...(as && { provider: as }),
      ...(maintenanceLead !== undefined && { maintenanceLead }),
      ...(options.timeZone && { timeZone: options.timeZone }),
    });
  }

  /** A snapshot that another tab sent or an earlier page stored, re-read like any payload; undefined if unreadable. */
  function reread(raw: unknown): StatusSnapshot | undefined {
    try {
      return { ...parse(raw, 'native'), provider: String((raw as StatusSnapshot).provider ?? 'native') };
    } catch {
      return undefined;
    }
  }

  /**
   * Takes a snapshot, from the network or another tab, confirmed at `at`. Returns whether it changed what is
   * shown. A version lower than the one applied is turned away once, as a replay or a message from a slower tab;
   * a second in a row (the same, or counting up from it) means the server really went back, and is taken.
   */
  function apply(snapshot: StatusSnapshot, at: number, fetchedAt = at, stored = false): boolean {
    const { version } = snapshot;
    // A stored snapshot sets no version to compare with: the server may have restarted since it was stored.
    if (!stored) {
      if (version! < lastVersion! && !(version! >= lowerVersion!)) {
        lowerVersion = version;
        return false;
      }
      lastVersion = version;
      lowerVersion = undefined;
    }
    checkedAt = Math.max(checkedAt, at);
    const key = JSON.stringify(snapshot);
    if (key === lastKey) {
      if (state.error || state.stale) update({ status: 'ready', error: undefined, stale: undefined });
      return false;
    }
    lastKey = key;
    update({ status: 'ready', snapshot, fetchedAt, error: undefined, stale: undefined });
    return true;
  }

  /** The leader's part after a good answer: store it when it changed, and tell the other tabs. */
  function publish(changed: boolean): void {
    // Unchanged: only refresh the stored time now and then, so a reload still finds it fresh.
    if (changed || checkedAt - savedAt > maxAge / 2) save();
    tabs?.post({ snapshot: state.snapshot, fetchedAt: state.fetchedAt, checkedAt } satisfies TabMessage);
  }

  /** Reads what is stored (at start, and whenever the page is shown again) and takes it if it is newer. */
  function readStored(): Promise<void> {
    return Promise.all([stored(dismissalsKey), stored(snapshotKey)]).then(([savedDismissals, saved]) => {
      const before = dismissed;
      dismissed = merge(dismissed, readDismissals(savedDismissals));
      const fetchedAt = Number(own(saved, 'fetchedAt'));
      const confirmedAt = Number(own(saved, 'checkedAt') ?? fetchedAt);
      const age = clock.now() - confirmedAt;
      const snapshot = age >= 0 && age <= maxAge && confirmedAt > checkedAt && !destroyed ? reread(own(saved, 'snapshot')) : undefined;
      ready = true;
      if (snapshot && apply(snapshot, confirmedAt, fetchedAt, true)) savedAt = confirmedAt;
      else if (state.snapshot && !same(before, dismissed)) update({});
    }).catch((error) => {
      // Nothing stored can keep the client from starting.
      ready = true;
      warnOnce('storage', `${endpoint}: what was stored could not be read (${error?.message ?? error})`);
    });
  }

  function restore(): Promise<void> {
    return (restored ??= readStored());
  }

  function onMessage(data: unknown): void {
    if (!isRecord(data) || destroyed) return;
    const message = ownCopy(data) as TabMessage;
    if (message.dismissals) {
      const merged = merge(dismissed, readDismissals(message.dismissals));
      if (!same(merged, dismissed)) {
        dismissed = merged;
        update({});
      }
    }
    if (message.hello && leading && state.snapshot) publish(false);
    const snapshot = message.snapshot ? reread(message.snapshot) : undefined;
    const at = Number(message.checkedAt);
    if (snapshot && at > 0) apply(snapshot, at, Number(message.fetchedAt) || at);
  }

  function fail(error: StatusFetchError): void {
    // Our failure to reach the endpoint is not an outage: the last good snapshot stays, marked by `error`, and by
    // `stale` once it is older than the stale limit.
    update({ status: state.snapshot ? 'ready' : 'error', error, stale: isOld() });
  }

  /** Whether the snapshot shown has gone unconfirmed for longer than the stale limit. */
  function isOld(): boolean {
    const limit = (state.snapshot?.staleAfterSeconds ?? option(options.staleAfter, 600)) * 1000;
    return !!state.snapshot && clock.now() - checkedAt > limit;
  }


  /**
   * The next delay after a failure: full-jitter backoff, and never sooner than the server's Retry-After (with a
   * little jitter). Retry-After is a floor, not a replacement: `Retry-After: 0` on every 503 must not become a
   * request a second.
   */
  function backoff(retryAfter?: number): number {
    failures += 1;
    const delay = Math.max(backoffDelay(failures - 1, {}, random), (retryAfter ?? 0) * (1 + 0.2 * random()));
    notBefore = clock.now() + delay;
    return delay;
  }

  /** Handles one poll's response; returns the delay before the next, or undefined to stop. */
  function settle(result: FetchResult): number | undefined {
    let error: StatusFetchError;
    let retry: number | boolean = true;
    if ('text' in result) {
      // A Date header has whole seconds: only a gap of more than a few counts as skew.
      if (result.serverTime) skew = Math.abs(result.serverTime - clock.now()) > 5000 ? result.serverTime - clock.now() : 0;
      try {
        // Parsed every time, even when the bytes are the same: which maintenance is due, or over, depends on
        // the clock. What decides "changed" is the snapshot, not the bytes.
        const snapshot = parse(result.text, provider);
        provider ??= snapshot.provider;
        publish(apply(snapshot, clock.now()));
        failures = notBefore = 0;
        return period() * (0.8 + 0.4 * random());
      } catch (cause) {
        warnOnce(`format:${(cause as { type: string }).type}`, `${endpoint}: ${(cause as Error).message}`);
        error = new StatusFetchError('format', (cause as Error).message, 0, cause);
      }
    } else {
      ({ error, retry } = result);
    }
    fail(error);
    if (retry === false) {
      halt(`HTTP ${error.status}, not asking again`, `http:${error.status}`);
      return undefined;
    }
    return backoff(retry === true ? undefined : retry);
  }

  /** Polls the server's way: its `pollAfterSeconds` if it gave one. Twice as slowly when every tab polls. */
  function period(): number {
    const hint = state.snapshot?.pollAfterSeconds;
    return (hint ? Math.min(3_600_000, Math.max(1000, hint * 1000)) : interval) * (unled() ? 2 : 1);
  }

  /**
   * Something that should not happen did (a custom source that throws, a host page that patched a built-in): the
   * poll counts as failed, backs off and goes on. Polling never stops on a bug, and nothing reaches the page.
   */
  function unexpected(error: unknown): number {
    warnOnce('unexpected', `${endpoint}: ${(error as Error)?.message ?? error}; trying again later`);
    fail(new StatusFetchError('network', 'unexpected failure', 0, error));
    return backoff();
  }

  /** One request at a time; the leader schedules the next when it settles. */
  function poll(): Promise<void> {
    if (inflight || halted) return done;
    const abort = (inflight = new AbortController());
    return (done = Promise.resolve()
      .then(() => locate(abort.signal))
      // An aborted request (the tab stepped down, or was destroyed) settles nothing.
      .then((result) => (abort.signal.aborted ? undefined : settle(result)))
      .catch((error) => (abort.signal.aborted ? undefined : unexpected(error)))
      .then((delay) => {
        if (abort.signal.aborted) return;
        inflight = undefined;
        later(poll, delay);
      })
      .catch((error) => warnOnce('unexpected', `${endpoint}: ${error?.message ?? error}`)));
  }

  /** One stream at a time; reconnects, or turns to polling, when it ends. */
  function connect(): void {
    if (inflight || halted) return;
    const abort = (inflight = new AbortController());
    const watch = (ms: number, what: string) => {
      clock.clearTimeout(watchdog);
      // Silence means a buffering proxy or a dead connection that never reported: poll for the session.
      watchdog = clock.setTimeout(() => {
        warnOnce('stream:silent', `${streamUrl}: ${what}; polling instead`);
        abort.abort();
        inflight = undefined;
        turnToPolling(0);
      }, ms);
    };
    const handlers = {
      open: () => watch(firstWord, `nothing in ${firstWord / 1000} s`),
      alive: () => watch(silence, `silent for ${silence / 1000} s`),
      retry: (ms: number) => (retryMs = Math.min(600_000, Math.max(1000, ms))),
      event(data: string, id: string | undefined) {
        // An empty id clears the last one (the parser already drops ids that contain U+0000).
        if (id !== undefined) lastEventId = id || undefined;
        let snapshot: StatusSnapshot;
        try {
          snapshot = parse(data, 'native');
        } catch (cause) {
          warnOnce(`format:${(cause as { type: string }).type}`, `${streamUrl}: ${(cause as Error).message}`);
          return;
        }
        // A real event: the connection is good, and the backoff starts over.
        failures = notBefore = 0;
        publish(apply(snapshot, clock.now()));
      },
    };
    done = loadStream()
      .then(
        (readStream) => (abort.signal.aborted ? ({ end: 'aborted' } as const) : readStream(streamUrl!, fetchFn!, abort.signal, lastEventId, MAX_EVENT, handlers)),
        // The reader could not be loaded (its file is missing, or the page's CSP blocks it): polling works too.
        (error: Error) => (warnOnce('stream:load', `${streamUrl}: the stream reader did not load (${error?.message ?? error}); polling instead`), { end: 'stop' } as const),
      )
      .then((result: StreamEnd) => {
        if (abort.signal.aborted || result.end === 'aborted') return;
        clock.clearTimeout(watchdog);
        inflight = undefined;
        if (result.end === 'ended') {
          // Dropped, or closed cleanly: reconnect after the server's retry time, jittered so a fleet does not
          // return as one, and never sooner than the backoff of a server that keeps closing without a word.
          if (result.failure) {
            const message = result.failure === 'network' ? 'stream lost' : `an event over ${MAX_EVENT} characters`;
            fail(new StatusFetchError(result.failure, message, 0, result.cause));
          }
          const delay = backoff();
          notBefore = clock.now() + Math.max(delay, retryMs * (1 + 0.5 * random()));
          later(connect, notBefore - clock.now());
        } else {
          // 204 asks clients to stop streaming; an error status or another content type says it will not work.
          if (result.end === 'refused') {
            const error = new StatusFetchError('http', result.status === 200 ? 'not an event stream' : `HTTP ${result.status}`, result.status);
            fail(error);
            warnOnce(`stream:${result.status}`, `${streamUrl}: ${error.message}; polling instead`);
          }
          turnToPolling(result.end === 'refused' ? backoff(result.retryAfter) : 0);
        }
      })
      .catch((error) => {
        // A bug, ours or a patched built-in's: poll instead, after a backoff.
        if (abort.signal.aborted) return;
        clock.clearTimeout(watchdog);
        inflight = undefined;
        turnToPolling(unexpected(error));
      });
  }

  function turnToPolling(delay: number): void {
    streaming = false;
    // Soon, not at once: the stream was this tab's source, so its data may be old, but a fleet must not align.
    later(poll, Math.max(delay, random() * 1000));
  }

  /** Runs `work` after `delay` ms, if this tab still leads. */
  function later(work: () => unknown, delay: number | undefined): void {
    clock.clearTimeout(timer);
    timer = undefined;
    if (delay !== undefined && leading && !halted) timer = clock.setTimeout(work, delay);
  }

  /** Leading: start polling or streaming, at a time that respects backoff and spreads a fleet out. */
  function onLead(lead: boolean): void {
    leading = lead;
    // When every tab of a browser leads, six streams would exhaust an HTTP/1.1 origin's connections, the page's
    // own requests included: such tabs poll instead, at half the rate.
    if (unled()) streaming = false;
    if (!lead) {
      clock.clearTimeout(timer);
      clock.clearTimeout(watchdog);
      timer = undefined;
      inflight?.abort();
      inflight = undefined;
      return;
    }
    const wait = notBefore - clock.now();
    const age = clock.now() - checkedAt;
    // Back online, a whole fleet comes back at once: spread it over 5 s.
    const soon = random() * (cameOnline ? 5000 : checkedAt ? 1000 : 500);
    cameOnline = false;
    // Streams open soon. A poll joins the cycle at a random phase when what is shown is fresh (another tab, or an
    // earlier page, just checked), else asks soon, jittered so tabs and devices waking together do not arrive
    // together.
    const delay = streaming ? soon : age < period() ? random() * (period() - age) : soon;
    later(streaming ? connect : poll, Math.max(wait, delay));
  }

  function halt(why: string, kind: string): void {
    halted = true;
    warnOnce(kind, `${endpoint}: ${why}`);
    reconsider();
  }

  /** Brings leadership, the channel and the network in line with the page: idempotent. */
  function reconsider(): void {
    if (!tabs || !ready) return;
    const wasOnline = online;
    online = environment.isOnline();
    // Offline, nothing will confirm what is shown: say so once it is old.
    if (!online && !state.stale && isOld()) update({ stale: true });
    if (online && !wasOnline) cameOnline = true;
    const wasShown = shown;
    shown = running && environment.isVisible();
    // Hidden tabs do nothing at all: no lock, no channel, no timer. Shown again, they catch up from storage.
    tabs.listen(shown);
    if (shown && !wasShown) {
      tabs.post({ hello: true } satisfies TabMessage);
      void readStored();
    }
    tabs.want(shown && online && !halted);
  }

  /** A Content Security Policy that blocks our endpoint: every attempt would file a report, so stop. */
  function onViolation(event: SecurityPolicyViolationEvent): void {
    try {
      // The endpoint found for a base URL may live on another host than `src` (status.io's API, say).
      const blocked = new URL(event.blockedURI).origin;
      if (asked.has(blocked) || [endpoint, streamUrl].some((url) => url && new URL(url).origin === blocked)) {
        halt(`blocked by the page's Content Security Policy (${event.violatedDirective})`, 'csp');
      }
    } catch {
      // `blockedURI` was not a URL ("inline", "eval"): not about us.
    }
  }

  function pause(): void {
    running = false;
    reconsider();
    stopListening?.();
    stopListening = undefined;
  }

  return {
    getSnapshot: () => state,
    subscribe(listener) {
      if (destroyed) return () => {};
      listeners.add(listener);
      if (!running) {
        running = true;
        tabs ??= createTabs(endpoint, onLead, onMessage);
        const stopEnvironment = environment.subscribe(reconsider);
        const doc = globalThis.document;
        doc?.addEventListener('securitypolicyviolation', onViolation);
        stopListening = () => {
          stopEnvironment();
          doc?.removeEventListener('securitypolicyviolation', onViolation);
        };
        void restore().then(() => running && reconsider());
      }
      return () => {
        listeners.delete(listener);
        if (!listeners.size && running) pause();
      };
    },
    async dismiss(noticeId) {
      const notice = state.snapshot?.notices.find((n) => n.id === noticeId);
      if (!notice || destroyed) return;
      const at = clock.now();
      const entry: Dismissals = new Map([[noticeId, { revision: notice.revision, at }]]);
      dismissed = merge(dismissed, entry);
      update({});
      tabs?.post({ dismissals: plain(entry) } satisfies TabMessage);
      await restore();
      // One write at a time, each merging all of this page's dismissals into what is stored (another tab may
      // have dismissed something else): two quick dismissals cannot lose one. Kept for 90 days.
      await (writing = writing.then(async () => {
        const merged = merge(readDismissals(await stored(dismissalsKey)), dismissed);
        await stored(dismissalsKey, plain(new Map([...merged].filter(([, entry]) => at - entry.at < DISMISSALS_KEPT_MS))));
      }));
    },
    async refresh() {
      await restore();
      // A leading stream is as fresh as it gets; otherwise ask now, and the cycle restarts from this answer.
      if (streaming && leading) return;
      if (!inflight) later(poll, undefined);
      await poll();
    },
    destroy() {
      destroyed = halted = true;
      pause();
      tabs?.close();
      listeners.clear();
      state = { ...state, status: 'stopped' };
    },
  };
}
