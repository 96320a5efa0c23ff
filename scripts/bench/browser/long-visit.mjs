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

/** A promise and its resolve (Node 20 has no Promise.withResolvers). */
function resolvable() {
  let resolve;
  const promise = new Promise((done) => (resolve = done));
  return { promise, resolve };
}

/**
 * `updates` updates in batches of ten (one notice each, dismissed once its last update shows): the JS heap
 * after a forced GC once the first notice is dismissed, and again after the last. Returns the growth in KiB:
 * `total` (the heap in use), and of it `data` (what scripts keep) and `code` (compiled code; see heapByKind).
 * With `again`, the visit goes on for as many updates more, and `next` is what those added to the heap: once the
 * page is warm, anything that grows without end shows there. `inspect(cdp, moment)`, for an analysis, runs after
 * each measurement.
 */
export async function heapGrowth(browser, app, status, { updates, again = false, inspect }) {
  status.serve('quiet');
  const notices = updates / UPDATES_PER_NOTICE;
  if (!Number.isInteger(notices) || notices < 2) throw new Error(`updates: a multiple of ${UPDATES_PER_NOTICE}, at least ${2 * UPDATES_PER_NOTICE}`);
  const last = again ? 2 * notices : notices;
  const { page, cdp, context } = await openPage(browser, { network: false });
  try {
    // The visit stops for a measurement after the first notice, after `notices`, and after `last`.
    const stops = new Map([1, notices, last].map((at) => [at, resolvable()]));
    let count = 0;
    await page.exposeFunction('__labNext', () => {
      count += 1;
      if (stops.has(count)) stops.get(count).resolve();
      else status.publish(batch(count + 1, count * UPDATES_PER_NOTICE));
    });
    await page.evaluateOnNewDocument(instrument, true);
    await page.goto(app.page({ stream: true }), { waitUntil: 'load' });
    await until(() => status.openStreams() === 1, 10_000, 'the stream to open');
    /** Plays the visit on from notice `from` until the stop at `to`. */
    const visit = async (from, to) => {
      status.publish(batch(from + 1, from * UPDATES_PER_NOTICE));
      // Frames pace the visit (a notice shows in one before it can be dismissed): generous, for a busy machine.
      let timer;
      const stalled = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('the visit stalled')), (to - from) * UPDATES_PER_NOTICE * 50 + 10_000)));
      try {
        await Promise.race([stops.get(to).promise, stalled]);
      } finally {
        clearTimeout(timer);
      }
    };
    const measure = async (moment) => {
      const heap = { total: await heapAfterGc(cdp), ...(await heapByKind(cdp)) };
      await inspect?.(cdp, moment);
      return heap;
    };
    await visit(0, 1);
    const before = await measure('before');
    await visit(1, notices);
    const after = await measure('after');
    const kib = (a, b) => ({ total: (b.total - a.total) / 1024, data: (b.data - a.data) / 1024, code: (b.code - a.code) / 1024 });
    const growth = kib(before, after);
    if (!again) return growth;
    await visit(notices, last);
    return { ...growth, next: kib(after, await measure('again')) };
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
