// The relay: a store, a hub, an upstream watcher, the routes and an HTTP server, wired together. The command
// line (cli.ts) only turns flags, environment and a config file into these options.

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAuthenticator, type JwtOptions, type TokenHash } from './auth.js';
import { systemClock, type Clock } from './clock.js';
import { createConsoleAssets } from './console/assets.js';
import { RelayError } from './errors.js';
import { createHub } from './hub.js';
import { createJournalStore } from './journal-store.js';
import { createMetrics, type Metrics } from './metrics.js';
import { isOpen, type RelayState, type UpstreamRecord } from './model.js';
import { dueChanges, nextDue } from './notices.js';
import { createRedisStore } from './redis-store.js';
import { createRoutes } from './routes.js';
import { publishSnapshot, type PublishedSnapshot, type SnapshotSettings } from './snapshot.js';
import type { RelayStore } from './store.js';
import { createUpstreamWatcher, type UpstreamRead, type UpstreamWatcher } from './upstream-watcher.js';
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
  /** Read the client's address from `X-Forwarded-For` (behind a proxy you run). Default false. */
  trustProxy?: boolean;
  /** Injected for tests: the clock, randomness, and the fetch that reads the upstream. */
  clock?: Clock;
  random?: () => number;
  fetch?: typeof fetch;
  /** Where the relay reports what happens. Default: warnings and errors to stderr. */
  log?: (level: 'info' | 'warn' | 'error', message: string) => void;
}

/** A running relay. */
export interface Relay {
  /** Its base URL, `http://127.0.0.1:PORT`. */
  readonly url: string;
  readonly server: http.Server;
  readonly store: RelayStore;
  readonly metrics: Metrics;
  /** The upstream watcher, when there is an upstream. */
  readonly upstream?: UpstreamWatcher;
  /** The snapshot served now. */
  snapshot(): Record<string, unknown>;
  /** Whether it is ready to serve (the store is healthy, there is something true to serve, not draining). */
  ready(): boolean;
  /**
   * Stops gracefully: refuses new streams and reports not ready at once, closes open streams spread over
   * `drainSeconds` so their clients reconnect elsewhere over that time, then closes.
   */
  drain(): Promise<void>;
  /** Stops at once, dropping every connection. */
  close(): Promise<void>;
}

const positive = (name: string, value: number, allowZero = false) => {
  if (!Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) throw new RelayError('invalid-options', `${name} must be a ${allowZero ? 'non-negative' : 'positive'} number, not ${value}`);
  return value;
};

/**
 * Starts a relay: resolves once it listens.
 *
 * @throws {RelayError} `invalid-options` for bad options; `unavailable` when Redis cannot be reached.
 *
 * @example
 * const relay = await createRelay({
 *   port: 8090,
 *   upstream: 'https://www.githubstatus.com',
 *   data: '/var/lib/status-banner-relay',
 *   tokens: parseTokenHashes(process.env.STATUS_BANNER_RELAY_TOKENS ?? ''),
 * });
 * console.log(relay.url); // banners: src = `${relay.url}/status.json`, stream = `${relay.url}/stream`
 */
