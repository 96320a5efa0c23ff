// A real Chromium for multi-tab tests, and what the tests read from it.
//
// Hidden tabs are real: in this headless Chromium, as in a desktop one, only the active tab of each window is
// visible. `openTab` opens a tab in a new window (visible), a background tab of the current window
// (document.visibilityState 'hidden' from the start), or an active tab of the current window.
// `page.bringToFront()` makes a tab the active one of its window and hides the one it covers; closing the active
// tab shows the next one of its window.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { SCRIPT_FILE, startAppOrigin, startStatusOrigin } from './servers.mjs';

export const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/** A reason to skip a browser suite, or false. */
export const skipBrowser =
  (!existsSync(executablePath) && `no browser at ${executablePath}`) || (!existsSync(SCRIPT_FILE) && 'run `npm run build` first');

/** Launches Chromium; `args` are added to the usual flags. */
export function launch(args = []) {
  return puppeteer.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', ...args],
  });
}

/**
 * Opens `url` in a new tab of `context`, `as`:
 * - `window` (default): the only tab of a new window, visible;
 * - `background`: a background tab of the current window, hidden from the start;
 * - `tab`: the active tab of the current window, hiding the tab it covers.
 * Records the tab's page errors and console errors in `problems`; `init` runs in the page before its scripts.
 */
export async function openTab(context, url, { as = 'window', problems, init } = {}) {
  const page = await context.newPage(as === 'background' ? { background: true } : as === 'window' ? { type: 'window' } : {});
  if (problems) watch(page, problems);
  if (init) await page.evaluateOnNewDocument(init);
  await page.goto(url);
  return page;
}

/** Records `page`'s uncaught errors and console errors in `problems`. */
export function watch(page, problems) {
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
  });
  return page;
}

/** `document.visibilityState` of each page. */
export const visibility = (pages) => Promise.all(pages.map((page) => page.evaluate(() => document.visibilityState)));

/**
 * What each banner of the page shows: its notice title (the text after the severity word), or null when it
 * shows nothing. One entry per <status-banner> in the document.
 */
export function titles(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('status-banner')].map((banner) => {
      const message = banner.shadowRoot?.querySelector('[part="base"] strong')?.parentElement;
      return message ? message.textContent.replace(message.querySelector('strong').textContent, '').trim() : null;
    }),
  );
}

/** The title the page's first banner shows, or null. */
export const title = async (page) => (await titles(page))[0] ?? null;

/** What the page's error recorder caught (window `error` and `unhandledrejection`). */
export const pageErrors = (page) => page.evaluate(() => window.__errors);

/**
 * Resolves with `check()`'s value once it is truthy, polling every 25 ms; fails after `timeout` ms with `what`
 * and the last value.
 */
export async function until(check, timeout, what) {
  const start = Date.now();
  for (let last; ; ) {
    last = await check();
    if (last) return last;
    if (Date.now() - start > timeout) assert.fail(`waited ${timeout} ms for ${what}; last: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Resolves once every page's first banner shows `text`; returns when each did (ms since the call). */
export async function untilAllShow(pages, text, timeout) {
  const start = Date.now();
  const seen = new Map();
  await until(
    async () => {
      await Promise.all(
        pages.map(async (page, i) => {
          if (!seen.has(i) && (await title(page)) === text) seen.set(i, Date.now() - start);
        }),
      );
      return seen.size === pages.length;
    },
    timeout,
    `${pages.length - seen.size} of ${pages.length} tabs to show "${text}"`,
  );
  return pages.map((_, i) => seen.get(i));
}

/** Waits `ms`: only where a test asserts that nothing happens during a window of time. */
export const quiet = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The banner locks of the page's origin (every tab of the browser context): how many are held and pending,
 * and the holder's client id.
 */
export function locks(page) {
  return page.evaluate(async () => {
    const { held = [], pending = [] } = await navigator.locks.query();
    const ours = (list) => list.filter((lock) => lock.name.startsWith('status-banner:'));
    return { held: ours(held).length, pending: ours(pending).length, holder: ours(held)[0]?.clientId };
  });
}

/** Clicks the dismiss button of the page's first banner. */
export const dismiss = (page) =>
  page.evaluate(() => document.querySelector('status-banner').shadowRoot.querySelector('[part="dismiss-button"]').click());

/** The dismissals stored in the page's IndexedDB (database `status-banner-v1`, store `kv`), by notice id. */
export function storedDismissals(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('status-banner-v1');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('kv')) return db.close(), resolve({});
          const store = db.transaction('kv').objectStore('kv');
          const keys = store.getAllKeys();
          const values = store.getAll();
          values.onsuccess = () => {
            db.close();
            const i = keys.result.findIndex((key) => String(key).startsWith('dismissals:'));
            resolve(i < 0 ? {} : values.result[i]);
          };
        };
      }),
  );
}

/**
 * Fresh servers (a status origin with `options`, and the app origin) and a fresh context of `browser` for test
 * `t`, closed after it. `statusHost` names the status origin in the page (default 127.0.0.1).
 */
export async function freshOrigins(browser, t, { statusHost = '127.0.0.1', ...options } = {}) {
  const status = await startStatusOrigin(options);
  const app = await startAppOrigin({ statusUrl: status.url.replace('127.0.0.1', statusHost) });
  const context = await browser.createBrowserContext();
  t.after(async () => {
    await context.close();
    await app.close();
    await status.close();
  });
  return { status, app, context, problems: [] };
}
