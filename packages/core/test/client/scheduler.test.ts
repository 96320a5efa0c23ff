import { expect } from '@open-wc/testing';
import { StatusFetchError } from '@status-banner/core';
import { nativePayload } from '../../../../test/helpers/payloads.js';
import { endpoint, requests } from '../../../../test/helpers/status-server.js';
import { settled, testClock, type TestClock } from '../../../../test/helpers/test-clock.js';
import { createScheduler, type SchedulerOptions } from '../../src/client/scheduler.js';
import { createPacing } from '../../src/transports/backoff.js';
import { fetchStatus } from '../../src/transports/fetch-status.js';

/** A scheduler over real requests to `src` (and `streamUrl`), on a virtual clock, recording what it reports. */
function scheduler(time: TestClock, src: string, options: Partial<SchedulerOptions> = {}) {
  const seen = { answers: [] as string[], events: [] as string[], failures: [] as StatusFetchError[], halts: [] as string[] };
  const made = createScheduler({
    clock: time.clock,
    pacing: createPacing(60_000, time.clock.now, () => 0),
    fetch: globalThis.fetch.bind(globalThis),
    endpoint: src,
    firstEventTimeout: 20_000,
    heartbeatTimeout: 45_000,
    request: (signal) => fetchStatus(src, globalThis.fetch.bind(globalThis), signal, 10_000, 1 << 20, time.clock),
    answer: ({ text }) => void seen.answers.push(text),
    event: (data) => (seen.events.push(data), true),
    fail: (error) => seen.failures.push(error),
    halt: (why) => {
      seen.halts.push(why);
      made.halt();
    },
    hint: () => undefined,
    unled: () => false,
    checkedAt: () => 0,
    ...options,
  });
  return { made, seen };
}

describe('client scheduler', () => {
  const stop: (() => void)[] = [];
  afterEach(() => {
    for (const step of stop.splice(0)) step();
  });

  it('asks only while leading, then again after the poll period, ±20 %', async () => {
    const time = testClock();
    const src = await endpoint({ body: nativePayload([]) });
    const { made, seen } = scheduler(time, src);
    stop.push(() => made.lead(false));
    time.advance(600_000);
    expect(time.pending, 'not leading: no timer').to.equal(0);
    made.lead(true);
    time.advance(0);
    await requests(src, 1);
    await settled(() => seen.answers.length === 1 && time.pending === 1, 'the answer, and the next poll set');
    expect(time.next, 'the period, jittered down by random() = 0').to.equal(48_000);
    time.advance(48_000);
    await requests(src, 2);
    made.lead(false);
    // The request in flight is aborted, and its deadline cleared as it settles.
    await settled(() => time.pending === 0, 'nothing left to run');
  });

  it('backs off after a failure, honours Retry-After, and stops for good on a 404', async () => {
    const time = testClock();
    const src = await endpoint({ status: 503, headers: { 'Retry-After': '120' } }, { status: 500 }, { status: 404 });
    const { made, seen } = scheduler(time, src);
    stop.push(() => made.lead(false));
    made.lead(true);
    time.advance(0);
    await settled(() => seen.failures.length === 1 && time.pending === 1, 'the first failure');
    expect(time.next, 'Retry-After: 120').to.equal(120_000);
    time.advance(119_999);
    expect((await requests(src, 1)).length).to.equal(1);
    time.advance(1);
    await settled(() => seen.failures.length === 2 && time.pending === 1, 'the second failure');
    expect(time.next, 'full jitter with random() = 0').to.equal(0);
    time.advance(0);
    await settled(() => seen.halts.length === 1, 'the 404');
    expect(seen.failures.map((e) => e.status)).to.deep.equal([503, 500, 404]);
    expect(made.halted).to.equal(true);
    expect(time.pending).to.equal(0);
  });

  it('turns a stream that says nothing into polling once the first-event timeout passes', async () => {
    const time = testClock();
    const src = await endpoint({ body: nativePayload([]) });
    const streamUrl = await endpoint({ sse: [] });
    const { made, seen } = scheduler(time, src, { streamUrl });
    stop.push(() => made.lead(false));
    made.lead(true);
    time.advance(0);
    await requests(streamUrl, 1);
    await settled(() => time.next === 20_000, 'the watchdog set when the stream opened');
    time.advance(19_999);
    expect(await requests(src, 0)).to.have.length(0);
    time.advance(1);
    // The watchdog aborted the stream and set the poll, soon (random() = 0: at once).
    time.advance(0);
    await requests(src, 1);
    await settled(() => seen.answers.length === 1, 'the poll answered');
    expect(seen.events).to.deep.equal([]);
  });

  it("reopens a stream that ends after the server's retry time", async () => {
    const time = testClock();
    const streamUrl = await endpoint({ sse: [{ raw: 'retry: 5000\n\nevent: snapshot\ndata: {}\n\n' }, { close: true }] }, { sse: [] });
    const { made, seen } = scheduler(time, 'unused', { streamUrl });
    stop.push(() => made.lead(false));
    made.lead(true);
    time.advance(0);
    await settled(() => seen.events.length === 1 && time.pending === 1 && time.next === 5000, 'the stream read, and its reopening set');
    time.advance(5000);
    expect((await requests(streamUrl, 2)).length).to.equal(2);
  });
});
