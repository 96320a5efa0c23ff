// Reads the upstream status page, politely: conditional requests (ETag, Last-Modified), an interval that
// tightens while something is open, jitter, Retry-After and exponential backoff. A poke (a webhook) asks for an
// early read, then checks again at 5, 15 and 30 s until the page has changed, since a page's JSON often lags its
// webhook; pokes while such a round is on join it, so a flood of them costs one round. It reads with the core's
// own parser and reports each read; what to keep is the relay's business.

import type { StatusSnapshot } from '@status-banner/core';
// Any provider's page may be upstream: the parseStatus that knows them all, without a loader.
import { parseStatus } from '@status-banner/core/providers';
import { systemClock, type Clock } from './clock.js';
import { upstreamCandidates } from './upstream-endpoints.js';
import { createUpstreamRequester } from './upstream-request.js';

export { retryAfterMs, upstreamCandidates } from './upstream-endpoints.js';

/** Options for {@link createUpstreamWatcher}. */
export interface UpstreamWatcherOptions {
  /** A status page's base URL (`https://www.githubstatus.com`) or an endpoint. */
  url: string;
  /** A provider id of the core (`statuspage`, `instatus`, ...); detected when absent. */
  provider?: string;
  /** Called with every read, awaited before the next is scheduled. */
  onRead(read: UpstreamRead): void | Promise<void>;
  /** Default the global `fetch`. */
  fetch?: typeof fetch;
  /** Default the system clock. */
  clock?: Clock;
  /** Default `Math.random`. */
  random?: () => number;
  /** Between reads while nothing is open, in ms. Default 60 000. */
  idleMs?: number;
  /** Between reads while something is open, in ms. Default 20 000. */
  activeMs?: number;
  /** Each interval varies by up to this fraction either way. Default 0.1. */
  jitter?: number;
  /** A read without a complete answer by then fails, in ms. Default 10 000. */
  timeoutMs?: number;
  /** A body larger than this fails, in bytes. Default 5 MiB. */
  maxBytes?: number;
  /** The first wait after a failure, doubled each time, in ms. Default 5000. */
  backoffMs?: number;
  /** The longest wait after failures, in ms. Default 300 000. */
  backoffCapMs?: number;
  /** The longest `Retry-After` honoured, in ms. Default 3 600 000. */
  retryAfterCapMs?: number;
  /** After a poke, further reads this many ms after it until the page changes. Default [5000, 15000, 30000]. */
  pokeFollowUpsMs?: number[];
  /** Sent as User-Agent. */
  userAgent?: string;
}

/** One read of the upstream. */
export type UpstreamRead =
  | {
      ok: true;
      /** The page as the core reads it (every scheduled window kept: banners apply their own lead). */
      snapshot: StatusSnapshot;
      /** Whether it differs from the previous good read. */
      changed: boolean;
      /** 200, or 304 for a conditional read that found nothing new. */
      status: number;
      endpoint: string;
    }
  | {
      ok: false;
      kind: 'network' | 'timeout' | 'http' | 'too-large' | 'format';
      message: string;
      /** The HTTP status, for `http`. */
      status?: number;
      endpoint?: string;
    };

/** Counts of what the watcher did, for `/metrics`. */
export interface UpstreamStats {
  requests: Record<string, number>;
  pokes: { accepted: number; coalesced: number; deferred: number };
  lastSuccessAt?: number;
  lastFailure?: string;
  endpoint?: string;
  provider?: string;
}

/** The upstream poller. */
export interface UpstreamWatcher {
  /** Starts reading (at once). */
  start(): void;
  /** Stops reading; a read in flight is aborted. */
  stop(): void;
  /** Asks for an early read (see the module comment). */
  poke(): void;
  /** Says whether something is open, which tightens the interval. */
  setActive(active: boolean): void;
  /** Reads now, whatever the schedule; resolves once the read is reported. */
  readNow(): Promise<void>;
  running(): boolean;
  /** Resolves once no read is in flight (and its report is done). */
  settled(): Promise<void>;
  stats(): UpstreamStats;
}

// Far enough ahead that every scheduled window is kept.
const WHOLE_FUTURE_SECONDS = 1e11;

/**
 * Creates an upstream watcher.
 *
 * @example
 * const watcher = createUpstreamWatcher({ url: 'https://www.githubstatus.com', onRead: (read) => console.log(read) });
 * watcher.start();
 */
