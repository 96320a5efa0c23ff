// The relay: a store, a hub, an upstream watcher, the routes and an HTTP server, wired together. The command
// line (cli.ts) only turns flags, environment and a config file into these options; relay-options.ts checks
// them and relay-gauges.ts reports on what is wired here.

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAuthenticator } from './auth.js';
import { systemClock } from './clock.js';
import { createConsoleAssets } from './console/assets.js';
import { RelayError } from './errors.js';
import { createHub } from './hub.js';
import { createJournalStore } from './journal-store.js';
import { createMetrics, type Metrics } from './metrics.js';
import type { RelayState } from './model.js';
import { dueChanges, nextDue } from './notices.js';
import { createRedisStore } from './redis-store.js';
import { registerRelayGauges } from './relay-gauges.js';
import { resolveTimings, type RelayOptions } from './relay-options.js';
import { createRoutes } from './routes.js';
import { publishSnapshot, type PublishedSnapshot } from './snapshot.js';
import type { RelayStore } from './store.js';
import { createUpstreamRecorder } from './upstream-recorder.js';
import { createUpstreamWatcher, type UpstreamWatcher } from './upstream-watcher.js';

export type { RelayOptions } from './relay-options.js';

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
    host = '127.0.0.1',
    upstream,
    provider,
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
  const timings = resolveTimings(options);
  const { port, pollInterval, pollIntervalActive, upstreamTimeout, pollJitter, upstreamStaleAfter, heartbeat, retryMs } = timings;
  const { maxConnections, maxConnectionAge, drainSeconds, cacheMaxAge, maxNotices, settings } = timings;
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

  const onRead = createUpstreamRecorder({
    store,
    clock,
    upstreamStaleAfter,
    lastGood: () => watcher?.stats().lastSuccessAt ?? startedAt,
    log,
  });

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

  registerRelayGauges({
    metrics,
    hub,
    store,
    published: () => published,
    lastFanoutMs: () => lastFanoutMs,
    watcher: () => watcher,
    ready,
  });

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
