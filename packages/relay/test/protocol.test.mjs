// The relay speaks docs/protocol.md exactly: the snapshot URL (strong ETag, 304, caching, CORS) and the stream
// (retry with jitter, the snapshot at once unless Last-Event-ID has it, heartbeats, 204 switch), plus what a
// long-lived server needs: a connection cap, a maximum connection age, a spread drain. Time is a virtual clock.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseStatus } from '@status-banner/core';
import { virtualClock } from './helpers/clock.mjs';
import { post, startRelay } from './helpers/relay.mjs';
import { openStream } from './helpers/sse.mjs';

const START = Date.parse('2024-05-01T12:00:00.000Z');
const KEYS = ['provider', 'version', 'page', 'indicator', 'notices', 'components', 'pollAfterSeconds', 'staleAfterSeconds'];

async function relayWithClock(t, options = {}) {
  const clock = virtualClock(START);
  const relay = await startRelay(t, { clock, random: () => 0.5, ...options });
  return { relay, clock };
}

describe('snapshot URL', () => {
  test('serves the native snapshot with a strong ETag, 304, CDN caching and CORS', async (t) => {
    const { relay } = await relayWithClock(t, { page: { name: 'Acme Cloud', url: 'https://status.acme.example/' } });
    const res = await fetch(`${relay.url}/status.json`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8');
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.match(res.headers.get('access-control-expose-headers'), /Retry-After/);
    assert.match(res.headers.get('access-control-expose-headers'), /Date/);
    assert.equal(res.headers.get('cache-control'), 'public, max-age=5, stale-while-revalidate=30, stale-if-error=86400');
    const etag = res.headers.get('etag');
    assert.match(etag, /^"\d+-[\w-]+"$/, 'a strong ETag');
    const snapshot = await res.json();
    assert.deepEqual(Object.keys(snapshot), KEYS);
    assert.equal(snapshot.version, START, 'a new store starts at the clock');
    assert.deepEqual(snapshot.page, { name: 'Acme Cloud', url: 'https://status.acme.example/' });
    assert.deepEqual([snapshot.indicator, snapshot.notices], ['none', []]);

    const again = await fetch(`${relay.url}/status.json`, { headers: { 'If-None-Match': `"x", W/${etag}` } });
    assert.equal(again.status, 304);
    assert.equal(again.headers.get('etag'), etag);
    assert.equal(await again.text(), '');

    const { version } = await post(relay.url, { title: 'Elevated errors', severity: 'major' });
    const changed = await fetch(`${relay.url}/status.json`, { headers: { 'If-None-Match': etag } });
    assert.equal(changed.status, 200);
    assert.notEqual(changed.headers.get('etag'), etag);
    const next = await changed.json();
    assert.equal(next.version, version);
    assert.equal(version, START + 1);
    const read = parseStatus(next, { provider: 'native', now: new Date(START) });
    assert.equal(read.notices[0].title, 'Elevated errors', 'the core reads it');

    const head = await fetch(`${relay.url}/status.json`, { method: 'HEAD' });
    assert.equal(head.status, 200);
    const preflight = await fetch(`${relay.url}/status.json`, { method: 'OPTIONS', headers: { Origin: 'https://app.example', 'Access-Control-Request-Method': 'GET' } });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), '*');
  });

  test('gzips a large snapshot for clients that accept it', async (t) => {
    const { relay } = await relayWithClock(t);
    for (let i = 0; i < 5; i += 1) await post(relay.url, { title: `Notice ${i}`, severity: 'minor', message: 'A long update. '.repeat(40) });
    const res = await fetch(`${relay.url}/status.json`, { headers: { 'Accept-Encoding': 'gzip' } });
    assert.equal(res.headers.get('content-encoding'), 'gzip');
    assert.equal(res.headers.get('vary'), 'Accept-Encoding');
    assert.equal((await res.json()).notices.length, 5);
  });
});

