// Storage that fails the way real browsers' storage fails (RELIABILITY.md section D): IndexedDB missing,
// refusing to open, hanging, dropping its connection, shared with the host page's own idb-keyval, wiped by the
// browser, full. The banner keeps working for the session, never throws, and loses no dismissal it can keep.

import { expect } from '@open-wc/testing';
import { createIndexedDbStorage } from '@status-banner/core';
import { clear as clearHostStore, set as setHostValue } from 'idb-keyval';
import { client, clients, keep, until } from '../../../test/helpers/clients.js';
import { trapPageErrors, type PageErrorTrap } from '../../../test/helpers/page-errors.js';
import { nativePayload } from '../../../test/helpers/payloads.js';
import { endpoint } from '../../../test/helpers/status-server.js';

const dbName = () => `status-banner-sto-${Math.random().toString(36).slice(2)}`;

/** Replaces `target[name]` (an own property, or one it inherits) for the length of `run`. */
async function replaced<T extends object, K extends keyof T>(target: T, name: K, value: T[K], run: () => Promise<void>): Promise<void> {
  const before = Object.getOwnPropertyDescriptor(target, name);
  Object.defineProperty(target, name, { value, configurable: true, writable: true });
  try {
    await run();
  } finally {
    if (before) Object.defineProperty(target, name, before);
    else delete target[name];
  }
}

describe('storage that fails', () => {
  let trap: PageErrorTrap;
  beforeEach(() => {
    trap = trapPageErrors();
  });
  afterEach(() => {
    for (const c of clients.splice(0)) c.destroy();
    trap.stop();
    expect(trap.errors, 'errors that reached window').to.deep.equal([]);
  });

  it('STO-02: an IndexedDB that refuses to open (InvalidStateError, as in Tor): memory for the session, and no open per call', async () => {
    let opens = 0;
    const refusing = ((name: string) => {
      opens += 1;
      const request = {} as IDBOpenDBRequest & { onerror?: () => void };
      setTimeout(() => {
        Object.defineProperty(request, 'error', { value: new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError') });
        request.onerror?.();
      });
      void name;
      return request;
    }) as IDBFactory['open'];
    await replaced(indexedDB, 'open', refusing, async () => {
      const storage = createIndexedDbStorage({ databaseName: dbName() });
      await storage.set('a', 1);
      expect(await storage.get('a')).to.equal(1);
      for (let i = 0; i < 5; i += 1) await storage.set(`k${i}`, i);
      // Tried, then tried once more on a fresh connection, then given up for the session.
      expect(opens).to.be.at.most(2);
      const src = await endpoint({ body: nativePayload([{ id: 'a' }, { id: 'b' }]) });
      const c = keep(client({ src, storage }));
      await until(c, (s) => s.notices.length === 2);
      await c.dismiss('a');
      expect(c.getSnapshot().notices.map((n) => n.id)).to.deep.equal(['b']);
    });
  });

  it('STO-04: a connection dropped after backgrounding ("the database connection is closing") is reopened once, and the data is still read from IndexedDB', async () => {
    const databaseName = dbName();
    await createIndexedDbStorage({ databaseName }).set('kept', 'yes');
    // A new page (nothing in memory) whose first transaction finds the connection closing.
    const storage = createIndexedDbStorage({ databaseName });
    const real = IDBDatabase.prototype.transaction;
    let thrown = 0;
    const closing = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
      if (thrown++ === 0) throw new DOMException('The database connection is closing.', 'InvalidStateError');
      return real.apply(this, args);
    } as IDBDatabase['transaction'];
    await replaced(IDBDatabase.prototype, 'transaction', closing, async () => {
      const read = await storage.get('kept');
      expect([read, thrown]).to.deep.equal(['yes', 2]);
    });
    expect(thrown).to.be.at.least(2);
  });

  it('STO-05: the host page clearing its own idb-keyval store leaves the banner\'s data alone, and the banner never touches the host\'s', async () => {
    const databaseName = dbName();
    const src = await endpoint({ body: nativePayload([{ id: 'a', severity: 'major' }, { id: 'b' }]) });
    const first = keep(client({ src, storage: createIndexedDbStorage({ databaseName }) }));
    await until(first, (s) => s.notices.length === 2);
    await setHostValue('host-key', 'host value');
    await first.dismiss('a');
    first.destroy();
    // The host's own reset, on idb-keyval's default store.
    await clearHostStore();
    const reloaded = keep(client({ src, storage: createIndexedDbStorage({ databaseName }) }));
    const state = await until(reloaded, (s) => s.status === 'ready');
    expect(state.notices.map((n) => n.id)).to.deep.equal(['b']);
  });

  it('STO-07: storage wiped by the browser (7-day caps, private mode): a dismissed notice shows once more, nothing breaks', async () => {
    const databaseName = dbName();
    const src = await endpoint({ body: nativePayload([{ id: 'a', severity: 'major' }]) });
    const first = keep(client({ src, storage: createIndexedDbStorage({ databaseName }) }));
    await until(first, (s) => s.notices.length === 1);
    await first.dismiss('a');
    first.destroy();
    await new Promise((resolve, reject) => {
      const request = indexedDB.deleteDatabase(databaseName);
      request.onsuccess = resolve;
      request.onerror = reject;
      request.onblocked = resolve;
    });
    const after = keep(client({ src, storage: createIndexedDbStorage({ databaseName }) }));
    const state = await until(after, (s) => s.status === 'ready');
    expect(state.notices.map((n) => n.id)).to.deep.equal(['a']);
  });

  it('STO-09: a full disk (QuotaExceededError on write): the dismissal holds for the session, nothing is thrown', async () => {
    const src = await endpoint({ body: nativePayload([{ id: 'a', severity: 'major' }, { id: 'b' }]) });
    const full = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    } as unknown as IDBObjectStore['put'];
    await replaced(IDBObjectStore.prototype, 'put', full, async () => {
      const c = keep(client({ src, storage: createIndexedDbStorage({ databaseName: dbName() }) }));
      await until(c, (s) => s.notices.length === 2);
      await c.dismiss('a');
      expect(c.getSnapshot().notices.map((n) => n.id)).to.deep.equal(['b']);
    });
  });
});
