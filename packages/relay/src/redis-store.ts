// The store for many nodes: Redis 7 is the source of truth and the fan-out between nodes. The state is one JSON
// document under a version; a Lua script checks the version a node planned against, then sets the new state,
// bumps the version and appends the state to a stream, in one atomic step (and records the idempotency key with
// it). Every node follows the stream with XREAD from the last entry it read, so a node that lost Redis for a
// while resumes exactly where it was: nothing is missed, as it could be with pub/sub. A Redis that comes back
// behind (a restart without its data, a failover to a lagging replica) is caught by its epoch and version, and
// the nodes write back what they hold. One node at a time holds the lease (SET NX PX, renewed) that makes it
// the upstream's only reader (redis-lease.ts).

import { randomBytes } from 'node:crypto';
import { systemClock, type Clock } from './clock.js';
import { RelayError } from './errors.js';
import { applyPatch, emptyState, isEmptyPatch, type DirectNotice, type RelayState } from './model.js';
import { connectRedis, redact, sendCommand, type RedisClient } from './redis-connection.js';
import { createRedisLease } from './redis-lease.js';
import { COMMIT, SYNC } from './redis-scripts.js';
import { listeners, type CommitOutcome, type Idempotency, type Planner, type RelayStore, type StoreHealth } from './store.js';

/** Options for {@link createRedisStore}. */
export interface RedisStoreOptions {
  /** `redis://[user:password@]host:port[/db]` (or `rediss://`). */
  url: string;
  /** Prefix of every key. Default `status-banner:`; one relay cluster per prefix. */
  prefix?: string;
  /** Default the system clock. */
  clock?: Clock;
  /** How long the lease lasts without renewal, in ms. Default 15 000; renewed every third of it. */
  leaseMs?: number;
  /** Stream entries kept (approximately). Default 1000. */
  streamLength?: number;
  /** How long an idempotency key is remembered, in ms. Default 24 h. */
  idempotencyMs?: number;
  /** Replicas that must acknowledge a write before it is (Redis WAIT). Default 0. */
  waitReplicas?: number;
  /** Deadline of each Redis command, in ms. Default 5000. */
  commandTimeoutMs?: number;
  /** Where a node's troubles are reported. Default nowhere. */
  log?: (message: string) => void;
  /** A name for this node in the lease and pokes. Default random. */
  nodeId?: string;
}

/**
 * A store in Redis, shared by every node of a cluster.
 *
 * @example
 * const store = createRedisStore({ url: 'redis://127.0.0.1:6379' });
 * const relay = await createRelay({ store, tokens });
 */
