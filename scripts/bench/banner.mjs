// Figures about the banner on a page, measured in a real Chromium with the built script-tag file: layout shift
// while a top banner comes and goes, the lowest text contrast over every palette, axe violations over every
// state, theme and position, and the languages it speaks.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createPageServer } from '../../examples/html/serve.mjs';
import { launch, openTab, title, until } from '../../test/helpers/browser.mjs';
import { startAppOrigin, startStatusOrigin } from '../../test/helpers/servers.mjs';

const STATES = ['none', 'minor', 'major', 'critical', 'maintenance', 'maintenance scheduled', 'critical resolved', 'minor stale', 'major several', 'major long'];
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * The sum of the layout-shift entries of a long host page while a top banner (the script tag's default)
 * appears, with its enter animation, and is dismissed, with its exit. Goal 0.
 */
export async function layoutShiftOverlay() {
  const browser = await launch();
  const status = await startStatusOrigin();
  const app = await startAppOrigin({ statusUrl: status.url });
  try {
    const context = await browser.createBrowserContext();
    const page = await openTab(context, app.page('shift', { long: 1, interval: 60 }));
    await page.evaluate(() => {
      window.__shift = 0;
      new PerformanceObserver((list) => list.getEntries().forEach((entry) => (window.__shift += entry.value))).observe({ type: 'layout-shift', buffered: true });
    });
    await until(async () => (await title(page)) !== null, 10_000, 'the banner');
    await new Promise((resolve) => setTimeout(resolve, 400));
    await page.evaluate(() => document.querySelector('status-banner').shadowRoot.querySelector('[part~="dismiss-button"]').click());
    await until(() => page.evaluate(() => !document.querySelector('status-banner').shadowRoot.querySelector('[part~="base"]')), 5000, 'the banner to leave');
    await new Promise((resolve) => setTimeout(resolve, 400));
    return await page.evaluate(() => window.__shift);
  } finally {
    await browser.close();
    await app.close();
    await status.close();
  }
}

/**
 * Over the gallery (every state in every theme, `auto` under both colour schemes) and every position of every
 * severity: the lowest contrast of text (words, links, buttons) against the banner's background, and the number
 * of axe violations (one per failing element and rule).
 */
export async function contrastAndAxe() {
  const browser = await launch();
  const server = await createPageServer({ port: 0, statusUrl: 'http://127.0.0.1:9' });
  const pages = [];
  for (const scheme of ['light', 'dark']) pages.push({ url: `${server.url}/gallery/`, scheme });
  for (const position of ['top', 'bottom', 'corner', 'inline']) {
    for (const theme of ['light', 'dark', 'auto']) {
      for (const state of STATES) pages.push({ url: `${server.url}/gallery/?preview=${encodeURIComponent(state)}&theme=${theme}&position=${position}&open`, scheme: 'light' });
    }
  }
  let lowest = Infinity;
  let violations = 0;
  const failing = new Set();
  try {
    const page = await browser.newPage();
    await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
    for (const { url, scheme } of pages) {
      await page.emulateMediaFeatures([
        { name: 'prefers-reduced-motion', value: 'reduce' },
        { name: 'prefers-color-scheme', value: scheme },
      ]);
      await page.goto(url);
      await page.waitForFunction(
        () => [...document.querySelectorAll('status-banner')].every((el) => el.shadowRoot.querySelector('[part~="title"]')),
        { timeout: 10_000 },
      );
      lowest = Math.min(lowest, await page.evaluate(minContrast));
      await page.evaluate(axeSource);
      const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
      for (const violation of result.violations) {
        // Only the banner's own: the gallery's headings are not under test.
        const ours = violation.nodes.filter((node) => node.target.some((selector) => Array.isArray(selector) || String(selector).includes('status-banner')));
        violations += ours.length;
        if (ours.length) failing.add(`${violation.id} @ ${url}`);
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return { lowest, violations, failing: [...failing] };
}

/** Runs in the page: the lowest WCAG contrast of any banner's text against its background. */
function minContrast() {
  const rgb = (css) => css.match(/[\d.]+/g).slice(0, 3).map(Number);
  const luminance = (c) =>
    c
      .map((v) => v / 255)
      .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
      .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const ratio = (a, b) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  let lowest = Infinity;
  for (const el of document.querySelectorAll('status-banner')) {
    const base = el.shadowRoot.querySelector('[part~="base"]');
    const background = rgb(getComputedStyle(base).backgroundColor);
    for (const node of [base, ...base.querySelectorAll('p, strong, span, a, button, time')]) {
      lowest = Math.min(lowest, ratio(background, rgb(getComputedStyle(node).color)));
    }
  }
  return lowest;
}

/** The languages the banner speaks. */
export async function locales() {
  return (await import('../../packages/element/dist/locale.js')).LOCALES.length;
}
