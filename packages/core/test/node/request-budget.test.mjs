// No failure shape of a server costs more requests than the documented backoff schedule: the real client (the
// built core package) against a real local server that answers in each shape, on a virtual clock, with a fixed
// jitter draw (0.5) so every schedule is exact. The reference is a plain 503: full-jitter exponential backoff
// from 1 s, capped at 5 min, whose draws of 0.5 put requests at 0.25, 0.75, 1.75, 3.75, 7.75, 15.75, 31.75,
// 63.75, 127.75, 255.75, 405.75 and 555.75 s: 7 in the first minute, 12 in ten. Every other shape must cost no more; one that needs a status page's endpoint found first
// may add one discovery search (at most 16 requests), once.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { answer } from '../../../../test/helpers/shape-server.mjs';
import { ENDPOINT_SHAPES, measure, retry, SCHEDULE, SEARCH, toLogin } from '../../../../test/helpers/request-budget.mjs';

describe('request budget: every failure shape within the backoff schedule', () => {
  test('the reference, a plain 503, follows the documented schedule exactly', async () => {
    const { minute, tenMinutes, state } = await measure(ENDPOINT_SHAPES['503']);
    assert.deepEqual({ minute, tenMinutes }, SCHEDULE);
    assert.equal(state.status, 'error');
  });

  for (const [name, shape] of Object.entries(ENDPOINT_SHAPES)) {
    test(`${name}: at most the schedule, and never an outage shown`, async () => {
      const { minute, tenMinutes, state } = await measure(shape);
      assert.ok(minute <= SCHEDULE.minute, `${minute} requests in the first minute`);
      assert.ok(tenMinutes <= SCHEDULE.tenMinutes, `${tenMinutes} requests in ten minutes`);
      assert.deepEqual(state.notices, []);
      assert.equal(state.status, 'error');
    });
  }

  test('302 to a login page: the status URL and the login page are each asked on the schedule, no more', async () => {
    const { paths, state } = await measure(toLogin);
    const status = paths.filter((path) => path === '/api/v2/summary.json').length;
    const login = paths.filter((path) => path.startsWith('/login')).length;
    assert.deepEqual([status, login], [SCHEDULE.tenMinutes, SCHEDULE.tenMinutes]);
    assert.deepEqual(state.notices, []);
  });

  test('a Retry-After above the backoff is a floor: fewer requests, never more', async () => {
    const { minute, tenMinutes } = await measure(retry(503, '120'));
    assert.ok(minute <= 1, `${minute}`);
    assert.ok(tenMinutes <= 6, `${tenMinutes}`);
  });

  test('an endpoint that says it is not there (404, 401, 403, 410) is asked once', async () => {
    for (const status of [404, 401, 403, 410]) {
      const { tenMinutes, state } = await measure((req, res) => answer.text(res, status));
      assert.equal(tenMinutes, 1, `HTTP ${status}`);
      assert.equal(state.status, 'error');
    }
  });

  test('a URL that names a file is never searched below: HTML at …/summary.json costs the schedule, no invented URLs', async () => {
    const { paths, minute } = await measure(ENDPOINT_SHAPES['200 HTML (an SPA fallback, a login page)']);
    assert.ok(minute <= SCHEDULE.minute);
    assert.deepEqual([...new Set(paths)], ['/api/v2/summary.json']);
  });

  test('a base URL whose host answers HTML everywhere: one search, then the schedule', async () => {
    for (const path of ['/', '/status']) {
      const { minute, tenMinutes, paths } = await measure((req, res) => answer.html(res), { path });
      assert.ok(minute <= SEARCH + SCHEDULE.minute, `${path}: ${minute} requests in the first minute`);
      assert.ok(tenMinutes <= SEARCH + SCHEDULE.tenMinutes, `${path}: ${tenMinutes} requests in ten minutes`);
      // Searched once: no candidate is asked twice in the first minute of the search, and later only one URL is.
      const later = paths.slice(SEARCH + 1);
      assert.ok(new Set(later).size <= 1, `${path}: after the search, ${[...new Set(later)].join(', ')}`);
    }
  });

  test('a base URL whose host answers 200 with an empty body, or JSON null, everywhere: one search, then the schedule', async () => {
    for (const body of ['', 'null']) {
      const { minute, tenMinutes } = await measure((req, res) => answer.json(res, 200, body), { path: '/' });
      assert.ok(minute <= SEARCH + SCHEDULE.minute, `${JSON.stringify(body)}: ${minute}`);
      assert.ok(tenMinutes <= SEARCH + SCHEDULE.tenMinutes, `${JSON.stringify(body)}: ${tenMinutes}`);
    }
  });

  test('a base URL where every candidate is missing: one search, then nothing', async () => {
    const { tenMinutes, state } = await measure((req, res) => answer.text(res, 404), { path: '/' });
    assert.ok(tenMinutes <= SEARCH, `${tenMinutes}`);
    assert.equal(state.status, 'error');
  });

  test('a base URL whose host is down: one request per attempt, not one per candidate', async () => {
    const { minute, tenMinutes } = await measure((req) => req.socket.destroy(), { path: '/' });
    assert.ok(minute <= SCHEDULE.minute, `${minute}`);
    assert.ok(tenMinutes <= SCHEDULE.tenMinutes, `${tenMinutes}`);
  });
});
