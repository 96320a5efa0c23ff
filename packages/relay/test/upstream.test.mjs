// Watching the upstream status page: conditional reads, the interval (tighter while something is open), jitter,
// Retry-After, backoff, failures of every kind (500, 429, HTML, garbage, a hang), pokes coalesced; and in the
// relay, the merged view: the last good upstream state kept and marked stale, never shown as all clear, and
// direct notices that outlive upstream changes. Time is a virtual clock; the upstream is a real HTTP server.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createUpstreamWatcher, upstreamCandidates } from '../dist/index.js';
import { virtualClock } from './helpers/clock.mjs';
import { post, startRelay } from './helpers/relay.mjs';
import { startUpstream, statuspageSummary } from './helpers/upstream.mjs';
import { until } from './helpers/wait.mjs';

const INCIDENT = { title: 'API errors', impact: 'major' };

function watch(t, upstream, options = {}) {
  const clock = virtualClock();
  const reads = [];
  const watcher = createUpstreamWatcher({ url: upstream.summaryUrl, clock, random: () => 0.5, onRead: (read) => reads.push(read), ...options });
  t.after(() => watcher.stop());
  const readsBy = (n) => until(() => reads.length >= n, 3000, `${n} reads`);
  return { clock, reads, watcher, readsBy };
}

