// RELIABILITY.md section A: the SSE transport, against real event streams from the test server that inject
// each fault. Named by case ID. Timings use `random: () => 0` (no jitter) unless a case needs jitter to show.

import { expect } from '@open-wc/testing';
import { StatusFetchError } from '@status-banner/core';
import { client, clients, controlledEnvironment, keep, sleep, until } from '../../../test/helpers/clients.js';
import { trapPageErrors, type PageErrorTrap } from '../../../test/helpers/page-errors.js';
import { nativePayload } from '../../../test/helpers/payloads.js';
import { endpoint, openStreams, push, requestLog, snapshotEvent, type StreamAction } from '../../../test/helpers/status-server.js';

const payload = (title: string, version?: number) => nativePayload([{ id: 'inc', severity: 'major', title }], { version });
const stream = (...actions: StreamAction[]) => endpoint({ sse: actions });
/** A polling endpoint that says which transport answered. */
const polled = () => endpoint({ body: payload('from polling') });
const title = (c: { getSnapshot(): { notices: { title: string }[] } }) => c.getSnapshot().notices[0]?.title;
const gaps = (log: { at: number }[]) => log.slice(1).map((entry, i) => entry.at - log[i]!.at);

/**
 * When the server saw the stream's first (or `index`-th) connection close: it hears the close a moment after the
 * client drops it, so this waits up to a second for it.
 */