export function createRedisStore({
  url,
  prefix = 'status-banner:',
  clock = systemClock,
  leaseMs = 15_000,
  streamLength = 1000,
  idempotencyMs = 24 * 3600_000,
  waitReplicas = 0,
  commandTimeoutMs = 5000,
  log = () => {},
  nodeId = randomBytes(6).toString('hex'),
}: RedisStoreOptions): RelayStore {
  const key = (name: string) => `${prefix}${name}`;
  const KEYS = { version: key('version'), state: key('state'), events: key('events'), epoch: key('epoch'), pokes: key('pokes'), lease: key('lease') };
  // Opened on open (redis-connection.ts).
  let client!: RedisClient;
  let reader!: RedisClient;

  let state = emptyState();
  let epoch = randomBytes(8).toString('hex');
  let cursor = '0-0';
  let pokeCursor = '0-0';
  /** How long a read of the streams waits for news: Redis answers within it (`null` when there is none). */
  const BLOCK_MS = Math.min(2000, commandTimeoutMs);
  /** When Redis last answered a read of the streams (monotonic ms). */
  let heardAt = performance.now();
  let closed = false;
  let connected = false;
  let resyncNeeded = false;
  let lastError = '';
  let reading: Promise<void> | undefined;
  const changes = listeners<[RelayState]>();
  const pokes = listeners<[]>();

  async function connect(): Promise<void> {
    ({ client, reader } = await connectRedis(url, commandTimeoutMs, {
      onError: (message) => (lastError = message),
      onReady: () => {
        connected = true;
        // After a reconnect the Redis may not be the one we left (restarted, failed over): check before trusting it.
        resyncNeeded = true;
      },
      onDown: () => (connected = false),
    }));
  }

  const send = (args: string[], timeout = commandTimeoutMs) => sendCommand(client, args, timeout);
  const lease = createRedisLease({ send, key: KEYS.lease, nodeId, leaseMs, clock, closed: () => closed });
  const leaseHeld = lease.held;

  function adopt(next: RelayState): void {
    if (next.version <= state.version) return;
    state = next;
    changes.emit(state);
  }

  /** The lowest version the next write may take: above any this node has served. */
  let floor = 0;

  /** The state and where both streams end, read together. */
  async function load() {
    const [redisEpoch, version, json, last, lastPoke] = (await send(['EVAL', SYNC, '5', KEYS.version, KEYS.state, KEYS.epoch, KEYS.events, KEYS.pokes])) as string[];
    return { redisEpoch: redisEpoch!, version: Number(version), remote: json ? (JSON.parse(json) as RelayState) : emptyState(), last: last!, lastPoke: lastPoke! };
  }

  /** Catches up with Redis; when Redis is behind what this node holds, writes back what it holds. */
  async function resync(): Promise<void> {
    resyncNeeded = false;
    try {
      const { redisEpoch, version, remote, last, lastPoke } = await load();
      cursor = last;
      // Pokes are read on from where this node was: one that came while it resynced still gets its read.
      if (pokeCursor === '0-0') pokeCursor = lastPoke;
      if ((redisEpoch && redisEpoch === epoch && version >= state.version) || state.version === 0) {
        // Redis is where this node left it, or this node holds nothing yet: Redis as it is.
        if (redisEpoch) epoch = redisEpoch;
        adopt(remote);
        return;
      }
      const held = state;
      log(`Redis is not where this node left it (version ${version}, epoch ${redisEpoch || 'none'}; this node holds ${held.version}): writing back what it holds`);
      epoch = redisEpoch || randomBytes(8).toString('hex');
      floor = Math.max(floor, held.version);
      // Plan against what Redis has (its version checks the write), adding back every notice it lacks or holds an
      // older copy of, under a version above both, so no banner sees a version go down.
      // (Planned on Redis's copy, never taken as this node's own before it is written: until then, and if the
      // write fails (Redis still read-only, out of memory, gone again), this node serves what it holds, and the
      // next resync writes it back.)
      const outcome = await attempt(
        (base, v) => {
          const set: DirectNotice[] = Object.values(held.notices).filter((notice) => (base.notices[notice.id]?.revision ?? 0) < notice.revision);
          return { patch: { ...(set.length && { set }), upstream: base.upstream ?? held.upstream }, result: v };
        },
        undefined,
        true,
        remote,
      );
      // Nothing to write back: Redis holds it all already.
      if (!outcome.changed) state = outcome.state;
    } catch (error) {
      resyncNeeded = true;
      throw error;
    }
  }

  /**
   * Writes and resyncs of this node go one at a time: writes would only race each other, and a resync that
   * read Redis just before this node's own write landed would take Redis for behind.
   */
  let tail: Promise<unknown> = Promise.resolve();
  function exclusive<R>(task: () => Promise<R>): Promise<R> {
    const run = tail.then(task);
    tail = run.catch(() => {});
    return run;
  }
  const commitLoop = <R>(plan: Planner<R>, idempotency: Idempotency | undefined) => exclusive(() => attempt(plan, idempotency, false));
  const resyncOnce = () => exclusive(async () => (resyncNeeded ? resync() : undefined));

  /** One write, planned again after each race lost to another node. `inner`: within a resync. */
  async function attempt<R>(plan: Planner<R>, idempotency: Idempotency | undefined, inner: boolean, from?: RelayState): Promise<CommitOutcome<R>> {
    for (let tries = 0; ; tries += 1) {
      if (closed) throw new RelayError('unavailable', 'The store is closed');
      if (!connected) throw new RelayError('unavailable', `Redis is unreachable${lastError ? `: ${lastError}` : ''}`);
      if (resyncNeeded && !inner) await resync();
      // `from`: Redis's copy, which a write-back plans on without serving it.
      const base = from ?? state;
      const above = Math.max(base.version, floor);
      // The first version follows the clock (ms), so a cluster that starts over never goes behind a version a
      // banner still shows; every later one is one more than any this node has seen.
      const version = base.version === 0 ? Math.max(above, clock.now()) + 1 : above + 1;
      const { patch, result } = plan(base, version);
      if (isEmptyPatch(patch) && !idempotency) return { state: base, result, replayed: false, changed: false };
      const next = isEmptyPatch(patch) ? base : applyPatch(base, patch, version);
      const record = idempotency ? JSON.stringify({ fingerprint: idempotency.fingerprint, result }) : '';
      const idemKey = idempotency ? key(`idem:${idempotency.key}`) : key('idem:');
      if (isEmptyPatch(patch)) {
        // Nothing to change, but the answer is remembered so a retry gets the same one.
        const set = (await send(['SET', idemKey, record, 'PX', String(idempotencyMs), 'NX'])) as string | null;
        if (set === null) return replay(idemKey, idempotency!, base);
        return { state: base, result, replayed: false, changed: false };
      }
      const reply = (await send([
        'EVAL', COMMIT, '5', KEYS.version, KEYS.state, KEYS.events, KEYS.epoch, idemKey,
        String(base.version), String(version), JSON.stringify(next), epoch, record, String(idempotencyMs), String(streamLength),
      ])) as string[];
      if (reply[0] === 'ok') {
        if (waitReplicas > 0) await send(['WAIT', String(waitReplicas), String(commandTimeoutMs)], commandTimeoutMs * 2);
        adopt(next);
        return { state: next, result, replayed: false, changed: true };
      }
      if (reply[0] === 'dup') return decide(JSON.parse(reply[1]!), idempotency!, base);
      // Another node wrote first ('stale'), or Redis is not the one we knew ('epoch'): catch up and plan again.
      if (tries >= 50) throw new RelayError('conflict', 'Too many concurrent writes; try again');
      if (!inner) {
        if (reply[0] === 'epoch') resyncNeeded = true;
        else {
          const { redisEpoch, remote } = await load();
          if (redisEpoch === epoch) adopt(remote);
          else resyncNeeded = true;
        }
        continue;
      }
      const { redisEpoch, remote } = await load();
      if (redisEpoch) epoch = redisEpoch;
      if (from) from = remote;
      else state = remote;
    }
  }

  async function replay<R>(idemKey: string, idempotency: Idempotency, base: RelayState): Promise<CommitOutcome<R>> {
    const stored = (await send(['GET', idemKey])) as string | null;
    if (stored === null) throw new RelayError('conflict', 'Try again');
    return decide(JSON.parse(stored), idempotency, base);
  }

  function decide<R>(stored: { fingerprint: string; result: R }, idempotency: Idempotency, base: RelayState): CommitOutcome<R> {
    if (stored.fingerprint !== idempotency.fingerprint) {
      throw new RelayError('conflict', 'This Idempotency-Key was used for another request', 'Idempotency-Key');
    }
    return { state: base, result: stored.result, replayed: true, changed: false };
  }

  /** Follows the events stream (every node) and the pokes stream (acted on by the lease holder). */
  async function read(): Promise<void> {
    while (!closed) {
      try {
        if (resyncNeeded && connected) await resyncOnce();
        const reply = (await reader.sendCommand(['XREAD', 'COUNT', '100', 'BLOCK', String(BLOCK_MS), 'STREAMS', KEYS.events, KEYS.pokes, cursor, pokeCursor])) as
          | [string, [string, string[]][]][]
          | Record<string, [string, string[]][]>
          | null;
        heardAt = performance.now();
        // The client answers with a map of stream name to entries (RESP2 gives pairs): either is read.
        for (const [stream, entries] of Array.isArray(reply) ? reply : Object.entries(reply ?? {})) {
          for (const [id, fields] of entries) {
            if (stream === KEYS.pokes) {
              pokeCursor = id;
              if (leaseHeld() && fields[1] !== nodeId) pokes.emit();
              continue;
            }
            cursor = id;
            const field = (name: string) => fields[fields.indexOf(name) + 1];
            if (field('e') !== epoch) {
              resyncNeeded = true;
              continue;
            }
            adopt(JSON.parse(field('s')!) as RelayState);
          }
        }
      } catch (error) {
        if (closed) return;
        lastError = (error as Error).message;
        resyncNeeded = true;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  }

  return {
    kind: 'redis',
    async open() {
      try {
        await connect();
      } catch (cause) {
        throw new RelayError('unavailable', `Cannot reach Redis at ${redact(url)}: ${(cause as Error).message}`, undefined, undefined, { cause });
      }
      connected = true;
      resyncNeeded = true;
      await resyncOnce();
      reading = read();
      await lease.renew();
      return state;
    },
    state: () => state,
    commit: (plan, options = {}) => commitLoop(plan, options.idempotency),
    onChange: changes.add,
    lease: { held: leaseHeld, onChange: lease.onChange },
    async poke() {
      if (leaseHeld()) pokes.emit();
      await send(['XADD', KEYS.pokes, 'MAXLEN', '~', '100', '*', 'n', nodeId]);
    },
    onPoke: pokes.add,
    health(): StoreHealth {
      if (closed) return { ok: false, detail: 'closed' };
      if (!connected) return { ok: false, detail: `redis unreachable: ${lastError}` };
      // Connected, but silent: Redis stuck, or a route that drops packets without closing anything. What this
      // node serves no longer follows the cluster, so it is not ready until Redis answers again.
      const silent = performance.now() - heardAt;
      if (silent > BLOCK_MS + commandTimeoutMs) return { ok: false, detail: `redis silent for ${Math.round(silent / 1000)} s` };
      return { ok: true, detail: `redis ${redact(url)} (node ${nodeId}${leaseHeld() ? ', lease holder' : ''})` };
    },
    async close() {
      if (closed) return;
      const held = leaseHeld();
      closed = true;
      await lease.release(held);
      reader?.destroy();
      await reading;
      await client?.close().catch(() => client.destroy());
    },
  };
}
