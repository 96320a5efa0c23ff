// RELIABILITY.md section B: polling over HTTP, against real endpoints of the test server. Named by case ID.
// Cases also proven elsewhere: POLL-06's "last good snapshot stays" and POLL-08/09's "no request while hidden
// or offline" in client.test.ts; POLL-11 in csp.test.ts.

import { expect } from '@open-wc/testing';
import { createMemoryStorage, resolveEndpoint, StatusFetchError, type StatusStorage } from '@status-banner/core';
import { retryAfterDelay } from '../src/transports/backoff.js';
import { client, clients, controlledEnvironment, keep, until, watched } from '../../../test/helpers/clients.js';
import { trapPageErrors, type PageErrorTrap } from '../../../test/helpers/page-errors.js';
import { nativePayload } from '../../../test/helpers/payloads.js';
import { configure, endpoint, requestLog, requests } from '../../../test/helpers/status-server.js';
import { settled, testClock, tick, turns, type TestClock } from '../../../test/helpers/test-clock.js';

const gaps = (log: { at: number }[]) => log.slice(1).map((entry, i) => entry.at - log[i]!.at);

/**
 * Fires the client's next timer and resolves, at the virtual time it fired, once request `count` has arrived and
 * the client has settled it: its deadline timer is gone and the next poll is set. Without the last wait, a request
 * that reached the server but whose answer the client had not read yet leaves its deadline as the one timer
 * waiting, and the next tick would fire that instead of the next poll (POLL-06 on a loaded machine).
 */
async function nextRequest(time: TestClock, src: string, count: number): Promise<{ at: number }> {
  await settled(() => time.pending === 1, 'the next request set');
  // The request's deadline and the poll after it will be the next two timers set.
  const created = time.created;
  time.advance(time.next!);
  const at = time.now;
  await requests(src, count);
  await settled(() => time.created >= created + 2 && time.pending === 1, `request ${count} settled and the next set`);
  return { at };
}

