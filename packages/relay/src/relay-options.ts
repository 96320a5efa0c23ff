// What createRelay accepts, and the checks that turn it into the numbers the relay runs on. Kept apart from the
// wiring so a bad option fails before anything opens, and so the option list reads on its own.

import type { JwtOptions, TokenHash } from './auth.js';
import type { Clock } from './clock.js';
import { RelayError } from './errors.js';
import type { SnapshotSettings } from './snapshot.js';
import type { RelayStore } from './store.js';
import type { HookSecret } from './webhooks.js';

/** Options for {@link createRelay}. Times are in seconds unless the name says otherwise. */
export interface RelayOptions {
  /** Port to listen on; 0 takes a free one. Default 8090. */
  port?: number;
  /** Interface to bind. Default `127.0.0.1`; `0.0.0.0` or `::` to serve beyond this machine. */
  host?: string;
  /** The status page to watch: a base URL or an endpoint the core reads. None: direct notices only. */
  upstream?: string;
  /** Its provider id; detected when absent. */
  provider?: string;
  /** Where the state lives: a store, else a journal in `data`, else Redis at `redis`. */
  store?: RelayStore;
  /** A folder for the journal (one node). */
  data?: string;
  /** A Redis URL (many nodes). */
  redis?: string;
  /** Prefix of the relay's Redis keys. Default `status-banner:`. */
  redisPrefix?: string;
  /** Publish tokens, as hashes. */
  tokens?: TokenHash[];
  /** JWT settings, for teams with an identity provider. */
  jwt?: JwtOptions;
  /** Webhook path secrets, as hashes. */
  hookSecrets?: HookSecret[];
  /** Instatus's webhook signing secret: when set, Instatus webhooks must be signed with it. */
  instatusSigningSecret?: string;
  /** Overrides the page name and link the upstream gives. */
  page?: { name?: string; url?: string };
  /** Between upstream reads while nothing is open. Default 60. */
  pollInterval?: number;
  /** Between upstream reads while something is open. Default 20. */
  pollIntervalActive?: number;
  /** Each interval between upstream reads varies by up to this fraction either way. Default 0.1. */
  pollJitter?: number;
  /** An upstream read without an answer by then fails. Default 10. */
  upstreamTimeout?: number;
  /** After failing reads for this long, the upstream's last good state is marked stale. Default 120. */
  upstreamStaleAfter?: number;
  /** Between heartbeats on each stream. Default 15. */
  heartbeat?: number;
  /** The `retry` streams are told, in ms, plus a random part of up to 1000. Default 2000. */
  retryMs?: number;
  /** Streams held at once; beyond, `503` with `Retry-After`. Default 10 000. */
  maxConnections?: number;
  /** A stream is closed after this long (less up to a tenth, at random); 0 never. Default 3600. */
  maxConnectionAge?: number;
  /** A drain closes streams spread over this long. Default 10. */
  drainSeconds?: number;
  /** The `pollAfterSeconds` hint. Default 30. */
  pollAfterSeconds?: number;
  /** The `staleAfterSeconds` hint. Default 600. */
  staleAfterSeconds?: number;
  /** `max-age` of the snapshot URL (a CDN's copy may be this old, or six times more while it revalidates). Default 5. */
  cacheMaxAge?: number;
  /** Serve the stream; false answers `204`, telling banners to poll. Default true. */
  stream?: boolean;
  /** Serve the console at `/console`. Default true. */
  console?: boolean;
  /** Open direct notices allowed at once. Default 500. */
  maxNotices?: number;
  /** Read the client's address from `X-Forwarded-For`: its last entry, the one a proxy you run added. Default false. */
  trustProxy?: boolean;
  /** Injected for tests: the clock, randomness, and the fetch that reads the upstream. */
  clock?: Clock;
  random?: () => number;
  fetch?: typeof fetch;
  /** Where the relay reports what happens. Default: warnings and errors to stderr. */
  log?: (level: 'info' | 'warn' | 'error', message: string) => void;
}

/** The timings and limits of a relay, checked, with their defaults filled in. */
export interface RelayTimings {
  port: number;
  pollInterval: number;
  pollIntervalActive: number;
  upstreamTimeout: number;
  pollJitter: number;
  upstreamStaleAfter: number;
  heartbeat: number;
  retryMs: number;
  maxConnections: number;
  maxConnectionAge: number;
  drainSeconds: number;
  cacheMaxAge: number;
  maxNotices: number;
  settings: SnapshotSettings;
}

const positive = (name: string, value: number, allowZero = false) => {
  if (!Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) throw new RelayError('invalid-options', `${name} must be a ${allowZero ? 'non-negative' : 'positive'} number, not ${value}`);
  return value;
};

/**
 * Checks the options and fills in defaults, in a fixed order so the same bad options always name the same
 * first fault.
 *
 * @throws {RelayError} `invalid-options` for the first bad option.
 */
export function resolveTimings(options: RelayOptions): RelayTimings {
  const { port = 8090, upstream, page } = options;
  const pollInterval = positive('pollInterval', options.pollInterval ?? 60);
  const pollIntervalActive = positive('pollIntervalActive', options.pollIntervalActive ?? 20);
  const upstreamTimeout = positive('upstreamTimeout', options.upstreamTimeout ?? 10);
  const pollJitter = positive('pollJitter', options.pollJitter ?? 0.1, true);
  if (pollJitter > 0.5) throw new RelayError('invalid-options', `pollJitter must be at most 0.5, not ${pollJitter}`);
  const upstreamStaleAfter = positive('upstreamStaleAfter', options.upstreamStaleAfter ?? 120);
  const heartbeat = positive('heartbeat', options.heartbeat ?? 15);
  const retryMs = positive('retryMs', options.retryMs ?? 2000);
  const maxConnections = positive('maxConnections', options.maxConnections ?? 10_000, true);
  const maxConnectionAge = positive('maxConnectionAge', options.maxConnectionAge ?? 3600, true);
  const drainSeconds = positive('drainSeconds', options.drainSeconds ?? 10, true);
  const cacheMaxAge = positive('cacheMaxAge', options.cacheMaxAge ?? 5, true);
  const maxNotices = positive('maxNotices', options.maxNotices ?? 500);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RelayError('invalid-options', `port must be 0 to 65535, not ${port}`);
  if (upstream !== undefined) {
    try {
      if (!/^https?:$/.test(new URL(upstream).protocol)) throw new Error();
    } catch {
      throw new RelayError('invalid-options', `upstream must be an http(s) URL, not ${upstream}`);
    }
  }
  const settings: SnapshotSettings = {
    ...(page && { page }),
    pollAfterSeconds: positive('pollAfterSeconds', options.pollAfterSeconds ?? 30),
    staleAfterSeconds: positive('staleAfterSeconds', options.staleAfterSeconds ?? 600),
    upstream: upstream !== undefined,
  };
  return {
    port,
    pollInterval,
    pollIntervalActive,
    upstreamTimeout,
    pollJitter,
    upstreamStaleAfter,
    heartbeat,
    retryMs,
    maxConnections,
    maxConnectionAge,
    drainSeconds,
    cacheMaxAge,
    maxNotices,
    settings,
  };
}
