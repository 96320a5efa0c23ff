// The demo's status side in the native protocol (docs/protocol.md), as `npm start` runs it: the relay in front of
// the scripted timeline. The snapshot JSON is the timeline's Statuspage summary read by the real parser; the
// stream pushes each phase; notices published by hand (scripts/publish.mjs) go through the relay's
// authenticated API and show beside the timeline's. Real HTTP on port 0; the timeline moves with advance() and an
// injected clock; every wait is bounded.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { createPageServer } from '../../examples/html/serve.mjs';
import { PHASES } from '../../examples/status-server/timeline.mjs';
import { openStream } from '../../packages/relay/test/helpers/sse.mjs';
import { startDemoStatus } from '../../scripts/demo-status.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const builds = ['packages/core/dist/index.js', 'packages/relay/dist/index.js'].map((file) => path.join(repoRoot, file));
// The relay reads the timeline through the built parser, so without a build there is nothing to test.
const skip = !builds.every(existsSync) && 'packages/core and packages/relay are not built: run `npm run build` first';
const { parseStatus } = skip ? {} : await import(pathToFileURL(builds[0]).href);

const START = Date.parse('2024-05-01T12:00:00.000Z');
const STEP_MS = 6000;
const NATIVE_KEYS = ['provider', 'version', 'page', 'indicator', 'notices', 'components', 'pollAfterSeconds', 'staleAfterSeconds', 'upstream'];

/** The demo's relay and timeline on free ports, the timer off, and a clock the test moves. */
async function startDemo(t, options = {}) {
  const clock = { ms: START };
  const demo = await startDemoStatus({ port: 0, autoAdvance: false, now: () => new Date(clock.ms), ...options });
  t.after(() => demo.close());
  return {
    demo,
    clock,
    advance() {
      clock.ms += STEP_MS;
      return demo.advance();
    },
    native: () => getJson(`${demo.url}/status.json`),
  };
}

async function getJson(url) {
  const res = await fetch(url);
  assert.equal(res.status, 200, `${url} answered ${res.status}`);
  return res.json();
}

/** What a version stands for: the snapshot without its version, hints and upstream state. */
const content = ({ page, indicator, notices, components }) => ({ page, indicator, notices, components });

describe('the demo relay’s snapshot', { skip }, () => {
  test('is the timeline’s summary read by parseStatus, with a version and hints, at every step', async (t) => {
    const { demo, clock, advance, native } = await startDemo(t);
    for (let step = 0; step <= PHASES.length; step += 1) {
      if (step > 0) await advance();
      const where = `step ${step} (${demo.timeline.phase()})`;
      const snapshot = await native();
      assert.deepEqual(Object.keys(snapshot), NATIVE_KEYS, where);
      assert.equal(snapshot.provider, 'native', where);
      assert.ok(Number.isSafeInteger(snapshot.version), where);
      assert.deepEqual([snapshot.pollAfterSeconds, snapshot.staleAfterSeconds], [6, 60], where);
      assert.deepEqual(snapshot.upstream, { state: 'ok', since: snapshot.upstream.since, provider: 'statuspage' }, where);

      const summary = parseStatus(await getJson(demo.timeline.summaryUrl), { now: new Date(clock.ms) });
      assert.deepEqual(content(snapshot), content(summary), where);
      const reread = parseStatus(snapshot, { provider: 'native', now: new Date(clock.ms) });
      assert.deepEqual(content(reread), content(snapshot), `parseStatus reads it back unchanged, ${where}`);
      assert.deepEqual(demo.relay.snapshot(), snapshot, where);
    }
  });

  test('goes up one version per change of content, never otherwise, across loops', async (t) => {
    const { demo, advance, native } = await startDemo(t);
    const first = await native();
    assert.equal(first.version, START + 1, 'from the clock: the empty start, then the first read');
    let previous = first;
    let unchanged = 0;
    for (let step = 1; step <= 2 * PHASES.length + 1; step += 1) {
      await advance();
      const snapshot = await native();
      const same = JSON.stringify(content(snapshot)) === JSON.stringify(content(previous));
      if (same) unchanged += 1;
      assert.equal(snapshot.version, previous.version + (same ? 0 : 1), `step ${step} (${demo.timeline.phase()})`);
      previous = snapshot;
    }
    // From maintenance-completed to the next loop's operational nothing a banner shows changes.
    assert.equal(unchanged, 2, 'one unchanged step per loop');
    assert.deepEqual(await native(), previous, 'a refetch is the same version');
  });

  test('sends CORS, ETag and caching headers fit for a CDN', async (t) => {
    const { demo, advance } = await startDemo(t);
    const url = `${demo.url}/status.json`;
    const res = await fetch(url);
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.equal(res.headers.get('access-control-expose-headers'), 'ETag, Retry-After, Date');
    assert.equal(res.headers.get('cache-control'), 'public, max-age=1, stale-while-revalidate=6, stale-if-error=86400');
    assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8');
    const etag = res.headers.get('etag');
    await res.arrayBuffer();
    assert.equal((await fetch(url, { headers: { 'If-None-Match': etag } })).status, 304);
    await advance();
    const next = await fetch(url, { headers: { 'If-None-Match': etag } });
    assert.equal(next.status, 200, 'a new version, a new ETag');
    await next.arrayBuffer();
  });
});

