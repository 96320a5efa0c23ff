// Many tabs of one host app in a real Chromium, against a real status origin that counts every request and
// stream (RELIABILITY.md section C, and SSE-18): one network consumer per browser, and it is a visible tab.
//
// The page and the status are two origins (two ports); each test has its own servers and its own browser
// context (its own IndexedDB, locks and channels). Hidden tabs are real background tabs (helpers/browser.mjs).

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  dismiss,
  freshOrigins,
  launch,
  locks,
  openTab,
  pageErrors,
  quiet,
  skipBrowser,
  storedDismissals,
  title,
  titles,
  until,
  untilAllShow,
  visibility,
} from '../../../../test/helpers/browser.mjs';
import { selfSignedCertificate, snapshotOf } from '../../../../test/helpers/servers.mjs';

const FIRST = 'Elevated error rates';

describe('tabs', { skip: skipBrowser }, () => {
  let browser;

  before(async () => {
    // `*.test` names resolve to this machine, for pages that are not a secure context (TAB-05).
    // The HTTP/2 status origin of SSE-19 has a throwaway self-signed certificate.
    browser = await launch(['--host-resolver-rules=MAP *.test 127.0.0.1', '--ignore-certificate-errors']);
  });
  after(() => browser?.close());

  const setup = (t, options) => freshOrigins(browser, t, options);

  /** No page error, console error or error event in any of `pages`. */
  async function assertClean(pages, problems) {
    assert.deepEqual(problems, []);
    for (const page of pages) assert.deepEqual(await pageErrors(page), []);
  }

  /** The names of the tabs that made requests to the status origin since `since`. */
  const consumers = (status, since = 0) => [...new Set(status.requests.filter((r) => r.at >= since && r.path !== '/ping').map((r) => r.tab))];

  test('TAB-01: 20 tabs, 15 hidden: one network consumer, a visible one; every tab shows the news within 1 s', { timeout: 60_000 }, async (t) => {
    const { status, app, context, problems } = await setup(t);
    // Five windows, each with its active tab and three background tabs.
    const shown = [];
    const hidden = [];
    for (let w = 0; w < 5; w += 1) {
      shown.push(await openTab(context, app.page(`v${w}`), { problems }));
      for (let k = 0; k < 3; k += 1) hidden.push(await openTab(context, app.page(`h${w}${k}`), { as: 'background', problems }));
    }
    assert.deepEqual(await visibility(shown), Array(5).fill('visible'));
    assert.deepEqual(await visibility(hidden), Array(15).fill('hidden'));
    await untilAllShow(shown, FIRST, 5000);
    // The hidden tabs neither hold the lock nor wait for it: one visible tab holds it, the four others wait.
    // (A tab may show what the others stored a moment before its own lock request reaches the browser.)
    await until(async () => {
      const lock = await locks(shown[0]);
      return lock.held === 1 && lock.pending === 4;
    }, 2000, 'one held lock and four pending requests');

    const since = Date.now();
    const { version } = status.publish('Partial recovery');
    const learnt = await until(() => status.polls(since).find((r) => r.version === version), 3000, 'the leader to fetch the news');
    const start = Date.now();
    const lags = (await untilAllShow(shown, 'Partial recovery', 3000)).map((ms) => start + ms - learnt.at);
    assert.ok(Math.max(...lags) <= 1000, `visible tabs showed the news ${lags} ms after the leader fetched it`);

    // Five intervals of 1 s (±20 %): about five requests, all from one tab.
    await quiet(since + 5000 - Date.now());
    const polls = status.polls(since).filter((r) => r.at < since + 5000);
    assert.ok(polls.length >= 3 && polls.length <= 7, `${polls.length} requests in 5 intervals`);
    const who = consumers(status);
    assert.equal(who.length, 1, `requests came from ${who}`);
    assert.match(who[0], /^v/, 'the consumer is a visible tab');
    assert.equal(status.polls(0, '/stream').length, 0);

    // Hidden tabs paint nothing; shown, each catches up at once (stored snapshot, and the leader's answer).
    for (const [i, page] of hidden.entries()) {
      await page.bringToFront();
      const shownAt = Date.now();
      await until(async () => (await title(page)) === 'Partial recovery', 1000, `hidden tab ${i}, once shown, to show the news`);
      assert.ok(Date.now() - shownAt <= 1000);
    }
    await assertClean([...shown, ...hidden], problems);
  });

  for (const how of ['closed', 'crashed']) {
    test(`TAB-02: the leader tab ${how}: another visible tab takes over within 1 s, never two leaders`, { timeout: 40_000 }, async (t) => {
      const { status, app, context, problems } = await setup(t);
      const tabs = new Map();
      for (const name of ['a', 'b', 'c', 'd']) tabs.set(name, await openTab(context, app.page(name, { stream: 1 }), { problems }));
      await until(() => status.openStreams() === 1, 5000, 'one stream');
      await untilAllShow([...tabs.values()], FIRST, 5000);

      const stream = status.streams.find((s) => !s.closed);
      const leader = tabs.get(stream.tab);
      tabs.delete(stream.tab);
      const survivors = [...tabs.values()];
      const before = await until(async () => {
        const lock = await locks(survivors[0]);
        return lock.held === 1 && lock.pending === 3 && lock;
      }, 2000, 'one held lock and three pending requests');

      const since = Date.now();
      if (how === 'closed') await leader.close();
      // Page.crash kills the renderer, as a crash or `kill -9` would: no pagehide, no script runs. Its reply never comes.
      else void (await leader.createCDPSession()).send('Page.crash').catch(() => {});
      const lock = await until(
        async () => {
          const now = await locks(survivors[0]);
          return now.held === 1 && now.holder !== before.holder && now;
        },
        1000,
        'another tab to hold the lock',
      );
      assert.equal(lock.pending, 2);
      const tookOver = Date.now() - since;
      // The new leader opens its stream within a jitter of up to 1 s after it takes the lock.
      const next = await until(() => status.streams.find((s) => s.opened >= since), 2500, 'a new stream');
      assert.ok(tabs.has(next.tab), `the new stream came from ${next.tab}`);
      // The browser tears down a dead tab's connection a little after its lock is free, so the server may see
      // the new stream open a few ms before the old one closes. That is no second leader: one page is gone.
      await until(() => stream.closed, 1000, "the dead leader's stream to close");
      const overlap = stream.closed - next.opened;
      assert.ok(overlap < 250, `the dead leader's stream closed ${overlap} ms after the new one opened`);
      assert.equal(status.streams.filter((s) => s.opened >= since).length, 1, 'more than one tab opened a stream');
      assert.equal(status.polls(since).length, 0, 'someone polled');

      const { at } = status.publish('Recovering');
      const start = Date.now();
      const lags = (await untilAllShow(survivors, 'Recovering', 2000)).map((ms) => start + ms - at);
      assert.ok(Math.max(...lags) <= 1000, `survivors showed the push after ${lags} ms`);
      assert.equal(status.openStreams(), 1);
      t.diagnostic(
        `lock taken over ${tookOver} ms after the leader ${how}; ` +
          `new stream after ${next.opened - since} ms, old one closed after ${stream.closed - since} ms`,
      );
      await assertClean(survivors, problems.filter((p) => !/Target crashed|Page crashed/.test(p)));
    });
  }

  test('TAB-03: a stale duplicate posted on the channel by another page does not replace what is shown', { timeout: 30_000 }, async (t) => {
    const { status, app, context, problems } = await setup(t);
    const tab = await openTab(context, app.page('a', { interval: 60 }), { problems });
    await until(async () => (await title(tab)) === FIRST, 5000, 'the first snapshot');
    const current = status.snapshot().version;
    // Another page of the same host origin, on the real channel the banner uses.
    const other = await openTab(context, app.blank('other'), { problems });
    const channel = `status-banner:${status.url}/status.json`;
    await tab.evaluate((name) => {
      // Created after the banner's own channel: a message reaches this one after the banner's.
      window.__heard = [];
      new BroadcastChannel(name).onmessage = ({ data }) => window.__heard.push(data);
    }, channel);

    /** Posts `message` from the other page and waits until the tab has heard it and painted twice since. */
    async function post(message) {
      const count = await tab.evaluate(() => window.__heard.length);
      await other.evaluate((name, data) => new BroadcastChannel(name).postMessage(data), channel, message);
      await tab.waitForFunction((n) => window.__heard.length > n, { timeout: 2000 }, count);
      await tab.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    }

    const now = Date.now();
    await post({ snapshot: snapshotOf('Stale title', current - 1), fetchedAt: now, checkedAt: now });
    assert.equal(await title(tab), FIRST, 'the stale duplicate replaced what was shown');
    assert.equal(await tab.evaluate(() => document.querySelector('status-banner').state.snapshot.version), current);

    // The same channel carries news: a higher version is shown. The turn-away above was the version's doing.
    await post({ snapshot: snapshotOf('Newer, from the channel', current + 1), fetchedAt: Date.now(), checkedAt: Date.now() });
    await until(async () => (await title(tab)) === 'Newer, from the channel', 1000, 'the newer snapshot');
    assert.equal(status.polls().length, 1, 'the channel made the tab ask the server');
    await assertClean([tab], problems);
  });

  test('TAB-04: a beforeunload dialog on the leader, cancelled: still exactly one consumer', { timeout: 30_000 }, async (t) => {
    const { status, app, context, problems } = await setup(t);
    const tabs = new Map();
    for (const name of ['a', 'b', 'c']) tabs.set(name, await openTab(context, app.page(name, { stream: 1 }), { problems }));
    await until(() => status.openStreams() === 1, 5000, 'one stream');
    const stream = status.streams[0];
    const leader = tabs.get(stream.tab);
    // The host app asks before leaving (unsaved work); a dialog needs a user gesture on the page first.
    await leader.evaluate(() =>
      addEventListener('beforeunload', (event) => {
        event.preventDefault();
        event.returnValue = '';
      }),
    );
    await leader.click('h1');
    status.resetPeak();
    const since = Date.now();
    const dialog = new Promise((resolve) => leader.once('dialog', resolve));
    await leader.close({ runBeforeUnload: true });
    const shown = await dialog;
    assert.equal(shown.type(), 'beforeunload');
    // While the dialog is up, the leader's script is blocked; its lock and stream must stay its own.
    await quiet(1500);
    assert.equal(status.openStreams(), 1);
    await shown.dismiss();
    // The leader runs again once it answers.
    assert.equal(await leader.evaluate(() => document.visibilityState), 'visible');

    assert.equal(leader.isClosed(), false);
    assert.equal(status.peakStreams(), 1, 'a second stream opened');
    assert.equal(status.openStreams(), 1);
    assert.equal(stream.closed, undefined, 'the leader\'s stream was dropped');
    assert.deepEqual(consumers(status, since), [], 'another tab made requests');
    const held = await locks(leader);
    assert.deepEqual([held.held, held.pending], [1, 2]);
    status.publish('Still one leader');
    await untilAllShow([...tabs.values()], 'Still one leader', 2000);
    assert.equal(status.streams.length, 1);
    await assertClean([...tabs.values()], problems);
  });

  test('TAB-05: an insecure context (no Web Locks): each visible tab polls at about 2x the interval, none streams, no exception', { timeout: 40_000 }, async (t) => {
    const { status, app, context, problems } = await setup(t, { statusHost: 'status.test' });
    // http://app.test is neither https nor localhost: not a secure context, so navigator.locks is absent.
    const shown = [];
    for (const name of ['a', 'b', 'c']) shown.push(await openTab(context, app.page(name, { host: 'app.test', stream: 1 }), { problems }));
    const hiddenTab = await openTab(context, app.page('h', { host: 'app.test', stream: 1 }), { as: 'background', problems });
    assert.deepEqual(await visibility([...shown, hiddenTab]), ['visible', 'visible', 'visible', 'hidden']);
    for (const page of shown) {
      assert.deepEqual(await page.evaluate(() => [isSecureContext, 'locks' in navigator]), [false, false]);
    }
    await untilAllShow(shown, FIRST, 5000);
    const since = Date.now();
    const timesOf = (name) => status.polls(since).filter((r) => r.tab === name).map((r) => r.at);
    // Four polls from each visible tab: three gaps each, about 6 s.
    await until(() => ['a', 'b', 'c'].every((name) => timesOf(name).length >= 4), 12_000, 'four polls from each visible tab');

    for (const name of ['a', 'b', 'c']) {
      const times = timesOf(name).slice(0, 4);
      const gaps = times.slice(1).map((at, i) => at - times[i]);
      // Interval 1 s, doubled, ±20 %: 1.6 to 2.4 s, with some slack for a busy machine.
      assert.ok(gaps.every((gap) => gap >= 1400 && gap <= 2800), `tab ${name}: gaps ${gaps}`);
    }
    assert.equal(status.polls(0).filter((r) => r.tab === 'h').length, 0, 'the hidden tab polled');
    assert.equal(status.polls(0, '/stream').length, 0, 'a tab streamed without Web Locks');
    await assertClean([...shown, hiddenTab], problems);
  });

  test('a dismissal in one tab hides the notice in every open tab at once, until the notice has news', { timeout: 30_000 }, async (t) => {
    const { status, app, context, problems } = await setup(t);
    const tabs = [];
    for (const name of ['a', 'b', 'c']) tabs.push(await openTab(context, app.page(name, { stream: 1 }), { problems }));
    await untilAllShow(tabs, FIRST, 5000);
    await dismiss(tabs[1]);
    await until(async () => (await Promise.all(tabs.map(title))).every((shown) => shown === null), 1000, 'every tab to drop the dismissed notice');
    status.publish('News on the same incident', { revision: 'r2' });
    await untilAllShow(tabs, 'News on the same incident', 2000);
    await assertClean(tabs, problems);
  });

  test('TAB-06: without BroadcastChannel, a dismissal in tab A shows in tab B once B is shown again', { timeout: 30_000 }, async (t) => {
    const { status, app, context, problems } = await setup(t);
    // Simulates an old browser (Safari before 15.4) that has no BroadcastChannel: gone before any script runs.
    const init = () => delete globalThis.BroadcastChannel;
    const b = await openTab(context, app.page('b'), { problems, init });
    await until(async () => (await title(b)) === FIRST, 5000, 'tab B to show the notice');
    // A covers B in the same window: B is hidden.
    const a = await openTab(context, app.page('a'), { as: 'tab', problems, init });
    assert.deepEqual(await visibility([a, b]), ['visible', 'hidden']);
    assert.deepEqual(await a.evaluate(() => typeof BroadcastChannel), 'undefined');
    await until(async () => (await title(a)) === FIRST, 5000, 'tab A to show the notice');

    await dismiss(a);
    await until(async () => (await title(a)) === null, 1000, 'the dismissal in A');
    await until(async () => 'inc-1' in (await storedDismissals(a)), 2000, 'the dismissal to be stored');
    await b.bringToFront();
    assert.deepEqual(await visibility([a, b]), ['hidden', 'visible']);
    await until(async () => (await title(b)) === null, 1000, 'tab B, shown again, to drop the dismissed notice');
    assert.ok(status.polls().length > 0);
    await assertClean([a, b], problems);
  });

  test('TAB-07: two copies of the script tag and two banners with the same src in one page: one consumer', { timeout: 30_000 }, async (t) => {
    const { status, app, context, problems } = await setup(t);
    const tab = await openTab(context, app.page('a', { stream: 1, copies: 2, markup: 1 }), { problems });
    await until(async () => (await titles(tab)).join() === [FIRST, FIRST].join(), 5000, 'both banners to show the notice');
    // The script tag mounted one banner (the second copy saw it and added none); the markup holds the other.
    assert.equal(await tab.evaluate(() => document.querySelectorAll('status-banner').length), 2);
    assert.equal(await tab.evaluate(() => document.querySelectorAll('script[data-src]').length), 2);
    // One client for the page: it holds the origin's lock and nothing in the page waits for it.
    const { held, pending } = await locks(tab);
    assert.deepEqual([held, pending], [1, 0]);
    assert.equal(status.openStreams(), 1);
    assert.equal(status.peakStreams(), 1);
    assert.equal(status.polls().length, 0);
    status.publish('Both banners hear this');
    await until(async () => (await titles(tab)).every((s) => s === 'Both banners hear this'), 2000, 'both banners to show the push');
    assert.equal(status.streams.length, 1);
    await assertClean([tab], problems);
  });

  test('SSE-18: 7 tabs on an HTTP/1.1 status origin: 1 open stream, every tab shows pushes, the page\'s own requests complete', { timeout: 40_000 }, async (t) => {
    const { status, app, context, problems } = await setup(t);
    const tabs = [];
    for (let i = 0; i < 7; i += 1) tabs.push(await openTab(context, app.page(`t${i}`, { stream: 1 }), { problems }));
    assert.deepEqual(await visibility(tabs), Array(7).fill('visible'));
    await untilAllShow(tabs, FIRST, 5000);
    await until(() => status.openStreams() === 1, 3000, 'one stream');

    const { at } = status.publish('Pushed to seven tabs');
    const start = Date.now();
    const lags = (await untilAllShow(tabs, 'Pushed to seven tabs', 2000)).map((ms) => start + ms - at);
    assert.ok(Math.max(...lags) <= 1000, `tabs showed the push after ${lags} ms`);

    // The host's own API on the status origin: six requests from every tab at once, over the five connections
    // the browser has left for that origin. Seven streams would have taken all six.
    const started = Date.now();
    const answers = await Promise.all(
      tabs.map((page) =>
        page.evaluate(
          (url) =>
            Promise.all(
              Array.from({ length: 6 }, (_, i) =>
                fetch(`${url}?i=${i}`, { signal: AbortSignal.timeout(5000) }).then((r) => r.text(), (e) => String(e)),
              ),
            ),
          `${status.url}/ping`,
        ),
      ),
    );
    assert.deepEqual(answers.flat(), Array(42).fill('pong'));
    assert.ok(Date.now() - started < 5000);
    assert.equal(status.peakStreams(), 1);
    assert.equal(status.streams.length, 1);
    assert.equal(status.polls().length, 0);
    await assertClean(tabs, problems);
  });

  test('SSE-19: an HTTP/2 status origin that admits 3 streams at once, 7 tabs: 1 stream, every tab shows pushes, the page\'s own requests complete', { timeout: 40_000 }, async (t) => {
    const certificate = selfSignedCertificate();
    if (!certificate) return t.skip('no openssl to make a certificate with');
    // Every tab shares the browser's one HTTP/2 connection to the origin: a stream per tab would take the three
    // slots and leave the rest of the tabs, and the page's own requests, waiting forever.
    const { status, app, context, problems } = await setup(t, { http2: { ...certificate, maxConcurrentStreams: 3 } });
    const tabs = [];
    for (let i = 0; i < 7; i += 1) tabs.push(await openTab(context, app.page(`t${i}`, { stream: 1 }), { problems }));
    await untilAllShow(tabs, FIRST, 5000);
    await until(() => status.openStreams() === 1, 3000, 'one stream');
    status.publish('Pushed over HTTP/2');
    await untilAllShow(tabs, 'Pushed over HTTP/2', 2000);
    const answers = await Promise.all(
      tabs.map((page) =>
        page.evaluate(
          (url) =>
            Promise.all(
              Array.from({ length: 6 }, (_, i) => fetch(`${url}?i=${i}`, { signal: AbortSignal.timeout(5000) }).then((r) => r.text(), (e) => String(e))),
            ),
          `${status.url}/ping`,
        ),
      ),
    );
    assert.deepEqual(answers.flat(), Array(42).fill('pong'));
    assert.deepEqual([...new Set(status.requests.map((r) => r.http))], ['2.0']);
    assert.equal(status.peakStreams(), 1);
    assert.equal(status.polls().length, 0);
    await assertClean(tabs, problems);
  });
});
