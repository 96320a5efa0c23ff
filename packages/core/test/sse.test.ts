// RELIABILITY.md section A: the SSE transport, against real event streams from the test server that inject
// each fault. Named by case ID. Timings use `random: () => 0` (no jitter) unless a case needs jitter to show.

import { expect } from '@open-wc/testing';
import { createMemoryStorage, resolveEndpoint, StatusFetchError, type StatusStorage } from '@status-banner/core';
import { client, clients, controlledEnvironment, keep, until } from '../../../test/helpers/clients.js';
import { trapPageErrors, type PageErrorTrap } from '../../../test/helpers/page-errors.js';
import { nativePayload } from '../../../test/helpers/payloads.js';
import { endpoint, openStreams, push, requestLog, requests, snapshotEvent, type StreamAction } from '../../../test/helpers/status-server.js';
import { settled, testClock, tick, type TestClock } from '../../../test/helpers/test-clock.js';

const payload = (title: string, version?: number) => nativePayload([{ id: 'inc', severity: 'major', title }], { version });
const stream = (...actions: StreamAction[]) => endpoint({ sse: actions });
/** A polling endpoint that says which transport answered. */
const polled = () => endpoint({ body: payload('from polling') });
const title = (c: { getSnapshot(): { notices: { title: string }[] } }) => c.getSnapshot().notices[0]?.title;
const gaps = (log: { at: number }[]) => log.slice(1).map((entry, i) => entry.at - log[i]!.at);

/**
 * When the server saw the stream's first (or `index`-th) connection close: it hears the close a moment after the
 * client drops it, so this waits for it.
 */
async function closedAt(url: string, index = 0): Promise<number | undefined> {
  return (await requests(url, index + 1, { closed: index }))[index]?.closedAt;
}

/** Timers the client sets as a request or a stream starts (a deadline, the watchdogs): not a next request. */
const watchdogs = [10_000, 20_000, 45_000];

/** Fires the client's next request (not a watchdog) once it has set it. */
async function fireNext(time: TestClock): Promise<void> {
  await settled(() => time.pending === 1 && !watchdogs.includes(time.next!), 'the next request set');
  time.advance(time.next!);
}

/**
 * Runs the client's clock for `ms`, one request at a time: each time it has set its next request, fires it and
 * waits for it to reach `url`. Returns the virtual times of those requests.
 */
async function requestsFor(time: TestClock, url: string, ms: number): Promise<{ at: number }[]> {
  const end = time.now + ms;
  const seen: { at: number }[] = [];
  let count = (await requestLog(url)).length;
  for (;;) {
    await settled(() => time.pending === 1 && !watchdogs.includes(time.next!), 'the next request set');
    if (time.now + time.next! > end) break;
    time.advance(time.next!);
    seen.push({ at: time.now });
    await requests(url, (count += 1));
  }
  time.advance(end - time.now);
  return seen;
}

