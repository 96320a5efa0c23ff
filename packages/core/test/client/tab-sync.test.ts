import { expect } from '@open-wc/testing';
import { createTabSync, type TabSync, type TabSyncHandlers } from '../../src/client/tab-sync.js';

/** A tab's handlers that record what it heard, and a promise for the next thing heard. */
function ear() {
  const heard: unknown[][] = [];
  let wake: () => void = () => {};
  const record = (kind: string) => (...args: unknown[]) => {
    heard.push([kind, ...args]);
    wake();
  };
  const handlers: TabSyncHandlers = { lead: record('lead'), dismissals: record('dismissals'), hello: record('hello'), snapshot: record('snapshot') };
  return { heard, handlers, next: () => new Promise<void>((resolve) => (wake = resolve)) };
}

describe('client tab sync', () => {
  const open: TabSync[] = [];
  afterEach(() => {
    for (const tab of open.splice(0)) tab.close();
  });
  const tab = (name: string, handlers: TabSyncHandlers) => {
    const sync = createTabSync(name, handlers);
    open.push(sync);
    return sync;
  };

  it('one of two tabs leads, and leadership moves when it steps down', async () => {
    const name = `sync-${Math.random()}`;
    const [a, b] = [ear(), ear()];
    const one = tab(name, a.handlers);
    const two = tab(name, b.handlers);
    expect(one.shared).to.equal(true);
    let led = a.next();
    one.want(true);
    await led;
    expect(one.leading).to.equal(true);
    two.want(true);
    led = b.next();
    one.want(false);
    await led;
    expect(a.heard.map(([kind, on]) => [kind, on])).to.deep.equal([['lead', true], ['lead', false]]);
    expect(two.leading).to.equal(true);
  });

  it('a follower hears the snapshot and dismissals; only the leader answers a hello', async () => {
    const name = `sync-${Math.random()}`;
    const [a, b] = [ear(), ear()];
    const leader = tab(name, a.handlers);
    const follower = tab(name, b.handlers);
    leader.listen(true);
    follower.listen(true);
    const led = a.next();
    leader.want(true);
    await led;
    let heard = b.next();
    leader.share({ provider: 'native' }, 5, 7);
    await heard;
    heard = b.next();
    leader.dismissed({ x: { revision: 'r', at: 1 } });
    await heard;
    expect(b.heard).to.deep.equal([
      ['snapshot', { provider: 'native' }, 7, 5],
      ['dismissals', { x: { revision: 'r', at: 1 } }],
    ]);
    const asked = a.next();
    follower.hello();
    await asked;
    expect(a.heard.at(-1)).to.deep.equal(['hello']);
    // A hello reaches the follower too, and it does not answer: a round trip shows nothing was passed on.
    heard = b.next();
    leader.hello();
    leader.share({}, 1, 1);
    await heard;
    expect(b.heard.at(-1)![0]).to.equal('snapshot');
    expect(b.heard.filter(([kind]) => kind === 'hello')).to.deep.equal([]);
  });

  it('passes on nothing unconfirmed, malformed or heard after closing', async () => {
    const name = `sync-${Math.random()}`;
    const b = ear();
    const follower = tab(name, b.handlers);
    follower.listen(true);
    const raw = new BroadcastChannel(`status-banner:${name}`);
    try {
      const heard = b.next();
      raw.postMessage('not a record');
      raw.postMessage({ snapshot: { provider: 'native' } });
      raw.postMessage({ snapshot: { provider: 'native' }, checkedAt: 3 });
      await heard;
      expect(b.heard).to.deep.equal([['snapshot', { provider: 'native' }, 3, 3]]);
      follower.close();
      const other = ear();
      const watcher = tab(name, other.handlers);
      watcher.listen(true);
      const seen = other.next();
      raw.postMessage({ dismissals: { y: {} } });
      await seen;
      expect(b.heard, 'closed: nothing more').to.have.length(1);
    } finally {
      raw.close();
    }
  });
});