async function closedAt(url: string, index = 0): Promise<number | undefined> {
  for (let i = 0; i < 40; i += 1) {
    const at = (await requestLog(url))[index]?.closedAt;
    if (at) return at;
    await sleep(25);
  }
  return undefined;
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
    await push(sse, snapshotEvent(payload('v3', 3), 3));
    await sleep(100);
    expect(title(c)).to.equal('v6');
  });

  it('SSE-01: HTTP 204 stops streaming for good; polling goes on at the normal interval', async () => {
    const src = await polled();
    const sse = await endpoint({ status: 204 });
    const c = keep(client({ src, stream: sse, interval: 1 }));
    await until(c, () => title(c) === 'from polling');
    await sleep(2000);
    expect(await requestLog(sse)).to.have.length(1);
    // 1 s less 20 % (no jitter): about three more polls in two seconds, not a retry storm.
    expect((await requestLog(src)).length).to.be.within(2, 5);
  });

  it('SSE-02: 500, 502, 503 and 429 turn to polling after backoff, honouring Retry-After, never retrying each second', async () => {
    await Promise.all(
      [500, 502, 503, 429].map(async (status) => {
        const src = await polled();
        const sse = await endpoint({ status, headers: { 'Retry-After': '1' } });
        const c = keep(client({ src, stream: sse }));
        await until(c, () => title(c) === 'from polling', 4000);
        const [refused] = await requestLog(sse);
        const [poll] = await requestLog(src);
        expect(poll!.at - refused!.at, `HTTP ${status}`).to.be.at.least(950);
        await sleep(300);
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
    keep(client({ src: await polled(), stream: sse }));
    await sleep(2600);
    const log = await requestLog(sse);
    expect(log.length).to.be.within(2, 3);
    for (const gap of gaps(log)) expect(gap).to.be.at.least(990);
  });

  it('SSE-05: a retry that is not all digits is ignored, and a huge one is clamped', async () => {
    const ignored = await stream({ raw: 'retry: 5s\nretry: -1\n\n' }, { close: true });
    const huge = await stream({ raw: 'retry: 1000000000\n\n' }, { close: true });
    keep(client({ src: await polled(), stream: ignored }));
    keep(client({ src: await polled(), stream: huge }));
    await sleep(2400);
    // The default reconnection time (2 s) still applies after the invalid ones.
    const log = await requestLog(ignored);
    expect(log).to.have.length(2);
    expect(gaps(log)[0]).to.be.at.least(1990);
    // 10^9 ms is clamped to 10 minutes: no reconnect now, but not never.
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
    keep(client({ src: await polled(), stream: sse, random: () => 0.99 }));
    await sleep(4300);
    const [first, second] = gaps(await requestLog(sse));
    expect(first).to.be.within(1400, 1800);
    expect(second).to.be.at.least(first! + 300);
  });

  it('SSE-08: a dropped connection is reopened with the last id; an empty id clears it, an id with NUL is ignored', async () => {
    const withId = await endpoint({ sse: [{ raw: 'retry: 1000\n\n' + snapshotEvent(payload('a', 41), 41) }, { wait: 100 }, { destroy: true }] }, { sse: [] });
    const cleared = await endpoint({ sse: [{ raw: 'retry: 1000\n\n' + snapshotEvent(payload('a', 1), 1) + 'id\nevent: snapshot\ndata: {}\n\n' }, { close: true }] }, { sse: [] });
    const nul = await endpoint({ sse: [{ raw: 'retry: 1000\n\n' + snapshotEvent(payload('a', 5), 5) + 'id: 6\0x\nevent: ping\ndata: x\n\n' }, { close: true }] }, { sse: [] });
    for (const sse of [withId, cleared, nul]) keep(client({ src: await polled(), stream: sse }));
    await sleep(1600);
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
    const c = keep(client({ src: await polled(), stream: sse }));
    await until(c, () => title(c) === 'complete');
    await sleep(300);
    expect(title(c)).to.equal('complete');
  });

  it('SSE-12: a stream that says nothing after opening (a buffering proxy) turns to polling for the session', async () => {
    const src = await polled();
    const sse = await stream();
    const c = keep(client({ src, stream: sse, firstEventTimeout: 0.5, interval: 60 }));
    await until(c, () => title(c) === 'from polling', 3000);
    const [opened] = await requestLog(sse);
    expect((await closedAt(sse))! - opened!.at, 'closed by the client after the timeout').to.be.within(450, 1500);
    await sleep(300);
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
    const beats = Array.from({ length: 8 }, () => [{ wait: 200 }, { raw: ': heartbeat\n\n' }] as StreamAction[]).flat();
    const sse = await stream({ raw: snapshotEvent(payload('streamed', 1), 1) }, ...beats);
    const c = keep(client({ src, stream: sse, heartbeatTimeout: 0.5 }));
    await until(c, () => title(c) === 'streamed');
    await sleep(1500);
    expect(await requestLog(src)).to.have.length(0);
    expect((await openStreams(sse)).open).to.equal(1);
  });

  it('SSE-15: an event that never ends is cut off at the buffer cap, and the stream is reopened later', async () => {
    const sse = await stream({ raw: 'retry: 1000\n\n' }, { raw: `data: ${'x'.repeat(300_000)}` });
    const c = keep(client({ src: await polled(), stream: sse }));
    const state = await until(c, (s) => !!s.error, 3000);
    expect((state.error as StatusFetchError).type).to.equal('too-large');
    expect(await closedAt(sse)).to.be.a('number');
    await sleep(1200);
    expect((await requestLog(sse)).length).to.equal(2);
  });

  it('SSE-16: destroyed or paused while waiting to reconnect, or destroyed before starting: no request follows', async () => {
    const waiting = await stream({ close: true });
    const destroyed = keep(client({ src: await polled(), stream: waiting }));
    const paused = await stream({ close: true });
    const stop = client({ src: await polled(), stream: paused }).subscribe(() => {});
    const never = await stream();
    const early = client({ src: await polled(), stream: never });
    early.destroy();
    early.subscribe(() => {});
    await sleep(500);
    destroyed.destroy();
    stop();
    await sleep(2200);
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
    const c = keep(client({ src: await polled(), stream: sse, environment: env.environment, fetch: watched }));
    await until(c, () => title(c) === 'streamed');
    for (let i = 0; i < 10; i += 1) {
      env.set({ visible: false });
      await sleep(50);
      env.set({ visible: true });
      await sleep(50);
    }
    await sleep(300);
    expect(most, 'streams open at once, as the client sees them').to.equal(1);
    expect(live).to.equal(1);
    expect((await openStreams(sse)).open, 'as the server sees them, once settled').to.equal(1);
    env.set({ visible: false });
    await sleep(200);
    expect((await openStreams(sse)).open, 'hidden: no stream').to.equal(0);
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
