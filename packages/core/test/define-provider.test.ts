import { expect } from '@open-wc/testing';
import { StatusFormatError, createMemoryStorage, defineProvider, type ProviderDefinition } from '@status-banner/core';
import { parseStatus } from '@status-banner/core/providers';
import { client, clients, keep, until } from '../../../test/helpers/clients.js';
import { site, siteLog } from '../../../test/helpers/status-server.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** A made-up format: `{ acme: { state, events: [{ ref, headline, level }] } }`. */
const acme = (id: string, overrides: Partial<ProviderDefinition> = {}): ProviderDefinition => ({
  id,
  detect: (payload: Json) => typeof payload?.acme === 'object' && payload.acme !== null && payload.acme.format === id,
  parse: (payload: Json) => ({
    page: { name: 'Acme', url: 'https://status.acme.example' },
    indicator: payload.acme.state,
    notices: payload.acme.events.map((e: Json) => ({ id: e.ref, title: e.headline, severity: e.level, kind: 'incident', phase: 'investigating' })),
  }),
  endpoints: (url) => [new URL('status/acme.json', url.href.endsWith('/') ? url : `${url.href}/`)],
  ...overrides,
});
const payloadFor = (format: string, events: Json[] = [{ ref: 'e1', headline: 'Checkout down', level: 'major' }]) => ({
  acme: { format, state: events.length ? 'major' : 'none', events },
});

