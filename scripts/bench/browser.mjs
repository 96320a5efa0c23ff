// Figures measured in a real Chromium with the built script tag, against the counting status origin of the
// node tests (test/helpers): how fast a pushed update reaches the DOM, and how many requests tabs make.

import { launch, openTab, title, until, untilAllShow, visibility } from '../../test/helpers/browser.mjs';
import { startAppOrigin, startStatusOrigin } from '../../test/helpers/servers.mjs';

const FIRST = 'Elevated error rates';

/** The value at quantile `q` of `values` (nearest rank). */
const quantile = (values, q) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil(q * values.length) - 1)];
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A browser, fresh servers and a context for `work(env)`, all closed after it. */
async function withBrowser(work) {
  const browser = await launch();
  const status = await startStatusOrigin({ heartbeatMs: 5000 });
  const app = await startAppOrigin({ statusUrl: status.url });
  try {
    return await work({ context: await browser.createBrowserContext(), status, app });
  } finally {
    await browser.close();
    await app.close();
    await status.close();
  }
}

/**
 * Milliseconds from the server writing an event to the DOM showing its title, for `count` updates `spacing` ms
 * apart. A MutationObserver on the banner's shadow root notes `Date.now()` when each title first appears; server
 * and page share the machine's clock.
 */
export function ssePublishToDom({ count = 200, spacing = 50, warmup = 10 } = {}) {
  return withBrowser(async ({ context, status, app }) => {
    const page = await openTab(context, app.page('bench', { stream: 1, interval: 60 }));
    await until(async () => (await title(page)) === FIRST && status.openStreams() === 1, 10_000, 'the banner to stream');
    await page.evaluate(() => {
      const root = document.querySelector('status-banner').shadowRoot;
      window.__seen = {};
      new MutationObserver(() => {
        const message = root.querySelector('[part="base"] strong')?.parentElement;
        const text = message?.textContent.replace(message.querySelector('strong').textContent, '').trim();
        if (text && !(text in window.__seen)) window.__seen[text] = Date.now();
      }).observe(root, { subtree: true, childList: true, characterData: true });
    });
    const written = new Map();
    for (let i = 1; i <= warmup + count; i += 1) {
      const name = `Update ${i}`;
      written.set(name, status.publish(name).at);
      await sleep(spacing);
    }
    await until(async () => (await title(page)) === `Update ${warmup + count}`, 5000, 'the last update');
    const seen = await page.evaluate(() => window.__seen);
    const lags = [];
    for (let i = warmup + 1; i <= warmup + count; i += 1) {
      const at = seen[`Update ${i}`];
      if (at !== undefined) lags.push(at - written.get(`Update ${i}`));
    }
    return { p50: quantile(lags, 0.5), p95: quantile(lags, 0.95), updates: lags.length, published: count };
  });
}

/**
 * Status requests reaching the server per poll interval, over `intervals` intervals after a warm-up, from
 * `tabs` tabs: each visible in a window of its own, or with `hidden`, all background tabs of a window whose
 * active tab has no banner.
 */
export function requestsPerInterval({ tabs, hidden = false, interval = 2, intervals = 5 }) {
  return withBrowser(async ({ context, status, app }) => {
    const pages = [];
    if (hidden) await openTab(context, app.blank('cover'));
    for (let i = 0; i < tabs; i += 1) pages.push(await openTab(context, app.page(`t${i}`, { interval }), hidden ? { as: 'background' } : {}));
    const states = await visibility(pages);
    if (states.some((state) => state !== (hidden ? 'hidden' : 'visible'))) throw new Error(`tabs are ${states}`);
    // Warm-up: the leader elected and its cycle under way (hidden tabs: just the same wait).
    if (hidden) await sleep(interval * 1000);
    else {
      await untilAllShow(pages, FIRST, 10_000);
      await sleep(interval * 1000);
    }
    const since = Date.now();
    await sleep(intervals * interval * 1000);
    return status.polls(since).filter((r) => r.at < since + intervals * interval * 1000).length / intervals;
  });
}
