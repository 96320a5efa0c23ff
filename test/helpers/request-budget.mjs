// The request-budget harness: one real client (the built core package) against a real local server answering in
// one failure shape, on a virtual clock, with a fixed jitter draw (0.5) so every schedule is exact. Shared by the
// request-budget test and `npm run bench` (requests_per_min_worst_failure).

import { answer, startShapeServer } from './shape-server.mjs';
import { createVirtualClock } from './virtual-clock.mjs';

export const MINUTE = 60_000;
/** The reference schedule (a plain 503): 7 requests in the first minute, 12 in ten. */
export const SCHEDULE = { minute: 7, tenMinutes: 12 };
/** What one discovery search may add, once. */
export const SEARCH = 16;

const core = await import('@status-banner/core');
// Every provider known up front: what is measured is the request schedule, not the loading of providers (whose
// dynamic import the virtual clock cannot see settle).
await import('@status-banner/core/providers');
const environment = { isVisible: () => true, isOnline: () => true, subscribe: () => () => {} };

/**
 * Runs one client against `shape` for ten virtual minutes; the requests the server saw in the first minute and
 * in all ten, and the client's last state.
 */
export async function measure(shape, { path = '/api/v2/summary.json', options = {} } = {}) {
  const virtual = createVirtualClock();
  const server = await startShapeServer(shape, virtual.clock.now);
  let started = 0;
  const fetch = (...args) => ((started += 1), globalThis.fetch(...args));
  const t0 = virtual.now;
  const client = core.createStatusClient({
    src: server.url + path,
    fetch,
    random: () => 0.5,
    clock: virtual.clock,
    interval: 60,
    storage: core.createMemoryStorage(),
    environment,
    ...options,
  });
  client.subscribe(() => {});
  try {
    await virtual.run(t0 + 10 * MINUTE, () => server.settled() && started === server.fresh());
    return { minute: server.count(t0, t0 + MINUTE), tenMinutes: server.count(t0, t0 + 10 * MINUTE), state: client.getSnapshot(), paths: server.log.map((hit) => hit.path) };
  } finally {
    client.destroy();
    await server.close();
  }
}

export const retry = (status, value) => (req, res) => answer.text(res, status, 'busy', { 'Retry-After': value });

/** Answers that fail and will fail again: each must stay within the schedule. */
export const ENDPOINT_SHAPES = {
  '503': (req, res) => answer.text(res, 503, 'unavailable'),
  '500': (req, res) => answer.text(res, 500, 'error'),
  '502 with an HTML page': (req, res) => answer.html(res, 502),
  '429': (req, res) => answer.text(res, 429, 'slow down'),
  '408': (req, res) => answer.text(res, 408),
  '503 Retry-After: 0': retry(503, '0'),
  '429 Retry-After: 0': retry(429, '0'),
  '503 Retry-After: garbage': retry(503, 'soon'),
  '503 Retry-After: a date in the past': retry(503, 'Thu, 01 Jan 1970 00:00:00 GMT'),
  '503 Retry-After: -5': retry(503, '-5'),
  '200 HTML (an SPA fallback, a login page)': (req, res) => answer.html(res),
  '200 empty': (req, res) => answer.json(res, 200, ''),
  '200 null': (req, res) => answer.json(res, 200, 'null'),
  '200 []': (req, res) => answer.json(res, 200, '[]'),
  '200 42': (req, res) => answer.json(res, 200, '42'),
  '200 "text"': (req, res) => answer.json(res, 200, '"all good"'),
  '200 {}': (req, res) => answer.json(res, 200, '{}'),
  '200 wrong types': (req, res) => answer.json(res, 200, '{"page":"x","status":7,"components":"none","incidents":{"0":1},"scheduled_maintenances":null}'),
  '200 truncated JSON': (req, res) => answer.json(res, 200, '{"page":{"id":"x"},"incidents":[{"id":'),
  '200 over 1 MiB': (req, res) => answer.json(res, 200, `{"pad":"${'x'.repeat(2 * 1024 * 1024)}"}`),
  '200 with an endless body': (req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.write('{"pad":"');
    const drip = setInterval(() => res.write('x'.repeat(1024)), 5);
    res.on('close', () => clearInterval(drip));
    return 'held';
  },
  'no answer at all (a hang)': () => 'held',
  'headers, then silence': (req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.flushHeaders();
    return 'held';
  },
  'connection reset': (req) => req.socket.destroy(),
};

/** A status URL that redirects to a login page (a private status page): two servers, each asked on the schedule. */
export const toLogin = (req, res) => {
  if (req.url.startsWith('/login')) return answer.html(res);
  res.writeHead(302, { Location: '/login?next=status' }).end();
  return 'redirect';
};