describe('upstream watcher', () => {
  test('reads at once, then conditionally every 60 s (20 s while something is open), ±10 %', async (t) => {
    const upstream = await startUpstream(t);
    const { clock, reads, watcher, readsBy } = watch(t, upstream);
    watcher.start();
    await readsBy(1);
    assert.deepEqual([reads[0].ok, reads[0].status, reads[0].changed, reads[0].snapshot.provider], [true, 200, true, 'statuspage']);
    assert.equal(upstream.requests[0].ifNoneMatch, undefined);
    assert.match(upstream.requests[0].userAgent, /status-banner-relay/);

    await clock.advance(59_999);
    assert.equal(upstream.requests.length, 1, 'nothing before the interval');
    await clock.advance(1);
    await readsBy(2);
    assert.deepEqual([reads[1].status, reads[1].changed], [304, false]);
    assert.ok(upstream.requests[1].ifNoneMatch, 'the second read is conditional');

    upstream.set({ json: statuspageSummary({ incident: INCIDENT }) });
    watcher.setActive(true);
    await clock.advance(20_000);
    await readsBy(3);
    assert.deepEqual([reads[2].status, reads[2].changed, reads[2].snapshot.notices[0].title], [200, true, 'API errors']);
    await clock.advance(19_999);
    assert.equal(upstream.requests.length, 3);
    await clock.advance(1);
    await readsBy(4);

    watcher.stop();
    const jittered = createUpstreamWatcher({ url: upstream.summaryUrl, clock, random: () => 0, onRead: () => {} });
    t.after(() => jittered.stop());
    const before = upstream.requests.length;
    jittered.start();
    await until(() => upstream.requests.length === before + 1, 3000, 'the jittered watcher’s first read');
    await clock.advance(54_000);
    await until(() => upstream.requests.length === before + 2, 3000, 'a read at 54 s: 60 s less 10 %');
  });

  test('backs off on 500s, honours Retry-After, and comes back', async (t) => {
    const upstream = await startUpstream(t, { status: 500 });
    const { clock, reads, watcher, readsBy } = watch(t, upstream);
    watcher.start();
    await readsBy(1);
    assert.deepEqual([reads[0].ok, reads[0].kind, reads[0].status], [false, 'http', 500]);
    // Equal jitter with random 0.5: 3.75 s, then 7.5 s, then 15 s.
    await clock.advance(3_749);
    assert.equal(upstream.requests.length, 1);
    await clock.advance(1);
    await readsBy(2);
    await clock.advance(7_500);
    await readsBy(3);
    upstream.set({ status: 429, retryAfter: 120 });
    await clock.advance(15_000);
    await readsBy(4);
    await clock.advance(119_000);
    assert.equal(upstream.requests.length, 4, 'Retry-After: 120 is honoured over the backoff');
    await clock.advance(1_000);
    await readsBy(5);
    upstream.set({ json: statuspageSummary() });
    await clock.advance(120_000);
    await readsBy(6);
    assert.equal(reads[5].ok, true);
  });

  test('reports HTML, garbage, an unknown shape and a hang as failures, never as a status', async (t) => {
    const upstream = await startUpstream(t, { json: '<!doctype html><title>Down for maintenance</title>', type: 'text/html' });
    const { clock, reads, watcher, readsBy } = watch(t, upstream, { backoffMs: 1000, timeoutMs: 10_000 });
    watcher.start();
    await readsBy(1);
    assert.deepEqual([reads[0].ok, reads[0].kind], [false, 'format']);
    upstream.set({ json: '{"incidents": [oops' });
    await clock.advance(1000);
    await readsBy(2);
    assert.deepEqual([reads[1].ok, reads[1].kind], [false, 'format']);
    upstream.set({ json: { hello: 'world' } });
    await clock.advance(2000);
    await readsBy(3);
    assert.equal(reads[2].kind, 'format');
    upstream.set({ hang: true });
    await clock.advance(4000);
    await until(() => upstream.requests.length === 4, 3000, 'the hanging request');
    assert.equal(reads.length, 3, 'still waiting');
    await clock.advance(10_000);
    await readsBy(4);
    assert.deepEqual([reads[3].ok, reads[3].kind], [false, 'timeout']);
  });

  test('a flood of pokes costs one round: at once, then 5, 15 and 30 s later until the page changes', async (t) => {
    const upstream = await startUpstream(t);
    const { clock, watcher, readsBy, reads } = watch(t, upstream);
    watcher.start();
    await readsBy(1);
    for (let i = 0; i < 100; i += 1) watcher.poke();
    await readsBy(2);
    assert.equal(upstream.requests.length, 2, 'one read for a hundred pokes');
    await clock.advance(5_000);
    await readsBy(3);
    await clock.advance(10_000);
    await readsBy(4);
    for (let i = 0; i < 100; i += 1) watcher.poke();
    await clock.advance(15_000);
    await readsBy(5);
    assert.equal(upstream.requests.length, 5, 'pokes during the round join it');
    assert.deepEqual(watcher.stats().pokes, { accepted: 1, coalesced: 199, deferred: 0 });
    // The round is over: the next comes at the interval, 60 s after the last read.
    await clock.advance(59_999);
    assert.equal(upstream.requests.length, 5);

    // A round ends as soon as the page has changed.
    upstream.set({ json: statuspageSummary({ incident: INCIDENT }) });
    watcher.poke();
    await readsBy(6);
    assert.equal(reads[5].changed, true);
    await clock.advance(30_000);
    assert.equal(upstream.requests.length, 6, 'no follow-ups once the change is seen');
  });

  test('finds the endpoint of a base URL', async (t) => {
    assert.deepEqual(upstreamCandidates('https://status.example.com', 'statuspage'), ['https://status.example.com/api/v2/summary.json']);
    assert.equal(upstreamCandidates('https://status.example.com')[0], 'https://status.example.com/api/v2/summary.json');
    const upstream = await startUpstream(t);
    const reads = [];
    const watcher = createUpstreamWatcher({ url: upstream.url, clock: virtualClock(), onRead: (read) => reads.push(read) });
    t.after(() => watcher.stop());
    watcher.start();
    await until(() => reads.length, 3000, 'a read');
    assert.equal(reads[0].ok, true);
    assert.equal(reads[0].endpoint, upstream.summaryUrl);
  });
});