describe('defineProvider', () => {
  afterEach(() => {
    for (const c of clients.splice(0)) c.destroy();
  });

  it('registers a format that parseStatus then detects, and that a provider option names', () => {
    defineProvider(acme('acme-a'));
    const snap = parseStatus(payloadFor('acme-a'));
    expect(snap).to.deep.equal({
      provider: 'acme-a',
      page: { name: 'Acme', url: 'https://status.acme.example/' },
      indicator: 'major',
      notices: [{ id: 'e1', kind: 'incident', title: 'Checkout down', severity: 'major', phase: 'investigating', componentIds: [], revision: ':major' }],
      components: [],
    });
    expect(parseStatus(payloadFor('acme-a'), { provider: 'acme-a' })).to.deep.equal(snap);
    // Built-in formats are untouched.
    expect(parseStatus({ status: 'operational' }).provider).to.equal('openstatus');
  });

  it("validates the parser's output like any source's: a buggy parser cannot emit an invalid snapshot", () => {
    defineProvider(
      acme('acme-sloppy', {
        parse: () => ({
          page: { name: '  ', url: 'javascript:alert(1)' },
          indicator: 'purple',
          notices: [
            { id: 'ok', title: '<b>Title</b>', severity: 'catastrophic' as never, url: 'data:text/html,x', updatedAt: 'yesterday' },
            { title: 'no id' },
            null as never,
            { id: 'x'.repeat(500), title: 'long id', componentIds: [1, 1, 'a', { no: 1 }] as never },
          ],
          components: [{ id: 'c', status: 'on fire' as never }, { name: 'no id' }],
        }),
      }),
    );
    const snap = parseStatus(payloadFor('acme-sloppy'));
    expect(snap.page).to.deep.equal({});
    expect(snap.indicator).to.equal('minor');
    // Its titles are plain text like every source's (before, the markup was shown as characters).
    expect(snap.notices.map((n) => [n.id.length, n.title, n.severity, n.componentIds])).to.deep.equal([
      [2, 'Title', 'minor', []],
      [200, 'long id', 'minor', ['1', 'a']],
    ]);
    expect(snap.notices[0]).not.to.have.property('url');
    expect(snap.notices[0]).not.to.have.property('updatedAt');
    expect(snap.components).to.deep.equal([{ id: 'c', name: 'c', status: 'unknown' }]);
  });

  it('hands over updates and ends: the builder takes the latest word and drops what the provider says is over', () => {
    defineProvider(
      acme('acme-updates', {
        parse: () => ({
          notices: [
            {
              id: 'a',
              title: '<b>API</b>&nbsp;down',
              updates: [
                { id: 'u1', at: '2026-11-22T10:00:00Z', text: '<p>First look.</p>', phase: 'investigating' },
                // Later in the list and on the clock of another zone, but earlier: 09:30 UTC.
                { id: 'u2', at: '2026-11-22T10:30:00+01:00', text: 'Earlier still.' },
                { id: 'u3', at: '2026-11-22T10:20:00Z', text: 'We **identified** it.', phase: 'identified', severity: 'major' },
              ],
              end: {},
            },
            { id: 'b', title: 'Over by its latest update', updates: [{ at: '2026-11-22T10:10:00Z', text: 'Fixed.', phase: 'resolved' }] },
            { id: 'c', title: 'Over by its flag', end: { resolved: true } },
            { id: 'd', title: 'Over by its end', end: { at: '2026-11-22T10:00:00Z' } },
            { id: 'e', title: 'Ends later', message: 'Its own words.', end: { at: '2026-11-22T12:00:00Z' } },
          ],
        }),
      }),
    );
    const snap = parseStatus(payloadFor('acme-updates'), { now: new Date('2026-11-22T10:45:00Z') });
    expect(snap.notices.map((n) => [n.id, n.title, n.phase, n.severity, n.message, n.updatedAt, n.revision])).to.deep.equal([
      ['a', 'API down', 'identified', 'major', 'We identified it.', '2026-11-22T10:20:00.000Z', 'u3:major'],
      ['e', 'Ends later', 'unknown', 'minor', 'Its own words.', undefined, ':minor'],
    ]);
  });

  it('a parser that throws, returns nothing, or returns a trap reaches callers as a StatusFormatError only', () => {
    const cases: ProviderDefinition['parse'][] = [
      () => {
        throw new TypeError('bug');
      },
      () => undefined as never,
      () => 'nope' as never,
      () =>
        new Proxy({}, {
          get() {
            throw new Error('trap');
          },
        }),
      () => ({
        get notices(): never {
          throw new RangeError('getter');
        },
      }),
    ];
    cases.forEach((parse, i) => {
      defineProvider(acme(`acme-bug-${i}`, { parse }));
      try {
        parseStatus(payloadFor(`acme-bug-${i}`));
        expect.fail('should throw');
      } catch (error) {
        expect(error, `case ${i}`).to.be.instanceOf(StatusFormatError);
        expect((error as StatusFormatError).type).to.equal('invalid-payload');
      }
    });
    // A detect that throws, or answers anything but true, is "no".
    defineProvider(acme('acme-detect-throws', { detect: () => { throw new Error('x'); } }));
    defineProvider(acme('acme-detect-truthy', { detect: () => 1 as never }));
    expect(() => parseStatus({ acme: { format: 'none of them' } })).to.throw(StatusFormatError);
  });

  it('checks its input, and refuses a built-in id', () => {
    const bad: unknown[] = [
      undefined,
      {},
      { ...acme('x'), id: '' },
      { ...acme('x'), id: 'Has Spaces' },
      { ...acme('x'), id: 'a'.repeat(51) },
      { ...acme('x'), detect: 'yes' },
      { ...acme('x'), parse: undefined },
      { ...acme('x'), endpoints: [] },
      acme('statuspage'),
      acme('native'),
      acme('uptimekuma'),
    ];
    for (const definition of bad) {
      expect(() => defineProvider(definition as ProviderDefinition), JSON.stringify(definition)).to.throw(TypeError);
    }
  });

  it('defining an id again replaces it; custom formats are tried before the built-in ones', () => {
    defineProvider(acme('acme-twice'));
    defineProvider(acme('acme-twice', { parse: () => ({ notices: [], indicator: 'critical' }) }));
    expect(parseStatus(payloadFor('acme-twice')).indicator).to.equal('critical');
    // A custom format that claims a Statuspage payload wins over Statuspage: the page's own format.
    defineProvider(acme('acme-greedy', { detect: (p: Json) => !!p?.page?.greedy, parse: () => ({ notices: [] }) }));
    expect(parseStatus({ page: { greedy: true }, status: {} }, { provider: undefined }).provider).to.equal('acme-greedy');
  });

  it('endpoints: strings resolve against the base URL; non-http ones, extras and throws are dropped', () => {
    const source = defineProvider(
      acme('acme-urls', { endpoints: () => ['feeds/status.json', 'javascript:alert(1)', 'https://other.example/s.json', 'a', 'b', 'c'] }),
    );
    expect(source.endpoints(new URL('https://status.acme.example/app/')).map((u) => u.href)).to.deep.equal([
      'https://status.acme.example/app/feeds/status.json',
      'https://other.example/s.json',
      'https://status.acme.example/app/a',
    ]);
    const throwing = defineProvider(acme('acme-throws', { endpoints: () => { throw new Error('x'); } }));
    expect(throwing.endpoints(new URL('https://x.example/'))).to.deep.equal([]);
    const none = defineProvider(acme('acme-none', { endpoints: undefined }));
    expect(none.endpoints(new URL('https://x.example/'))).to.deep.equal([]);
  });

  it('a client finds a custom format from its base URL (its endpoints first) and reads it', async () => {
    defineProvider(acme('acme-client'));
    const root = await site({ '/status/acme.json': { body: payloadFor('acme-client') } });
    const storage = createMemoryStorage();
    const c = keep(client({ src: root, storage }));
    const state = await until(c, (s) => s.status === 'ready', 8000);
    expect(state.snapshot!.provider).to.equal('acme-client');
    expect(state.notices.map((n) => n.title)).to.deep.equal(['Checkout down']);
    // The base URL (a page, HTML), then the custom format's endpoint, first of all candidates.
    expect(await siteLog(root)).to.deep.equal(['/', '/status/acme.json']);
    // And named, straight to it.
    const named = keep(client({ src: root, provider: 'acme-client', storage: createMemoryStorage() }));
    await until(named, (s) => s.status === 'ready', 8000);
    expect((await siteLog(root)).slice(2)).to.deep.equal(['/status/acme.json']);
  });
});
