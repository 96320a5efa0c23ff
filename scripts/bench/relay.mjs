// The relay's figures for `npm run bench`: real relay processes on loopback, a load generator of this repo
// (relay-load-worker.mjs, several processes of raw sockets) holding thousands of real SSE connections, and for
// the failover a real redis-server. Every loop is bounded in count and time; everything started here is stopped
// here.

import { fork, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const BIN = path.resolve(here, '../../packages/relay/bin/status-banner-relay.js');
const WORKER = path.join(here, 'relay-load-worker.mjs');
const REDIS_SERVER = process.env.REDIS_SERVER ?? '/usr/bin/redis-server';
const TOKEN = randomBytes(24).toString('base64url');
const sha256 = (text) => createHash('sha256').update(text).digest('hex');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const percentile = (values, p) => {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

/** A static Statuspage summary with an ETag, counting the requests it gets. */
async function startUpstream() {
  const body = JSON.stringify({
    page: { id: 'bench', name: 'Bench Cloud', url: 'https://status.bench.example', updated_at: '2024-05-01T12:00:00Z' },
    components: [],
    incidents: [],
    scheduled_maintenances: [],
    status: { indicator: 'none', description: 'All Systems Operational' },
  });
  const etag = `"${sha256(body).slice(0, 16)}"`;
  const requests = [];
  const server = http.createServer((req, res) => {
    requests.push(Date.now());
    if (req.headers['if-none-match'] === etag) return res.writeHead(304, { ETag: etag }).end();
    res.writeHead(200, { 'Content-Type': 'application/json', ETag: etag }).end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/api/v2/summary.json`,
    /** Requests per minute over `seconds`, counted from the first request after now. */
    async perMinute(seconds) {
      const from = requests.length;
      for (let i = 0; i < 100 && requests.length === from; i += 1) await sleep(50);
      const start = requests[from];
      await sleep(seconds * 1000 - (Date.now() - start));
      return (requests.filter((at) => at >= start && at < start + seconds * 1000).length * 60) / seconds;
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** The relay's command line as a child process; resolves once it prints its URL. */
async function startRelay(args, env = {}) {
  const child = spawn(process.execPath, [BIN, '--port', '0', '--log', 'warn', ...args], {
    env: { ...process.env, STATUS_BANNER_RELAY_TOKENS: `bench:${sha256(TOKEN)}`, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (chunk) => (err += chunk));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no relay within 20 s: ${err}`)), 20_000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const line = /^(http:\/\/\S+)$/m.exec(out)?.[1];
      if (line) {
        clearTimeout(timer);
        resolve(line);
      }
    });
    child.once('exit', () => reject(new Error(`the relay exited: ${err}`)));
  });
  return {
    url,
    pid: child.pid,
    exited,
    stderr: () => err,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

/** Resident memory of a process, in KiB, from /proc. */
const rssKiB = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);