export async function createRelay(options: RelayOptions = {}): Promise<Relay> {
  const {
    port = 8090,
    host = '127.0.0.1',
    upstream,
    provider,
    page,
    tokens = [],
    jwt,
    hookSecrets = [],
    instatusSigningSecret,
    clock = systemClock,
    random = Math.random,
    stream = true,
    trustProxy = false,
    log = (level, message) => {
      if (level !== 'info') console.error(`${new Date(clock.now()).toISOString()} ${level} ${message}`);
    },
  } = options;
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
  const auth = createAuthenticator({ tokens, jwt, clock });
  if (!auth.enabled) log('warn', 'no publish tokens and no JWT settings: nobody can post notices');

  const chosen =
    options.store ??
    (options.redis
      ? createRedisStore({ url: options.redis, prefix: options.redisPrefix, clock, log: (message) => log('warn', message) })
      : options.data
        ? createJournalStore({ dir: options.data, clock })
        : undefined);
  if (!chosen) throw new RelayError('invalid-options', 'Give a store: data (a folder for the journal) or redis (a URL)');
  const store: RelayStore = chosen;
  await store.open();
  // A new store starts at the clock (ms) at once, so even its first, empty snapshot has a version no restart
  // goes behind.
  if (store.state().version === 0) {
    await store.commit((state) => ({ patch: state.version === 0 ? { upstream: state.upstream } : {}, result: undefined }));
  }

  const metrics = createMetrics();
  const hub = createHub({
    clock,
    random,
    heartbeatMs: heartbeat * 1000,
    retryMs,
    maxAgeMs: maxConnectionAge * 1000,
    headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'ETag, Retry-After, Date' },
  });
  let published: PublishedSnapshot = publishSnapshot(store.state(), settings);
  let draining = false;
  let closed = false;
  const startedAt = clock.now();
  const broadcasts = metrics.counter('relay_broadcasts_total', 'Snapshots pushed to the open streams');
  let lastFanoutMs = 0;

  // Leader's duties: the upstream and the clock's changes, on whichever node holds the lease.
  let watcher: UpstreamWatcher | undefined;
  let dueTimer: unknown;

  function onState(state: RelayState): void {
    if (state.version <= published.version && published.version !== 0) return;
    published = publishSnapshot(state, settings);
    const started = performance.now();
    hub.broadcast(published);
    lastFanoutMs = performance.now() - started;
    broadcasts.inc();
    // Something open: the upstream is read more often.
    watcher?.setActive((published.snapshot.notices as unknown[]).length > 0);
    armDue();
  }

  function armDue(): void {
    clock.clearTimeout(dueTimer);
    if (closed || !store.lease.held()) return;
    const due = nextDue(store.state());
    if (due === undefined) return;
    // Timers cannot wait longer than about 24.8 days; a later time is re-armed on the way.
    dueTimer = clock.setTimeout(() => {
      const changes = dueChanges(store.state(), clock.now());
      if (!changes.set) return armDue();
      store.commit((state) => ({ patch: dueChanges(state, clock.now()), result: undefined })).catch((error: Error) => {
        log('warn', `the scheduled change could not be written: ${error.message}`);
        dueTimer = clock.setTimeout(armDue, 5000);
      });
    }, Math.min(Math.max(0, due - clock.now()), 2 ** 31 - 1));
  }

  async function onRead(read: UpstreamRead): Promise<void> {
    if (!store.lease.held()) return;
    const now = clock.now();
    const current = store.state().upstream;
    if (read.ok) {
      const { snapshot } = read;
      const record: UpstreamRecord = {
        state: 'ok',
        since: current?.state === 'ok' ? current.since : new Date(now).toISOString(),
        provider: snapshot.provider,
        page: snapshot.page,
        indicator: snapshot.indicator,
        notices: snapshot.notices,
        components: snapshot.components,
      };
      if (JSON.stringify(record) === JSON.stringify(current)) return;
      await store.commit((state) => ({ patch: JSON.stringify(state.upstream) === JSON.stringify(record) ? {} : { upstream: record }, result: undefined }));
      if (current?.state === 'stale') log('info', `upstream readable again (${read.endpoint})`);
      return;
    }
    log('warn', `upstream read failed: ${read.kind}: ${read.message}`);
    // The last good state is kept; once reads have failed for long enough, it is marked stale. Never cleared,
    // never turned into an outage.
    const lastGood = watcher?.stats().lastSuccessAt ?? startedAt;
    if (current?.state === 'ok' && now - lastGood >= upstreamStaleAfter * 1000) {
      const since = new Date(now).toISOString();
      await store.commit((state) => ({ patch: state.upstream?.state === 'ok' ? { upstream: { ...state.upstream, state: 'stale', since } } : {}, result: undefined }));
      log('warn', `upstream marked stale: no good read since ${new Date(lastGood).toISOString()}`);
    }
  }

  if (upstream !== undefined) {
    watcher = createUpstreamWatcher({
      url: upstream,
      provider,
      onRead,
      fetch: options.fetch,
      clock,
      random,
      idleMs: pollInterval * 1000,
      activeMs: pollIntervalActive * 1000,
      jitter: pollJitter,
      timeoutMs: upstreamTimeout * 1000,
      userAgent: 'status-banner-relay/0.1 (+https://www.npmjs.com/package/@status-banner/relay)',
    });
  }

  const leadership = (held: boolean) => {
    if (closed) return;
    if (held) {
      watcher?.start();
      armDue();
    } else {
      watcher?.stop();
      clock.clearTimeout(dueTimer);
    }
  };
  const unsubscribe = [
    store.onChange(onState),
    store.lease.onChange(leadership),
    store.onPoke(() => watcher?.poke()),
  ];

  const ready = () => {
    const health = store.health();
    if (draining) return { ok: false, reason: 'draining' };
    if (!health.ok) return { ok: false, reason: health.detail };
    if (!published.servable) return { ok: false, reason: 'the upstream has not been read yet' };
    return { ok: true, reason: `version ${published.version}` };
  };
  const upstreamStatus = () => {
    if (!upstream) return null;
    const stats = watcher?.stats();
    const record = store.state().upstream;
    return {
      url: upstream,
      provider: record?.provider ?? stats?.provider ?? provider,
      state: record?.state ?? 'unknown',
      since: record?.since,
      endpoint: stats?.endpoint,
      lastSuccessAt: stats?.lastSuccessAt,
      lastFailure: stats?.lastFailure,
      readHere: store.lease.held(),
    };
  };

  metrics.gauge('relay_sse_clients', 'Streams open on this node', () => hub.size());
  metrics.gauge('relay_sse_dropped_total', 'Streams dropped for not keeping up', () => hub.dropped(), 'counter');
  metrics.gauge('relay_sse_aged_out_total', 'Streams closed for their age', () => hub.aged(), 'counter');
  metrics.gauge('relay_snapshot_version', 'The version served', () => published.version);
  metrics.gauge('relay_snapshot_bytes', 'The size of the snapshot served', () => published.body.length);
  metrics.gauge('relay_fanout_last_ms', 'How long the last broadcast took to write to every stream', () => Math.round(lastFanoutMs * 1000) / 1000);
  metrics.gauge('relay_notices_open', 'Open notices: posted here, and from the upstream', () => [
    [{ source: 'direct' }, Object.values(store.state().notices).filter(isOpen).length],
    [{ source: 'upstream' }, store.state().upstream?.notices.length ?? 0],
  ]);
  metrics.gauge('relay_upstream_stale', '1 while the upstream part is its last good state, kept through failing reads', () => (store.state().upstream?.state === 'stale' ? 1 : 0));
  metrics.gauge('relay_upstream_requests_total', 'Upstream requests made by this node, by outcome', () =>
    Object.entries(watcher?.stats().requests ?? {}).map(([outcome, count]) => [{ outcome }, count]),
    'counter',
  );
  metrics.gauge('relay_upstream_last_success_timestamp_seconds', 'When this node last read the upstream', () => Math.floor((watcher?.stats().lastSuccessAt ?? 0) / 1000));
  metrics.gauge('relay_upstream_pokes_total', 'Webhook pokes by what became of them', () =>
    Object.entries(watcher?.stats().pokes ?? {}).map(([outcome, count]) => [{ outcome }, count]),
    'counter',
  );
  metrics.gauge('relay_leader', '1 on the node that reads the upstream', () => (store.lease.held() ? 1 : 0));
  metrics.gauge('relay_store_up', '1 while the store takes writes', () => (store.health().ok ? 1 : 0));
  metrics.gauge('relay_ready', '1 while /readyz says ready', () => (ready().ok ? 1 : 0));
  metrics.gauge('process_resident_memory_bytes', 'Resident memory', () => process.memoryUsage.rss());

  const handler = createRoutes({
    store,
    hub,
    auth,
    metrics,
    clock,
    random,
    settings,
    published: () => published,
    draining: () => draining,
    ready,
    status: () => ({
      version: published.version,
      upstream: upstreamStatus(),
      store: store.health(),
      streams: hub.size(),
      draining,
    }),
    ...(upstream !== undefined && watcher && { upstream: { url: upstream, watcher } }),
    hooks: { secrets: hookSecrets, ...(instatusSigningSecret && { instatusSigningSecret }) },
    ...(options.console !== false && { console: createConsoleAssets() }),
    stream,
    maxConnections,
    maxNotices,
    cacheMaxAgeSeconds: cacheMaxAge,
    trustProxy,
    log,
  });
  const server = http.createServer({ requestTimeout: 30_000, headersTimeout: 20_000, keepAliveTimeout: 5_000 }, handler);
  // Thousands of open streams: the default backlog would refuse connections arriving in a burst.
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) => reject(new RelayError('invalid-options', `cannot listen on ${host}:${port}: ${error.message}`, undefined, undefined, { cause: error })));
    server.listen({ port, host, backlog: 4096 }, () => resolve());
  }).catch(async (error) => {
    for (const stop of unsubscribe) stop();
    await store.close();
    throw error;
  });
  const address = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host}:${address.port}`;
  leadership(store.lease.held());

  async function shutdown(graceful: boolean): Promise<void> {
    if (closed) return;
    if (graceful) {
      draining = true;
      await hub.drain(drainSeconds * 1000);
    }
    closed = true;
    for (const stop of unsubscribe) stop();
    watcher?.stop();
    clock.clearTimeout(dueTimer);
    hub.close();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    await store.close();
  }

  return {
    url,
    server,
    store,
    metrics,
    ...(watcher && { upstream: watcher }),
    snapshot: () => published.snapshot,
    ready: () => ready().ok,
    drain: () => shutdown(true),
    close: () => shutdown(false),
  };
}