describe('stream', () => {
  test('answers event-stream headers, a jittered retry, then the snapshot at once', async (t) => {
    const { relay } = await relayWithClock(t);
    const stream = await openStream(t, `${relay.url}/stream`);
    assert.equal(stream.res.status, 200);
    assert.equal(stream.res.headers.get('content-type'), 'text/event-stream; charset=utf-8');
    assert.equal(stream.res.headers.get('cache-control'), 'no-cache, no-transform');
    assert.equal(stream.res.headers.get('x-accel-buffering'), 'no');
    assert.equal(stream.res.headers.get('access-control-allow-origin'), '*');
    assert.match(stream.res.headers.get('access-control-expose-headers'), /Retry-After, Date/);
    assert.deepEqual(await stream.next(), { retry: 2500 }, '2000 + 0.5 × 1000');
    const current = await (await fetch(`${relay.url}/status.json`)).json();
    assert.deepEqual(await stream.next(), { event: 'snapshot', id: String(current.version), data: current });
  });

  test('pushes each change, heartbeats every 15 s of the clock, and skips the snapshot for a current Last-Event-ID', async (t) => {
    const { relay, clock } = await relayWithClock(t);
    const stream = await openStream(t, `${relay.url}/stream`);
    await stream.nextEvent();
    const { version } = await post(relay.url, { title: 'Down', severity: 'critical' });
    const pushed = await stream.nextEvent();
    assert.equal(pushed.id, String(version));
    assert.equal(pushed.data.notices[0].severity, 'critical');

    const caughtUp = await openStream(t, `${relay.url}/stream`, { 'Last-Event-ID': String(version) });
    assert.ok((await caughtUp.next()).retry);
    await clock.advance(15_000);
    assert.deepEqual(await caughtUp.next(), { comment: 'heartbeat' }, 'nothing was missed: a heartbeat, no snapshot');
    assert.deepEqual(await stream.next(), { comment: 'heartbeat' });

    const behind = await openStream(t, `${relay.url}/stream`, { 'Last-Event-ID': String(version - 1) });
    assert.ok((await behind.next()).retry);
    assert.equal((await behind.next()).id, String(version));

    const preflight = await fetch(`${relay.url}/stream`, { method: 'OPTIONS', headers: { Origin: 'https://app.example', 'Access-Control-Request-Headers': 'last-event-id' } });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-headers'), 'Last-Event-ID');
    assert.equal(preflight.headers.get('access-control-max-age'), '86400');
  });

  test('answers 204 when streaming is switched off; the snapshot URL still serves', async (t) => {
    const { relay } = await relayWithClock(t, { stream: false });
    const res = await fetch(`${relay.url}/stream`);
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.equal((await fetch(`${relay.url}/status.json`)).status, 200);
  });

  test('refuses streams over the cap with 503 and a Retry-After', async (t) => {
    const { relay } = await relayWithClock(t, { maxConnections: 2 });
    await openStream(t, `${relay.url}/stream`);
    await openStream(t, `${relay.url}/stream`);
    const third = await fetch(`${relay.url}/stream`);
    assert.equal(third.status, 503);
    assert.match(third.headers.get('retry-after'), /^\d+$/);
    assert.equal(third.headers.get('access-control-allow-origin'), '*');
    assert.ok(Number(third.headers.get('retry-after')) >= 5);
    assert.match(await (await fetch(`${relay.url}/metrics`)).text(), /relay_sse_rejected_total\{reason="at capacity"\} 1/);
  });

  test('closes a stream at its maximum age, less a random tenth', async (t) => {
    const { relay, clock } = await relayWithClock(t, { maxConnectionAge: 100, heartbeat: 1000 });
    const stream = await openStream(t, `${relay.url}/stream`);
    await stream.nextEvent();
    await clock.advance(94_000);
    assert.equal(relay.metrics.render().match(/relay_sse_clients (\d+)/)[1], '1', 'still open before 95 s (100 s less 0.5 × 10 s)');
    await clock.advance(2_000);
    assert.deepEqual(await stream.next(), { end: true });
  });

  test('drains: not ready at once, new streams refused, open ones closed spread over the window', async (t) => {
    const { relay, clock } = await relayWithClock(t, { drainSeconds: 10 });
    const streams = [];
    for (let i = 0; i < 20; i += 1) streams.push(await openStream(t, `${relay.url}/stream`));
    for (const stream of streams) await stream.nextEvent();
    const draining = relay.drain();
    assert.equal(relay.ready(), false);
    const refused = await fetch(`${relay.url}/stream`);
    assert.equal(refused.status, 503);
    assert.ok(Number(refused.headers.get('retry-after')) >= 1);
    const open = () => Number(relay.metrics.render().match(/relay_sse_clients (\d+)/)[1]);
    assert.ok(open() < 20 && open() > 0, `some closed at once, not all (${open()} open)`);
    await clock.advance(5_000);
    assert.ok(open() > 0 && open() <= 11, `about half closed halfway (${open()} open)`);
    await clock.advance(5_000);
    await draining;
    for (const stream of streams) assert.deepEqual(await stream.nextEvent(), { end: true });
  });

  test('writes the same bytes to every stream, once serialized', async (t) => {
    const { relay } = await relayWithClock(t);
    const streams = [];
    for (let i = 0; i < 5; i += 1) streams.push(await openStream(t, `${relay.url}/stream`));
    for (const stream of streams) await stream.nextEvent();
    const broadcasts = () => Number(relay.metrics.render().match(/^relay_broadcasts_total (\d+)$/m)[1]);
    const before = broadcasts();
    await post(relay.url, { title: 'Once', severity: 'minor' });
    const events = await Promise.all(streams.map((stream) => stream.nextEvent()));
    for (const event of events) assert.deepEqual(event, events[0]);
    assert.equal(broadcasts(), before + 1, 'one broadcast for the post');
  });
});

describe('health', () => {
  test('healthz, readyz and Prometheus metrics', async (t) => {
    const { relay } = await relayWithClock(t);
    assert.equal((await fetch(`${relay.url}/healthz`)).status, 200);
    const ready = await fetch(`${relay.url}/readyz`);
    assert.equal(ready.status, 200);
    assert.match(await ready.text(), /^ready: version \d+/);
    const metrics = await fetch(`${relay.url}/metrics`);
    assert.equal(metrics.headers.get('content-type'), 'text/plain; version=0.0.4; charset=utf-8');
    const text = await metrics.text();
    for (const name of ['relay_sse_clients', 'relay_snapshot_version', 'relay_notices_open', 'relay_store_up', 'relay_ready', 'process_resident_memory_bytes']) {
      assert.match(text, new RegExp(`^# TYPE ${name} `, 'm'), name);
    }
    assert.match(text, /^relay_store_up 1$/m);
    const index = await (await fetch(`${relay.url}/`)).text();
    assert.match(index, /GET {2}\/status\.json/);
    const missing = await fetch(`${relay.url}/nope`);
    assert.equal(missing.status, 404);
    assert.equal((await missing.json()).error, 'not_found');
    assert.equal((await fetch(`${relay.url}/status.json`, { method: 'POST' })).status, 405);
  });
});
