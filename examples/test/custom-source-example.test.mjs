// examples/custom-source in a real Chromium: the page registers a format of its own with defineProvider, and its
// banner, pointed at the site's base URL, finds the feed and shows the incident in it.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { acmeStatus, createCustomSourceServer } from '../../examples/custom-source/serve.mjs';
import { launch, skipBrowser } from '../../test/helpers/browser.mjs';

describe('examples/custom-source in Chromium', { skip: skipBrowser }, () => {
  let server;
  let browser;
  before(async () => {
    server = await createCustomSourceServer({ port: 0 });
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the custom feed\'s incident, read through defineProvider', async () => {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await page.goto(`${server.url}/`);
    const [event] = acmeStatus().events;
    // Until the banner shows the notice (it renders in steps: the view loads, then the notice's details).
    const handle = await page.waitForFunction(
      (details) => {
        const el = document.querySelector('status-banner');
        const text = el?.shadowRoot?.querySelector('[part="base"]')?.textContent?.replace(/\s+/g, ' ').trim();
        return text?.includes(details) ? { severity: el.getAttribute('severity'), text } : undefined;
      },
      { timeout: 15_000 },
      event.details,
    );
    const shown = await handle.jsonValue();
    assert.equal(shown.severity, 'major');
    assert.ok(shown.text.includes(event.headline), shown.text);
    assert.ok(shown.text.includes(event.details), JSON.stringify(shown));
    // Read as the custom provider, not guessed at.
    assert.equal(await page.evaluate(() => document.querySelector('status-banner').state.snapshot?.provider), 'acme');
    assert.deepEqual(errors, []);
  });
});
