import { expect } from '@open-wc/testing';
import { StatusFetchError, createMemoryStorage, type StatusStorage } from '@status-banner/core';
import { parseStatus } from '@status-banner/core/providers';
import { trapPageErrors, type PageErrorTrap } from '../../../test/helpers/page-errors.js';
import { client, clients, keep, until } from '../../../test/helpers/clients.js';
import { settled, testClock, tick } from '../../../test/helpers/test-clock.js';
import { loadFixture, site, siteLog, type EndpointStep } from '../../../test/helpers/status-server.js';
import { findSource } from '../src/sources/registry.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const body = (value: unknown): EndpointStep => ({ body: value });

/**
 * One provider's page: the routes its site serves, the path below the site that is its base URL, the payload the
 * client should end up with (companions merged in), and the requests one poll makes once the endpoint is known.
 */
interface Page {
  provider: string;
  /** Below the site's base; '' for the site itself. */
  base: string;
  routes: Record<string, EndpointStep>;
  payload: Json;
  poll: string[];
}

const fixture = (ref: string): Promise<Json> => loadFixture(ref);

/** Every provider, each served where its own endpoints are, below a site of its own. */
const PAGES: Record<string, () => Promise<Page>> = {
  async statuspage() {
    const payload = await fixture('real/statuspage/htx-summary-upcoming-maintenance-and-investigating-incident-2020-02-11.json');
    return { provider: 'statuspage', base: '', routes: { '/api/v2/summary.json': body(payload) }, payload, poll: ['/api/v2/summary.json'] };
  },
  async incidentio() {
    const payload = await fixture('docs/incidentio-widget-summary-incident-and-maintenance-from-docs.json');
    return { provider: 'incidentio', base: '', routes: { '/api/v1/summary': body(payload) }, payload, poll: ['/api/v1/summary'] };
  },
  async instatus() {
    const payload = await fixture('docs/instatus-v1-summary-incident-and-maintenance-from-docs.json');
    return { provider: 'instatus', base: '', routes: { '/summary.json': body(payload) }, payload, poll: ['/summary.json'] };
  },
  async 'instatus v3'() {
    const payload = await fixture('docs/instatus-v3-summary-incident-and-maintenance-from-docs.json');
    return { provider: 'instatus', base: '', routes: { '/v3/summary.json': body(payload) }, payload, poll: ['/v3/summary.json'] };
  },
  async betterstack() {
    const payload = await fixture('docs/betterstack-index-incident-and-maintenance-from-docs.json');
    return { provider: 'betterstack', base: '', routes: { '/index.json': body(payload) }, payload, poll: ['/index.json'] };
  },
  async 'cachet 2.x'() {
    const payload = await fixture('docs/cachet-2x-incidents-schedules-components-from-docs.json');
    const { schedules, components, ...incidents } = payload;
    const paths = ['/api/v1/incidents?sort=id&order=desc&per_page=50', '/api/v1/schedules?sort=id&order=desc&per_page=50', '/api/v1/components?per_page=200'];
    return {
      provider: 'cachet',
      base: '',
      routes: { [paths[0]!]: body(incidents), [paths[1]!]: body(schedules), [paths[2]!]: body(components) },
      payload,
      poll: paths,
    };
  },
  async 'cachet 3.x'() {
    const payload = await fixture('docs/cachet-3x-incidents-schedules-components-from-docs.json');
    const { schedules, components, ...incidents } = payload;
    return {
      provider: 'cachet',
      base: '',
      // 2.x's paths are absent here, as on a 3.x server.
      routes: { '/api/incidents': body(incidents), '/api/schedules': body(schedules), '/api/components': body(components) },
      payload,
      poll: ['/api/incidents?include=components,updates', '/api/schedules?include=components,updates', '/api/components'],
    };
  },
  async uptimekuma() {
    const page = await fixture('real/uptimekuma/status-page-dashboard-1x-incident-null-unraid-2026-09-30.json');
    const heartbeat = await fixture('real/uptimekuma/heartbeat-dashboard-naive-timestamps-2026-09-30.json');
    return {
      provider: 'uptimekuma',
      base: 'status/dashboard',
      routes: { '/api/status-page/dashboard': body(page), '/api/status-page/heartbeat/dashboard': body(heartbeat) },
      payload: { ...page, heartbeat },
      poll: ['/api/status-page/dashboard', '/api/status-page/heartbeat/dashboard'],
    };
  },
  async 'uptimekuma 2.x'() {
    const { heartbeat, ...page } = await fixture('docs/uptimekuma-2x-status-page-with-heartbeat-incidents-and-maintenance-from-docs.json');
    return {
      provider: 'uptimekuma',
      base: 'status/acme',
      routes: { '/api/status-page/acme': body(page), '/api/status-page/heartbeat/acme': body(heartbeat) },
      payload: { ...page, heartbeat },
      poll: ['/api/status-page/acme', '/api/status-page/heartbeat/acme'],
    };
  },
  async statusio() {
    const payload = await fixture('real/statusio/gitlab-status-security-issue-600-2020-02-09.json');
    const id = '5b36dc6502d06804c0834a06';
    return { provider: 'statusio', base: `pages/${id}`, routes: { [`/1.0/status/${id}`]: body(payload) }, payload, poll: [`/1.0/status/${id}`] };
  },
  async openstatus() {
    const payload = await fixture('docs/openstatus-status-degraded-performance-from-docs.json');
    return { provider: 'openstatus', base: 'status/acme', routes: { '/public/status/acme': body(payload) }, payload, poll: ['/public/status/acme'] };
  },
  async sorry() {
    const payload = await fixture('docs/sorry-page-incident-and-maintenance-from-docs.json');
    const path = '/v1/pages/f7c6d44d?include=components,notices';
    return { provider: 'sorry', base: 'v1/pages/f7c6d44d', routes: { [path]: body(payload) }, payload, poll: [path] };
  },
  async heroku() {
    const payload = await fixture('real/other/heroku-status-current-open-incident-2019-10-24.json');
    return { provider: 'heroku', base: '', routes: { '/api/v4/current-status': body(payload) }, payload, poll: ['/api/v4/current-status'] };
  },
  async slack() {
    const payload = await fixture('real/other/slack-status-v2-current-2-active-incidents-2020-07-30.json');
    return { provider: 'slack', base: '', routes: { '/api/v2.0.0/current': body(payload) }, payload, poll: ['/api/v2.0.0/current'] };
  },
};

