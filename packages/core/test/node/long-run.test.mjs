// RELIABILITY.md LIFE-06: a day in a visible tab, on a virtual clock. The real client (the built package) polls a
// real local server; only time is simulated: the client's clock is the tests' virtual clock, which jumps to the
// next due timer whenever nothing is in flight. After 24 h there must be at most one timer pending, and the
// client's listener count constant.

import assert from 'node:assert/strict';
import { it } from 'node:test';
import { answer, startShapeServer } from '../../../../test/helpers/shape-server.mjs';
import { createVirtualClock } from '../../../../test/helpers/virtual-clock.mjs';

const DAY = 24 * 3600 * 1000;

it('LIFE-06: 24 hours of polling leave at most one timer pending and no growing listeners', async () => {
  const core = await import('@status-banner/core');
  const body = JSON.stringify({ provider: 'native', version: 1, page: {}, indicator: 'minor', components: [], notices: [{ id: 'a', kind: 'incident', title: 'Slow', severity: 'minor', phase: 'investigating', componentIds: [], revision: 'r1' }] });
  const virtual = createVirtualClock();
  const server = await startShapeServer((req, res) => answer.json(res, 200, body, { 'Cache-Control': 'no-cache' }), virtual.clock.now);
  let listening = 0;
  const environment = {
    isVisible: () => true,
    isOnline: () => true,
    subscribe() {
      listening += 1;
      return () => (listening -= 1);
    },
  };
  let started = 0;
  const fetch = (...args) => ((started += 1), globalThis.fetch(...args));
  try {
    const client = core.createStatusClient({ src: `${server.url}/status.json`, interval: 60, fetch, clock: virtual.clock, storage: core.createMemoryStorage(), environment });
    let changes = 0;
    client.subscribe(() => (changes += 1));
    const start = virtual.now;
    await virtual.run(start + DAY, () => server.settled() && started === server.fresh());
    // One poll a minute, ±20 % jitter: about 1 440 in a day, every one answered.
    const requests = server.log.length;
    assert.ok(requests > 1200 && requests < 1800, `${requests} requests`);
    assert.ok(virtual.pending <= 1, `${virtual.pending} timers pending`);
    assert.equal(listening, 1);
    // The same answer all day: one change (the first snapshot), not one per poll.
    assert.equal(changes, 1);
    client.destroy();
    assert.equal(virtual.pending, 0, 'destroy leaves no timer');
    assert.equal(listening, 0);
  } finally {
    await server.close();
  }
});

it('LIFE-07: six hours hidden, then shown: no request while hidden, one at once when shown, not a burst of the timers it missed', async () => {
  const core = await import('@status-banner/core');
  const body = JSON.stringify({ provider: 'native', version: 1, page: {}, indicator: 'none', components: [], notices: [] });
  const virtual = createVirtualClock();
  const server = await startShapeServer((req, res) => answer.json(res, 200, body), virtual.clock.now);
  let visible = true;
  const listeners = new Set();
  const environment = { isVisible: () => visible, isOnline: () => true, subscribe: (listener) => (listeners.add(listener), () => listeners.delete(listener)) };
  const show = (on) => ((visible = on), listeners.forEach((listener) => listener()));
  let started = 0;
  const fetch = (...args) => ((started += 1), globalThis.fetch(...args));
  const idle = () => server.settled() && started === server.fresh();
  const client = core.createStatusClient({ src: `${server.url}/status.json`, interval: 60, fetch, clock: virtual.clock, storage: core.createMemoryStorage(), environment });
  try {
    client.subscribe(() => {});
    // The client starts once it has read its storage: then its first poll is due.
    while (!virtual.pending) await new Promise((resolve) => setImmediate(resolve));
    await virtual.run(virtual.now + 5 * 60_000, idle);
    assert.ok(server.log.length >= 4, `${server.log.length} polls in five minutes`);
    show(false);
    const asked = server.log.length;
    await virtual.run(virtual.now + 6 * 3600_000, idle);
    assert.equal(server.log.length - asked, 0, 'requests while hidden');
    assert.equal(virtual.pending, 0, 'no timer kept while hidden');
    show(true);
    while (!virtual.pending) await new Promise((resolve) => setImmediate(resolve));
    await virtual.run(virtual.now + 2000, idle);
    assert.equal(server.log.length - asked, 1, 'one revalidation within the first two seconds');
  } finally {
    client.destroy();
    await server.close();
  }
});
