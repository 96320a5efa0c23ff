// Many nodes on a real Redis: any node answers any client, writes reach every node's streams, one node reads
// the upstream, a node cut off from Redis catches up, a node killed with -9 loses nothing acknowledged, a Redis
// restart (appendfsync always) keeps every acknowledged notice, a Redis that comes back empty is refilled from the
// nodes with versions that never go down, and a real banner in Chromium behind a balancer rides out kill -9 of
// the node it streams from.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { describe, test } from 'node:test';
import { launch, skipBrowser } from '../../../test/helpers/browser.mjs';
import { SCRIPT_FILE } from '../../../test/helpers/servers.mjs';
import { createRedisStore, hashToken } from '../dist/index.js';
import { startBalancer, startProxy } from './helpers/proxy.mjs';
import { skipRedis, startRedis } from './helpers/redis.mjs';
import { api, post, spawnRelay, startRelay, TOKEN } from './helpers/relay.mjs';
import { openStream } from './helpers/sse.mjs';
import { startUpstream, statuspageSummary } from './helpers/upstream.mjs';
import { until } from './helpers/wait.mjs';

const snapshotOf = async (url) => (await fetch(`${url}/status.json`)).json();
const titles = (snapshot) => snapshot.notices.map((notice) => notice.title).sort();
/** Sends one inline command to the Redis on `port`; resolves with its first line of answer. */
const redisCommand = (port, command) =>
  new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(`${command}\r\n`));
    socket.once('data', (data) => (socket.destroy(), resolve(String(data).split('\r\n')[0])));
    socket.once('error', reject);
  });

