// The demo status server in the native protocol (docs/protocol.md): the snapshot JSON, the event stream, and
// updates published by hand. Real HTTP on port 0; the timeline moves with advance() and an injected clock. Streams
// are read with fetch and a small line reader; every wait is bounded by a short heartbeat, never a sleep.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { createPageServer } from '../../examples/html/serve.mjs';
import { createStatusServer } from '../../examples/status-server/server.mjs';
import { PHASES } from '../../examples/status-server/timeline.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const coreBuild = path.join(repoRoot, 'packages/core/dist/index.js');
// The server reads the timeline through the built parser, so without a build there is nothing to test.
const skip = !existsSync(coreBuild) && 'packages/core/dist is missing: run `npm run build` first';
const { parseStatus } = skip ? {} : await import(pathToFileURL(coreBuild).href);

const START = Date.parse('2024-05-01T12:00:00.000Z');
const STEP_MS = 6000;
const HEARTBEAT_SECONDS = 0.05;
const NATIVE_KEYS = [
  'provider',
  'version',
  'page',
  'indicator',
  'notices',
  'components',
  'pollAfterSeconds',
  'staleAfterSeconds',
];

/** A status server on a free port with the timer off, fast heartbeats and a clock the test moves. */
async function startStatus(t, options = {}) {
  const clock = { ms: START };
  const server = await createStatusServer({
    port: 0,
    autoAdvance: false,
    heartbeatSeconds: HEARTBEAT_SECONDS,
    now: () => new Date(clock.ms),
    ...options,
  });
  t.after(() => server.close());
  return {
    server,
    clock,
    advance() {
      clock.ms += STEP_MS;
      return server.advance();
    },
    native: () => getJson(`${server.url}/api/native.json`),
    publish: (body, headers = {}) =>
      fetch(`${server.url}/api/publish`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
  };
}

async function getJson(url) {
  const res = await fetch(url);
  assert.equal(res.status, 200, `${url} answered ${res.status}`);
  return res.json();
}

/** What a version stands for: the snapshot without its version and hints. */
const content = ({ page, indicator, notices, components }) => ({ page, indicator, notices, components });

/** Rejects when `promise` takes longer than `ms`, so a missing event fails the test instead of hanging it. */
function within(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`nothing within ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Opens an event stream and reads it item by item, in order of arrival: `{ retry }` for a retry field,
 * `{ comment }` for a comment line, `{ event, id, data }` for each dispatched event (data parsed as JSON), and
 * `{ end: true }` when the server closes it. Aborted when `t` ends.
 */
async function openStream(t, url, headers = {}) {
  const abort = new AbortController();
  t.after(() => abort.abort());
  const res = await fetch(url, { headers: { Accept: 'text/event-stream', ...headers }, signal: abort.signal });
  const reader = res.body?.getReader();
  const decoder = new TextDecoder();
  const items = [];
  let buffer = '';
  let fields = {};

  function readLine(line) {
    if (line === '') {
      // A blank line dispatches the event; a block without data (such as the retry block) dispatches nothing.
      if (fields.data !== undefined) {
        items.push({ event: fields.event ?? 'message', id: fields.id, data: JSON.parse(fields.data) });
      }
      fields = {};
      return;
    }
    if (line.startsWith(':')) {
      items.push({ comment: line.slice(1).trim() });
      return;
    }
    const colon = line.indexOf(':');
    const name = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (name === 'retry') items.push({ retry: Number(value) });
    else fields[name] = name === 'data' && fields.data !== undefined ? `${fields.data}\n${value}` : value;
  }

  /** The next item; heartbeats every 50 ms make 2 s a generous bound. */
  async function next() {
    while (items.length === 0) {
      const newline = buffer.indexOf('\n');
      if (newline !== -1) {
        readLine(buffer.slice(0, newline));
        buffer = buffer.slice(newline + 1);
        continue;
      }
      const chunk = await within(reader.read(), 2000, `reading ${url}`);
      if (chunk.done) return { end: true };
      buffer += decoder.decode(chunk.value, { stream: true });
    }
    return items.shift();
  }

  /** The next event, skipping heartbeats. */
  async function nextEvent() {
    for (;;) {
      const item = await next();
      if (item.comment === undefined) return item;
    }
  }

  return { res, next, nextEvent };
}

/** Opens a stream and reads past its retry field and first snapshot. */
async function openCaughtUp(t, url) {
  const stream = await openStream(t, url);
  assert.ok((await stream.next()).retry);
  assert.equal((await stream.next()).event, 'snapshot');
  return stream;
}

describe('native snapshot JSON', { skip }, () => {
  test('is the Statuspage summary read by parseStatus, with a version and hints, at every step', async (t) => {
    const { server, clock, advance, native } = await startStatus(t);
    for (let step = 0; step <= PHASES.length; step += 1) {
      if (step > 0) advance();
      const where = `step ${step} (${server.phase()})`;
      const now = new Date(clock.ms);
      const snapshot = await native();
      assert.deepEqual(Object.keys(snapshot), NATIVE_KEYS, where);
      assert.equal(snapshot.provider, 'native', where);
      assert.ok(Number.isSafeInteger(snapshot.version), where);
      assert.equal(snapshot.pollAfterSeconds, 6, where);
      assert.equal(snapshot.staleAfterSeconds, 60, where);

      const summary = parseStatus(await getJson(`${server.url}/api/v2/summary.json`), { now });
      assert.deepEqual(content(snapshot), content(summary), where);

      const reread = parseStatus(snapshot, { provider: 'native', now });
      assert.equal(reread.provider, 'native', where);
      assert.equal(reread.version, snapshot.version, where);
      assert.deepEqual(content(reread), content(snapshot), `parseStatus reads it back unchanged, ${where}`);
      assert.deepEqual(server.snapshot(), snapshot, where);
    }
  });

  test('takes its hints from the step time, within bounds', async (t) => {
    const fast = (await startStatus(t, { stepSeconds: 0.5 })).server.snapshot();
    assert.deepEqual([fast.pollAfterSeconds, fast.staleAfterSeconds], [1, 60]);
    const slow = (await startStatus(t, { stepSeconds: 30 })).server.snapshot();
    assert.deepEqual([slow.pollAfterSeconds, slow.staleAfterSeconds], [30, 300]);
  });

  test('goes up one version per change of content, never otherwise, across loops', async (t) => {
    const { server, advance, native } = await startStatus(t);
    const first = await native();
    let previous = first;
    let unchanged = 0;
    for (let step = 1; step <= 2 * PHASES.length + 1; step += 1) {
      advance();
      const snapshot = await native();
      const same = JSON.stringify(content(snapshot)) === JSON.stringify(content(previous));
      if (same) unchanged += 1;
      assert.equal(snapshot.version, previous.version + (same ? 0 : 1), `step ${step} (${server.phase()})`);
      previous = snapshot;
    }
    // From maintenance-completed to the next loop's operational nothing a banner shows changes.
    assert.equal(unchanged, 2, 'one unchanged step per loop');
    assert.equal(previous.version, first.version + 2 * PHASES.length - 1);
    assert.deepEqual(await native(), previous, 'a refetch is the same version');
  });

  test('sends the same CORS, ETag and caching headers as the Statuspage JSON', async (t) => {
    const { server, advance } = await startStatus(t);
    const url = `${server.url}/api/native.json`;
    const res = await fetch(url);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.equal(res.headers.get('access-control-expose-headers'), 'ETag, Retry-After, Date');
    assert.equal(res.headers.get('cache-control'), 'public, max-age=1, must-revalidate');
    assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8');
    const etag = res.headers.get('etag');
    assert.match(etag, /^"[A-Za-z0-9_-]+"$/);
    await res.arrayBuffer();

    const again = await fetch(url, { headers: { 'If-None-Match': etag } });
    assert.equal(again.status, 304);
    await again.arrayBuffer();
    advance();
    const next = await fetch(url, { headers: { 'If-None-Match': etag } });
    assert.equal(next.status, 200, 'a new version, a new ETag');
    await next.arrayBuffer();
  });
});

describe('event stream', { skip }, () => {
  test('answers with event-stream headers, a retry time, then the current snapshot at once', async (t) => {
    const { server, native } = await startStatus(t);
    const { res, next } = await openStream(t, `${server.url}/api/stream`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/event-stream; charset=utf-8');
    assert.equal(res.headers.get('cache-control'), 'no-cache, no-transform');
    assert.equal(res.headers.get('x-accel-buffering'), 'no');
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.equal(res.headers.get('access-control-expose-headers'), 'Retry-After, Date');

    const { retry } = await next();
    assert.ok(Number.isInteger(retry) && retry >= 2000 && retry <= 3000, `retry ${retry} in [2000, 3000]`);
    const current = await native();
    assert.deepEqual(await next(), { event: 'snapshot', id: String(current.version), data: current });
  });

  test('pushes each change as it happens, and heartbeats in between', async (t) => {
    const { server, advance, native } = await startStatus(t);
    const stream = await openCaughtUp(t, `${server.url}/api/stream`);
    assert.deepEqual(await stream.next(), { comment: 'heartbeat' });

    advance();
    const pushed = await stream.nextEvent();
    const current = await native();
    assert.deepEqual(pushed, { event: 'snapshot', id: String(current.version), data: current });
    assert.equal(pushed.data.indicator, 'major');

    // Loop to maintenance-completed, then on to operational, where nothing a banner shows changes.
    while (server.phase() !== 'maintenance-completed') {
      advance();
      assert.equal((await stream.nextEvent()).data.version, (await native()).version);
    }
    const { version } = await native();
    advance();
    assert.equal(server.phase(), 'operational');
    advance();
    const after = await stream.nextEvent();
    assert.equal(after.id, String(version + 1), 'nothing was pushed for the unchanged step');
    assert.equal(after.data.indicator, 'major');
  });

  test('sends nothing on reconnect until the next change when Last-Event-ID is current', async (t) => {
    const { server, advance, native } = await startStatus(t);
    const url = `${server.url}/api/stream`;
    const { version } = await native();

    const caughtUp = await openStream(t, url, { 'Last-Event-ID': String(version) });
    assert.ok((await caughtUp.next()).retry);
    assert.deepEqual(await caughtUp.next(), { comment: 'heartbeat' }, 'no snapshot: nothing was missed');
    advance();
    assert.equal((await caughtUp.nextEvent()).id, String(version + 1));

    const behind = await openStream(t, url, { 'Last-Event-ID': String(version) });
    assert.ok((await behind.next()).retry);
    assert.deepEqual(await behind.next(), { event: 'snapshot', id: String(version + 1), data: await native() });
  });

  test('answers the CORS preflight of a reconnect', async (t) => {
    const { server } = await startStatus(t);
    const res = await fetch(`${server.url}/api/stream`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:8080',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'last-event-id',
      },
    });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.equal(res.headers.get('access-control-allow-headers'), 'Last-Event-ID');
    assert.equal(res.headers.get('access-control-max-age'), '86400');
    assert.equal(await res.text(), '');
  });

  test('answers 204 with stream: false, telling clients to poll', async (t) => {
    const { server } = await startStatus(t, { stream: false });
    const res = await fetch(`${server.url}/api/stream`, { headers: { Accept: 'text/event-stream' } });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.equal(await res.text(), '');
    assert.equal((await getJson(`${server.url}/api/native.json`)).provider, 'native', 'the JSON is still served');
  });
});

describe('publishing by hand', { skip }, () => {
  test('pushes a full native snapshot to every stream and serves it until the next step', async (t) => {
    const { server, advance, native, publish } = await startStatus(t);
    const url = `${server.url}/api/stream`;
    const streams = [await openCaughtUp(t, url), await openCaughtUp(t, url)];
    const { version } = await native();

    const sent = {
      version: 1,
      page: { name: 'Acme Cloud' },
      indicator: 'critical',
      notices: [
        {
          id: 'db-1',
          kind: 'incident',
          title: 'Managed databases unreachable',
          severity: 'critical',
          phase: 'identified',
          message: 'A storage node failed.\n\nFailover is under way.',
          componentIds: ['d2v6c8j1n4rf'],
          revision: 'r1',
        },
      ],
      components: [{ id: 'd2v6c8j1n4rf', name: 'Managed databases', status: 'major_outage' }],
    };
    const res = await publish(sent);
    assert.equal(res.status, 200);
    const answered = await res.json();
    assert.equal(answered.version, version + 1, 'the next version, whatever the body said');
    assert.deepEqual(content(answered), content(parseStatus(sent, { provider: 'native' })));
    for (const stream of streams) assert.deepEqual((await stream.nextEvent()).data, answered);
    assert.deepEqual(await native(), answered);

    advance();
    const timeline = await native();
    assert.equal(timeline.version, version + 2);
    assert.equal(timeline.notices[0].title, 'Elevated error rates on the API', 'the next step ends it');
    for (const stream of streams) assert.deepEqual((await stream.nextEvent()).data, timeline);
  });

  test('builds a one-notice snapshot from the short form, and clears and resumes', async (t) => {
    const { server, clock, native, publish } = await startStatus(t);
    const stream = await openCaughtUp(t, `${server.url}/api/stream`);
    const { version } = await native();
    const pushed = async () => (await stream.nextEvent()).data;

    const broke = await (await publish({ title: 'Something broke', severity: 'major', message: 'Looking into it.' })).json();
    assert.equal(broke.version, version + 1);
    assert.equal(broke.indicator, 'major');
    assert.equal(broke.page.name, 'Acme Cloud', 'the page stays the timeline’s');
    assert.equal(broke.notices.length, 1);
    const [notice] = broke.notices;
    assert.equal(notice.kind, 'incident');
    assert.equal(notice.title, 'Something broke');
    assert.equal(notice.severity, 'major');
    assert.equal(notice.phase, 'investigating');
    assert.equal(notice.message, 'Looking into it.');
    assert.equal(notice.updatedAt, new Date(clock.ms).toISOString());
    assert.deepEqual(await pushed(), broke);

    clock.ms += 1000;
    const again = await (await publish({ title: 'Something broke', severity: 'critical' })).json();
    assert.equal(again.version, version + 2);
    assert.equal(again.notices[0].id, notice.id, 'the same title updates the same notice');
    assert.notEqual(again.notices[0].revision, notice.revision, 'as news, so a dismissed banner comes back');
    assert.deepEqual(await pushed(), again);

    const planned = await (await publish({ title: 'Upgrading storage', severity: 'maintenance', id: 'mnt-7' })).json();
    assert.equal(planned.indicator, 'maintenance');
    const { id, kind, phase } = planned.notices[0];
    assert.deepEqual([id, kind, phase], ['mnt-7', 'maintenance', 'in_progress']);
    assert.deepEqual(await pushed(), planned);

    const clear = await (await publish({ clear: true })).json();
    assert.equal(clear.version, version + 4);
    assert.deepEqual([clear.indicator, clear.notices], ['none', []]);
    assert.deepEqual(await pushed(), clear);

    const same = await (await publish({ clear: true })).json();
    assert.equal(same.version, clear.version, 'the same content keeps its version, and is not pushed again');

    const resumed = await (await publish({ resume: true })).json();
    assert.equal(resumed.version, version + 5);
    const summary = parseStatus(await getJson(`${server.url}/api/v2/summary.json`), { now: new Date(clock.ms) });
    assert.deepEqual(content(resumed), content(summary), 'back to the timeline');
    assert.deepEqual(await pushed(), resumed);
    assert.deepEqual(await native(), resumed);
  });

  test('refuses what it cannot read, and anything but this machine’s command line', async (t) => {
    const { server, native, publish } = await startStatus(t);
    const before = await native();
    const invalid = [
      'not json',
      [],
      {},
      { notices: 'none' },
      { title: 'No severity' },
      { title: 'Wrong severity', severity: 'none' },
      { title: ' \u0007 ', severity: 'minor' },
      { message: 'No title', severity: 'minor' },
    ];
    for (const body of invalid) {
      const res = await publish(body);
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8');
      const answer = await res.json();
      assert.equal(answer.error, 'invalid_update');
      assert.ok(answer.message, JSON.stringify(body));
    }

    const fromPage = await publish({ clear: true }, { Origin: 'http://localhost:8080' });
    assert.equal(fromPage.status, 403, 'a web page may not publish');
    await fromPage.arrayBuffer();
    const huge = await publish({ title: 'x'.repeat(300 * 1024), severity: 'minor' });
    assert.equal(huge.status, 413);
    await huge.arrayBuffer();
    const get = await fetch(`${server.url}/api/publish`);
    assert.equal(get.status, 405);
    assert.equal(get.headers.get('allow'), 'POST');
    await get.arrayBuffer();

    assert.deepEqual(await native(), before, 'nothing changed');
  });

  test('scripts/publish.mjs posts the short form, a clear and a resume', async (t) => {
    const { server, native } = await startStatus(t);
    const script = path.join(repoRoot, 'scripts/publish.mjs');
    const run = (...args) => promisify(execFile)(process.execPath, [script, ...args, '--url', server.url]);
    const { version } = await native();

    const { stdout } = await run('Something broke', '--severity', 'major', '--message', 'Looking into it.');
    assert.equal(stdout, `version ${version + 1}  major: Something broke\n`);
    const { notices } = await native();
    assert.deepEqual([notices[0].title, notices[0].message], ['Something broke', 'Looking into it.']);

    assert.equal((await run('--clear')).stdout, `version ${version + 2}  all clear\n`);
    await run('--resume');
    assert.equal((await native()).version, version + 3);

    await assert.rejects(run('No severity'), (error) => error.code === 1 && /severity must be one of/.test(error.stderr));
    await assert.rejects(run('Title', '--clear'), (error) => error.code === 1 && /usage:/.test(error.stderr));
  });
});

describe('demo page', { skip }, () => {
  test('streams from the status server and says how to publish', async (t) => {
    const { server } = await startStatus(t);
    const page = await createPageServer({ port: 0, statusUrl: server.url });
    t.after(() => page.close());
    const html = await (await fetch(`${page.url}/`)).text();
    const [tag] = html.match(/<script\b[^>]*>/g) ?? [];
    assert.ok(tag.includes(`data-src="${server.url}"`), tag);
    assert.ok(tag.includes(`data-stream="${server.url}/api/stream"`), tag);
    assert.match(html, /npm run publish -- "Something broke" --severity major/);
  });
});
