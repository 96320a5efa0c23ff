// RELIABILITY.md LIFE-06: a day in a visible tab, on a virtual clock. The real client (the built package) polls a
// real local server; only time is simulated: timers fire as soon as nothing is in flight, and Date.now jumps
// with them. After 24 h there must be at most one timer pending, and the client's listener count constant.

import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, it } from 'node:test';

const DAY = 24 * 3600 * 1000;

/** Replaces the global timers and clock; `run` fires due timers in order until `until` (virtual ms). */
function virtualClock() {
  const real = { setTimeout, clearTimeout, now: Date.now };
  const timers = new Map();
  let now = real.now();
  let next = 1;
  // Node's own fetch (undici) arms timers of its own and calls `.unref()` and `.refresh()` on them: those stay
  // real. Only the timers of the code under test are virtual.
  const fromFetch = () => new Error().stack.includes('node:internal/deps/undici');
  globalThis.setTimeout = (fn, ms = 0, ...args) => {
    if (fromFetch()) return real.setTimeout(fn, ms, ...args);
    timers.set(next, { due: now + Math.max(0, ms), fn: () => fn(...args) });
    return next++;
  };
  globalThis.clearTimeout = (id) => (typeof id === 'number' ? timers.delete(id) : real.clearTimeout(id));
  Date.now = () => now;
  return {
    timers,
    get now() {
      return now;
    },
    /** Fires timers until `end`. A request in flight holds only its far-off deadline: then real time passes. */
    async run(end, { realLimitMs = 60_000 } = {}) {
      const tick = () => new Promise((resolve) => real.setTimeout(resolve, 1));
      const giveUp = real.now() + realLimitMs;
      while (now < end) {
        if (real.now() > giveUp) throw new Error(`virtual clock stuck at +${Math.round((now - end + DAY) / 1000)} s`);
        const [id, timer] = [...timers].sort((a, b) => a[1].due - b[1].due)[0] ?? [];
        if (!timer || timer.due - now > DAY) {
          await tick();
          continue;
        }
        timers.delete(id);
        now = Math.max(now, timer.due);
        timer.fn();
        await tick();
      }
    },
    /** Lets real time pass, so what is in flight (a request aborted a moment ago) settles. */
    settle: (ms = 50) => new Promise((resolve) => real.setTimeout(resolve, ms)),
    restore() {
      Object.assign(globalThis, { setTimeout: real.setTimeout, clearTimeout: real.clearTimeout });
      Date.now = real.now;
    },
  };
}

let server;
let url;
let requests = 0;
before(async () => {
  const body = JSON.stringify({ provider: 'native', version: 1, page: {}, indicator: 'minor', components: [], notices: [{ id: 'a', kind: 'incident', title: 'Slow', severity: 'minor', phase: 'investigating', componentIds: [], revision: 'r1' }] });
  server = http.createServer((req, res) => {
    requests += 1;
    res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache' }).end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${server.address().port}/status.json`;
});
after(() => server.close());

it('LIFE-06: 24 hours of polling leave at most one timer pending and no growing listeners', async () => {
  const core = await import('@status-banner/core');
  let listening = 0;
  const environment = {
    isVisible: () => true,
    isOnline: () => true,
    subscribe() {
      listening += 1;
      return () => (listening -= 1);
    },
  };
  const clock = virtualClock();
  try {
    // timeout: a deadline far beyond any poll, so the virtual clock never fires it while a request is out.
    const client = core.createStatusClient({ src: url, interval: 60, timeout: 2 * DAY, storage: core.createMemoryStorage(), environment });
    let changes = 0;
    client.subscribe(() => (changes += 1));
    const start = clock.now;
    await clock.run(start + DAY);
    // One poll a minute, ±20 % jitter: about 1 440 in a day, every one answered.
    assert.ok(requests > 1200 && requests < 1800, `${requests} requests`);
    assert.ok(clock.timers.size <= 1, `${clock.timers.size} timers pending`);
    assert.equal(listening, 1);
    // The same answer all day: one change (the first snapshot), not one per poll.
    assert.equal(changes, 1);
    client.destroy();
    // A request in flight at destroy is aborted; its deadline timer goes once the abort has settled.
    await clock.settle();
    assert.equal(clock.timers.size, 0, 'destroy leaves no timer');
    assert.equal(listening, 0);
  } finally {
    clock.restore();
  }
});
