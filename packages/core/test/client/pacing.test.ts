import { expect } from '@open-wc/testing';
import { createPacing } from '../../src/transports/backoff.js';

describe('client pacing (transports/backoff.ts)', () => {
  let now = 0;
  const clock = () => now;

  it('backs off with full jitter, doubling the window, never under Retry-After, and starts over after a success', () => {
    now = 1000;
    const pacing = createPacing(60_000, clock, () => 0.5);
    expect(pacing.failed()).to.equal(500);
    expect(pacing.notBefore).to.equal(1500);
    expect(pacing.failed()).to.equal(1000);
    expect(pacing.failed()).to.equal(2000);
    expect(pacing.failed(120_000), 'Retry-After is a floor, jittered up').to.equal(132_000);
    pacing.succeeded();
    expect(pacing.notBefore).to.equal(0);
    expect(pacing.failed()).to.equal(500);
  });

  it('takes its bounds from BackoffOptions', () => {
    const pacing = createPacing(60_000, clock, () => 0.99, { base: 100, cap: 150 });
    expect(pacing.failed()).to.equal(99);
    expect(pacing.failed()).to.equal(148);
  });

  it("reconnects a stream no sooner than the server's retry, clamped to [1 s, 10 min], jittered up", () => {
    now = 0;
    const pacing = createPacing(60_000, clock, () => 0);
    expect(pacing.reconnect(), 'default 2 s').to.equal(2000);
    pacing.serverRetry(0);
    expect(pacing.reconnect()).to.equal(1000);
    pacing.serverRetry(1e9);
    expect(pacing.reconnect()).to.equal(600_000);
  });

  it("polls at the server's period (clamped to [1 s, 1 h]) or the interval, ±20 %, twice as slowly when every tab polls", () => {
    const pacing = createPacing(60_000, clock, () => 1);
    expect(pacing.period(undefined, false)).to.equal(60_000);
    expect(pacing.period(0.1, false)).to.equal(1000);
    expect(pacing.period(1e6, false)).to.equal(3_600_000);
    expect(pacing.period(30, true)).to.equal(60_000);
    expect(pacing.nextPoll(undefined, false)).to.be.closeTo(72_000, 1e-6);
    expect(createPacing(60_000, clock, () => 0).nextPoll(undefined, false)).to.equal(48_000);
  });

  it('spreads a first request by what is known, and never before the backoff allows', () => {
    now = 0;
    const pacing = createPacing(60_000, clock, () => 0.5);
    const first = { streaming: false, checked: false, age: 1e12, cameOnline: false, period: 60_000 };
    expect(pacing.firstRequest(first), 'nothing known: at once').to.equal(0);
    expect(pacing.firstRequest({ ...first, checked: true, age: 70_000 }), 'old: soon').to.equal(500);
    expect(pacing.firstRequest({ ...first, checked: true, age: 20_000 }), 'fresh: a random phase of the rest').to.equal(20_000);
    expect(pacing.firstRequest({ ...first, cameOnline: true, age: 70_000 }), 'back online: over 5 s').to.equal(2500);
    expect(pacing.firstRequest({ ...first, streaming: true, checked: true, age: 20_000 }), 'a stream opens soon').to.equal(500);
    pacing.failed(10_000);
    expect(pacing.firstRequest(first)).to.equal(11_000);
    expect(pacing.turnToPolling(0)).to.equal(500);
    expect(pacing.turnToPolling(4000)).to.equal(4000);
  });
});