describe('the merged view', () => {
  async function relayOn(t, upstream, options = {}) {
    const clock = virtualClock();
    const relay = await startRelay(t, { upstream: upstream.summaryUrl, clock, random: () => 0.5, upstreamStaleAfter: 120, ...options });
    const snapshot = () => fetch(`${relay.url}/status.json`).then((res) => res.json());
    return { relay, clock, snapshot };
  }

  test('shows the upstream and direct notices together; a direct notice outlives upstream changes until resolved', async (t) => {
    const upstream = await startUpstream(t, { json: statuspageSummary({ incident: INCIDENT, components: [{ id: 'api', name: 'API', status: 'partial_outage' }] }) });
    const { relay, clock, snapshot } = await relayOn(t, upstream);
    await until(async () => (await snapshot()).notices?.length === 1, 3000, 'the upstream incident');
    const first = await snapshot();
    assert.equal(first.page.name, 'Upstream Cloud');
    assert.deepEqual(first.components, [{ id: 'api', name: 'API', status: 'partial_outage' }]);
    assert.deepEqual(first.upstream, { state: 'ok', since: new Date(clock.now()).toISOString(), provider: 'statuspage' });

    const { id } = await post(relay.url, { title: 'Checkout is slow', severity: 'critical', message: 'We know.' });
    const merged = await snapshot();
    assert.deepEqual(merged.notices.map((n) => n.title), ['Checkout is slow', 'API errors'], 'most severe first');
    assert.equal(merged.indicator, 'critical');

    upstream.set({ json: statuspageSummary() });
    await clock.advance(20_000); // the active interval: something is open
    await until(async () => (await snapshot()).notices?.length === 1, 3000, 'the upstream all clear');
    const after = await snapshot();
    assert.deepEqual(after.notices.map((n) => n.id), [id], 'the direct notice stays');
    assert.equal(after.indicator, 'critical');

    const res = await fetch(`${relay.url}/v1/notices/${id}/resolve`, { method: 'POST', headers: { Authorization: 'Bearer test-token-for-ops' } });
    assert.equal(res.status, 200);
    const clear = await snapshot();
    assert.deepEqual([clear.indicator, clear.notices], ['none', []]);
  });

  test('keeps the last good upstream state when it fails, marks it stale after a while, and never shows all clear or an outage', async (t) => {
    const upstream = await startUpstream(t, { json: statuspageSummary({ incident: INCIDENT }) });
    const { relay, clock, snapshot } = await relayOn(t, upstream);
    await until(async () => (await snapshot()).notices?.length === 1, 3000, 'the upstream incident');
    const good = await snapshot();
    const failures = [{ status: 500 }, { status: 502, body: '<html>Bad gateway</html>' }, { json: 'garbage' }];
    let stale;
    for (let step = 0; step < 40 && !stale; step += 1) {
      upstream.set(failures[step % failures.length]);
      await clock.advance(10_000);
      await relay.upstream.settled();
      const now = await snapshot();
      if (now.upstream.state === 'stale') stale = { at: clock.now(), now };
      else assert.equal(now.version, good.version, 'nothing changes before it is marked stale');
    }
    assert.ok(stale, 'marked stale');
    assert.ok(stale.at - Date.parse(good.upstream.since) >= 120_000, 'not before 120 s of failures');
    assert.deepEqual(stale.now.notices, good.notices, 'the last good notices kept');
    assert.equal(stale.now.indicator, 'major', 'never all clear, never worse');
    assert.ok(stale.now.version > good.version);
    assert.match(relay.metrics.render(), /^relay_upstream_stale 1$/m);

    upstream.set({ json: statuspageSummary() });
    for (let step = 0; step < 20 && (await snapshot()).upstream.state !== 'ok'; step += 1) {
      await clock.advance(60_000);
      await relay.upstream.settled();
    }
    assert.equal((await snapshot()).upstream.state, 'ok', 'back to ok');
    assert.deepEqual((await snapshot()).notices, []);
  });

  test('before the upstream was ever read it answers 503, not an all clear; a direct notice is served meanwhile', async (t) => {
    const upstream = await startUpstream(t, { hang: true });
    const { relay, snapshot } = await relayOn(t, upstream);
    const first = await fetch(`${relay.url}/status.json`);
    assert.equal(first.status, 503);
    assert.equal(first.headers.get('retry-after'), '5');
    assert.equal((await fetch(`${relay.url}/stream`)).status, 503);
    assert.equal((await fetch(`${relay.url}/readyz`)).status, 503);
    await post(relay.url, { title: 'Status page down, we are on it', severity: 'major' });
    const served = await snapshot();
    assert.deepEqual([served.notices[0].title, served.upstream.state], ['Status page down, we are on it', 'unknown']);
  });
});