describe('Polling', () => {
  let trap: PageErrorTrap;
  let warn: typeof console.warn;
  let warnings: string[];
  beforeEach(() => {
    trap = trapPageErrors();
    warn = console.warn;
    warnings = [];
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
  });
  afterEach(() => {
    for (const c of clients.splice(0)) c.destroy();
    console.warn = warn;
    trap.stop();
    expect(trap.errors, 'errors that reached window').to.deep.equal([]);
  });

  it('POLL-01: an unchanged status is revalidated by the browser cache (304): no storage write, no listener call', async () => {
    const src = await endpoint({ body: nativePayload([{ id: 'a' }]), etag: true, cacheControl: 'no-cache' });
    const memory = createMemoryStorage();
    const writes: string[] = [];
    const storage: StatusStorage = { get: (key) => memory.get(key), set: (key, value) => (writes.push(key), memory.set(key, value)) };
    const time = testClock();
    const c = keep(client({ src, storage, clock: time.clock }));
    await tick(time);
    await until(c, (s) => s.status === 'ready');
    await settled(() => time.pending === 1, 'the next poll set');
    const calls: unknown[] = [];
    c.subscribe((state) => calls.push(state));
    const written = writes.length;
    await c.refresh();
    await c.refresh();
    const log = await requestLog(src);
    expect(log).to.have.length(3);
    // The browser, not the client, added the validator: no hand-set If-None-Match, no preflight.
    expect(log[0]!.headers['if-none-match']).to.equal(undefined);
    expect(log[1]!.headers['if-none-match']).to.match(/^"/);
    expect(calls).to.deep.equal([]);
    expect(writes.length).to.equal(written);
  });

  it("POLL-02: a client asking every 100 ms reaches the network once while the server's max-age holds", async () => {
    const src = await endpoint({ body: nativePayload([{ id: 'a' }]), etag: true, cacheControl: 'max-age=30' });
    const time = testClock();
    const c = keep(client({ src, clock: time.clock }));
    await tick(time);
    await until(c, (s) => s.status === 'ready');
    // The client's clock moves 100 ms between asks; the browser's cache keeps its own (real) time, well within 30 s.
    for (let i = 0; i < 10; i += 1) {
      await c.refresh();
      time.advance(100);
    }
    expect(await requestLog(src)).to.have.length(1);
  });

  it('POLL-03: Retry-After as seconds or an HTTP date is honoured, garbage is ignored, a huge value is clamped to 1 h', async () => {
    const at = (retryAfter: string, date = 'Thu, 01 Jan 2026 00:00:00 GMT') => retryAfterDelay(new Headers({ 'Retry-After': retryAfter, Date: date }));
    expect(at('120')).to.equal(120_000);
    expect(at('Thu, 01 Jan 2026 00:02:00 GMT')).to.equal(120_000);
    expect(at('soon')).to.equal(undefined);
    expect(at('315360000'), 'ten years').to.equal(3_600_000);
    expect(at('0'), 'never a hot loop').to.equal(1000);

    // A date 2 s after the server's own clock: the wait is measured against the response's Date header.
    const serverNow = Math.floor(Date.now() / 1000) * 1000;
    const headers = { Date: new Date(serverNow).toUTCString(), 'Retry-After': new Date(serverNow + 2000).toUTCString() };
    const dated = await endpoint({ status: 503, headers }, { body: nativePayload([]) });
    const garbage = await endpoint({ status: 503, headers: { 'Retry-After': 'soon' } }, { body: nativePayload([]) });
    const d = keep(client({ src: dated }));
    const c = keep(client({ src: garbage }));
    // Garbage is ignored: plain backoff (0 with this client's jitter), not a wait.
    await until(c, (s) => s.status === 'ready', 1500);
    await until(d, (s) => s.status === 'ready', 4000);
    const [first, second] = await requestLog(dated);
    expect(second!.at - first!.at).to.be.within(1950, 2600);
  });

  it('POLL-12: a device clock a day off cannot turn a Retry-After date into "now": it is measured on the server clock', async () => {
    // The server says it is a day before the device thinks, and to come back 2 s after its own "now". Against
    // the device clock that date is long past (a retry at once); against the server's Date it is 2 s.
    const serverNow = Math.floor(Date.now() / 1000) * 1000 - 864e5;
    const headers = { Date: new Date(serverNow).toUTCString(), 'Retry-After': new Date(serverNow + 2000).toUTCString() };
    const src = await endpoint({ status: 503, headers }, { body: nativePayload([]) });
    const c = keep(client({ src }));
    await until(c, (s) => s.status === 'ready', 4000);
    const [first, second] = await requestLog(src);
    expect(second!.at - first!.at).to.be.within(1950, 2600);
  });

  it('POLL-12: maintenance windows are judged on the server clock when its Date header can be read', async () => {
    // The device is two days behind the server. Maintenance starts an hour from the server's "now": within the
    // 24 h lead on the server clock, two days off on the device clock.
    const serverNow = Date.now() + 2 * 864e5;
    const window = { kind: 'maintenance' as const, severity: 'maintenance' as const, phase: 'scheduled' as const };
    const body = nativePayload([{ id: 'm', ...window, scheduledStart: new Date(serverNow + 36e5).toISOString(), scheduledEnd: new Date(serverNow + 72e5).toISOString() }]);
    const skewed = await endpoint({ body, headers: { Date: new Date(serverNow).toUTCString() } });
    const state = await until(keep(client({ src: skewed })), (s) => s.status === 'ready');
    expect(state.notices.map((n) => n.id)).to.deep.equal(['m']);
    // Without a readable Date (a cross-origin server that does not expose it), the device clock decides.
    const plain = await endpoint({ body, headers: { 'Access-Control-Expose-Headers': 'ETag' } });
    const unexposed = plain.replace('//localhost:', '//127.0.0.1:');
    const other = await until(keep(client({ src: unexposed })), (s) => s.status === 'ready');
    expect(other.notices).to.deep.equal([]);
  });

  it('POLL-04: a 429 is backed off and retried like a 503, never taken as an outage or a reason to stop', async () => {
    const src = await endpoint({ body: nativePayload([{ id: 'a', severity: 'minor' }]) });
    const c = keep(client({ src, random: () => 0 }));
    await until(c, (s) => s.status === 'ready');
    await configure(src, { status: 429, headers: { 'Retry-After': '1' } }, { body: nativePayload([{ id: 'b', severity: 'minor' }]) });
    await c.refresh();
    expect((c.getSnapshot().error as StatusFetchError).status).to.equal(429);
    expect(c.getSnapshot().notices.map((n) => n.id)).to.deep.equal(['a']);
    await until(c, (s) => s.notices[0]?.id === 'b', 3000);
    const log = await requestLog(src);
    expect(gaps(log)[0]).to.be.at.least(950);
  });

  it('POLL-05: 400, 401, 403 and 404 stop polling for the session, with one console warning each', async () => {
    for (const status of [400, 401, 403, 404]) {
      const src = await endpoint({ status });
      const time = testClock();
      const c = keep(client({ src, clock: time.clock }));
      await tick(time);
      await until(c, (s) => s.status === 'error');
      time.advance(3_600_000);
      expect(time.pending, `HTTP ${status}: nothing set to run`).to.equal(0);
      expect(await requestLog(src), `HTTP ${status}`).to.have.length(1);
    }
    for (const status of [400, 401, 403, 404]) expect(warnings.filter((line) => line.includes(`HTTP ${status}`))).to.have.length(1);
  });

  it('POLL-06: a failing endpoint is retried with full-jitter exponential backoff, not at a fixed rate', async () => {
    const src = await endpoint({ status: 503 });
    // Jitter near its top: 0.99 s, 1.98 s, 3.96 s ...
    const time = testClock();
    const c = keep(client({ src, random: () => 0.99, clock: time.clock }));
    const log = [await nextRequest(time, src, 1)];
    await until(c, (s) => s.status === 'error');
    log.push(await nextRequest(time, src, 2));
    log.push(await nextRequest(time, src, 3));
    const [first, second] = gaps(log);
    expect(first).to.be.within(900, 1400);
    expect(second).to.be.within(1900, 2500);
    expect(c.getSnapshot().notices, 'our failure is not an outage').to.deep.equal([]);
  });

  it('POLL-07: a fresh stored status paints first, and the first request lands at a random phase, not at once', async () => {
    const src = await endpoint({ body: nativePayload([{ id: 'a', severity: 'major' }]) });
    const storage = createMemoryStorage();
    const time = testClock();
    await storage.set(`snapshot:${resolveEndpoint(src)}`, { snapshot: nativePayload([{ id: 'a', severity: 'major' }]), fetchedAt: time.now, checkedAt: time.now });
    const started = time.now;
    const c = keep(client({ src, storage, interval: 2, random: () => 0.5, clock: time.clock }));
    await until(c, (s) => s.notices.length === 1, 500);
    expect(await requestLog(src), 'painted from storage').to.have.length(0);
    const first = await nextRequest(time, src, 1);
    // Half of what was left of the 2 s interval.
    expect(first!.at - started).to.be.within(700, 1300);
  });

  it('POLL-08: a hidden tab makes no request for as long as it stays hidden, and checks once, soon, when shown', async () => {
    const src = await endpoint({ body: nativePayload([{ id: 'a' }]) });
    const env = controlledEnvironment();
    const time = testClock();
    const c = keep(client({ src, interval: 1, environment: env.environment, random: () => 0.5, clock: time.clock }));
    await tick(time);
    await until(c, (s) => s.status === 'ready');
    await settled(() => time.pending === 1, 'the next poll set');
    env.set({ visible: false });
    const hiddenAt = (await requestLog(src)).length;
    time.advance(2500);
    expect(time.pending, 'hidden: nothing set to run').to.equal(0);
    expect(await requestLog(src)).to.have.length(hiddenAt);
    env.set({ visible: true });
    await settled(() => time.pending === 1, 'leading again');
    expect(time.next, 'soon').to.be.at.most(700);
    time.advance(700);
    expect((await requests(src, hiddenAt + 1)).length).to.equal(hiddenAt + 1);
  });

  it('POLL-09: offline pauses; back online, the request is spread over up to 5 s', async () => {
    const src = await endpoint({ body: nativePayload([{ id: 'a' }]) });
    const env = controlledEnvironment();
    env.set({ online: false });
    const time = testClock();
    const { seen, storage } = watched(createMemoryStorage());
    const c = keep(client({ src, environment: env.environment, random: () => 0.3, clock: time.clock, storage }));
    await settled(() => seen.reads >= 2, 'what is stored read');
    await turns();
    time.advance(500);
    expect(time.pending, 'offline: nothing set to run').to.equal(0);
    expect(await requestLog(src)).to.have.length(0);
    const back = time.now;
    env.set({ online: true });
    const first = await nextRequest(time, src, 1);
    await until(c, (s) => s.status === 'ready', 3000);
    // 0.3 of the 5 s window.
    expect(first.at - back).to.be.within(1400, 2000);
  });

  it('POLL-10: a cross-origin server without CORS headers is a network error, backed off, with nothing thrown', async () => {
    const same = await endpoint({ body: nativePayload([{ id: 'a' }]), cors: false });
    // The same endpoint under another origin (127.0.0.1 vs localhost): the browser withholds the answer.
    const src = same.replace('//localhost:', '//127.0.0.1:');
    const time = testClock();
    const c = keep(client({ src, random: () => 0.99, clock: time.clock }));
    await tick(time);
    const state = await until(c, (s) => s.status === 'error');
    expect((state.error as StatusFetchError).type).to.equal('network');
    await settled(() => time.pending === 1, 'the retry set');
    expect(time.next, 'backed off').to.be.above(500);
    time.advance(500);
    expect((await requestLog(same)).length).to.equal(1);
  });
});
