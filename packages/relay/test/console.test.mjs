// The console, in a real headless Chromium against a real relay: signed in with a publish token, a notice posted
// with the keyboard alone and previewed in the real <status-banner> beside the form, errors named at their
// field, results announced in a live region, a resolve, the relay's health, axe-clean, nothing thrown.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import { launch, skipBrowser } from '../../../test/helpers/browser.mjs';
import { startRelay, TOKEN } from './helpers/relay.mjs';
import { startUpstream, statuspageSummary } from './helpers/upstream.mjs';
import { until } from './helpers/wait.mjs';

const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The title a banner shows, or null. */
const bannerTitle = (page, id) =>
  page.evaluate((selector) => document.querySelector(selector)?.shadowRoot?.querySelector('[part="title"]')?.textContent?.trim() ?? null, `#${id}`);

describe('console', { skip: skipBrowser }, () => {
  let relay;
  let browser;
  let page;
  const problems = [];
  const ctx = { after: (fn) => cleanups.push(fn) };
  const cleanups = [];

  before(async () => {
    const upstream = await startUpstream(ctx, { json: statuspageSummary({ incident: { title: 'Upstream says: API errors', impact: 'minor' } }) });
    relay = await startRelay(ctx, { upstream: upstream.summaryUrl, page: { name: 'Acme Cloud' } });
    await relay.upstream.settled();
    browser = await launch();
    page = await browser.newPage();
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`console.${message.type()}: ${message.text()}`);
    });
  });

  after(async () => {
    await browser?.close();
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  const announced = () => page.$eval('#announcer', (el) => el.textContent);
  const alertText = () => page.$eval('#alert', (el) => el.textContent);
  const focused = () => page.evaluate(() => document.activeElement?.id);

  it('is served with a strict Content Security Policy and asks for a token, focused', async () => {
    const res = await page.goto(`${relay.url}/console`);
    assert.equal(res.status(), 200);
    assert.match(res.headers()['content-security-policy'], /default-src 'none'; script-src 'self'/);
    assert.equal(res.headers()['x-frame-options'], 'DENY');
    assert.equal(await focused(), 'token');
    assert.equal(await page.$eval('label[for="token"]', (el) => el.textContent), 'Publish token');
  });

  it('refuses a wrong token, saying so at the field and in an alert, and never uses it meanwhile', async () => {
    await page.keyboard.type('not-the-token');
    // Submitted while the live banner reports a change (its first answer lands at about that time on a real
    // load): the refresh it asks for must not go out with the token being tried.
    await page.evaluate(() => {
      document.querySelector('#sign-in-form').requestSubmit();
      document.querySelector('#live').dispatchEvent(new Event('status-banner-change'));
    });
    await until(async () => (await alertText()) === 'That token is not valid.', 3000, 'the alert');
    assert.equal(await page.$eval('#token', (el) => el.getAttribute('aria-invalid')), 'true');
    assert.equal(await page.$eval('#token-error', (el) => el.textContent), 'That token is not valid.');
    assert.equal(await focused(), 'token');
    assert.equal(await page.$eval('#app', (el) => el.hidden), true);
  });

  it('signs in with the right one, keeping it in this tab only', async () => {
    await page.$eval('#token', (el) => (el.value = ''));
    await page.keyboard.type(TOKEN);
    await page.keyboard.press('Enter');
    await until(() => page.$eval('#app', (el) => !el.hidden), 3000, 'the console');
    assert.equal(await page.$eval('#who-name', (el) => el.textContent), 'ops');
    assert.equal(await focused(), 'form-title');
    assert.match(await announced(), /Signed in as ops/);
    // The banner on this page keeps its own marks in localStorage; the token is never among them.
    const stored = await page.evaluate(() => Object.entries(localStorage).flat().join('\n'));
    assert.equal(stored.includes(TOKEN), false);
    assert.equal(await page.evaluate(() => localStorage.getItem('status-banner-relay-token')), null);
    assert.equal(await page.evaluate(() => sessionStorage.getItem('status-banner-relay-token')), TOKEN);
  });

  it('shows what users see now, and the upstream’s state and the relay’s health', async () => {
    await until(async () => (await bannerTitle(page, 'live')) === 'Upstream says: API errors', 5000, 'the live banner');
    await until(async () => /Upstream state\s*ok/.test(await page.$eval('#health', (el) => el.innerText)), 3000, 'the health panel');
    const health = await page.$eval('#health', (el) => el.innerText);
    assert.match(health, /Version served\s*\d+/);
    assert.match(health, /statuspage/);
    assert.match(health, /Store\s*healthy/);
  });

  it('posts a notice with the keyboard alone, previewed beside the form as users will see it', async () => {
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'title');
    await page.keyboard.type('Checkout is failing');
    await page.keyboard.press('Tab'); // kind: incident
    await page.keyboard.press('Tab'); // severity
    assert.equal(await focused(), 'severity');
    await page.keyboard.press('ArrowDown'); // major -> critical
    assert.equal(await page.$eval('#severity', (el) => el.value), 'critical');
    await page.keyboard.press('Tab'); // phase
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'message');
    await page.keyboard.type('Card payments fail. We are on it.');
    // The preview: the real element, fed the snapshot the relay would serve, most severe first.
    // Each keystroke makes a new preview; wait for the one of the whole draft.
    await until(
      async () => (await bannerTitle(page, 'preview')) === 'Checkout is failing' && (await page.$eval('#preview', (el) => el.getAttribute('severity'))) === 'critical',
      5000,
      'the preview',
    );
    assert.match(await page.$eval('#preview-note', (el) => el.textContent), /2 notices would be open/);
    assert.equal(await bannerTitle(page, 'live'), 'Upstream says: API errors', 'not live before publishing');

    await page.focus('#title');
    await page.keyboard.press('Enter');
    await until(async () => /^Published "Checkout is failing" as version \d+\.$/.test(await announced()), 3000, 'the announcement');
    await until(async () => (await bannerTitle(page, 'live')) === 'Checkout is failing', 5000, 'the live banner');
    const items = await page.$$eval('#notices li', (lis) => lis.map((li) => li.innerText));
    assert.equal(items.length, 1);
    assert.match(items[0], /Checkout is failing[\s\S]*incident, critical, investigating\. Updated .* by ops\./);
    assert.equal(await page.$eval('#title', (el) => el.value), '', 'the form is cleared');
  });

  it('names the field at fault and moves focus to it', async () => {
    await page.focus('#title');
    await page.keyboard.type('Bad link');
    await page.focus('#url');
    // Pasted, in one input event: typed key by key on a busy machine, a pause over the preview's 250 ms debounce
    // previewed a partial link too, one 400 more than the count below allows.
    await page.keyboard.sendCharacter('javascript:alert(1)');
    await page.$eval('#url', (el) => (el.type = 'text')); // past the browser's own URL check, to the relay's
    await page.focus('#title');
    await page.keyboard.press('Enter');
    await until(async () => /^Not published: url must be an http or https URL$/.test(await alertText()), 3000, 'the alert');
    assert.equal(await page.$eval('#url', (el) => el.getAttribute('aria-invalid')), 'true');
    assert.match(await page.$eval('#url', (el) => el.getAttribute('aria-describedby')), /url-error/);
    assert.equal(await focused(), 'url');
    await page.$eval('#notice-form', (form) => form.reset());
  });

  it('resolves with the keyboard, and the notice leaves the live banner', async () => {
    const resolve = await page.$('#notices li button:nth-of-type(2)');
    assert.equal(await resolve.evaluate((el) => el.getAttribute('aria-label')), 'Resolve "Checkout is failing"');
    await resolve.focus();
    await page.keyboard.press('Enter');
    await until(async () => /^Resolved "Checkout is failing" \(version \d+\)\.$/.test(await announced()), 3000, 'the announcement');
    await until(async () => (await bannerTitle(page, 'live')) === 'Upstream says: API errors', 5000, 'the live banner back to the upstream’s');
    await until(async () => /closed \(resolved\)/.test(await page.$eval('#notices', (el) => el.innerText)), 3000, 'the list');
  });

  it('has no axe violations', async () => {
    await page.setBypassCSP(true);
    await page.reload();
    await until(() => page.$eval('#app', (el) => !el.hidden), 5000, 'the console after a reload (the token is kept in the tab)');
    await page.addScriptTag({ content: await axeSource });
    const violations = await page.evaluate(async () => (await window.axe.run(document)).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
    assert.deepEqual(violations, []);
  });

  it('signs out, forgetting the token', async () => {
    await page.click('#sign-out');
    assert.equal(await page.evaluate(() => sessionStorage.getItem('status-banner-relay-token')), null);
    assert.equal(await page.$eval('#sign-in', (el) => el.hidden), false);
    assert.equal(await focused(), 'token');
  });

  it('puts nothing on the console and throws nothing', () => {
    // Chromium logs every 4xx answer; these are the ones the tests asked for: the wrong token, and the bad link
    // (its publish, and its preview unless the form was cleared first).
    const failed = (status) => problems.filter((line) => line.includes(`status of ${status}`)).length;
    assert.equal(failed(401), 1);
    assert.ok(failed(400) >= 1 && failed(400) <= 2, `${failed(400)} answers 400`);
    assert.deepEqual(problems.filter((line) => !/Failed to load resource: the server responded with a status of 40[01]/.test(line)), []);
  });
});