export function createUpstreamWatcher({
  url,
  provider,
  onRead,
  fetch: fetchFn = globalThis.fetch,
  clock = systemClock,
  random = Math.random,
  idleMs = 60_000,
  activeMs = 20_000,
  jitter = 0.1,
  timeoutMs = 10_000,
  maxBytes = 5 * 1024 * 1024,
  backoffMs = 5000,
  backoffCapMs = 300_000,
  retryAfterCapMs = 3_600_000,
  pokeFollowUpsMs = [5000, 15_000, 30_000],
  userAgent = 'status-banner-relay',
}: UpstreamWatcherOptions): UpstreamWatcher {
  const candidates = upstreamCandidates(url, provider);
  let endpoint: { url: string; provider: string } | undefined;
  let lastContent: string | undefined;
  let lastSnapshot: StatusSnapshot | undefined;
  let active = false;
  let isRunning = false;
  let failures = 0;
  /** No read before this (a Retry-After or a backoff). */
  let holdUntil = 0;
  /** Follow-up reads of the current poke round, as epoch ms; empty when no round is on. */
  let followUps: number[] = [];
  let timer: unknown;
  let nextAt = Infinity;
  let inFlight: Promise<void> | undefined;
  let again = false;
  const requester = createUpstreamRequester({ fetch: fetchFn, clock, timeoutMs, maxBytes, userAgent });
  const stats: UpstreamStats = { requests: {}, pokes: { accepted: 0, coalesced: 0, deferred: 0 } };
  const count = (outcome: string) => (stats.requests[outcome] = (stats.requests[outcome] ?? 0) + 1);

  function parse(text: string, as?: string): StatusSnapshot | undefined {
    try {
      return parseStatus(text, { ...(as && { provider: as }), now: new Date(clock.now()), maintenanceLead: WHOLE_FUTURE_SECONDS });
    } catch {
      return undefined;
    }
  }

  async function readOnce(): Promise<UpstreamRead> {
    const targets = endpoint ? [endpoint.url] : candidates;
    let trouble: UpstreamRead | undefined;
    for (const target of targets) {
      // Conditional only for the endpoint whose validators these are; a new endpoint's are kept once found.
      const answer = await requester.request(target, { conditional: endpoint?.url === target && lastContent !== undefined, keep: endpoint?.url === target || !endpoint });
      if ('ok' in answer) {
        count((answer as { kind: string }).kind);
        // The server is in trouble (network, timeout, too large): no more requests this round.
        return answer;
      }
      count(String(answer.status));
      if (answer.status === 304 && endpoint && lastSnapshot) {
        return { ok: true, snapshot: lastSnapshot, changed: false, status: 304, endpoint: target };
      }
      if (answer.status !== 200) {
        const read: UpstreamRead = { ok: false, kind: 'http', status: answer.status, message: `HTTP ${answer.status}`, endpoint: target };
        // The server asked for time, or is in trouble: no more requests this round.
        if (answer.retry !== undefined) return Object.assign(read, { retry: answer.retry });
        if (answer.status >= 500 || answer.status === 429 || answer.status === 408) return read;
        trouble ??= read;
        continue;
      }
      const snapshot = parse(answer.text!, endpoint?.provider ?? provider);
      if (!snapshot) {
        trouble ??= { ok: false, kind: 'format', message: 'not a status payload the core can read', endpoint: target };
        continue;
      }
      endpoint = { url: target, provider: snapshot.provider };
      const content = JSON.stringify([snapshot.page, snapshot.indicator, snapshot.notices, snapshot.components]);
      const changed = content !== lastContent;
      lastContent = content;
      lastSnapshot = snapshot;
      return { ok: true, snapshot, changed, status: 200, endpoint: target };
    }
    return trouble ?? { ok: false, kind: 'format', message: `no status endpoint found for ${url}` };
  }

  function schedule(): void {
    clock.clearTimeout(timer);
    if (!isRunning) return;
    const now = clock.now();
    const base = active ? activeMs : idleMs;
    let at = holdUntil > now ? holdUntil : now + base * (1 - jitter + 2 * jitter * random());
    followUps = followUps.filter((due) => due > now);
    if (holdUntil <= now && followUps.length) at = Math.min(at, followUps[0]!);
    nextAt = at;
    timer = clock.setTimeout(() => void run(), at - now);
  }

  function run(): Promise<void> {
    if (inFlight) {
      again = true;
      return inFlight;
    }
    clock.clearTimeout(timer);
    inFlight = (async () => {
      do {
        again = false;
        const read = await readOnce();
        const now = clock.now();
        if (read.ok) {
          failures = 0;
          holdUntil = 0;
          stats.lastSuccessAt = now;
          stats.endpoint = read.endpoint;
          stats.provider = read.snapshot.provider;
          // The page moved: the poke round has done its job.
          if (read.changed) followUps = [];
        } else {
          failures += 1;
          stats.lastFailure = `${read.kind}: ${read.message}`;
          const backoff = Math.min(backoffCapMs, backoffMs * 2 ** (failures - 1));
          // Equal jitter: never sooner than half the backoff, so a failing page is not hammered.
          let wait = backoff / 2 + random() * (backoff / 2);
          const retry = (read as { retry?: number }).retry;
          if (retry !== undefined) wait = Math.max(wait, Math.min(retry, retryAfterCapMs));
          holdUntil = now + wait;
        }
        try {
          await onRead(read);
        } catch {
          // The relay reports its own troubles; a failed report must not stop the watch.
        }
      } while (again && isRunning && holdUntil <= clock.now());
    })().finally(() => {
      inFlight = undefined;
      schedule();
    });
    return inFlight;
  }

  return {
    start() {
      if (isRunning) return;
      isRunning = true;
      void run();
    },
    stop() {
      isRunning = false;
      clock.clearTimeout(timer);
      requester.abort();
      followUps = [];
    },
    poke() {
      const now = clock.now();
      if (!isRunning || holdUntil > now) {
        // Not ours to read (another node holds the lease), or the page asked for time: Retry-After wins.
        stats.pokes.deferred += 1;
        return;
      }
      if (followUps.length && followUps.at(-1)! > now) {
        stats.pokes.coalesced += 1;
        return;
      }
      stats.pokes.accepted += 1;
      followUps = pokeFollowUpsMs.map((ms) => now + ms);
      void run();
    },
    setActive(value) {
      if (value === active) return;
      active = value;
      // Something opened: the next read comes no later than the tighter interval allows.
      if (value && isRunning && !inFlight && nextAt > clock.now() + activeMs) schedule();
    },
    readNow: () => run(),
    running: () => isRunning,
    async settled() {
      while (inFlight) await inFlight;
    },
    stats: () => ({ ...stats, requests: { ...stats.requests }, pokes: { ...stats.pokes } }),
  };
}
