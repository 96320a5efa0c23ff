// The page lifecycle in a real Chromium (RELIABILITY.md section G): the back/forward cache, unload listeners,
// pagehide/pageshow and freeze/resume, with the banner leading (polling or streaming) from a real status origin
// that counts every request and stream. Each test has its own servers and browser context.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { freshOrigins, launch, locks, openTab, pageErrors, quiet, skipBrowser, title, until } from '../../../../test/helpers/browser.mjs';

const FIRST = 'Elevated error rates';

/**
 * Reasons for not restoring a page from the back/forward cache (Chromium's `BackForwardCacheNotRestoredReason`
 * names) that would be the banner's doing: what it holds open (locks, channels, connections, IndexedDB) or
 * listens to. Anything else (an embedder, a test harness) is not ours.
 */
const OURS = /lock|broadcastchannel|unload|network|fetch|eventsource|indexeddb|websocket|keepalive|dedicatedworker/i;

describe('lifecycle', { skip: skipBrowser }, () => {
  let browser;

  before(async () => {
    browser = await launch();
  });
  after(() => browser?.close());

  const setup = (t, options) => freshOrigins(browser, t, options);

  /** Records the lifecycle events the page sees, as `type:persisted|visibility`, in `window.__lifecycle`. */
  function recordLifecycle() {
    window.__lifecycle = [];
    for (const type of ['pageshow', 'pagehide']) addEventListener(type, (e) => window.__lifecycle.push(`${type}:${e.persisted}`));
    for (const type of ['visibilitychange', 'freeze', 'resume']) {
      document.addEventListener(type, () => window.__lifecycle.push(`${type}:${document.visibilityState}`));
    }
  }

  test('LIFE-01: a streaming leader navigates away and back: restored from the back/forward cache, and streaming again', { timeout: 30_000 }, async (t) => {
    const { status, app, context, problems } = await setup(t);
    const page = await openTab(context, app.page('a', { stream: 1 }), { problems, init: recordLifecycle });
    await until(() => status.openStreams() === 1, 5000, 'the stream');
    await until(async () => (await title(page)) === FIRST, 5000, 'the notice');
    await page.evaluate(() => (window.__sameDocument = true));
    const stream = status.streams[0];

    const cdp = await page.createCDPSession();
    await cdp.send('Page.enable');
    const notRestored = [];
    cdp.on('Page.backForwardCacheNotUsed', ({ notRestoredExplanations }) => notRestored.push(...notRestoredExplanations));

    await page.goto(app.blank('a'));
    // Leaving, the banner lets go of its stream (and lock, and channel), or the page could not be cached.
    await until(() => stream.closed, 2000, 'the stream to close on pagehide');
    const since = Date.now();
    await page.goBack();

    const reasons = notRestored.map(({ reason, type }) => `${reason} (${type})`);
    const ours = reasons.filter((reason) => OURS.test(reason));
    assert.deepEqual(ours, [], 'the banner kept the page out of the back/forward cache');
    if (reasons.length) {
      // Not restored for a reason of the browser's or the harness's own: report it, and check what can be checked.
      t.diagnostic(`not restored from the back/forward cache, for reasons not ours: ${reasons.join(', ')}`);
    } else {
      assert.equal(await page.evaluate(() => window.__sameDocument), true, 'a new document was loaded');
      const shows = await page.evaluate(() => window.__lifecycle.filter((e) => e.startsWith('pageshow')));
      assert.deepEqual(shows, ['pageshow:false', 'pageshow:true']);
    }

    const next = await until(() => status.streams.find((s) => s.opened >= since && !s.closed), 2500, 'a stream again');
    assert.equal(next.tab, 'a');
    status.publish('Pushed after the return');
    await until(async () => (await title(page)) === 'Pushed after the return', 1000, 'the push after the return');
    assert.equal(status.openStreams(), 1);
    assert.deepEqual(problems, []);
    assert.deepEqual(await pageErrors(page), []);
  });

  test('LIFE-02: no unload or beforeunload listener on window, with the banner leading', { timeout: 30_000 }, async (t) => {
    const { status, app, context, problems } = await setup(t);
    const page = await openTab(context, app.page('a', { stream: 1 }), { problems });
    await until(() => status.openStreams() === 1, 5000, 'the stream');
    assert.equal(status.streams[0].tab, 'a');
    await until(async () => (await title(page)) === FIRST, 5000, 'the notice');

    const cdp = await page.createCDPSession();
    const { result } = await cdp.send('Runtime.evaluate', { expression: 'window' });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
    const types = listeners.map((listener) => listener.type);
    assert.deepEqual(types.filter((type) => /unload/.test(type)), []);
    // The query does see the banner's own listeners: the lifecycle events it does use.
    for (const type of ['pagehide', 'pageshow', 'online', 'offline']) assert.ok(types.includes(type), `no ${type} listener among ${types}`);
    assert.deepEqual(await pageErrors(page), []);
  });

  test('LIFE-03: pageshow without persisted, after the page was hidden: polling resumes', { timeout: 30_000 }, async (t) => {
    const { status, app, context, problems } = await setup(t);
    const page = await openTab(context, app.page('a'), { problems, init: recordLifecycle });
    await until(() => status.polls().length >= 2, 5000, 'polling');

    // Hidden for real: another tab covers it.
    const cover = await openTab(context, app.blank('cover'), { as: 'tab' });
    assert.equal(await page.evaluate(() => document.visibilityState), 'hidden');
    // A mobile browser switching apps may fire pagehide and later a pageshow that is not a cache restore.
    // Desktop Chromium makes that pair only around a navigation, so the two are dispatched by hand, while
    // the hiding and showing are real.
    await page.evaluate(() => dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false })));
    const hiddenAt = Date.now();
    await quiet(2500);
    // An answer in flight when the page was hidden may still land; nothing may start later.
    assert.deepEqual(status.polls(hiddenAt + 200).map((r) => r.tab), [], 'the hidden page polled');

    await page.bringToFront();
    assert.equal(await page.evaluate(() => document.visibilityState), 'visible');
    const shownAt = Date.now();
    await page.evaluate(() => dispatchEvent(new PageTransitionEvent('pageshow', { persisted: false })));
    await until(() => status.polls(shownAt).length >= 2, 3500, 'polling to resume after a pageshow with persisted false');
    assert.ok(status.polls(shownAt).every((r) => r.tab === 'a'));
    assert.deepEqual(problems, []);
    assert.deepEqual(await pageErrors(page), []);
    await cover.close();
  });

  test('LIFE-04: frozen, then resumed: no request while frozen, then exactly one revalidation, no burst', { timeout: 40_000 }, async (t) => {
    const { status, app, context, problems } = await setup(t);
    // Interval 2 s: polls come 1.6 to 2.4 s apart, so a burst of queued timers would stand out.
    const page = await openTab(context, app.page('a', { interval: 2 }), { problems, init: recordLifecycle });
    await until(() => status.polls().length >= 2, 8000, 'polling');
    const other = await openTab(context, app.blank('other'), { as: 'background' });

    const cdp = await page.createCDPSession();
    await cdp.send('Page.setWebLifecycleState', { state: 'frozen' });
    const frozenAt = Date.now();
    // Frozen pages hold no lock: another tab of the origin could lead.
    await until(async () => (await locks(other)).held === 0, 1000, 'the frozen page to release the lock');
    await quiet(5000);
    assert.deepEqual(status.polls(frozenAt + 200), [], 'the frozen page polled');

    await cdp.send('Page.setWebLifecycleState', { state: 'active' });
    // Chromium's setWebLifecycleState hides the page before freezing it and does not show it again on
    // 'active' (a browser resumes a background tab the same way): it stays hidden, so it waits.
    await quiet(1000);
    assert.deepEqual(status.polls(frozenAt + 200), [], 'the resumed, still hidden page polled');
    const events = await page.evaluate(() => window.__lifecycle);
    assert.deepEqual(events.slice(-3), ['visibilitychange:hidden', 'freeze:hidden', 'resume:hidden']);

    // Shown again, as by a click on its tab.
    await other.bringToFront();
    await page.bringToFront();
    assert.equal(await page.evaluate(() => document.visibilityState), 'visible');
    const shownAt = Date.now();
    // The revalidation, then the next poll of the normal cycle: a burst of queued timers would put them close.
    await until(() => status.polls(shownAt).length >= 2, 5000, 'two requests after showing');
    const times = status.polls(shownAt).map((r) => r.at - shownAt);
    // One revalidation soon (the ±1 s jitter after a stale resume), then the normal cycle.
    assert.ok(times[0] <= 1500, `first request ${times[0]} ms after showing`);
    const gaps = times.slice(1).map((at, i) => at - times[i]);
    assert.ok(gaps.every((gap) => gap >= 1500), `requests ${times} ms after showing: a burst`);
    assert.deepEqual(status.polls(frozenAt + 200).filter((r) => r.at < shownAt), [], 'the page polled before it was shown');
    assert.deepEqual(problems, []);
    assert.deepEqual(await pageErrors(page), []);
  });
});
