// How soon a visitor sees the banner when the status page has a major incident, with 150 ms added to every
// round trip: on a cold page (fresh cache and storage), and on the next page of the same visit, in the same tab
// (the snapshot already stored); and on the cold page, from the status answer's arrival to the banner painted. The same cold
// load counts the banner's bytes from the network log.

import { isBannerFile, median, networkQuiet, openPage, until } from './chrome.mjs';

const LATENCY_MS = 150;

/**
 * Runs in the page before its scripts: watches every <status-banner>'s shadow root from its creation, and when
 * the box first has text, notes the time (ms since navigation start) of the animation frame that paints it.
 */
function watchForBanner() {
  const lab = (window.__lab = { painted: undefined });
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    if (this.localName !== 'status-banner') return root;
    let asked = false;
    const observer = new MutationObserver(() => {
      const box = root.querySelector('[part="base"]');
      if (asked || !box?.textContent.trim()) return;
      asked = true;
      observer.disconnect();
      requestAnimationFrame(() => (lab.painted = performance.now()));
    });
    observer.observe(root, { subtree: true, childList: true, characterData: true });
    return root;
  };
}

/** When (ms since navigation start) the banner was painted, and when the status answer had fully arrived. */
async function loadUntilBanner(page, url) {
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await until(() => page.evaluate(() => window.__lab.painted !== undefined), 20_000, 'the banner to be painted');
  return page.evaluate(() => ({
    painted: window.__lab.painted,
    status: performance.getEntriesByType('resource').find((entry) => entry.name.includes('/status.json'))?.responseEnd,
  }));
}

/** `runs` visits: a cold page, then the next page in the same tab. */
export async function timeToBanner(browser, app, status, { runs, analysis = false }) {
  status.serve('incident');
  const cold = [];
  const stored = [];
  const afterStatus = [];
  const bytes = [];
  for (let run = 0; run < runs; run += 1) {
    const first = await openPage(browser, { latency: LATENCY_MS });
    try {
      await first.page.evaluateOnNewDocument(watchForBanner);
      const seen = await loadUntilBanner(first.page, app.page({ run }));
      cold.push(seen.painted);
      afterStatus.push(seen.painted - seen.status);
      // The view and whatever else the banner fetched, and the snapshot written to storage.
      await networkQuiet(first.log, 500);
      bytes.push(first.log.bytes(isBannerFile));
      if (analysis && run === 0) {
        const start = first.log.entries[0].finished;
        const lines = first.log.entries.map((e) => `  +${Math.round(e.finished - start)} ms  ${e.bytes} B  ${e.url.split('/').pop()}${e.failed ? ` (${e.failed})` : ''}`);
        console.error(`incident page, cold, responses finished (after the host page):\n${lines.join('\n')}\n  painted ${Math.round(seen.painted)} ms, status answer ${Math.round(seen.status)} ms after navigation start`);
      }
      // The visitor's next page, in the same tab: the first one is gone, what it stored stays.
      stored.push((await loadUntilBanner(first.page, app.page({ run: `${run}-next` }))).painted);
    } finally {
      await first.context.close();
    }
  }
  return [
    ['time_to_banner_ms', Math.round(median(cold)), 'ms'],
    ['time_to_banner_stored_ms', Math.round(median(stored)), 'ms'],
    ['time_to_banner_after_status_ms', Math.round(median(afterStatus)), 'ms'],
    ['bytes_banner_gzip', median(bytes), 'bytes'],
  ];
}
