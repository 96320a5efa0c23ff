// End to end, as a person would see it: the demo's relay in front of its timeline, the demo page with its one
// script tag, a real Chromium, real reloads and real IndexedDB.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import puppeteer from 'puppeteer-core';
import { createPageServer, DEFAULT_SCRIPT_FILE } from '../../examples/html/serve.mjs';
import { startDemoStatus } from '../../scripts/demo-status.mjs';

const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/**
 * What the banner shows: its severity attribute and its text, or null when nothing is shown (a banner that has
 * just appeared is an empty live region for a moment, then gets its words).
 */
function read(page) {
  return page.evaluate(() => {
    const el = document.querySelector('status-banner');
    const base = el?.shadowRoot?.querySelector('[part="base"]');
    return base?.querySelector('[part="title"]') ? { severity: el.getAttribute('severity'), text: base.textContent.replace(/\s+/g, ' ').trim() } : null;
  });
}

async function until(page, predicate, timeout, what) {
  const start = Date.now();
  for (;;) {
    const shown = await read(page);
    if (predicate(shown)) return { shown, ms: Date.now() - start };
    if (Date.now() - start > timeout) assert.fail(`timed out after ${timeout} ms waiting for ${what}; banner: ${JSON.stringify(shown)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('npm start demo in Chromium', { skip: !existsSync(executablePath) && `no browser at ${executablePath}` }, () => {
  let status;
  let app;
  let browser;
  let page;
  const problems = [];

  before(async () => {
    assert.ok(existsSync(DEFAULT_SCRIPT_FILE), 'run npm run build first');
    status = await startDemoStatus({ port: 0, autoAdvance: false });
    app = await createPageServer({ port: 0, statusUrl: status.url });
    browser = await puppeteer.launch({
      executablePath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    page = await watch(await browser.newPage());
  });

  /** Records every page error and console error of `target`. */
  function watch(target) {
    target.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    target.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
    });
    return target;
  }

  after(async () => {
    await browser?.close();
    await app?.close();
    await status?.close();
  });

  it('shows nothing while all is well', async () => {
    assert.equal(status.timeline.phase(), 'operational');
    await page.goto(`${app.url}/`);
    await page.waitForFunction(() => document.querySelector('status-banner')?.state?.status === 'ready', { timeout: 5000 });
    assert.equal(await read(page), null);
  });

  it('shows the incident within a few seconds of opening the page', async () => {
    await status.advance();
    assert.equal(status.timeline.phase(), 'investigating');
    // A visitor with nothing stored: a fresh profile. (A reload within the poll interval would show the
    // stored snapshot and join the polling cycle at a random point of it, by design.)
    page = watch(await (await browser.createBrowserContext()).newPage());
    const started = Date.now();
    await page.goto(`${app.url}/`);
    const { shown } = await until(page, (s) => s !== null, 5000, 'the banner');
    assert.ok(Date.now() - started < 3000, `banner took ${Date.now() - started} ms`);
    assert.equal(shown.severity, 'major');
    assert.match(shown.text, /Major incident/);
    assert.match(shown.text, /Investigating/);
  });

  it('updates live, without a reload, as the timeline advances', async () => {
    await status.advance();
    assert.equal(status.timeline.phase(), 'identified');
    // Streamed from the relay (the page would poll every 5 s ±20 % without the stream).
    await until(page, (s) => /Identified/.test(s?.text ?? ''), 8000, 'the identified update');
  });

  it('keeps a dismissal across a reload, and shows the notice again when it has news', async () => {
    await page.evaluate(() => document.querySelector('status-banner').shadowRoot.querySelector('[part="dismiss-button"]').click());
    await until(page, (s) => s === null, 2000, 'the dismissal');
    await page.reload();
    await page.waitForFunction(() => document.querySelector('status-banner')?.state?.status === 'ready', { timeout: 5000 });
    // Ready means the stored dismissals are applied: the banner's render of that state is what it shows.
    await page.evaluate(async () => {
      await document.querySelector('status-banner').updateComplete;
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    });
    assert.equal(await read(page), null, 'the dismissed notice came back after a reload');

    await status.advance();
    assert.equal(status.timeline.phase(), 'monitoring');
    await until(page, (s) => /Monitoring/.test(s?.text ?? ''), 8000, 'the monitoring update');
  });

  it('shows a notice posted to the relay at once, beside the timeline’s, until it is resolved', async () => {
    const post = await fetch(`${status.url}/v1/notices`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${status.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'Something broke', severity: 'critical' }),
    });
    assert.equal(post.status, 201);
    const { id } = await post.json();
    const { shown, ms } = await until(page, (s) => /Something broke/.test(s?.text ?? ''), 5000, 'the posted notice');
    assert.equal(shown.severity, 'critical');
    assert.ok(ms < 3000, `pushed, not polled: ${ms} ms`);
    await fetch(`${status.url}/v1/notices/${id}/resolve`, { method: 'POST', headers: { Authorization: `Bearer ${status.token}` } });
    await until(page, (s) => /Monitoring/.test(s?.text ?? '') && !/Something broke/.test(s?.text ?? ''), 15_000, 'back to the timeline’s incident');
  });

  it('puts nothing on the console and throws nothing', () => {
    assert.deepEqual(problems, []);
  });
});
