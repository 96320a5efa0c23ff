// The examples as `npm start` serves them: the React and Vue apps built by Vite from the workspace packages (as a
// user's app would consume them), the script-tag page, the index that links them and the docs, in Chromium,
// against the demo's relay and its timeline.

import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { createCustomSourceServer } from '../../examples/custom-source/serve.mjs';
import { startDemoStatus } from '../../scripts/demo-status.mjs';
import { createSiteServer } from '../../scripts/site/serve-site.mjs';
import { launch, skipBrowser, until, watch } from '../../test/helpers/browser.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** What the page's banner shows (severity and text), and the app's own status panel, if it has one. */
const read = (page) =>
  page.evaluate(() => {
    const banner = document.querySelector('status-banner');
    const base = banner?.shadowRoot?.querySelector('[part="base"]');
    return {
      banner: base ? `${banner.getAttribute('severity')}: ${base.textContent.replace(/\s+/g, ' ').trim()}` : null,
      panel: document.querySelector('[data-testid="status-panel"]')?.textContent.replace(/\s+/g, ' ').trim() ?? null,
    };
  });

describe('the examples, built and served as npm start does', { skip: skipBrowser }, () => {
  let out;
  let status;
  let site;
  let customSource;
  let browser;
  const problems = [];

  before(async () => {
    out = await mkdtemp(path.join(os.tmpdir(), 'status-banner-examples-'));
    // One Vite build each, into a scratch folder, so a running `npm start` keeps its own.
    const builds = { react: path.join(out, 'react'), vue: path.join(out, 'vue') };
    await Promise.all(
      Object.entries(builds).map(([name, outDir]) => build({ root: path.join(root, 'examples', name), logLevel: 'silent', build: { outDir, emptyOutDir: true } })),
    );
    status = await startDemoStatus({ port: 0, autoAdvance: false });
    customSource = await createCustomSourceServer({ port: 0 });
    site = await createSiteServer({ port: 0, statusUrl: status.url, builds, customSourceUrl: customSource.url });
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    await site?.close();
    await customSource?.close();
    await status?.close();
    if (out) await rm(out, { recursive: true, force: true });
  });

  const open = async (pathname) => {
    const page = watch(await (await browser.createBrowserContext()).newPage(), problems);
    await page.goto(`${site.url}${pathname}`);
    return page;
  };

  it('shows all clear, then the incident live, in the React and Vue apps: the banner and the app’s own panel', async () => {
    const pages = { react: await open('/examples/react/'), vue: await open('/examples/vue/') };
    for (const [name, page] of Object.entries(pages)) {
      await until(async () => /All systems operational/.test((await read(page)).panel ?? ''), 5000, `${name}: the panel to say all clear`);
      assert.equal((await read(page)).banner, null, `${name}: no banner while all is well`);
    }
    await status.advance();
    for (const [name, page] of Object.entries(pages)) {
      const shown = await until(async () => {
        const now = await read(page);
        return /^major: Major incident: Elevated error rates on the API/.test(now.banner ?? '') && /Elevated error rates on the API/.test(now.panel ?? '') && now;
      }, 5000, `${name}: the streamed incident in the banner and the panel`);
      assert.match(shown.panel, /investigating/);
      // The banner's onChange / @change handler logged it.
      assert.match(await page.$eval('.log', (log) => log.textContent), /change: Elevated error rates on the API/);
    }
    // Dismissing in the banner calls the app's onDismiss / @dismiss handler.
    for (const [name, page] of Object.entries(pages)) {
      await page.evaluate(() => document.querySelector('status-banner').shadowRoot.querySelector('[part="dismiss-button"]').click());
      await until(async () => (await read(page)).banner === null, 2000, `${name}: the dismissal`);
      assert.match(await page.$eval('.log', (log) => log.textContent), /dismissed: Elevated error rates on the API/);
    }
  });

  it('shows the incident on the script-tag page, and the custom-source page behind its link', async () => {
    const page = await open('/examples/html/');
    await until(async () => /^major: Major incident/.test((await read(page)).banner ?? ''), 5000, 'the banner');
    const custom = await open('/examples/custom-source/');
    assert.equal(new URL(custom.url()).origin, customSource.url);
    await until(async () => (await read(custom)).banner, 5000, 'the custom-source banner');
  });

  it('links every page from the index (the docs behind it: site.test.mjs)', async () => {
    const page = await open('/');
    const links = await page.$$eval('main a', (anchors) => anchors.map((a) => a.getAttribute('href')));
    for (const name of ['/examples/html/', '/examples/react/', '/examples/vue/', '/examples/custom-source/', '/gallery/', '/docs/', '/docs/api/', '/docs/frameworks.md']) {
      assert.ok(links.includes(name), `the index links ${name}`);
    }
    for (const href of links.filter((link) => link.startsWith('/examples/'))) {
      // fetch follows /examples/custom-source/ to the example's own server.
      assert.equal((await fetch(`${site.url}${href}`)).status, 200, href);
    }
  });

  it('fits a phone, 320 to 390 px wide: no page scrolls sideways, and the banner’s dismiss button is on screen', async () => {
    // After the first test the timeline is in its incident, so the examples show a banner.
    const report = [];
    for (const pathname of ['/', '/examples/html/', '/examples/react/', '/examples/vue/']) {
      const page = watch(await (await browser.createBrowserContext()).newPage(), problems);
      await page.setViewport({ width: 320, height: 740, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
      await page.goto(`${site.url}${pathname}`);
      const banner = pathname.startsWith('/examples/');
      const hasButton = () => page.evaluate(() => !!document.querySelector('status-banner')?.shadowRoot?.querySelector('[part="dismiss-button"]'));
      if (banner) await until(hasButton, 5000, `${pathname}: the banner and its dismiss button`);
      for (const width of [320, 360, 390]) {
        await page.setViewport({ width, height: 740, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
        const fit = await page.evaluate(() => {
          const button = document.querySelector('status-banner')?.shadowRoot?.querySelector('[part="dismiss-button"]')?.getBoundingClientRect();
          return { scrollWidth: document.documentElement.scrollWidth, layout: innerWidth, button: button && { left: button.left, right: button.right } };
        });
        // With a mobile viewport a wider page widens the layout viewport itself (the page is zoomed out to fit).
        if (fit.scrollWidth > width || fit.layout > width) report.push(`${pathname} at ${width} px: ${fit.scrollWidth} px wide`);
        if (banner && !(fit.button && fit.button.left >= 0 && fit.button.right <= width)) report.push(`${pathname} at ${width} px: dismiss button at ${JSON.stringify(fit.button)}`);
      }
    }
    assert.deepEqual(report, []);
  });

  it('puts nothing on the console and throws nothing', () => {
    assert.deepEqual(problems, []);
  });
});