/** Forks `n` load workers; `ask(message, key)` sends to all and gathers each one's reply carrying `key`. */
function startWorkers(n) {
  const workers = Array.from({ length: n }, () => fork(WORKER, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
  const ask = (message, key, only = workers) =>
    Promise.all(
      only.map(
        (worker) =>
          new Promise((resolve) => {
            const onMessage = (reply) => {
              if (key in reply) {
                worker.off('message', onMessage);
                resolve(reply[key]);
              }
            };
            worker.on('message', onMessage);
            worker.send(message);
          }),
      ),
    );
  return {
    workers,
    ask,
    async close() {
      for (const worker of workers) if (worker.connected) worker.send({ close: true });
      await Promise.all(workers.map((worker) => (worker.exitCode !== null ? undefined : new Promise((resolve) => worker.once('exit', resolve)))));
    },
  };
}

async function api(base, method, pathname, body, headers = {}) {
  const res = await fetch(`${base}${pathname}`, {
    method,
    headers: { Authorization: `Bearer ${TOKEN}`, ...(body && { 'Content-Type': 'application/json' }), ...headers },
    body: body && JSON.stringify(body),
  });
  return { status: res.status, body: await res.json().catch(() => ({})) };
}

const versionOf = async (base) => (await (await fetch(`${base}/status.json`)).json()).version;

/**
 * Publishes `count` updates of one notice, `gapMs` apart, and measures when every held connection receives each
 * (the workers' clocks are this machine's). An update rather than a new notice each time, so every event is the
 * same size, as in an incident: one notice, updated. Returns every client's latency in ms, and how many never
 * got one.
 */
async function publishLatencies(relay, load, count, gapMs, timeoutMs) {
  const latencies = [];
  let missing = 0;
  const { id } = (await api(relay.url, 'POST', '/v1/notices', { title: 'Bench incident', severity: 'minor', message: 'Update 0' })).body;
  for (let i = 1; i <= count; i += 1) {
    const version = (await versionOf(relay.url)) + 1;
    const watched = load.ask({ watch: { version, timeoutMs } }, 'received');
    await sleep(20);
    const sent = Date.now();
    const { status, body } = await api(relay.url, 'PATCH', `/v1/notices/${id}`, { message: `Update ${i}: we are still on it.` });
    if (status !== 200 || body.version !== version) throw new Error(`publish ${i}: ${status} ${JSON.stringify(body)}`);
    for (const received of await watched) {
      latencies.push(...received.times.map((at) => at - sent));
      missing += received.missing;
    }
    await sleep(gapMs);
  }
  return { latencies, missing };
}

/** Starts redis-server on a free port with a temp folder, fsync'ing every write. */
async function startRedis() {
  const dir = await mkdtemp(path.join(tmpdir(), 'status-banner-bench-redis-'));
  const port = await new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = server.address();
      server.close(() => resolve(free));
    });
  });
  const child = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'yes', '--appendfsync', 'always', '--loglevel', 'warning'], { stdio: 'ignore' });
  for (let i = 0; i < 200; i += 1) {
    const ok = await new Promise((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.write('PING\r\n');
        socket.once('data', (data) => {
          socket.destroy();
          resolve(String(data).startsWith('+PONG'));
        });
      });
      socket.on('error', () => resolve(false));
    });
    if (ok) break;
    await sleep(25);
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      child.kill('SIGKILL');
      await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** One relay: 10 clients, then 1 000, then `clients` held; latencies, memory and upstream load at each. */
