import type { StatusClock } from '../clock.js';
import { resolveEndpoint } from '../discover-endpoint.js';
import type { StatusEnvironment } from '../environment.js';
import type { StatusListener, StatusState, StatusStorage } from '../types.js';

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
  /**
   * Component ids or names: only notices touching them are shown. A group selects its children. When one of them
   * is down and no notice names it, every incident is shown (docs/providers.md, component targeting).
   */
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

/** A number option within bounds, or its default. */
const option = (value: number | undefined, fallback: number, min = 0) => Math.max(min, Number.isFinite(value) ? value! : fallback);

/** The options that are numbers and URLs, resolved once: times in ms (`staleAfter` stays in seconds). */
export interface ClientSettings {
  /** The endpoint, or '' when `src` is unusable. */
  endpoint: string;
  streamUrl?: string;
  fetch?: typeof fetch;
  /** Why the client cannot work at all, if it cannot. */
  error?: TypeError;
  interval: number;
  maxAge: number;
  timeout: number;
  maxBytes: number;
  firstEventTimeout: number;
  heartbeatTimeout: number;
  staleAfter: number;
}

/** Reads `options` (own properties already copied) into settings; never throws. */
export function readSettings(options: StatusClientOptions): ClientSettings {
  // Captured now: a host page that later patches window.fetch neither sees nor breaks our requests.
  const fetchFn = options.fetch ?? globalThis.fetch?.bind(globalThis);
  let endpoint = '';
  let streamUrl: string | undefined;
  let error: TypeError | undefined;
  try {
    endpoint = resolveEndpoint(options.src, options.provider);
    if (options.transport !== 'poll' && (options.stream || options.transport === 'sse')) {
      streamUrl = new URL((options.stream || options.src).trim(), globalThis.document?.baseURI).href;
    }
    if (!fetchFn) throw 0;
  } catch {
    error = new TypeError(`status-banner: cannot fetch "${options.src}"`);
  }
  return {
    endpoint,
    streamUrl,
    fetch: fetchFn,
    error,
    interval: option(options.interval, 60, 1) * 1000,
    maxAge: option(options.maxAge, 600) * 1000,
    timeout: option(options.timeout, 1e4, 1),
    maxBytes: option(options.maxBytes, 1 << 20, 1),
    firstEventTimeout: option(options.firstEventTimeout, 20, 0.1) * 1000,
    heartbeatTimeout: option(options.heartbeatTimeout, 45, 0.1) * 1000,
    staleAfter: option(options.staleAfter, 600),
  };
}