describe('relay nodes on Redis', { skip: skipRedis }, () => {
  test('any node answers: a write on one is on every node’s snapshot and streams', async (t) => {
    const redis = await startRedis(t);
    const a = await startRelay(t, { redis: redis.url });
    const b = await startRelay(t, { redis: redis.url });
    const first = await snapshotOf(a.url);
    assert.deepEqual(await snapshotOf(b.url), first, 'both start on the same version');
    const streamB = await openStream(t, `${b.url}/stream`);
    assert.equal((await streamB.nextEvent()).id, String(first.version));

    const { version } = await post(a.url, { title: 'Written on A', severity: 'major' });
    const pushed = await streamB.nextEvent();
    assert.equal(pushed.id, String(version), 'B streams what A took');
    assert.deepEqual(pushed.data, await snapshotOf(a.url), 'the same bytes for the same version on both');
    const { version: v2 } = await post(b.url, { title: 'Written on B', severity: 'minor' });
    assert.equal(v2, version + 1);
    await until(async () => (await snapshotOf(a.url)).version === v2, 3000, 'A to have B’s write');
    assert.deepEqual(titles(await snapshotOf(a.url)), ['Written on A', 'Written on B']);

    // Concurrent writes on both nodes: every one lands, each under its own version.
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => post(i % 2 ? a.url : b.url, { title: `Race ${i}`, severity: 'minor' })));
    assert.equal(new Set(results.map((r) => r.version)).size, 20);
    const top = Math.max(...results.map((r) => r.version));
    for (const relay of [a, b]) await until(async () => (await snapshotOf(relay.url)).version === top, 3000, 'both nodes to catch up');
    const { notices } = await (await api(a.url, 'GET', '/v1/notices')).json();
    assert.equal(notices.length, 22);
  });

  test('one node reads the upstream, and another takes over when it stops', async (t) => {
    const redis = await startRedis(t);
    const upstream = await startUpstream(t, { json: statuspageSummary({ incident: { title: 'Upstream incident' } }) });
    const options = { upstream: upstream.summaryUrl, pollInterval: 0.2, pollIntervalActive: 0.2 };
    // A short lease, so the takeover comes within a second (15 s by default).
    const a = await startRelay(t, { ...options, store: createRedisStore({ url: redis.url, leaseMs: 1500 }) });
    const b = await startRelay(t, { ...options, store: createRedisStore({ url: redis.url, leaseMs: 1500 }) });
    await until(async () => (await snapshotOf(b.url)).notices?.length === 1, 3000, 'the upstream incident on B');
    const leaders = () => [a, b].filter((relay) => /^relay_leader 1$/m.test(relay.metrics.render()));
    assert.equal(leaders().length, 1, 'exactly one reader');
    const leader = leaders()[0];
    const follower = leader === a ? b : a;
    // Five more reads: one poller at 0.2 s ±10 % takes about a second for them (two pollers would take half).
    const start = upstream.requests.length;
    const since = Date.now();
    await until(() => upstream.requests.length - start >= 5, 3000, 'five upstream reads');
    const took = Date.now() - since;
    assert.ok(took >= 700, `one poller at 0.2 s ±10 % takes about a second for five reads, not ${took} ms`);
    assert.doesNotMatch(follower.metrics.render(), /^relay_upstream_requests_total\{/m, 'the follower never read');
    assert.match(leader.metrics.render(), /^relay_upstream_requests_total\{outcome="(200|304)"\} \d+$/m);

    await leader.close();
    upstream.set({ json: statuspageSummary() });
    await until(async () => (await snapshotOf(follower.url)).notices.length === 0, 5000, 'the other node to take over and read the all clear');
    assert.match(follower.metrics.render(), /^relay_leader 1$/m);
  });

  test('a webhook that reaches the node not reading the upstream makes the reader read now', async (t) => {
    const redis = await startRedis(t);
    const upstream = await startUpstream(t, { json: statuspageSummary() });
    const hookSecrets = [{ provider: 'generic', sha256: hashToken('generic-secret') }];
    // Polls ten minutes apart: only the webhook can explain a read within seconds.
    const options = { upstream: upstream.summaryUrl, pollInterval: 600, pollIntervalActive: 600, hookSecrets, redis: redis.url };
    const a = await startRelay(t, options);
    const b = await startRelay(t, options);
    await until(() => upstream.requests.length >= 1, 3000, 'the first read');
    const follower = [a, b].find((relay) => /^relay_leader 0$/m.test(relay.metrics.render()));
    assert.ok(follower, 'one node does not read the upstream');
    upstream.set({ json: statuspageSummary({ incident: { title: 'Announced by webhook' } }) });
    const hook = await fetch(`${follower.url}/hooks/generic/generic-secret`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    assert.equal(hook.status, 202);
    await until(async () => (await snapshotOf(follower.url)).notices.length === 1, 5000, 'the incident, on the node the webhook reached');
    assert.equal(upstream.requests.length, 2, 'one read more, for the webhook');
  });

  test('a node cut off from Redis catches up when it returns; writes to it meanwhile are refused, not lost', async (t) => {
    const redis = await startRedis(t);
    const proxy = await startProxy(t, redis.port);
    const a = await startRelay(t, { redis: proxy.url });
    const b = await startRelay(t, { redis: redis.url });
    const stream = await openStream(t, `${a.url}/stream`);
    await stream.nextEvent();
    proxy.cut();
    await until(async () => (await api(a.url, 'POST', '/v1/notices', { title: 'x', severity: 'minor' })).status === 503, 3000, 'A to refuse writes');
    const refused = await api(a.url, 'POST', '/v1/notices', { title: 'While cut off', severity: 'minor' });
    assert.equal(refused.status, 503);
    assert.equal((await fetch(`${a.url}/readyz`)).status, 503);
    assert.equal((await fetch(`${a.url}/status.json`)).status, 200, 'A still serves what it has');
    const written = [];
    for (let i = 0; i < 5; i += 1) written.push(await post(b.url, { title: `Meanwhile ${i}`, severity: 'major' }));
    proxy.restore();
    const last = written.at(-1).version;
    for (;;) {
      const event = await stream.nextEvent(10_000);
      if (Number(event.id) >= last) {
        assert.equal(Number(event.id), last);
        assert.equal(event.data.notices.length, 5);
        break;
      }
    }
    await until(async () => (await fetch(`${a.url}/readyz`)).status === 200, 5000, 'A ready again');
  });

  test('a node whose Redis falls silent, with nothing closed, is not ready until Redis answers again', async (t) => {
    const redis = await startRedis(t);
    const proxy = await startProxy(t, redis.port);
    // A short command deadline, so silence shows within a second and a half (seven by default).
    const a = await startRelay(t, { store: createRedisStore({ url: proxy.url, commandTimeoutMs: 500 }) });
    const ready = async () => (await fetch(`${a.url}/readyz`)).status;
    assert.equal(await ready(), 200);
    proxy.stall();
    await until(async () => (await ready()) === 503, 5000, 'not ready while Redis is silent');
    assert.match(await (await fetch(`${a.url}/readyz`)).text(), /redis silent for \d+ s/);
    proxy.heal();
    await until(async () => (await ready()) === 200, 5000, 'ready again once Redis answers');
  });

  test('Redis restarted mid-stream: nothing acknowledged is lost, streams stay open, versions go on', async (t) => {
    const redis = await startRedis(t);
    const a = await startRelay(t, { redis: redis.url });
    const stream = await openStream(t, `${a.url}/stream`);
    await stream.nextEvent();
    const before = [];
    for (let i = 0; i < 10; i += 1) before.push(await post(a.url, { title: `Before ${i}`, severity: 'minor' }));
    for (let i = 0; i < 10; i += 1) await stream.nextEvent();
    await redis.kill();
    await redis.start();
    await until(async () => (await api(a.url, 'POST', '/v1/notices', { title: 'After', severity: 'major' })).status === 201, 10_000, 'writes to work again');
    const event = await stream.nextEvent(10_000);
    assert.ok(Number(event.id) > before.at(-1).version);
    const { notices } = await (await api(a.url, 'GET', '/v1/notices')).json();
    const ids = new Set(notices.map((n) => n.id));
    assert.deepEqual(before.filter((n) => !ids.has(n.id)), [], 'every acknowledged notice survived the restart');
    const b = await startRelay(t, { redis: redis.url });
    assert.equal((await snapshotOf(b.url)).version, Number(event.id), 'a new node reads it all from Redis');
  });

  test('a Redis that comes back empty is refilled by the nodes, under higher versions', async (t) => {
    const redis = await startRedis(t, { persist: false });
    const a = await startRelay(t, { redis: redis.url });
    const b = await startRelay(t, { redis: redis.url });
    const one = await post(a.url, { title: 'Kept by the nodes', severity: 'major' });
    await until(async () => (await snapshotOf(b.url)).version === one.version, 3000, 'B to have it');
    await redis.kill();
    await redis.start();
    const res = await until(async () => {
      const answer = await api(b.url, 'POST', '/v1/notices', { title: 'After the loss', severity: 'minor' });
      return answer.status === 201 && answer.json();
    }, 10_000, 'writes to work again');
    assert.ok(res.version > one.version, `version ${res.version} above ${one.version}`);
    for (const relay of [a, b]) {
      await until(async () => titles(await snapshotOf(relay.url)).join() === 'After the loss,Kept by the nodes', 5000, `${relay.url} to show both`);
    }
    assert.ok(a.logs.concat(b.logs).some((line) => /writing back what it holds/.test(line)));
  });

  test('a Redis that comes back empty and refuses the first write-back: the node keeps what it holds, and writes it back later', async (t) => {
    const redis = await startRedis(t, { persist: false });
    const a = await startRelay(t, { redis: redis.url });
    const kept = await post(a.url, { title: 'Kept through it all', severity: 'critical' });
    const listed = async () => (await (await api(a.url, 'GET', '/v1/notices')).json()).notices.map((n) => n.id);
    await redis.kill();
    // Back empty, and out of memory for any write: the node's first write-back fails.
    await redis.start(['--maxmemory', '1', '--maxmemory-policy', 'noeviction']);
    await until(() => a.logs.some((line) => /writing back what it holds/.test(line)), 10_000, 'the write-back tried');
    assert.deepEqual(await listed(), [kept.id], 'still held after the failed write-back');
    assert.deepEqual(titles(await snapshotOf(a.url)), ['Kept through it all']);
    await redisCommand(redis.port, 'CONFIG SET maxmemory 0');
    const b = await until(async () => {
      const node = await startRelay(t, { redis: redis.url });
      if ((await snapshotOf(node.url)).notices?.length === 1) return node;
      await node.close();
      return false;
    }, 10_000, 'the notice written back to Redis, where a new node reads it');
    assert.deepEqual(titles(await snapshotOf(b.url)), ['Kept through it all']);
    assert.deepEqual(await listed(), [kept.id]);
  });

  test('kill -9 of a node while 60 notices are posted: every acknowledged one is on the other, every client ends on the last version', async (t) => {
    const redis = await startRedis(t);
    const a = await spawnRelay(t, ['--port', '0', '--redis', redis.url]);
    const b = await spawnRelay(t, ['--port', '0', '--redis', redis.url]);
    const clients = [];
    for (let i = 0; i < 6; i += 1) clients.push({ node: i % 2 ? b.url : a.url, stream: await openStream(t, `${i % 2 ? b.url : a.url}/stream`), last: 0 });
    for (const client of clients) client.last = Number((await client.stream.nextEvent()).id);
    const acknowledged = [];
    for (let i = 0; i < 60; i += 1) {
      if (i === 20) a.child.kill('SIGKILL');
      const target = i % 2 && i < 20 ? a.url : b.url;
      acknowledged.push(await post(target, { title: `Notice ${i}`, severity: 'minor' }, { headers: { 'Idempotency-Key': `n${i}` } }));
    }
    await a.exited;
    const last = acknowledged.at(-1).version;
    // Clients of the dead node reconnect to the live one with their Last-Event-ID, as a banner would.
    for (const client of clients) {
      let stream = client.stream;
      for (;;) {
        const event = await stream.nextEvent(5000);
        if (event.end) {
          stream = await openStream(t, `${b.url}/stream`, { 'Last-Event-ID': String(client.last) });
          client.node = b.url;
          continue;
        }
        client.last = Number(event.id);
        if (client.last === last) break;
      }
    }
    const { notices } = await (await api(b.url, 'GET', '/v1/notices', undefined, { token: TOKEN })).json();
    const kept = new Set(notices.map((n) => n.id));
    assert.deepEqual(acknowledged.filter((n) => !kept.has(n.id)), []);
  });
});

