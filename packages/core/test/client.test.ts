import { expect } from '@open-wc/testing';
import {
  createIndexedDbStorage,
  createMemoryStorage,
  resolveEndpoint,
  StatusFetchError,
  type StatusStorage,
} from '@status-banner/core';
import { trapPageErrors, type PageErrorTrap } from '../../../test/helpers/page-errors.js';
import { nativePayload } from '../../../test/helpers/payloads.js';
import { configure, endpoint, requestLog, requests } from '../../../test/helpers/status-server.js';
import { client, clients, controlledEnvironment, keep, until, watched } from '../../../test/helpers/clients.js';
import { settled, testClock, tick, turns } from '../../../test/helpers/test-clock.js';


describe('createStatusClient', () => {
  let trap: PageErrorTrap;
  beforeEach(() => {
    trap = trapPageErrors();
  });
  afterEach(() => {
    for (const c of clients.splice(0)) c.destroy();
    trap.stop();
    expect(trap.errors, 'errors that reached window').to.deep.equal([]);
  });

  it('does nothing until subscribed, then fetches and reports the snapshot', async () => {
    const src = await endpoint({ body: nativePayload([{ id: 'a', severity: 'major', title: 'API down' }]) });
    const time = testClock();
    const c = client({ src, clock: time.clock });
    time.advance(1000);
    expect(time.pending, 'nothing set to run').to.equal(0);
    expect(await requestLog(src)).to.have.length(0);
    expect(c.getSnapshot().status).to.equal('loading');
    const ready = until(c, (s) => s.status === 'ready');
    await tick(time);
    const state = await ready;
    expect(state.snapshot?.provider).to.equal('native');
    expect(state.notices.map((n) => [n.id, n.severity, n.title])).to.deep.equal([['a', 'major', 'API down']]);
    expect(state.fetchedAt).to.be.closeTo(Date.now(), 2000);
  });

  it('keeps the same state object and notifies nobody when the payload is unchanged', async () => {
    const src = await endpoint({ body: nativePayload([{ id: 'a' }]), etag: true });
    const c = client({ src });
    const first = await until(c, (s) => s.status === 'ready');
    let calls = 0;
    const stop = c.subscribe(() => (calls += 1));
    await c.refresh();
    await c.refresh();
    stop();
    expect(calls).to.equal(0);
    expect(c.getSnapshot()).to.equal(first);
    const log = await requestLog(src);
    expect(log.length).to.be.at.least(3);
    // The browser revalidated with the ETag it cached; nothing hand-set it.
    expect(log.slice(1).every((r) => r.headers['if-none-match']?.startsWith('"'))).to.equal(true);
  });

  it('reports a 500 as an error with no notices, and retries with backoff', async () => {
    const src = await endpoint({ status: 500, body: 'oops' });
    const c = keep(client({ src, random: () => 0 }));
    const state = await until(c, (s) => s.status === 'error');
    expect(state.notices).to.deep.equal([]);
    expect(state.error).to.be.instanceOf(StatusFetchError);
    expect((state.error as StatusFetchError).type).to.equal('http');
    expect((state.error as StatusFetchError).status).to.equal(500);
    // random() = 0 makes every backoff delay 0: the client keeps retrying.
    expect((await requests(src, 2)).length).to.be.at.least(2);
  });

  it('waits as long as Retry-After says', async () => {
    const src = await endpoint({ status: 503, headers: { 'Retry-After': '120' } }, { body: nativePayload([]) });
    const time = testClock();
    const c = keep(client({ src, random: () => 0, clock: time.clock }));
    await tick(time);
    await until(c, (s) => s.status === 'error');
    await settled(() => time.pending === 1, 'the retry set');
    expect(time.next).to.equal(120_000);
    time.advance(119_999);
    expect(await requestLog(src)).to.have.length(1);
  });

  it('stops for good on a 404, with one console warning', async () => {
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const src = await endpoint({ status: 404, body: 'not found' });
      const time = testClock();
      const c = keep(client({ src, random: () => 0, clock: time.clock }));
      await tick(time);
      const state = await until(c, (s) => s.status === 'error');
      expect((state.error as StatusFetchError).status).to.equal(404);
      await c.refresh();
      time.advance(3_600_000);
      expect(time.pending, 'nothing set to run').to.equal(0);
      expect(await requestLog(src)).to.have.length(1);
      // A second client on another 404 does not warn again: one line per failure class per page.
      const other = client({ src: await endpoint({ status: 404 }) });
      await until(other, (s) => s.status === 'error');
    } finally {
      console.warn = warn;
    }
    expect(warnings.filter((w) => String(w[0]).includes('HTTP 404'))).to.have.length(1);
  });

  it('treats HTML instead of JSON as a format error, not an outage', async () => {
    const src = await endpoint({ body: '<!doctype html><title>Captive portal</title>', headers: { 'Content-Type': 'text/html' } });
    const c = client({ src, random: () => 0.5 });
    const state = await until(c, (s) => s.status === 'error');
    expect((state.error as StatusFetchError).type).to.equal('format');
    expect(state.snapshot).to.equal(undefined);
    expect(state.notices).to.deep.equal([]);
  });

  it('gives up on an endpoint that never answers, and keeps polling after it', async () => {
    const src = await endpoint({ hang: true });
    const c = client({ src, timeout: 200, random: () => 0.99 });
    const state = await until(c, (s) => s.status === 'error');
    expect((state.error as StatusFetchError).type).to.equal('timeout');
    // The hung request is over: the next one goes out.
    await configure(src, { body: nativePayload([{ id: 'back' }]) });
    keep(c);
    await c.refresh();
    expect(c.getSnapshot().notices.map((n) => n.id)).to.deep.equal(['back']);
  });

  it('DATA-03: refuses a payload larger than maxBytes', async () => {
    const src = await endpoint({ body: nativePayload([{ id: 'a', message: 'x'.repeat(5000) }]) });
    const c = client({ src, maxBytes: 1000, random: () => 0.99 });
    const state = await until(c, (s) => s.status === 'error');
    expect((state.error as StatusFetchError).type).to.equal('too-large');
  });

  it('POLL-06: keeps the last good snapshot when the endpoint starts failing', async () => {
    const src = await endpoint({ body: nativePayload([{ id: 'a', severity: 'critical' }]) });
    const c = client({ src, random: () => 0.99 });
    await until(c, (s) => s.status === 'ready');
    await configure(src, { status: 502 });
    await c.refresh();
    const state = c.getSnapshot();
    expect(state.error).to.be.instanceOf(StatusFetchError);
    expect(state.notices.map((n) => n.id)).to.deep.equal(['a']);
  });

  it('marks the snapshot stale once it has gone unconfirmed past staleAfter and a refresh fails, until the next good answer', async () => {
    const src = await endpoint({ body: nativePayload([{ id: 'a', severity: 'major' }]) });
    const env = controlledEnvironment();
    const time = testClock();
    const c = keep(client({ src, staleAfter: 0.3, environment: env.environment, clock: time.clock }));
    await tick(time);
    await until(c, (s) => s.status === 'ready');
    await configure(src, { status: 503 });
    await c.refresh();
    expect(c.getSnapshot().stale, 'failed, but not old yet').to.equal(undefined);
    time.advance(400);
    await c.refresh();
    const stale = c.getSnapshot();
    expect(stale.stale).to.equal(true);
    expect(stale.notices.map((n) => n.id), 'still shown, marked').to.deep.equal(['a']);
    await configure(src, { body: nativePayload([{ id: 'a', severity: 'major' }]) });
    await c.refresh();
    expect(c.getSnapshot().stale).to.equal(undefined);
    // Offline with an old snapshot: nothing will confirm it, so it is stale at once.
    time.advance(400);
    env.set({ online: false });
    expect(c.getSnapshot().stale).to.equal(true);
  });

  it('takes staleAfterSeconds from a native payload over its own option', async () => {
    const src = await endpoint({ body: nativePayload([{ id: 'a' }], { staleAfterSeconds: 3600 }) }, { status: 503 });
    const time = testClock();
    const c = keep(client({ src, staleAfter: 0.1, clock: time.clock }));
    await tick(time);
    await until(c, (s) => s.status === 'ready');
    await settled(() => time.pending === 1, 'the next poll set');
    time.advance(200);
    await c.refresh();
    expect(c.getSnapshot().error).to.exist;
    expect(c.getSnapshot().stale).to.equal(undefined);
  });

  it('DATA-07: ignores a snapshot older than the one it shows', async () => {
    const src = await endpoint({ body: nativePayload([{ id: 'new' }], { version: 7 }) });
    const c = client({ src, random: () => 0.99 });
    await until(c, (s) => s.snapshot?.version === 7);
    await configure(src, { body: nativePayload([{ id: 'old' }], { version: 6 }) });
    await c.refresh();
    expect(c.getSnapshot().notices.map((n) => n.id)).to.deep.equal(['new']);
    await configure(src, { body: nativePayload([{ id: 'newer' }], { version: 8 }) });
    await c.refresh();
    expect(c.getSnapshot().notices.map((n) => n.id)).to.deep.equal(['newer']);
  });

  it('opens the maintenance window on time even when the payload never changes', async () => {
    const start = new Date(Date.now() + 1500).toISOString();
    const src = await endpoint({
      body: nativePayload([{ id: 'm', kind: 'maintenance', severity: 'maintenance', phase: 'scheduled', scheduledStart: start }]),
      etag: true,
    });
    const c = keep(client({ src, interval: 1, maintenanceLead: 1, random: () => 0 }));
    await until(c, (s) => s.status === 'ready');
    expect(c.getSnapshot().notices, 'not due yet').to.deep.equal([]);
    const due = await until(c, (s) => s.notices.length === 1, 5000);
    expect(due.notices[0]!.id).to.equal('m');
  });

  it('never lets a tab switch or a reconnect shorten a Retry-After or a backoff', async () => {
    const src = await endpoint({ status: 503, headers: { 'Retry-After': '3600' } });
    const env = controlledEnvironment();
    const time = testClock();
    const c = keep(client({ src, environment: env.environment, random: () => 0.5, clock: time.clock }));
    await tick(time);
    await until(c, (s) => s.status === 'error');
    for (let i = 0; i < 3; i += 1) {
      env.set({ visible: false });
      env.set({ visible: true });
      env.set({ online: false });
      env.set({ online: true });
    }
    await settled(() => time.pending === 1, 'leading again');
    expect(time.next, 'still the whole Retry-After, jittered up').to.be.at.least(3_600_000);
    time.advance(1500);
    expect(await requestLog(src)).to.have.length(1);
  });

  it('takes a lower version once the server repeats it (a restart), but never compares with a stored one', async () => {
    const src = await endpoint({ body: nativePayload([{ id: 'outage', severity: 'major' }], { version: 40 }) });
    const storage = createMemoryStorage();
    const c = client({ src, storage, random: () => 0.99 });
    await until(c, (s) => s.snapshot?.version === 40);
    await configure(src, { body: nativePayload([], { version: 1, indicator: 'none' }) });
    await c.refresh();
    expect(c.getSnapshot().snapshot!.version, 'one lower answer is a replay').to.equal(40);
    await c.refresh();
    expect(c.getSnapshot().snapshot!.version, 'the same lower answer again is a restart').to.equal(1);
    expect(c.getSnapshot().notices).to.deep.equal([]);
    c.destroy();

    // A reload: the stored snapshot says version 40, the network says 1; the network wins at once.
    await storage.set(`snapshot:${resolveEndpoint(src)}`, { snapshot: nativePayload([{ id: 'old' }], { version: 40 }), fetchedAt: Date.now(), checkedAt: Date.now() });
    const reloaded = client({ src, storage, random: () => 0.99 });
    keep(reloaded);
    await reloaded.refresh();
    expect(reloaded.getSnapshot().snapshot!.version).to.equal(1);
  });

  it('survives a custom storage that throws synchronously or never answers', async () => {
    const src = await endpoint({ body: nativePayload([{ id: 'a' }, { id: 'b' }]) });
    const throwing: StatusStorage = {
      get() {
        throw new Error('SecurityError');
      },
      set() {
        throw new Error('SecurityError');
      },
    };
    const c = client({ src, storage: throwing });
    expect(() => c.subscribe(() => {})).not.to.throw();
    await until(c, (s) => s.notices.length === 2);
    await c.dismiss('a');
    expect(c.getSnapshot().notices.map((n) => n.id)).to.deep.equal(['b']);

    const hanging: StatusStorage = { get: () => new Promise(() => {}), set: () => new Promise(() => {}) };
    const h = keep(client({ src, storage: hanging }));
    const state = await until(h, (s) => s.status === 'ready', 5000);
    expect(state.notices).to.have.length(2);
  });

  it('stores both of two dismissals made in quick succession', async () => {
    const base = createMemoryStorage();
    // Slow storage widens the window in which two writes could overtake each other.
    const slow: StatusStorage = {
      get: async (key) => (await turns(), base.get(key)),
      set: async (key, value) => (await turns(), base.set(key, value)),
    };
    const src = await endpoint({ body: nativePayload([{ id: 'a' }, { id: 'b' }, { id: 'c' }]) });
    const c = client({ src, storage: slow });
    await until(c, (s) => s.notices.length === 3);
    await Promise.all([c.dismiss('a'), c.dismiss('b')]);
    const saved = (await base.get(`dismissals:${resolveEndpoint(src)}`)) as Record<string, unknown>;
    expect(Object.keys(saved).sort()).to.deep.equal(['a', 'b']);
  });

  it('fires nothing when the network confirms a stored snapshot, and keeps the stored copy fresh', async () => {
    const payload = nativePayload([{ id: 'a', severity: 'major' }]);
    const src = await endpoint({ body: payload });
    const base = createMemoryStorage();
    const { seen, storage } = watched(base);
    const key = `snapshot:${resolveEndpoint(src)}`;
    const time = testClock();
    const first = client({ src, storage, maxAge: 2, random: () => 0.99, clock: time.clock });
    const ready = until(first, (s) => s.status === 'ready');
    await tick(time);
    await ready;
    first.destroy();
    // Writes are not awaited by the client; let the first one land, as it would before a reload.
    await settled(() => seen.writes === 1, 'the snapshot written');
    const { checkedAt: before } = (await storage.get(key)) as { checkedAt: number };

    time.advance(1100);
    const second = client({ src, storage, maxAge: 2, random: () => 0.99, clock: time.clock });
    const restored = await until(second, (s) => s.status === 'ready');
    let changes = 0;
    keep(second);
    second.subscribe(() => (changes += 1));
    await second.refresh();
    expect(changes, 'an identical answer is no change').to.equal(0);
    expect(second.getSnapshot()).to.equal(restored);
    await settled(() => seen.writes === 2, 'the snapshot written again');
    const { checkedAt: after } = (await storage.get(key)) as { checkedAt: number };
    expect(after, 'confirmed after half of maxAge: stored again').to.be.above(before);
  });

  it('filters notices by component id, name and group', async () => {
    const src = await endpoint({
      body: nativePayload(
        [
          { id: 'api', componentIds: ['c-api'] },
          { id: 'db', componentIds: ['c-db'] },
          { id: 'web', componentIds: ['c-web'] },
        ],
        {
          components: [
            { id: 'c-api', name: 'API', status: 'degraded' },
            { id: 'c-data', name: 'Data', status: 'operational', childIds: ['c-db'] },
            { id: 'c-db', name: 'Database', status: 'degraded', groupId: 'c-data' },
            { id: 'c-web', name: 'Website', status: 'degraded' },
          ],
        },
      ),
    });
    const byName = client({ src, components: ['api'] });
    expect((await until(byName, (s) => s.status === 'ready')).notices.map((n) => n.id)).to.deep.equal(['api']);
    const byGroup = client({ src, components: ['Data', 'c-web'] });
    expect((await until(byGroup, (s) => s.status === 'ready')).notices.map((n) => n.id).sort()).to.deep.equal(['db', 'web']);
  });

  it('keeps a notice that names no component under any filter (incident.io lists none)', async () => {
    const src = await endpoint({
      body: nativePayload([{ id: 'unknown-scope' }, { id: 'api', componentIds: ['c-api'] }], {
        components: [{ id: 'c-api', name: 'API', status: 'degraded' }, { id: 'c-web', name: 'Website', status: 'operational' }],
      }),
    });
    const c = client({ src, components: ['Website'] });
    expect((await until(c, (s) => s.status === 'ready')).notices.map((n) => n.id)).to.deep.equal(['unknown-scope']);
  });

  it('POLL-08/POLL-09: makes no request while hidden or offline, and revalidates when visible again', async () => {
    const src = await endpoint({ body: nativePayload([{ id: 'a' }]) });
    const env = controlledEnvironment();
    env.set({ visible: false });
    const time = testClock();
    const { seen, storage } = watched(createMemoryStorage());
    const c = client({ src, environment: env.environment, clock: time.clock, storage });
    const stop = c.subscribe(() => {});
    await settled(() => seen.reads >= 2, 'what is stored read');
    await turns();
    time.advance(600_000);
    expect(time.pending, 'hidden: nothing set to run').to.equal(0);
    expect(await requestLog(src)).to.have.length(0);
    env.set({ visible: true, online: false });
    await settled(() => seen.reads >= 4, 'what is stored read again, once shown');
    await turns();
    time.advance(600_000);
    expect(time.pending, 'offline: nothing set to run').to.equal(0);
    expect(await requestLog(src)).to.have.length(0);
    env.set({ online: true });
    await tick(time);
    await until(c, (s) => s.status === 'ready');
    expect(await requestLog(src)).to.have.length(1);
    stop();
    expect(env.listeners).to.equal(0);
  });

  it('stops every request, timer and listener on destroy', async () => {
    const src = await endpoint({ status: 500 });
    const env = controlledEnvironment();
    const time = testClock();
    const c = keep(client({ src, environment: env.environment, random: () => 0, clock: time.clock }));
    await tick(time);
    await until(c, (s) => s.status === 'error');
    await tick(time, 'the retry set');
    expect((await requests(src, 2)).length, 'retrying before destroy').to.be.at.least(2);
    c.destroy();
    // A request already on its way when destroy came may still reach the server: count from after it landed.
    await settled(() => time.pending === 0, 'the request in flight aborted');
    const seen = (await requestLog(src)).length;
    time.advance(600_000);
    await turns();
    expect((await requestLog(src)).length).to.equal(seen);
    expect(env.listeners).to.equal(0);
    expect(c.getSnapshot().status).to.equal('stopped');
  });

  it('never throws for a src that is not a URL', async () => {
    const c = client({ src: 'http://[not a url' });
    expect(c.getSnapshot().status).to.equal('error');
    expect(c.getSnapshot().error).to.be.instanceOf(TypeError);
    c.subscribe(() => {})();
    await c.refresh();
  });

  it('resolves a bare status-page origin to its Statuspage summary', () => {
    expect(resolveEndpoint('https://www.githubstatus.com')).to.equal('https://www.githubstatus.com/api/v2/summary.json');
    expect(resolveEndpoint('https://status.example.com/api/v2/')).to.equal('https://status.example.com/api/v2/summary.json');
    expect(resolveEndpoint('https://my.example.com/status')).to.equal('https://my.example.com/status');
    expect(resolveEndpoint('https://example.com/status.json')).to.equal('https://example.com/status.json');
    expect(resolveEndpoint('/__status/x')).to.equal(new URL('/__status/x', location.href).href);
  });

  describe('dismissals and storage', () => {
    const dbName = () => `status-banner-test-${Math.random().toString(36).slice(2)}`;

    it('hides a dismissed notice across clients (a reload) in real IndexedDB until it has news', async () => {
      const databaseName = dbName();
      const src = await endpoint({
        body: nativePayload([
          { id: 'a', revision: 'r1', severity: 'major' },
          { id: 'b', revision: 'r1' },
        ]),
      });
      const first = client({ src, storage: createIndexedDbStorage({ databaseName }) });
      await until(first, (s) => s.notices.length === 2);
      await first.dismiss('a');
      expect(first.getSnapshot().notices.map((n) => n.id)).to.deep.equal(['b']);
      first.destroy();

      const second = client({ src, storage: createIndexedDbStorage({ databaseName }) });
      const reloaded = await until(second, (s) => s.status === 'ready');
      expect(reloaded.notices.map((n) => n.id)).to.deep.equal(['b']);
      second.destroy();

      await configure(src, { body: nativePayload([{ id: 'a', revision: 'r2', severity: 'major' }, { id: 'b', revision: 'r1' }]) });
      const third = client({ src, storage: createIndexedDbStorage({ databaseName }), maxAge: 0 });
      const news = await until(third, (s) => s.status === 'ready' && s.snapshot?.notices[0]?.revision === 'r2');
      expect(news.notices.map((n) => n.id)).to.deep.equal(['a', 'b']);
    });

    it('reads its stored snapshot once when it starts in a shown page, and again each time the page is shown after being hidden', async () => {
      const src = await endpoint({ body: nativePayload([{ id: 'a' }]) });
      const env = controlledEnvironment();
      const memory = createMemoryStorage();
      const reads: string[] = [];
      const storage: StatusStorage = { get: (key) => (reads.push(key.split(':')[0]!), memory.get(key)), set: (key, value) => memory.set(key, value) };
      const c = keep(client({ src, storage, environment: env.environment }));
      await until(c, (s) => s.status === 'ready');
      await turns();
      const count = (kind: string) => reads.filter((read) => read === kind).length;
      // Its snapshot once; its dismissals again once it listens to the other tabs (the next test).
      expect([count('dismissals'), count('snapshot')], 'reads at start').to.deep.equal([2, 1]);
      env.set({ visible: false });
      env.set({ visible: true });
      await settled(() => count('snapshot') === 2, 'what is stored read again');
      await turns();
      expect([count('dismissals'), count('snapshot')]).to.deep.equal([3, 2]);
    });

    it('takes a dismissal another tab made while this one was reading storage at start', async () => {
      const src = await endpoint({ body: nativePayload([{ id: 'a', severity: 'major' }, { id: 'b' }]) });
      // One origin's storage, shared by two tabs' clients.
      const shared = createMemoryStorage();
      const tabA = keep(client({ src, storage: shared }));
      await until(tabA, (s) => s.notices.length === 2);
      // Tab B loads. Its read sees storage as it was when asked (as an IndexedDB transaction does), and answers
      // only when the test lets it.
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let reading = false;
      const slow: StatusStorage = {
        get: async (key) => {
          const value = structuredClone(await shared.get(key));
          reading ||= key.startsWith('dismissals:');
          await gate;
          return value;
        },
        set: (key, value) => shared.set(key, value),
      };
      const tabB = keep(client({ src, storage: slow }));
      await settled(() => reading, 'tab B reading storage');
      // Meanwhile the visitor dismisses "a" in tab A, which tells the other tabs (B does not listen yet), then stores it.
      await tabA.dismiss('a');
      release();
      await until(tabB, (s) => s.status === 'ready' && s.notices.length === 1);
      expect(tabB.getSnapshot().notices.map((n) => n.id)).to.deep.equal(['b']);
    });

    it('STO-08: shows a fresh stored snapshot before the network answers, and ignores a stale or corrupt one', async () => {
      const storage = createMemoryStorage();
      const src = await endpoint({ hang: true });
      const key = `snapshot:${resolveEndpoint(src)}`;
      await storage.set(key, { fetchedAt: Date.now() - 1000, snapshot: nativePayload([{ id: 'cached', severity: 'major' }]) });
      const fresh = client({ src, storage, timeout: 60_000 });
      const state = await until(fresh, (s) => s.status === 'ready');
      expect(state.notices.map((n) => n.id)).to.deep.equal(['cached']);
      fresh.destroy();

      await storage.set(key, { fetchedAt: Date.now() - 3_600_000, snapshot: nativePayload([{ id: 'stale' }]) });
      const looked = watched(storage);
      const stale = client({ src, storage: looked.storage, timeout: 60_000 });
      stale.subscribe(() => {});
      await settled(() => looked.seen.reads >= 2, 'what is stored read');
      await turns();
      expect(stale.getSnapshot().snapshot).to.equal(undefined);
      stale.destroy();

      for (const corrupt of ['a string', { fetchedAt: Date.now(), snapshot: { notices: 'no' } }, null, 42]) {
        await storage.set(key, corrupt);
        const read = watched(storage);
        const c = client({ src, storage: read.storage, timeout: 60_000 });
        c.subscribe(() => {});
        await settled(() => read.seen.reads >= 2, 'what is stored read');
        await turns();
        expect(c.getSnapshot().snapshot, JSON.stringify(corrupt)).to.equal(undefined);
        c.destroy();
      }
    });

    it('keeps working from memory when storage rejects or hangs', async () => {
      const broken: StatusStorage = { get: () => Promise.reject(new Error('boom')), set: () => Promise.reject(new Error('boom')) };
      const src = await endpoint({ body: nativePayload([{ id: 'a' }, { id: 'b' }]) });
      const c = client({ src, storage: broken });
      await until(c, (s) => s.notices.length === 2);
      await c.dismiss('a');
      expect(c.getSnapshot().notices.map((n) => n.id)).to.deep.equal(['b']);
    });

    it('STO-01/STO-03: falls back to memory when IndexedDB is missing or its open never settles', async () => {
      const original = Object.getOwnPropertyDescriptor(window, 'indexedDB')!;
      const src = await endpoint({ body: nativePayload([{ id: 'a' }, { id: 'b' }]) });
      try {
        // idb-keyval throws synchronously when indexedDB is undefined.
        Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
        const missing = client({ src, storage: createIndexedDbStorage({ databaseName: dbName() }) });
        await until(missing, (s) => s.notices.length === 2);
        await missing.dismiss('a');
        expect(missing.getSnapshot().notices.map((n) => n.id)).to.deep.equal(['b']);

        // Safari 14: the first open() never fires success or error.
        Object.defineProperty(window, 'indexedDB', { value: { open: () => ({}) }, configurable: true });
        const hanging = createIndexedDbStorage({ databaseName: dbName(), timeout: 100 });
        const started = performance.now();
        await hanging.set('k', 1);
        expect(await hanging.get('k')).to.equal(1);
        expect(performance.now() - started).to.be.below(1000);
      } finally {
        Object.defineProperty(window, 'indexedDB', original);
      }
    });

    it('STO-05: never writes to idb-keyval\'s shared default database', async () => {
      const storage = createIndexedDbStorage();
      await storage.set('probe', 1);
      const names = (await indexedDB.databases()).map((d) => d.name);
      expect(names).to.include('status-banner-v1');
      expect(names).not.to.include('keyval-store');
    });
  });
});
