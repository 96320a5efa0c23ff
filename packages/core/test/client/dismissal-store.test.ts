import { expect } from '@open-wc/testing';
import { createMemoryStorage, type StatusStorage } from '@status-banner/core';
import { createDismissalStore, DISMISSALS_KEPT, DISMISSALS_KEPT_MS, mergeDismissals, readDismissals } from '../../src/client/dismissal-store.js';
import { guardStorage } from '../../src/client/storage.js';

describe('client dismissal store', () => {
  const at = Date.parse('2026-03-01T12:00:00Z');

  it('reads only well-formed entries, __proto__ included as a key like any other', () => {
    const read = readDismissals(JSON.parse('{"a":{"revision":"r1","at":5},"b":{"revision":1,"at":5},"c":"x","__proto__":{"revision":"r2","at":6}}'));
    expect([...read]).to.deep.equal([
      ['a', { revision: 'r1', at: 5 }],
      ['__proto__', { revision: 'r2', at: 6 }],
    ]);
    expect(readDismissals('corrupt').size).to.equal(0);
    expect(readDismissals(null).size).to.equal(0);
  });

  it('merges two sets, the later dismissal of a notice winning', () => {
    const mine = new Map([['a', { revision: 'r1', at: 10 }], ['b', { revision: 'r1', at: 10 }]]);
    const theirs = new Map([['a', { revision: 'r2', at: 20 }], ['b', { revision: 'r0', at: 5 }], ['c', { revision: 'r1', at: 1 }]]);
    expect(Object.fromEntries(mergeDismissals(mine, theirs))).to.deep.equal({
      a: { revision: 'r2', at: 20 },
      b: { revision: 'r1', at: 10 },
      c: { revision: 'r1', at: 1 },
    });
  });

  it('says whether what it takes in changes anything', () => {
    const store = createDismissalStore(guardStorage(createMemoryStorage()), 'dismissals:x');
    expect(store.absorb({ a: { revision: 'r1', at } })).to.equal(true);
    expect(store.absorb({ a: { revision: 'r1', at } })).to.equal(false);
    expect(store.absorb({ a: { revision: 'r0', at: at - 1 } }), 'an older dismissal').to.equal(false);
    expect(store.add('b', 'r1', at)).to.deep.equal({ b: { revision: 'r1', at } });
    expect([...store.current.keys()]).to.deep.equal(['a', 'b']);
  });

  it('persists into what another tab stored, and forgets what is older than 90 days', async () => {
    const storage = createMemoryStorage();
    await storage.set('dismissals:x', { other: { revision: 'r1', at }, ancient: { revision: 'r1', at: at - DISMISSALS_KEPT_MS } });
    const store = createDismissalStore(guardStorage(storage), 'dismissals:x');
    store.add('mine', 'r3', at);
    await store.persist(at);
    expect(Object.keys((await storage.get('dismissals:x')) as object).sort()).to.deep.equal(['mine', 'other']);
  });

  it('writes one at a time, so two quick dismissals both land', async () => {
    const base = createMemoryStorage();
    // The second write reads what the first wrote: two overlapping read-merge-writes would lose one.
    let writes = 0;
    const storage: StatusStorage = { get: (key) => base.get(key), set: async (key, value) => (writes += 1, base.set(key, value)) };
    const store = createDismissalStore(guardStorage(storage), 'dismissals:x');
    store.add('a', 'r1', at);
    const first = store.persist(at);
    store.add('b', 'r1', at);
    await Promise.all([first, store.persist(at)]);
    expect(writes).to.equal(2);
    expect(Object.keys((await base.get('dismissals:x')) as object).sort()).to.deep.equal(['a', 'b']);
  });

  it('keeps only the latest dismissals, in memory and in storage, however many a long visit makes', async () => {
    const storage = createMemoryStorage();
    // What an earlier page stored: as many again, all older.
    await storage.set('dismissals:x', Object.fromEntries(Array.from({ length: DISMISSALS_KEPT }, (_, i) => [`old${i}`, { revision: 'r', at: at - 1000 - i }])));
    const store = createDismissalStore(guardStorage(storage), 'dismissals:x');
    store.absorb(await storage.get('dismissals:x'));
    for (let i = 0; i < 1000; i += 1) store.add(`n${i}`, 'r', at + i);
    expect(store.current.size).to.equal(DISMISSALS_KEPT);
    expect(store.current.has('n999'), 'the latest kept').to.equal(true);
    expect(store.current.has('n0'), 'the oldest dropped').to.equal(false);
    await store.persist(at + 1000);
    const kept = Object.keys((await storage.get('dismissals:x')) as object);
    expect(kept).to.have.length(DISMISSALS_KEPT);
    expect(kept.some((id) => id.startsWith('old')), 'older stored ones dropped first').to.equal(false);
  });
});