describe('SSE transport', () => {
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

  it('streams snapshots as they are pushed, and never polls while the stream is good', async () => {
    const src = await polled();
    const sse = await stream({ raw: 'retry: 3000\n\n' }, { raw: snapshotEvent(payload('first', 1), 1) });
    const c = keep(client({ src, stream: sse }));
    await until(c, () => title(c) === 'first');
    await push(sse, snapshotEvent(payload('second', 2), 2));
    await until(c, () => title(c) === 'second');
    expect(c.getSnapshot().snapshot!.version).to.equal(2);
    expect(await requestLog(src)).to.have.length(0);
  });

  it('ignores a pushed snapshot with a lower version than the one shown', async () => {
    const sse = await stream({ raw: snapshotEvent(payload('v5', 5), 5) });
    const c = keep(client({ src: await polled(), stream: sse }));
    await until(c, () => title(c) === 'v5');
    await push(sse, snapshotEvent(payload('v4', 4), 4) + snapshotEvent(payload('v6', 6), 6));
    await until(c, () => title(c) === 'v6');
    const shown: string[] = [];
    c.subscribe(() => shown.push(title(c)!));
    // v7 after v3: once v7 shows, v3 has been read, and it was never shown.
    await push(sse, snapshotEvent(payload('v3', 3), 3) + snapshotEvent(payload('v7', 7), 7));
    await until(c, () => title(c) === 'v7');
    expect(shown).to.deep.equal(['v7']);
  });

  it('SSE-01: HTTP 204 stops streaming for good; polling goes on at the normal interval', async () => {
    const src = await polled();
    const sse = await endpoint({ status: 204 });
    const time = testClock();
    const c = keep(client({ src, stream: sse, interval: 1, clock: time.clock }));
    await tick(time);
    await requests(sse, 1);
    await requestsFor(time, src, 2000);
    await until(c, () => title(c) === 'from polling');
    expect(await requestLog(sse)).to.have.length(1);
    // 1 s less 20 % (no jitter): about three more polls in two seconds, not a retry storm.
    expect((await requestLog(src)).length).to.be.within(2, 5);
  });

  it('SSE-02: 500, 502, 503 and 429 turn to polling after backoff, honouring Retry-After, never retrying each second', async () => {
    await Promise.all(
      [500, 502, 503, 429].map(async (status) => {
        const src = await polled();
        const sse = await endpoint({ status, headers: { 'Retry-After': '1' } });
        const time = testClock();
        const c = keep(client({ src, stream: sse, clock: time.clock }));
        await tick(time);
        const refused = { at: time.now };
        await tick(time, 'the turn to polling set');
        const poll = { at: time.now };
        await until(c, () => title(c) === 'from polling', 4000);
        expect(poll.at - refused.at, `HTTP ${status}`).to.be.at.least(950);
        time.advance(300);
        expect(await requestLog(sse), `HTTP ${status}`).to.have.length(1);
      }),
    );
    expect(warnings.filter((line) => line.includes('polling instead'))).to.have.length(4);
  });

  it('SSE-03: a 200 that is not an event stream (a captive portal page) is never parsed; polling takes over', async () => {
    const src = await polled();
    const sse = await endpoint({ body: '<html><body>Log in to the Wi-Fi</body></html>', headers: { 'Content-Type': 'text/html' } });
    const c = keep(client({ src, stream: sse }));
    await until(c, () => title(c) === 'from polling');
    expect(await requestLog(sse)).to.have.length(1);
    expect(warnings.some((line) => line.includes('not an event stream'))).to.equal(true);
  });

  it('SSE-04: retry: 0 and a close, again and again, reconnect no faster than once a second', async () => {
    const sse = await stream({ raw: 'retry: 0\n\n' }, { close: true });
    const time = testClock();
    keep(client({ src: await polled(), stream: sse, clock: time.clock }));
    const log = await requestsFor(time, sse, 2600);
    expect(log.length).to.be.within(2, 3);
    for (const gap of gaps(log)) expect(gap).to.be.at.least(990);
  });

  it('SSE-05: a retry that is not all digits is ignored, and a huge one is clamped', async () => {
    const ignored = await stream({ raw: 'retry: 5s\nretry: -1\n\n' }, { close: true });
    const huge = await stream({ raw: 'retry: 1000000000\n\n' }, { close: true });
    const [one, other] = [testClock(), testClock()];
    keep(client({ src: await polled(), stream: ignored, clock: one.clock }));
    keep(client({ src: await polled(), stream: huge, clock: other.clock }));
    // The default reconnection time (2 s) still applies after the invalid ones.
    const log = await requestsFor(one, ignored, 2400);
    expect(log).to.have.length(2);
    expect(gaps(log)[0]).to.be.at.least(1990);
    // 10^9 ms is clamped to 10 minutes: no reconnect now, but not never.
    await tick(other);
    await settled(() => other.pending === 1 && !watchdogs.includes(other.next!), 'the reconnection set');
    expect(other.next).to.equal(600_000);
    other.advance(2400);
    expect(await requestLog(huge)).to.have.length(1);
  });

  it('SSE-06: a stream that ends cleanly is reopened, with Last-Event-ID', async () => {
    const sse = await endpoint(
      { sse: [{ raw: 'retry: 1000\n\n' }, { raw: snapshotEvent(payload('a', 7), 7) }, { raw: snapshotEvent(payload('b', 8), 8) }, { close: true }] },
      { sse: [{ raw: snapshotEvent(payload('c', 9), 9) }] },
    );
    const c = keep(client({ src: await polled(), stream: sse }));
    await until(c, () => title(c) === 'c', 4000);
    const log = await requestLog(sse);
    expect(log[0]!.headers['last-event-id']).to.equal(undefined);
    expect(log[1]!.headers['last-event-id']).to.equal('8');
    expect(gaps(log)[0]).to.be.at.least(990);
  });

  it('SSE-07: a server that accepts and closes at once is retried with growing backoff', async () => {
    const sse = await stream({ raw: 'retry: 1000\n\n' }, { close: true });
    // With jitter near its top, backoff (0.99 s, 1.98 s, 3.96 s ...) overtakes the retry time (1.5 s).
    const time = testClock();
    keep(client({ src: await polled(), stream: sse, random: () => 0.99, clock: time.clock }));
    const [first, second] = gaps(await requestsFor(time, sse, 4300));
    expect(first).to.be.within(1400, 1800);
    expect(second).to.be.at.least(first! + 300);
  });

  it('SSE-08: a dropped connection is reopened with the last id; an empty id clears it, an id with NUL is ignored', async () => {
    const withId = await endpoint({ sse: [{ raw: 'retry: 1000\n\n' + snapshotEvent(payload('a', 41), 41) }, { wait: 100 }, { destroy: true }] }, { sse: [] });
    const cleared = await endpoint({ sse: [{ raw: 'retry: 1000\n\n' + snapshotEvent(payload('a', 1), 1) + 'id\nevent: snapshot\ndata: {}\n\n' }, { close: true }] }, { sse: [] });
    const nul = await endpoint({ sse: [{ raw: 'retry: 1000\n\n' + snapshotEvent(payload('a', 5), 5) + 'id: 6\0x\nevent: ping\ndata: x\n\n' }, { close: true }] }, { sse: [] });
    for (const sse of [withId, cleared, nul]) {
      const time = testClock();
      keep(client({ src: await polled(), stream: sse, clock: time.clock }));
      // Opened, then dropped or closed, and reopened after the retry time.
      await fireNext(time);
      await requests(sse, 1);
      await fireNext(time);
      await requests(sse, 2);
    }
    const second = async (url: string) => (await requestLog(url))[1]?.headers['last-event-id'];
    expect(await second(withId)).to.equal('41');
    expect(await second(cleared)).to.equal(undefined);
    expect(await second(nul)).to.equal('5');
  });

  it('SSE-09: an id-only block neither breaks the stream nor hides the next event (the protocol sends data with every id)', async () => {
    const sse = await stream({ raw: 'id: 42\n\n' + snapshotEvent(payload('after', 43), 43) });
    const c = keep(client({ src: await polled(), stream: sse }));
    await until(c, () => title(c) === 'after');
  });

  it('SSE-10: CRLF split across chunks, a character split across chunks and a split BOM still make one correct event', async () => {
    const json = JSON.stringify(payload('Café down', 1));
    const [before, after] = json.split('é') as [string, string];
    const bytes = (text: string) => Array.from(new TextEncoder().encode(text), (b) => b.toString(16).padStart(2, '0')).join('');
    const sse = await stream(
      { hex: 'efbb' },
      { wait: 40 },
      { hex: 'bf' },
      { raw: 'event: snapshot\r' },
      { wait: 40 },
      { raw: `\ndata: ${before}` },
      { wait: 40 },
      { hex: 'c3' },
      { wait: 40 },
      { hex: `a9${bytes(after)}0d0a` },
      { wait: 40 },
      { raw: '\r\n' },
    );
    const c = keep(client({ src: await polled(), stream: sse }));
    await until(c, () => !!title(c));
    expect(title(c)).to.equal('Café down');
  });

  it('SSE-11: an event cut off by the end of the stream is not dispatched', async () => {
    const sse = await endpoint(
      { sse: [{ raw: snapshotEvent(payload('complete', 1), 1) }, { raw: `event: snapshot\ndata: ${JSON.stringify(payload('cut off', 2))}` }, { close: true }] },
      { sse: [] },
    );
    const time = testClock();
    const c = keep(client({ src: await polled(), stream: sse, clock: time.clock }));
    await tick(time);
    await until(c, () => title(c) === 'complete');
    // The end of the stream has been read once the client has set its reconnection.
    await settled(() => time.pending === 1 && !watchdogs.includes(time.next!), 'the end read');
    expect(title(c)).to.equal('complete');
  });

  it('SSE-12: a stream that says nothing after opening (a buffering proxy) turns to polling for the session', async () => {
    const src = await polled();
    const sse = await stream();
    const time = testClock();
    const c = keep(client({ src, stream: sse, firstEventTimeout: 0.5, interval: 60, clock: time.clock }));
    await tick(time);
    await settled(() => time.next === 500, 'the stream open, its watchdog set');
    const opened = time.now;
    time.advance(500);
    const closed = time.now;
    expect(await closedAt(sse), 'closed by the client').to.be.a('number');
    expect(closed - opened, 'after the timeout').to.be.within(450, 1500);
    // The watchdog turned to polling at once (random() = 0): that poll went out within the same advance.
    await until(c, () => title(c) === 'from polling', 3000);
    time.advance(300);
    expect(await requestLog(sse)).to.have.length(1);
    expect(warnings.filter((line) => line.includes('polling instead'))).to.have.length(1);
  });

  it('SSE-13: a stream that falls silent (a half-open connection) is closed, and polling takes over', async () => {
    const src = await polled();
    const sse = await stream({ raw: snapshotEvent(payload('streamed', 1), 1) });
    const c = keep(client({ src, stream: sse, heartbeatTimeout: 0.5 }));
    await until(c, () => title(c) === 'streamed');
    await until(c, () => title(c) === 'from polling', 3000);
    expect(await closedAt(sse)).to.be.a('number');
  });

  it('SSE-14: heartbeat comments keep a quiet stream alive', async () => {
    const src = await polled();
    const sse = await stream({ raw: snapshotEvent(payload('streamed', 1), 1) });
    const time = testClock();
    const c = keep(client({ src, stream: sse, heartbeatTimeout: 0.5, clock: time.clock }));
    await tick(time);
    await until(c, () => title(c) === 'streamed');
    await settled(() => time.next === 500, 'the watchdog fed');
    // A heartbeat every 400 ms of the client's time, 1.6 s in all, each feeding the 0.5 s watchdog again.
    for (let i = 0; i < 4; i += 1) {
      time.advance(400);
      await push(sse, ': heartbeat\n\n');
      await settled(() => time.next === 500, 'the watchdog fed');
    }
    expect(await requestLog(src)).to.have.length(0);
    expect((await openStreams(sse)).open).to.equal(1);
  });

  it('SSE-15: an event that never ends is cut off at the buffer cap, and the stream is reopened later', async () => {
    const sse = await stream({ raw: 'retry: 1000\n\n' }, { raw: `data: ${'x'.repeat(300_000)}` });
    const time = testClock();
    const c = keep(client({ src: await polled(), stream: sse, clock: time.clock }));
    await tick(time);
    const state = await until(c, (s) => !!s.error, 3000);
    expect((state.error as StatusFetchError).type).to.equal('too-large');
    expect(await closedAt(sse)).to.be.a('number');
    await tick(time, 'the reconnection set');
    expect((await requests(sse, 2)).length).to.equal(2);
  });

  it('SSE-16: destroyed or paused while waiting to reconnect, or destroyed before starting: no request follows', async () => {
    const time = testClock();
    const waiting = await stream({ close: true });
    const destroyed = keep(client({ src: await polled(), stream: waiting, clock: time.clock }));
    const paused = await stream({ close: true });
    const stop = client({ src: await polled(), stream: paused, clock: time.clock }).subscribe(() => {});
    const never = await stream();
    const early = client({ src: await polled(), stream: never, clock: time.clock });
    early.destroy();
    early.subscribe(() => {});
    await settled(() => time.pending === 2, 'both streams set to open');
    time.advance(time.next!);
    await settled(() => time.timers.join() === '2000,2000', 'both closed, and waiting to reconnect');
    destroyed.destroy();
    stop();
    expect(time.pending, 'no reconnection left').to.equal(0);
    time.advance(3_600_000);
    expect(await requestLog(waiting)).to.have.length(1);
    expect(await requestLog(paused)).to.have.length(1);
    expect(await requestLog(never)).to.have.length(0);
  });

  it('SSE-17: hiding and showing ten times in a second never leaves two streams open', async () => {
    const sse = await stream({ raw: snapshotEvent(payload('streamed', 1), 1) });
    const env = controlledEnvironment();
    // The client's own view of its streams: the real fetch, watched. (The server sees a close a moment after
    // the client aborts, so its count may overlap by one under load; the client's may not.)
    let live = 0;
    let most = 0;
    const watched: typeof fetch = (input, init) => {
      if (new Headers(init?.headers).get('Accept') === 'text/event-stream') {
        most = Math.max(most, (live += 1));
        init!.signal!.addEventListener('abort', () => (live -= 1), { once: true });
      }
      return fetch(input, init);
    };
    const time = testClock();
    const c = keep(client({ src: await polled(), stream: sse, environment: env.environment, fetch: watched, clock: time.clock }));
    await tick(time);
    await until(c, () => title(c) === 'streamed');
    // Each time shown, the tab leads again and opens its stream at once; hidden again before it is open.
    for (let i = 0; i < 10; i += 1) {
      env.set({ visible: false });
      env.set({ visible: true });
      await tick(time, 'leading again');
      time.advance(100);
    }
    expect((await openStreams(sse, 1)).open, 'as the server sees them, once settled').to.equal(1);
    expect(most, 'streams open at once, as the client sees them').to.equal(1);
    expect(live).to.equal(1);
    env.set({ visible: false });
    expect((await openStreams(sse, 0)).open, 'hidden: no stream').to.equal(0);
  });

  it('stores a burst of pushed snapshots once and tells the other tabs once, the last of them, as the burst ends', async () => {
    const src = await polled();
    const sse = await stream({ raw: snapshotEvent(payload('first', 1), 1) });
    const memory = createMemoryStorage();
    const saved: number[] = [];
    const storage: StatusStorage = {
      get: (key) => memory.get(key),
      set: (key, value) => (key.startsWith('snapshot:') && saved.push((value as { snapshot: { version: number } }).snapshot.version), memory.set(key, value)),
    };
    // Another tab of the same status, listening where the leader tells.
    const told: number[] = [];
    const channel = new BroadcastChannel(`status-banner:${resolveEndpoint(src)}`);
    channel.onmessage = ({ data }) => data.snapshot && told.push(data.snapshot.version);
    try {
      const c = keep(client({ src, stream: sse, storage }));
      await until(c, () => title(c) === 'first');
      await settled(() => saved.length === 1 && told.length === 1, 'the first snapshot stored and told');
      // A catch-up after a reconnect: five events in one chunk, read in one task.
      await push(sse, [2, 3, 4, 5, 6].map((v) => snapshotEvent(payload(`v${v}`, v), v)).join(''));
      await until(c, () => title(c) === 'v6');
      await settled(() => saved.length === 2 && told.length === 2, 'the burst stored and told');
      await push(sse, snapshotEvent(payload('v7', 7), 7));
      await settled(() => saved.length === 3 && told.length === 3, 'the next event stored and told');
      expect(saved).to.deep.equal([1, 6, 7]);
      expect(told).to.deep.equal([1, 6, 7]);
    } finally {
      channel.close();
    }
  });

  it('SSE-18 (one page): several clients of one status share one stream', async () => {
    const src = await polled();
    const sse = await stream({ raw: snapshotEvent(payload('shared', 1), 1) });
    const all = [1, 2, 3].map(() => keep(client({ src, stream: sse })));
    for (const c of all) await until(c, () => title(c) === 'shared');
    await push(sse, snapshotEvent(payload('pushed', 2), 2));
    for (const c of all) await until(c, () => title(c) === 'pushed');
    expect(await requestLog(sse)).to.have.length(1);
    expect((await openStreams(sse)).max).to.equal(1);
  });
});