/** The snapshot the client should show for `payload`, read now. */
const expected = (payload: Json) => parseStatus(payload, { now: new Date() });
const sameSnapshot = (actual: unknown, payload: Json) => {
  const want = expected(payload);
  // Read a moment apart; only a lead window crossing in between could differ, and no fixture is near one.
  expect(actual).to.deep.equal(want);
};

describe('base URLs: every provider found, read right, and remembered', () => {
  let trap: PageErrorTrap;
  beforeEach(() => {
    trap = trapPageErrors();
  });
  afterEach(() => {
    for (const c of clients.splice(0)) c.destroy();
    trap.stop();
    expect(trap.errors, 'errors that reached window').to.deep.equal([]);
  });

  for (const [name, make] of Object.entries(PAGES)) {
    it(`${name}: found from its base URL with no provider named, then polled directly`, async () => {
      const page = await make();
      const root = await site(page.routes);
      const src = new URL(page.base, root).href;
      const storage = createMemoryStorage();
      const first = keep(client({ src, storage }));
      const state = await until(first, (s) => s.status !== 'loading', 8000);
      expect(state.error, String(state.error)).to.equal(undefined);
      expect(state.snapshot!.provider).to.equal(page.provider);
      sameSnapshot(state.snapshot, page.payload);
      const [endpoint] = page.poll;
      expect(await storage.get(`endpoint:${src}`)).to.deep.equal({ url: new URL(endpoint!.slice(1), root).href, provider: page.provider });
      // Discovery asked each candidate once at most, and ended at the endpoint.
      const log = await siteLog(root);
      expect(new Set(log).size, log.join(' ')).to.equal(log.length);
      expect(log.slice(-page.poll.length).sort()).to.deep.equal([...page.poll].sort());

      // A later page load goes straight to it: one poll, no probing. (It shows the stored snapshot at once, and
      // would poll at a random point of the interval; refresh polls now.)
      first.destroy();
      const before = (await siteLog(root)).length;
      const second = client({ src, storage });
      await second.refresh();
      expect((await siteLog(root)).slice(before).sort()).to.deep.equal([...page.poll].sort());
      sameSnapshot(second.getSnapshot().snapshot, page.payload);
    });

    it(`${name}: named, only its own endpoints are tried`, async () => {
      const page = await make();
      const root = await site(page.routes);
      const src = new URL(page.base, root).href;
      const c = keep(client({ src, provider: page.provider, storage: createMemoryStorage() }));
      const state = await until(c, (s) => s.status !== 'loading', 8000);
      expect(state.snapshot?.provider).to.equal(page.provider);
      // No probe of the base URL itself, and nothing but this provider's candidates and their companions.
      const source = findSource(page.provider)!;
      const own = source.endpoints(new URL(src)).flatMap((url) => [url, ...Object.values(source.companions?.(url) ?? {})]);
      const paths = own.map((url) => url.href.slice(root.length - 1));
      const log = await siteLog(root);
      expect(log.length).to.be.greaterThan(0);
      for (const path of log) expect(paths, path).to.include(path);
    });
  }

  it('polls only the endpoint once it is known: no discovery on later polls', async () => {
    const page = await PAGES.statuspage!();
    const root = await site(page.routes);
    const c = keep(client({ src: root }));
    await until(c, (s) => s.status === 'ready');
    const before = (await siteLog(root)).length;
    await c.refresh();
    await c.refresh();
    expect((await siteLog(root)).slice(before)).to.deep.equal(['/api/v2/summary.json', '/api/v2/summary.json']);
  });

  for (const name of ['statuspage', 'uptimekuma'] as const) {
    it(`${name}: each answer's JSON is parsed once, by the locator that judged it, and handed to the reader`, async () => {
      const page = await PAGES[name]!();
      const root = await site(page.routes);
      const c = keep(client({ src: new URL(page.base, root).href }));
      await until(c, (s) => s.status === 'ready', 8000);
      // Joins the first poll, which is still settling when its answer is published.
      await c.refresh();
      const parse = JSON.parse;
      let calls = 0;
      JSON.parse = (text: string, reviver?: Parameters<typeof JSON.parse>[1]) => ((calls += 1), parse(text, reviver));
      try {
        await c.refresh();
        await c.refresh();
      } finally {
        JSON.parse = parse;
      }
      // One parse per request: the endpoint's answer and each companion's, never their merge or the text again.
      expect(calls).to.equal(2 * page.poll.length);
      sameSnapshot(c.getSnapshot().snapshot, page.payload);
    });
  }

  it('a remembered endpoint that stops answering in a known shape is forgotten, and the page is searched again', async () => {
    const kuma = await PAGES.uptimekuma!();
    const root = await site({ ...kuma.routes, '/api/v2/summary.json': { status: 404 } });
    const src = new URL(kuma.base, root).href;
    const storage = createMemoryStorage();
    // Remembered from an earlier visit: the page's summary, which this site no longer serves (404).
    await storage.set(`endpoint:${src}`, { url: new URL('status/dashboard/api/v2/summary.json', root).href, provider: 'statuspage' });
    const c = keep(client({ src, storage }));
    const state = await until(c, (s) => s.status === 'ready', 8000);
    expect(state.snapshot!.provider).to.equal('uptimekuma');
    const log = await siteLog(root);
    expect(log[0]).to.equal('/status/dashboard/api/v2/summary.json');
    expect((await storage.get(`endpoint:${src}`)) as Json).to.deep.include({ provider: 'uptimekuma' });
  });

  it('a remembered URL that is no candidate of this base (storage from another version) is ignored', async () => {
    const page = await PAGES.heroku!();
    const root = await site(page.routes);
    const storage = createMemoryStorage();
    await storage.set(`endpoint:${root}`, { url: 'https://elsewhere.example/status.json', provider: 'native' });
    const c = keep(client({ src: root, storage }));
    await until(c, (s) => s.status === 'ready', 8000);
    expect(await siteLog(root)).to.include('/api/v4/current-status');
  });

  it('an unclaimed host (HTML everywhere) is a format error, retried with backoff, never a halt', async () => {
    const root = await site({});
    const time = testClock();
    const c = keep(client({ src: root, random: () => 0.99, clock: time.clock }));
    await tick(time);
    const state = await until(c, (s) => s.status === 'error', 8000);
    expect((state.error as StatusFetchError).type).to.equal('format');
    // One round: the base URL, then each candidate once; the next round waits for the backoff (about 1 s).
    const log = await siteLog(root);
    expect(new Set(log).size).to.equal(log.length);
    expect(log[0]).to.equal('/');
    await settled(() => time.pending === 1, 'the next round set');
    expect(time.next, 'about 1 s').to.be.within(500, 1500);
    time.advance(1500);
    expect((await siteLog(root, log.length + 1)).length).to.be.greaterThan(log.length);
  });

  it('a base URL whose every candidate is missing (404) stops, as a 404 endpoint does', async () => {
    const root = await site({}, 404);
    const warn = console.warn;
    console.warn = () => {};
    try {
      const time = testClock();
      const named = keep(client({ src: root, provider: 'incidentio', random: () => 0, clock: time.clock }));
      await tick(time);
      const state = await until(named, (s) => s.status === 'error', 8000);
      expect((state.error as StatusFetchError).status).to.equal(404);
      time.advance(3_600_000);
      expect(time.pending, 'stopped: nothing set to run').to.equal(0);
      expect(await siteLog(root)).to.deep.equal(['/api/v1/summary', '/api/v2/summary.json']);
      // Probed first (a path, no provider): `src` itself is missing, and that is the answer.
      const probed = keep(client({ src: new URL('status', root).href, random: () => 0, clock: time.clock }));
      await tick(time);
      expect(((await until(probed, (s) => s.status === 'error', 8000)).error as StatusFetchError).status).to.equal(404);
      time.advance(3_600_000);
      expect(time.pending, 'stopped: nothing set to run').to.equal(0);
      expect((await siteLog(root)).slice(2)).to.deep.equal(['/status']);
    } finally {
      console.warn = warn;
    }
  });

  it('a Retry-After during discovery ends the round at once and is honoured', async () => {
    const root = await site({ '/api/v2/summary.json': { status: 503, headers: { 'Retry-After': '120' } } });
    const time = testClock();
    const c = keep(client({ src: root, random: () => 0, clock: time.clock }));
    await tick(time);
    const state = await until(c, (s) => s.status === 'error', 8000);
    expect((state.error as StatusFetchError).status).to.equal(503);
    await settled(() => time.pending === 1, 'the next round set');
    expect(time.next).to.equal(120_000);
    time.advance(119_999);
    // The base URL (HTML, so a page), then the first candidate, and nothing more for two minutes.
    expect(await siteLog(root)).to.deep.equal(['/', '/api/v2/summary.json']);
  });

  it('a server in trouble on one candidate does not stop the others; the page is still found', async () => {
    const page = await PAGES.betterstack!();
    const root = await site({ ...page.routes, '/api/v2/summary.json': { status: 500 } });
    const c = keep(client({ src: root }));
    const state = await until(c, (s) => s.status === 'ready', 8000);
    expect(state.snapshot!.provider).to.equal('betterstack');
  });

  it('a companion in trouble fails the poll: an outage only the heartbeats report never reads as all clear', async () => {
    const page = await PAGES['uptimekuma 2.x']!();
    const root = await site({ ...page.routes, '/api/status-page/heartbeat/acme': { status: 503 } });
    const c = keep(client({ src: new URL(page.base, root).href }));
    const state = await until(c, (s) => s.status === 'error', 8000);
    expect((state.error as StatusFetchError).status).to.equal(503);
    expect(state.snapshot).to.equal(undefined);
    // The status page was found (its heartbeats were asked for); its reading waits for them.
    expect(await siteLog(root)).to.include('/api/status-page/heartbeat/acme');
  });

  it('a companion that is not there (404) is left out; the poll still succeeds', async () => {
    const page = await PAGES['uptimekuma 2.x']!();
    const root = await site({ ...page.routes, '/api/status-page/heartbeat/acme': { status: 404 } });
    const c = keep(client({ src: new URL(page.base, root).href }));
    const state = await until(c, (s) => s.status === 'ready', 8000);
    const { heartbeat, ...alone } = page.payload;
    expect(heartbeat).to.be.an('object');
    sameSnapshot(state.snapshot, alone);
  });

  it('an endpoint given as such is fetched as written: one request, no discovery, nothing remembered', async () => {
    const page = await PAGES.slack!();
    const root = await site(page.routes);
    const storage: StatusStorage & { keys: string[] } = Object.assign(createMemoryStorage(), { keys: [] as string[] });
    const set = storage.set.bind(storage);
    storage.set = (key, value) => {
      storage.keys.push(key);
      return set(key, value);
    };
    const c = keep(client({ src: new URL('api/v2.0.0/current', root).href, storage }));
    await until(c, (s) => s.status === 'ready');
    expect(await siteLog(root)).to.deep.equal(['/api/v2.0.0/current']);
    expect(storage.keys.filter((key) => key.startsWith('endpoint:'))).to.deep.equal([]);
  });
});