describe('a real banner in front of a cluster', { skip: skipRedis || skipBrowser }, () => {
  test('follows notices posted to either node through a balancer, and survives kill -9 of the node it streams from', async (t) => {
    const redis = await startRedis(t);
    // A is a process of its own, to be killed; B runs in this one.
    const a = await spawnRelay(t, ['--port', '0', '--redis', redis.url, '--retry-ms', '1000']);
    const b = await startRelay(t, { redis: redis.url, retryMs: 1000 });
    // Every connection starts at A, the one to be killed, while it lives.
    const balancer = await startBalancer(t, [Number(new URL(a.url).port), Number(new URL(b.url).port)].flatMap((port, i) => (i === 0 ? [port, port, port] : [port])));
    const host = await startHostPage(t, balancer.url);
    const browser = await launch();
    t.after(() => browser.close());
    const page = await browser.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(host.url);
    const title = () => page.evaluate(() => document.querySelector('status-banner')?.shadowRoot?.querySelector('[part="title"]')?.textContent?.trim() ?? null);

    await post(b.url, { title: 'Posted on B', severity: 'major' });
    await until(async () => (await title()) === 'Posted on B', 10_000, 'the banner to show B’s notice');
    a.child.kill('SIGKILL');
    await a.exited;
    const { id } = await post(b.url, { title: 'After A died', severity: 'critical' });
    await until(async () => (await title()) === 'After A died', 15_000, 'the banner to reconnect through the balancer and show it');
    await api(b.url, 'POST', `/v1/notices/${id}/resolve`);
    await until(async () => (await title()) === 'Posted on B', 10_000, 'the resolve');
    assert.deepEqual(problems, []);
    assert.deepEqual(await page.evaluate(() => window.__errors), []);
  });
});

/** A host page with the script-tag banner reading `statusUrl`, and the element's built files. */
async function startHostPage(t, statusUrl) {
  const dist = path.dirname(SCRIPT_FILE);
  const server = http.createServer(async (req, res) => {
    const name = /^\/(status-banner\.[\w-]+\.js)$/.exec(req.url)?.[1];
    if (name) return res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(await readFile(path.join(dist, name)));
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
<script>window.__errors = []; addEventListener('error', (e) => __errors.push(e.message)); addEventListener('unhandledrejection', (e) => __errors.push(String(e.reason)));</script>
</head><body><main><h1>Host app</h1></main>
<script src="/status-banner.min.js" data-src="${statusUrl}/status.json" data-stream="${statusUrl}/stream" data-interval="2" data-resolved-linger="0"></script></body></html>`);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise((resolve) => {
    server.close(resolve);
    server.closeAllConnections();
  }));
  return { url: `http://127.0.0.1:${server.address().port}/` };
}