describe('the demo relay’s stream', { skip }, () => {
  test('pushes each phase as the timeline moves, and nothing for a step that changes nothing', async (t) => {
    const { demo, advance, native } = await startDemo(t);
    const stream = await openStream(t, `${demo.url}/stream`);
    assert.equal(stream.res.headers.get('content-type'), 'text/event-stream; charset=utf-8');
    const { retry } = await stream.next();
    assert.ok(retry >= 2000 && retry <= 3000, `retry ${retry}`);
    const current = await native();
    assert.deepEqual(await stream.next(), { event: 'snapshot', id: String(current.version), data: current });

    await advance();
    const pushed = await stream.nextEvent();
    assert.deepEqual(pushed.data, await native());
    assert.equal(pushed.data.indicator, 'major');
    while (demo.timeline.phase() !== 'maintenance-completed') {
      await advance();
      assert.equal((await stream.nextEvent()).data.version, (await native()).version);
    }
    const { version } = await native();
    await advance();
    assert.equal(demo.timeline.phase(), 'operational');
    await advance();
    const after = await stream.nextEvent();
    assert.equal(after.id, String(version + 1), 'nothing was pushed for the unchanged step');
    assert.equal(after.data.indicator, 'major');
  });

  test('reads the timeline at once on its webhook, without waiting for the interval', async (t) => {
    const { demo, native } = await startDemo(t);
    const stream = await openStream(t, `${demo.url}/stream`);
    await stream.nextEvent();
    demo.timeline.advance(); // no readNow(): only the webhook tells the relay
    const pushed = await stream.nextEvent(3000);
    assert.equal(pushed.data.indicator, 'major');
    assert.deepEqual(pushed.data, await native());
  });
});

describe('publishing by hand', { skip }, () => {
  async function publisher(t, demo) {
    const dir = await mkdtemp(path.join(tmpdir(), 'status-banner-demo-state-'));
    t.after(() => rm(dir, { recursive: true, force: true }));
    await writeFile(path.join(dir, 'relay.json'), JSON.stringify({ url: demo.url, token: demo.token }));
    const script = path.join(repoRoot, 'scripts/publish.mjs');
    return (...args) => promisify(execFile)(process.execPath, [script, ...args], { env: { ...process.env, STATUS_BANNER_DEMO_DIR: dir } });
  }

  test('scripts/publish.mjs posts through the relay’s API: a notice beside the timeline’s, an update, a clear', async (t) => {
    const { demo, advance, native } = await startDemo(t);
    const run = await publisher(t, demo);
    const stream = await openStream(t, `${demo.url}/stream`);
    await stream.nextEvent();
    const { version } = await native();

    const { stdout } = await run('Something broke', '--severity', 'major', '--message', 'Looking into it.');
    assert.equal(stdout, `version ${version + 1}  major: Something broke\n`);
    const pushed = (await stream.nextEvent()).data;
    assert.deepEqual(pushed, await native());
    const [notice] = pushed.notices;
    assert.deepEqual([notice.title, notice.message, notice.phase, notice.kind], ['Something broke', 'Looking into it.', 'investigating', 'incident']);

    // The timeline moves on; the notice published by hand stays, beside the timeline's incident.
    await advance();
    const merged = await native();
    assert.deepEqual(merged.notices.map((n) => n.title).sort(), ['Elevated error rates on the API', 'Something broke']);

    const updated = await run('Something broke', '--severity', 'critical', '--id', notice.id);
    assert.match(updated.stdout, /^version \d+ {2}critical: Something broke; major: Elevated error rates on the API\n$/);
    const shown = (await native()).notices[0];
    assert.deepEqual([shown.id, shown.severity], [notice.id, 'critical']);
    assert.notEqual(shown.revision, notice.revision, 'as news, so a dismissed banner comes back');

    assert.match((await run('--clear')).stdout, /^version \d+ {2}major: Elevated error rates on the API\n$/);
    assert.deepEqual((await native()).notices.map((n) => n.title), ['Elevated error rates on the API']);

    await assert.rejects(run('No severity'), (error) => error.code === 1 && /severity must be one of/.test(error.stderr));
    await assert.rejects(run('Title', '--clear'), (error) => error.code === 1 && /usage:/.test(error.stderr));
    await assert.rejects(run('x', '--severity', 'minor', '--token', 'wrong'), (error) => error.code === 1 && /401/.test(error.stderr));
  });

  test('the demo page reads the relay and says how to publish', async (t) => {
    const { demo } = await startDemo(t);
    const page = await createPageServer({ port: 0, statusUrl: demo.url });
    t.after(() => page.close());
    const html = await (await fetch(`${page.url}/`)).text();
    const [tag] = html.match(/<script\b[^>]*>/g) ?? [];
    assert.ok(tag.includes(`data-src="${demo.url}/status.json"`), tag);
    assert.ok(tag.includes(`data-stream="${demo.url}/stream"`), tag);
    assert.match(html, /npm run publish -- "Something broke" --severity major/);
  });
});
