import { expect } from '@open-wc/testing';
import { StatusFetchError, type StatusState } from '@status-banner/core';
import { nativePayload } from '../../../../test/helpers/payloads.js';
import { clockSkew, confirmed, failed, isStale, judgeSnapshot, nextState, type Seen } from '../../src/client/state-reducer.js';

describe('client state reducer', () => {
  const at = Date.parse('2026-03-01T12:00:00Z');

  it('takes a new snapshot as changed, and the same one again as only confirmed, later', () => {
    const snapshot = nativePayload([{ id: 'a' }], { version: 3 });
    const first = judgeSnapshot({ checkedAt: 0 }, snapshot, at);
    expect(first.verdict).to.equal('changed');
    expect(first.seen).to.include({ version: 3, checkedAt: at });
    const again = judgeSnapshot(first.seen, structuredClone(snapshot), at + 1000);
    expect(again.verdict).to.equal('same');
    expect(again.seen.checkedAt).to.equal(at + 1000);
    const earlier = judgeSnapshot(again.seen, snapshot, at);
    expect(earlier.seen.checkedAt, 'a confirmation never moves back in time').to.equal(at + 1000);
  });

  it('turns a lower version away once, and takes it when repeated or counting up from it', () => {
    let seen: Seen = judgeSnapshot({ checkedAt: 0 }, nativePayload([], { version: 40 }), at).seen;
    const once = judgeSnapshot(seen, nativePayload([], { version: 1 }), at);
    expect(once.verdict).to.equal('older');
    expect(once.seen).to.include({ version: 40, lower: 1, checkedAt: at });
    seen = once.seen;
    const up = judgeSnapshot(seen, nativePayload([], { version: 2 }), at + 1);
    expect(up.verdict).to.equal('changed');
    expect(up.seen).to.include({ version: 2, lower: undefined });
  });

  it('sets no version from a stored snapshot: the server may have restarted since', () => {
    const stored = judgeSnapshot({ checkedAt: 0 }, nativePayload([{ id: 'a' }], { version: 40 }), at, true);
    expect(stored.verdict).to.equal('changed');
    expect(stored.seen.version).to.equal(undefined);
    expect(judgeSnapshot(stored.seen, nativePayload([], { version: 1 }), at).verdict).to.equal('changed');
  });

  it('shows the notices of the components asked for, less the dismissed revisions, with no empty error or stale', () => {
    const snapshot = nativePayload([
      { id: 'a', componentIds: ['api'] },
      { id: 'b', componentIds: ['web'] },
      { id: 'c', componentIds: ['api'] },
    ]);
    const loading: StatusState = { status: 'loading', notices: [] };
    const dismissed = new Map([['c', { revision: 'c-r1', at }], ['a', { revision: 'a-r0', at }]]);
    const state = nextState(loading, confirmed(snapshot, at), ['api'], dismissed);
    expect(state.notices.map((n) => n.id)).to.deep.equal(['a']);
    expect(state).to.include({ status: 'ready', fetchedAt: at });
    expect(Object.keys(state)).not.to.include.members(['error', 'stale']);
    const error = new StatusFetchError('network', 'down');
    const failing = nextState(state, failed(state, error, true), ['api'], dismissed);
    expect(failing).to.include({ status: 'ready', error, stale: true });
    expect(nextState(loading, failed(loading, error, false), [], dismissed).status).to.equal('error');
    const back = nextState(failing, confirmed(), ['api'], new Map());
    expect(back.notices.map((n) => n.id)).to.deep.equal(['a', 'c']);
    expect(Object.keys(back)).not.to.include.members(['error', 'stale']);
  });

  it('is stale past the payload’s staleAfterSeconds, else past the option', () => {
    const plain = nativePayload([]);
    expect(isStale(undefined, 0, at, 600), 'nothing shown is never stale').to.equal(false);
    expect(isStale(plain, at, at + 600_000, 600)).to.equal(false);
    expect(isStale(plain, at, at + 600_001, 600)).to.equal(true);
    const own = nativePayload([], { staleAfterSeconds: 3600 });
    expect(isStale(own, at, at + 600_001, 600)).to.equal(false);
    expect(isStale(own, at, at + 3_600_001, 600)).to.equal(true);
  });

  it('counts only a clock gap of more than 5 s as skew', () => {
    expect(clockSkew(at + 5000, at)).to.equal(0);
    expect(clockSkew(at - 4000, at)).to.equal(0);
    expect(clockSkew(at + 86_400_000, at)).to.equal(86_400_000);
    expect(clockSkew(at - 6000, at)).to.equal(-6000);
  });
});
