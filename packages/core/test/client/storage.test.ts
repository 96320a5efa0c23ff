import { expect } from '@open-wc/testing';
import { createMemoryStorage, type StatusStorage } from '@status-banner/core';
import { testClock } from '../../../../test/helpers/test-clock.js';
import { guardStorage, STORAGE_TIMEOUT_MS } from '../../src/client/storage.js';

describe('client storage guard', () => {
  it('reads a plain copy: no getters, nothing shared with the storage', async () => {
    const kept = { a: { b: 1 } };
    const storage: StatusStorage = { get: async () => kept, set: async () => {} };
    const read = (await guardStorage(storage)('k')) as typeof kept;
    expect(read).to.deep.equal(kept);
    expect(read.a).not.to.equal(kept.a);
  });

  it('writes, and resolves a write with nothing', async () => {
    const storage = createMemoryStorage();
    const stored = guardStorage(storage);
    expect(await stored('k', { v: 1 })).to.equal(undefined);
    expect(await stored('k')).to.deep.equal({ v: 1 });
  });

  it('reads a storage that throws, rejects or holds something unreadable as nothing stored', async () => {
    const throwing: StatusStorage = {
      get() {
        throw new Error('SecurityError');
      },
      set() {
        throw new Error('SecurityError');
      },
    };
    expect(await guardStorage(throwing)('k')).to.equal(undefined);
    expect(await guardStorage(throwing)('k', 1)).to.equal(undefined);
    const rejecting: StatusStorage = { get: () => Promise.reject(new Error('no')), set: () => Promise.reject(new Error('no')) };
    expect(await guardStorage(rejecting)('k')).to.equal(undefined);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(await guardStorage({ get: async () => cyclic, set: async () => {} })('k')).to.equal(undefined);
  });

  it('gives up on a storage that never answers after 2 s, on the clock it is given', async () => {
    const time = testClock();
    const hanging: StatusStorage = { get: () => new Promise(() => {}), set: () => new Promise(() => {}) };
    let settled = false;
    const read = guardStorage(hanging, time.clock)('k').then((value) => ((settled = true), value));
    await Promise.resolve();
    time.advance(STORAGE_TIMEOUT_MS - 1);
    await Promise.resolve();
    expect(settled).to.equal(false);
    time.advance(1);
    expect(await read).to.equal(undefined);
    expect(time.pending, 'no timer left behind').to.equal(0);
  });
});
