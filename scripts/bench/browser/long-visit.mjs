// A long visit to one page with a live stream: the heap after thousands of pushed updates and a thousand
// dismissals, and how many times the banner renders when events come faster than frames.

import { heapAfterGc, heapByKind, openPage, until } from './chrome.mjs';
import { nativeSnapshot } from './origins.mjs';

const UPDATES_PER_NOTICE = 10;

/**
 * Runs in the page before its scripts. Counts animation frames, and the banner's renders by the frame they fall
 * in (its `update`, wrapped once the element is defined). With `heapRun` set, instead plays the visitor of the
 * heap run, keeping nothing itself: each time a notice shows its last update, dismisses it and asks the lab
 * for the next batch (`__labNext`, a DevTools binding).
 */
function instrument(heapRun) {
  const lab = (window.__lab = { frame: 0, renders: [] });
  const tick = () => {
    lab.frame += 1;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  if (!heapRun) {
    customElements.whenDefined('status-banner').then((element) => {
      const update = element.prototype.update;
      element.prototype.update = function (...args) {
        lab.renders.push(lab.frame);
        return update.apply(this, args);
      };
    });
    return;
  }
  let handled = '';
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    if (this.localName !== 'status-banner') return root;
    new MutationObserver(() => {
      const title = root.querySelector('[part="title"]')?.textContent ?? '';
      if (!title.endsWith('.last') || title === handled) return;
      handled = title;
      root.querySelector('[part="dismiss-button"]').click();
      // Through a DevTools binding, not a request: DevTools keeps every request's data (the lab's Network domain
      // is on) in the page's heap, which is not the banner's to count.
      window.__labNext();
    }).observe(root, { subtree: true, childList: true, characterData: true });
    return root;
  };
}

/** The updates of notice `k`: versions after `version`, the last titled `<k>.last`. */
const batch = (k, version) =>
  Array.from({ length: UPDATES_PER_NOTICE }, (_, i) =>
    nativeSnapshot(version + i + 1, `notice-${k}`, i === UPDATES_PER_NOTICE - 1 ? `${k}.last` : `${k}.${i + 1}`),
  );

/**
 * `updates` updates in batches of ten (one notice each, dismissed once its last update shows): the JS heap
 * after a forced GC once the first notice is dismissed, and again after the last. Returns the growth in KiB:
 * `total` (the heap in use), and of it `data` (what scripts keep) and `code` (compiled code; see heapByKind).
 * `inspect(cdp, moment)`, for an analysis, runs after each measurement.
 */
export async function heapGrowth(browser, app, status, { updates, inspect }) {
  status.serve('quiet');
  const notices = updates / UPDATES_PER_NOTICE;
  const { page, cdp, context } = await openPage(browser, { network: false });
  try {
    let first;
    const firstDone = new Promise((resolve) => (first = resolve));
    let finish;
    const allDone = new Promise((resolve) => (finish = resolve));
    let count = 0;
    await page.exposeFunction('__labNext', () => {
      count += 1;
      if (count === 1) first();
      else if (count < notices) status.publish(batch(count + 1, count * UPDATES_PER_NOTICE));
      else finish();
    });
    await page.evaluateOnNewDocument(instrument, true);
    await page.goto(app.page({ stream: true }), { waitUntil: 'load' });
    await until(() => status.openStreams() === 1, 10_000, 'the stream to open');
    status.publish(batch(1, 0));
    await firstDone;
    const before = await heapAfterGc(cdp);
    const kindsBefore = await heapByKind(cdp);
    await inspect?.(cdp, 'before');
    status.publish(batch(2, UPDATES_PER_NOTICE));
    // Frames pace the visit (a notice shows in one before it can be dismissed): generous, for a busy machine.
    const timeout = setTimeout(() => finish(new Error('the visit stalled')), updates * 50);
    const stalled = await allDone;
    clearTimeout(timeout);
    if (stalled) throw stalled;
    const after = await heapAfterGc(cdp);
    const kindsAfter = await heapByKind(cdp);
    await inspect?.(cdp, 'after');
    return { total: (after - before) / 1024, data: (kindsAfter.data - kindsBefore.data) / 1024, code: (kindsAfter.code - kindsBefore.code) / 1024 };
  } finally {
    await context.close();
  }
}

/**
 * `count` events over one second, each its own write: the banner's renders, the frames they fell in, and the
 * frames with more than one render.
 */
export async function rendersPerEvents(browser, app, status, { count = 100, spanMs = 1000 } = {}) {
  status.serve('quiet');
  const { page, context } = await openPage(browser);
  try {
    await page.evaluateOnNewDocument(instrument, false);
    await page.goto(app.page({ stream: true }), { waitUntil: 'load' });
    await until(() => status.openStreams() === 1, 10_000, 'the stream to open');
    status.publish([nativeSnapshot(1, 'storm', 'Storm 0')]);
    await until(() => page.evaluate(() => document.querySelector('status-banner')?.shadowRoot?.querySelector('[part="title"]')?.textContent === 'Storm 0'), 10_000, 'the first event to show');
    await page.evaluate(() => (window.__lab.renders = []));
    const start = Date.now();
    for (let i = 1; i <= count; i += 1) {
      status.publish([nativeSnapshot(1 + i, 'storm', `Storm ${i}`)]);
      // Paced against the clock, so the events span the second whatever each write costs.
      const wait = start + (i * spanMs) / count - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
    await until(() => page.evaluate((last) => document.querySelector('status-banner').shadowRoot.querySelector('[part="title"]')?.textContent === last, `Storm ${count}`), 5000, 'the last event to show');
    const renders = await page.evaluate(() => window.__lab.renders);
    const perFrame = new Map();
    for (const frame of renders) perFrame.set(frame, (perFrame.get(frame) ?? 0) + 1);
    return {
      renders: renders.length,
      frames: perFrame.size,
      framesWithMoreThanOne: [...perFrame.values()].filter((n) => n > 1).length,
    };
  } finally {
    await context.close();
  }
}
