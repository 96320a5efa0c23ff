// How many requests one client makes during a long outage, in virtual time: the real built core client, a real
// local server answering 503, and a clock that jumps straight to the next due timer once no request is in flight.
//
// Only the client's own timers and `Date.now` are virtual. The requests are real HTTP over loopback, made with
// node:http (whose sockets use Node's internal timers, untouched here) rather than the global fetch, whose
// bundled undici would schedule its own timers on the fake clock.

import http from 'node:http';

const realSetImmediate = setImmediate;

/** A seeded source of numbers in [0, 1) (mulberry32), so every run of the bench draws the same jitter. */
export function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Replaces the global setTimeout, clearTimeout and Date.now with a virtual clock starting at `start` (ms).
 * `run(end, idle)` fires due timers in order, jumping the clock to each, until the next is due after `end`;
 * before each jump it waits for `idle()` to be true and for pending promise work to settle.
 */
function installClock(start) {
  const saved = { setTimeout: globalThis.setTimeout, clearTimeout: globalThis.clearTimeout, now: Date.now };
  const timers = new Map();
  let now = start;
  let ids = 0;
  globalThis.setTimeout = (callback, delay = 0, ...args) => {
    ids += 1;
    timers.set(ids, { due: now + Math.max(0, Number(delay) || 0), callback, args });
    return ids;
  };
  globalThis.clearTimeout = (id) => void timers.delete(id);
  Date.now = () => now;

  /** Lets promise chains, and I/O already under way, run to completion in real time. */
  const settle = async (idle) => {
    do {
      for (let i = 0; i < 5; i += 1) await new Promise((resolve) => realSetImmediate(resolve));
    } while (!idle());
  };

  return {
    now: () => now,
    async run(end, idle) {
      for (;;) {
        await settle(idle);
        // The earliest due; between equals, the first set (Map order is insertion order).
        let next;
        for (const [id, timer] of timers) if (!next || timer.due < next.due) next = { id, ...timer };
        if (!next || next.due >= end) return;
        timers.delete(next.id);
        now = Math.max(now, next.due);
        next.callback(...next.args);
      }
    },
    uninstall() {
      globalThis.setTimeout = saved.setTimeout;
      globalThis.clearTimeout = saved.clearTimeout;
      Date.now = saved.now;
    },
  };
}

/** A server answering every request with `status` (and `Retry-After` when given), logging `Date.now()` of each. */
async function startFailingServer(status, retryAfter) {
  const log = [];
  const server = http.createServer((req, res) => {
    log.push(Date.now());
    const headers = { 'Content-Type': 'text/plain', 'Access-Control-Allow-Origin': '*' };
    if (retryAfter !== undefined) headers['Retry-After'] = String(retryAfter);
    res.writeHead(status, headers).end('unavailable');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/status.json`,
    log,
    close: () => new Promise((resolve) => (server.close(resolve), server.closeAllConnections())),
  };
}

/** A `fetch` over node:http that counts requests in flight until their whole answer is in hand. */
function httpFetch(agent, counter) {
  return (url, init = {}) => {
    counter.inflight += 1;
    return new Promise((resolve, reject) => {
      const req = http.get(url, { agent, headers: init.headers, signal: init.signal }, (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => {
          const headers = new Headers();
          for (const [name, value] of Object.entries(res.headers)) headers.set(name, String(value));
          resolve(new Response(res.statusCode === 204 ? null : Buffer.concat(chunks), { status: res.statusCode, headers }));
        });
      });
      req.on('error', reject);
    }).finally(() => {
      counter.inflight -= 1;
    });
  };
}

/**
 * Requests reaching a server that answers `status` for `minutes`, from one client started when the outage
 * starts. `start(fetch, random)` starts the client and returns the function that stops it.
 */
async function countRequests(start, { minutes, status = 503, retryAfter, seed = 1 }) {
  const server = await startFailingServer(status, retryAfter);
  const agent = new http.Agent({ keepAlive: true });
  const counter = { inflight: 0 };
  const t0 = Date.parse('2026-01-01T00:00:00Z');
  const end = t0 + minutes * 60_000;
  const clock = installClock(t0);
  let stop;
  try {
    stop = start(server.url, httpFetch(agent, counter), seeded(seed));
    await clock.run(end, () => counter.inflight === 0);
  } finally {
    stop?.();
    clock.uninstall();
    agent.destroy();
    await server.close();
  }
  return server.log.filter((at) => at < end).length;
}

/**
 * Mean requests one real client makes during an outage of `minutes`, over `runs` seeded runs.
 *
 * @param {{ createStatusClient: Function, createMemoryStorage: Function }} core The built core package.
 */
export async function outageRequests(core, { minutes = 10, runs = 20, retryAfter } = {}) {
  const environment = { isVisible: () => true, isOnline: () => true, subscribe: () => () => {} };
  let total = 0;
  for (let seed = 1; seed <= runs; seed += 1) {
    total += await countRequests(
      (src, fetch, random) => {
        // A deadline far beyond the outage: the request timer must never be the next one due.
        const storage = core.createMemoryStorage();
        const client = core.createStatusClient({ src, fetch, random, interval: 60, timeout: 1e9, storage, environment });
        client.subscribe(() => {});
        return () => client.destroy();
      },
      { minutes, retryAfter, seed },
    );
  }
  return total / runs;
}

/** The same count for a naive client that asks again 1 s after every failure. */
export function naiveOutageRequests({ minutes = 10 } = {}) {
  return countRequests(
    (src, fetch) => {
      let stopped = false;
      const ask = () => fetch(src).finally(() => stopped || setTimeout(ask, 1000));
      ask();
      return () => (stopped = true);
    },
    { minutes },
  );
}
