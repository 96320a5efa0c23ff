// A host page that is hostile without meaning to be: browser APIs that are present but denied, built-ins it
// patched, a polluted Object.prototype, stored values that fight back, and a provider of its own with a bug.
// Whatever it does, the client keeps working, or stops with one warning, and nothing reaches the page.

import { expect } from '@open-wc/testing';
import { createIndexedDbStorage, createMemoryStorage, defineProvider, type StatusStorage } from '@status-banner/core';
import { client, clients, keep, until } from '../../../test/helpers/clients.js';
import { trapPageErrors, waitFor, type PageErrorTrap } from '../../../test/helpers/page-errors.js';
import { nativePayload } from '../../../test/helpers/payloads.js';
import { endpoint, requestLog, site, siteLog } from '../../../test/helpers/status-server.js';

/** Sets `name` on `target` for the length of `run`, then puts back what was there. */
async function patched<T extends object>(target: T, name: string, value: unknown, run: () => Promise<void>): Promise<void> {
  const before = Object.getOwnPropertyDescriptor(target, name);
  Object.defineProperty(target, name, { value, configurable: true, writable: true });
  try {
    await run();
  } finally {
    if (before) Object.defineProperty(target, name, before);
    else delete (target as Record<string, unknown>)[name];
  }
}

describe('a hostile host page', () => {
  let trap: PageErrorTrap;
  beforeEach(() => {
    trap = trapPageErrors();
  });
  afterEach(() => {
    for (const c of clients.splice(0)) c.destroy();
    trap.stop();
    expect(trap.errors, 'errors that reached window').to.deep.equal([]);
  });

  it('ENV-08: Web Locks present but denied (SecurityError, as in an opaque-origin iframe): the tab polls on its own', async () => {
    const src = await endpoint({ body: nativePayload([{ id: 'a', severity: 'major', title: 'Down' }]) });
    const denied = () => Promise.reject(new DOMException('The request was denied.', 'SecurityError'));
    await patched(navigator.locks, 'request', denied, async () => {
      const c = keep(client({ src }));
      const state = await until(c, (s) => s.status === 'ready');
      expect(state.notices.map((n) => n.title)).to.deep.equal(['Down']);
      expect((await requestLog(src)).length).to.be.at.least(1);
    });
  });

  it('ENV-09: `new BroadcastChannel()` throws (SecurityError, as in Firefox with cookies blocked): no error reaches the page, and the tab polls on its own', async () => {
    const src = await endpoint({ body: nativePayload([{ id: 'a', severity: 'minor', title: 'Slow' }]) });
    const Throwing = class {
      constructor() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      }
    };
    await patched(window, 'BroadcastChannel', Throwing, async () => {
      const c = keep(client({ src }));
      const state = await until(c, (s) => s.status === 'ready');
      expect(state.notices.map((n) => n.title)).to.deep.equal(['Slow']);
    });
  });

  it('ENV-10: options and payloads are read as own properties only: a polluted Object.prototype steers nothing', async () => {
    const src = await endpoint({ body: nativePayload([{ id: 'real', severity: 'minor', title: 'The real notice' }]) });
    const evil = await endpoint({ sse: [{ raw: `event: snapshot\ndata: ${JSON.stringify(nativePayload([{ id: 'x', severity: 'critical', title: 'Security incident: reset your password' }]))}\n\n` }] });
    const polluted: Record<string, unknown> = {
      // Options.
      stream: evil,
      transport: 'sse',
      provider: 'slack',
      timeout: 1,
      maxBytes: 1,
      interval: 0.001,
      components: ['nothing'],
      staleAfter: 0,
      // Payload fields the notice does not have.
      url: 'https://evil.example/reset-password',
      message: 'Reset your password at evil.example',
      scheduledStart: '2020-01-01T00:00:00Z',
    };
    const proto = Object.prototype as Record<string, unknown>;
    try {
      Object.assign(proto, polluted);
      const c = keep(client({ src }));
      const state = await until(c, (s) => s.status === 'ready');
      expect(state.notices.map((n) => n.title)).to.deep.equal(['The real notice']);
      expect(state.snapshot!.provider).to.equal('native');
      const [notice] = state.notices;
      expect(['url', 'message', 'scheduledStart'].filter((key) => Object.hasOwn(notice!, key))).to.deep.equal([]);
    } finally {
      for (const key of Object.keys(polluted)) delete proto[key];
    }
    expect(await requestLog(evil)).to.deep.equal([]);
  });

  it('DATA-08: a notice whose id is "__proto__" stays dismissed after a reload, and dismisses nothing else', async () => {
    const src = await endpoint({ body: nativePayload([{ id: '__proto__', severity: 'major', title: 'Odd id' }, { id: 'constructor', severity: 'minor', title: 'Odder' }]) });
    const storage = createIndexedDbStorage({ databaseName: `status-banner-proto-${Date.now()}` });
    const first = keep(client({ src, storage }));
    await until(first, (s) => s.notices.length === 2);
    await first.dismiss('__proto__');
    expect(first.getSnapshot().notices.map((n) => n.id)).to.deep.equal(['constructor']);
    first.destroy();
    const reloaded = keep(client({ src, storage }));
    const state = await until(reloaded, (s) => s.status === 'ready');
    expect(state.notices.map((n) => n.id)).to.deep.equal(['constructor']);
  });

  it('STO-10: stored values that throw when read (a hostile or broken storage) are nothing stored', async () => {
    const src = await endpoint({ body: nativePayload([{ id: 'a', severity: 'minor', title: 'Still shown' }]) });
    const trapped = new Proxy({}, {
      get() {
        throw new Error('read me not');
      },
      getOwnPropertyDescriptor() {
        throw new Error('read me not');
      },
      ownKeys() {
        throw new Error('read me not');
      },
    });
    const storage: StatusStorage = { get: async () => trapped, set: async () => {} };
    const c = keep(client({ src, storage }));
    const state = await until(c, (s) => s.status === 'ready');
    expect(state.notices.map((n) => n.title)).to.deep.equal(['Still shown']);
    await c.dismiss('a');
    expect(c.getSnapshot().notices).to.deep.equal([]);
  });

  it('ENV-11: a provider of the page\'s own whose detect throws cannot stop discovery or polling', async () => {
    defineProvider({
      id: 'buggy-detect',
      detect: () => {
        throw new TypeError("Cannot read properties of undefined (reading 'format')");
      },
      parse: () => ({ notices: [] }),
      endpoints: (url) => [new URL('buggy.json', url.href.endsWith('/') ? url : `${url.href}/`)],
    });
    const base = await site({ '/api/v2/summary.json': { fixture: 'real/statuspage/githubstatus-summary-major-outage-investigating-2020-04-02.json' } });
    const c = keep(client({ src: base, storage: createMemoryStorage() }));
    const state = await until(c, (s) => s.status === 'ready', 8000);
    expect(state.snapshot!.provider).to.equal('statuspage');
    expect(await siteLog(base)).to.include('/buggy.json');
  });

  it('DATA-06: a storm of pushed events, most of them repeats, writes to storage only for a change, never for a repeat', async () => {
    const contents = [0, 1, 2].map((n) => `event: snapshot\ndata: ${JSON.stringify({ ...nativePayload([{ id: 'a', severity: 'major', title: `Update ${n}` }]), version: 10 + n })}\n\n`);
    // 100 events, three contents: each content repeated (a replaying server, a proxy that doubles).
    const script = Array.from({ length: 100 }, (_, i) => contents[Math.floor((i * 3) / 100)]).join('');
    const stream = await endpoint({ sse: [{ raw: script }] });
    const src = await endpoint({ body: nativePayload([]) });
    const written: string[] = [];
    const memory = createMemoryStorage();
    const storage: StatusStorage = {
      get: (key) => memory.get(key),
      set: (key, value) => (key.startsWith('snapshot:') && written.push((value as { snapshot: { notices: { title: string }[] } }).snapshot.notices[0]!.title), memory.set(key, value)),
    };
    const c = keep(client({ src, stream, storage }));
    await until(c, (s) => s.notices[0]?.title === 'Update 2', 8000);
    await waitFor(() => written.includes('Update 2'), 2000, 'the last write');
    // One write per change at most, in order, ending on the last: the changes read in one task (one chunk of
    // the stream) are stored once, as that task ends (sse.test.ts), so how many of the three are written depends
    // on how the stream was cut.
    expect(written.at(-1)).to.equal('Update 2');
    expect(written).to.deep.equal(['Update 0', 'Update 1', 'Update 2'].filter((title) => written.includes(title)));
  });
});