async function loadFigures(clients, figures) {
  const upstream = await startUpstream();
  const dir = await mkdtemp(path.join(tmpdir(), 'status-banner-bench-relay-'));
  const relay = await startRelay(['--data', dir, '--upstream', upstream.url, '--poll-interval', '1', '--poll-interval-active', '1', '--poll-jitter', '0', '--max-connections', String(clients + 1000), '--max-connection-age', '0']);
  // One worker per core: more would only fight the relay for the CPU.
  const load = startWorkers(2);
  try {
    await sleep(500);
    const idleRss = rssKiB(relay.pid);
    await load.ask({ open: { url: `${relay.url}/stream`, count: 5 } }, 'opened');
    figures.push(['relay_upstream_requests_per_min_10_clients', await upstream.perMinute(15), 'requests']);

    const per = (n) => Math.ceil(n / load.workers.length);
    await load.ask({ open: { url: `${relay.url}/stream`, count: per(1000) - 5 } }, 'opened');
    const at1k = await publishLatencies(relay, load, 20, 100, 5000);
    figures.push(['relay_publish_to_client_p50_ms_1k', percentile(at1k.latencies, 50), 'ms']);
    figures.push(['relay_publish_to_client_p95_ms_1k', percentile(at1k.latencies, 95), 'ms']);

    const started = Date.now();
    const opened = await load.ask({ open: { url: `${relay.url}/stream`, count: per(clients) - per(1000) } }, 'opened');
    figures.push(['relay_sse_connect_seconds', ((Date.now() - started) / 1000).toFixed(1), 's']);
    const atMax = await publishLatencies(relay, load, 10, 300, 10_000);
    figures.push(['relay_publish_to_client_p50_ms_10k', percentile(atMax.latencies, 50), 'ms']);
    figures.push(['relay_publish_to_client_p95_ms_10k', percentile(atMax.latencies, 95), 'ms']);
    figures.push(['relay_publish_to_client_p99_ms_10k', percentile(atMax.latencies, 99), 'ms']);
    figures.push(['relay_publish_missed_10k', atMax.missing + at1k.missing, 'deliveries']);
    figures.push(['relay_upstream_requests_per_min_10k_clients', await upstream.perMinute(15), 'requests']);

    const counts = await load.ask({ count: true }, 'counts');
    const held = counts.reduce((sum, c) => sum + c.open, 0);
    const metrics = await (await fetch(`${relay.url}/metrics`)).text();
    const served = Number(/^relay_sse_clients (\d+)$/m.exec(metrics)?.[1]);
    figures.push(['relay_sse_clients_held', Math.min(held, served), 'connections']);
    const rss = rssKiB(relay.pid);
    figures.push(['relay_rss_mib_10k', (rss / 1024).toFixed(1), 'MiB']);
    figures.push(['relay_rss_per_client_kib', ((rss - idleRss) / Math.max(1, held)).toFixed(1), 'KiB']);
    figures.push(['relay_fanout_last_ms_10k', Number(/^relay_fanout_last_ms ([\d.]+)$/m.exec(metrics)?.[1]).toFixed(1), 'ms']);
  } finally {
    await load.close();
    await relay.stop();
    await upstream.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Writes an attacker might try, against one relay: the number it accepted (goal 0). */
async function forgedWrites(figures) {
  const dir = await mkdtemp(path.join(tmpdir(), 'status-banner-bench-relay-'));
  const secret = randomBytes(32).toString('hex');
  const hookSecret = randomBytes(24).toString('base64url');
  // Secrets only through the environment, as an operator gives them.
  const withJwt = await startRelay(['--data', dir, '--jwt-audience', 'bench-relay'], {
    STATUS_BANNER_RELAY_JWT_SECRET: secret,
    STATUS_BANNER_RELAY_HOOK_SECRETS: `statuspage:${sha256(hookSecret)}`,
  });
  try {
    const { SignJWT } = await import('jose');
    const key = new TextEncoder().encode(secret);
    const jwt = (claims, { aud = 'bench-relay', exp = '5m', signWith = key } = {}) =>
      new SignJWT({ scope: 'status:publish', ...claims }).setProtectedHeader({ alg: 'HS256' }).setSubject('mallory').setAudience(aud).setExpirationTime(exp).sign(signWith);
    const b64 = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const attempts = [
      undefined,
      'Bearer ',
      'Bearer guess',
      `Bearer ${sha256(TOKEN)}`,
      `Bearer ${TOKEN.slice(0, -1)}`,
      `Basic ${Buffer.from(`bench:${TOKEN}`).toString('base64')}`,
      `Bearer ${await jwt({}, { exp: Math.floor(Date.now() / 1000) - 60 })}`,
      `Bearer ${await jwt({}, { aud: 'another-service' })}`,
      `Bearer ${await jwt({ scope: 'status:read' })}`,
      `Bearer ${await jwt({}, { signWith: new TextEncoder().encode('a-guessed-secret-of-some-length-000') })}`,
      `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'mallory', aud: 'bench-relay', exp: 9999999999, scope: 'status:publish' })}.`,
    ];
    const before = await versionOf(withJwt.url);
    let accepted = 0;
    let tried = 0;
    for (const authorization of attempts) {
      for (const [method, pathname, body] of [
        ['POST', '/v1/notices', { title: 'Forged', severity: 'critical' }],
        ['PATCH', '/v1/notices/relay-x', { title: 'Forged' }],
        ['DELETE', '/v1/notices/relay-x'],
      ]) {
        tried += 1;
        const res = await fetch(`${withJwt.url}${pathname}`, {
          method,
          headers: { ...(authorization && { Authorization: authorization }), ...(body && { 'Content-Type': 'application/json' }) },
          body: body && JSON.stringify(body),
        });
        if (res.status < 300) accepted += 1;
        await res.arrayBuffer();
      }
    }
    // Without an upstream a hook has nothing to poke: every one is a 404, the secret right or not.
    for (const pathname of ['/hooks/statuspage/guess', `/hooks/instatus/${hookSecret}`, '/hooks/statuspage/', `/hooks/generic/${hookSecret}`]) {
      tried += 1;
      const res = await fetch(`${withJwt.url}${pathname}`, { method: 'POST', body: '{}' });
      if (res.status < 300) accepted += 1;
    }
    // Accepted: answered 2xx, or changed what is served (any write moves the version).
    const moved = (await versionOf(withJwt.url)) !== before ? 1 : 0;
    figures.push(['relay_forged_writes_tried', tried, 'requests']);
    figures.push(['relay_forged_writes_accepted', accepted + moved, 'writes']);
  } finally {
    await withJwt.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Two relay nodes on one Redis, clients on both; 300 notices posted (a retry on the other node with the same
 * Idempotency-Key when one fails, as a careful client would); one node killed with -9 a third of the way in.
 * Lost: notices acknowledged but missing after; behind: clients not on the last version at the end.
 */
async function failoverFigures(figures) {
  if (!existsSync(REDIS_SERVER)) {
    console.error(`bench: no redis-server at ${REDIS_SERVER}; the failover figures are skipped`);
    return;
  }
  const redis = await startRedis();
  const upstream = await startUpstream();
  const common = ['--redis', redis.url, '--upstream', upstream.url, '--poll-interval', '1', '--poll-interval-active', '1', '--poll-jitter', '0', '--drain-seconds', '0'];
  const a = await startRelay(common);
  const b = await startRelay(common);
  const load = startWorkers(2);
  try {
    figures.push(['relay_upstream_requests_per_min_2_nodes', await upstream.perMinute(15), 'requests']);
    await load.ask({ open: { url: `${a.url}/stream`, count: 100 } }, 'opened', load.workers.slice(0, 1));
    await load.ask({ open: { url: `${b.url}/stream`, count: 100 } }, 'opened', load.workers.slice(1));
    const acknowledged = [];
    let retried = 0;
    for (let i = 0; i < 300; i += 1) {
      if (i === 100) await a.stop('SIGKILL');
      const body = { title: `Failover notice ${i}`, severity: 'minor' };
      const headers = { 'Idempotency-Key': `failover-${i}` };
      let answer;
      for (const node of i % 2 ? [a, b] : [b, a]) {
        try {
          answer = await api(node.url, 'POST', '/v1/notices', body, headers);
          if (answer.status === 201) break;
        } catch {
          retried += 1;
        }
      }
      if (answer?.status !== 201) throw new Error(`notice ${i} was not taken by either node: ${JSON.stringify(answer)}`);
      acknowledged.push(answer.body.id);
    }
    await load.ask({ reconnect: { url: `${b.url}/stream` } }, 'reconnected');
    const last = await versionOf(b.url);
    let behind = Infinity;
    for (let i = 0; i < 50 && behind > 0; i += 1) {
      const counts = await load.ask({ count: true }, 'counts');
      behind = counts.flatMap((c) => c.last).filter((version) => version !== last).length;
      if (behind) await sleep(100);
    }
    const { body } = await api(b.url, 'GET', '/v1/notices');
    const kept = new Set(body.notices.map((n) => n.id));
    figures.push(['relay_failover_notices_acknowledged', acknowledged.length, 'notices']);
    figures.push(['relay_failover_lost_notices', acknowledged.filter((id) => !kept.has(id)).length, 'notices']);
    figures.push(['relay_failover_clients_behind', behind, 'clients']);
    figures.push(['relay_failover_retries', retried, 'requests']);
  } finally {
    await load.close();
    await a.stop('SIGKILL');
    await b.stop();
    await upstream.close();
    await redis.stop();
  }
}

/**
 * Every relay figure, as `[name, value, unit]`.
 * @param {{ clients?: number }} [options] Connections to hold at the top of the load test (default 10 000).
 */
export async function relayFigures({ clients = 10_000 } = {}) {
  const figures = [];
  await loadFigures(clients, figures);
  await failoverFigures(figures);
  await forgedWrites(figures);
  return figures;
}
