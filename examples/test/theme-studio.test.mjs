// The theme studio (examples/gallery without a query string, served at /gallery/) in Chromium: the controls
// cover every documented custom property, an edit restyles every banner as it is typed, contrast is read from
// the rendered colours and failing pairs are flagged in words, the copied CSS reproduces the look on a page of
// its own, the copy falls back to a selected textarea, bad input is refused without breaking anything, and the
// page is axe-clean, keyboard-usable and fits a phone. Any uncaught error or console error, in the page or in one
// of its frames, fails the test that caused it.

import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { after, afterEach, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createPageServer } from '../../examples/html/serve.mjs';
import { createSiteServer } from '../../scripts/site/serve-site.mjs';
import { launch, skipBrowser, watch } from '../../test/helpers/browser.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** An address of the site that is not a secure context (no Clipboard API): Chromium maps it to 127.0.0.1. */
const INSECURE_HOST = 'studio.test';
const PALETTES = ['none', 'minor', 'major', 'critical', 'maintenance', 'resolved'];
/** The preview that shows each palette. */
const PREVIEW_OF = { none: 'none', minor: 'minor', major: 'major', critical: 'critical', maintenance: 'maintenance', resolved: 'critical resolved' };

// WCAG 2 contrast, written again here so the test does not take the page's word for it.
const channels = (css) => css.match(/[\d.]+/g).slice(0, 3).map(Number);
const luminance = (rgb) =>
  rgb
    .map((v) => v / 255)
    .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
const contrast = (a, b) => {
  const [hi, lo] = [luminance(channels(a)), luminance(channels(b))].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

describe('the theme studio', { skip: skipBrowser }, () => {
  let site;
  let browser;
  /** The pages the current test opened, checked for errors after it. */
  let opened = [];

  before(async () => {
    // The studio needs no status server: every banner is a preview.
    site = await createSiteServer({ port: 0, statusUrl: 'http://127.0.0.1:9' });
    browser = await launch([`--host-resolver-rules=MAP ${INSECURE_HOST} 127.0.0.1`]);
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });
  afterEach(async () => {
    const pages = opened;
    opened = [];
    for (const { page, problems, context } of pages) {
      for (const frame of page.frames()) problems.push(...((await frame.evaluate(() => window.__errors ?? []).catch(() => [])) ?? []));
      await context.close();
      assert.deepEqual(problems, [], 'no uncaught errors, unhandled rejections or console errors');
    }
  });

  /** Opens `url` (default: the studio) in a fresh context, recording errors; waits until the studio is ready. */
  async function open({ url = `${site.url}/gallery/`, width = 1280, height = 900, scheme = 'light', studio = true } = {}) {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    const problems = [];
    watch(page, problems);
    opened.push({ page, problems, context });
    // In the page and in each of its frames: what reaches window.onerror and unhandledrejection.
    await page.evaluateOnNewDocument(() => {
      window.__errors = [];
      addEventListener('error', (event) => window.__errors.push(`error: ${event.message}`));
      addEventListener('unhandledrejection', (event) => window.__errors.push(`unhandledrejection: ${event.reason}`));
    });
    await page.setViewport({ width, height });
    await page.emulateMediaFeatures([
      { name: 'prefers-reduced-motion', value: 'reduce' },
      { name: 'prefers-color-scheme', value: scheme },
    ]);
    await page.goto(url);
    if (studio) await page.waitForFunction(() => document.querySelector('#preview')?.hasAttribute('aria-busy') === false, { timeout: 30_000 });
    return { page, context };
  }

  /** Replaces the text of field `key` by typing `value`, key by key (or in one edit, as a paste does). */
  async function type(page, key, value, { paste = false } = {}) {
    await page.focus(`[name="${key}"]`);
    await page.keyboard.down('Control');
    await page.keyboard.press('KeyA');
    await page.keyboard.up('Control');
    if (paste && value) return page.keyboard.sendCharacter(value);
    await page.keyboard.press('Backspace');
    if (value) await page.keyboard.type(value);
  }

  /** Computed styles of the box of every banner matching `selector` (in the page, or in `frame`). */
  const boxes = (target, selector, properties = ['backgroundColor', 'color', 'fontSize', 'borderTopLeftRadius', 'paddingTop']) =>
    target.$$eval(
      selector,
      (banners, properties) =>
        banners.map((banner) => {
          const style = getComputedStyle(banner.shadowRoot.querySelector('[part~="base"]'));
          return Object.fromEntries(properties.map((name) => [name, style[name]]));
        }),
      properties,
    );
  /** The banners of one theme section showing one palette. */
  const inSection = (theme, palette) =>
    `#states [data-theme="${theme}"] status-banner${palette === 'resolved' ? '[resolved]' : `[severity="${palette}"]:not([resolved])`}`;
  const text = (page, selector) => page.$eval(selector, (el) => el.textContent.replace(/\s+/g, ' ').trim());
  const css = (page) => page.$eval('#css-output', (el) => el.value);
  /**
   * Scrolls each position frame into view (they load lazily) and waits until its banner is drawn, in a document
   * that does not have `window.__before` set.
   */
  async function framesDrawn(page) {
    for (let i = 0; i < 15; i++) {
      await page.evaluate((i) => document.querySelectorAll('#positions iframe')[i].scrollIntoView(), i);
      await page.waitForFunction(
        (i) => {
          const frame = document.querySelectorAll('#positions iframe')[i];
          return !frame.contentWindow?.__before && frame.contentDocument?.querySelector('status-banner')?.shadowRoot?.querySelector('[part~="title"]');
        },
        { timeout: 30_000 },
        i,
      );
    }
    await page.evaluate(() => window.scrollTo(0, 0));
  }

  test('the site index links it, and the query string still shows one banner alone', async () => {
    const { page } = await open({ url: `${site.url}/`, studio: false });
    const link = await page.$$eval('main a', (anchors) => anchors.filter((a) => /theme studio/i.test(a.textContent)).map((a) => a.getAttribute('href')));
    assert.deepEqual(link, ['/gallery/']);
    await Promise.all([page.waitForNavigation(), page.click('main a[href="/gallery/"]')]);
    await page.waitForFunction(() => document.querySelector('#preview')?.hasAttribute('aria-busy') === false, { timeout: 30_000 });
    assert.equal(await text(page, 'h1'), 'status-banner theme studio');

    // What the screenshot tests photograph: no studio, no studio CSS, one banner.
    const { page: single } = await open({ url: `${site.url}/gallery/?preview=major&theme=dark&position=top`, studio: false });
    await single.waitForFunction(() => document.querySelector('status-banner')?.shadowRoot?.querySelector('[part~="title"]'));
    assert.deepEqual(
      await single.evaluate(() => ({
        body: document.body.className,
        banners: document.querySelectorAll('status-banner').length,
        studio: Boolean(document.querySelector('#editor, #studio-css, .studio-layout, header')),
        host: document.querySelector('main').className,
      })),
      { body: 'single', banners: 1, studio: false, host: 'host' },
    );
  });

  test('has a labelled control for every documented custom property but the z-index', async () => {
    const source = await readFile(path.join(root, 'packages/element/src/status-banner-element.ts'), 'utf8');
    const documented = [...source.matchAll(/@cssproperty (--status-banner-[\w-]+)/g)].map((m) => m[1]);
    assert.ok(documented.length > 20, 'the element documents its custom properties');
    const { page } = await open();
    const edited = await page.$$eval('#editor [data-property]', (inputs) => [...new Set(inputs.map((input) => input.dataset.property))]);
    assert.deepEqual(edited.sort(), documented.filter((name) => name !== '--status-banner-z-index').sort());
    assert.match(await text(page, '#editor'), /--status-banner-z-index/, 'says why the z-index is left out');
    // Colours have a picker and a text field; lengths are numbers.
    assert.deepEqual(
      await page.$$eval('[data-property="--status-banner-major-background"]', (inputs) => inputs.map((input) => input.type)),
      ['color', 'text', 'color', 'text'],
    );
    assert.equal(await page.$eval('[name="font-size"]', (input) => input.type), 'number');
  });

  test('an edit restyles every banner as it is typed, and the CSS says so', async () => {
    const { page } = await open();
    await framesDrawn(page);
    const before = await boxes(page, '#states status-banner');
    await type(page, 'font-size', '18');
    await type(page, 'radius', '12');
    await type(page, 'padding-block', '20');
    const after = await boxes(page, '#states status-banner:not([compact]), #languages status-banner');
    assert.ok(after.length >= 40);
    for (const box of after) assert.deepEqual([box.fontSize, box.borderTopLeftRadius, box.paddingTop], ['18px', '12px', '20px']);
    assert.notDeepEqual(before[0].fontSize, '18px');
    // The framed banners, every position and theme, follow too.
    const frames = page.frames().filter((frame) => frame !== page.mainFrame());
    assert.equal(frames.length, 15);
    for (const frame of frames) assert.deepEqual((await boxes(frame, 'status-banner', ['fontSize']))[0], { fontSize: '18px' }, frame.url());
    // Replayed, each frame is a new page, styled again.
    for (const frame of frames) await frame.evaluate(() => (window.__before = true));
    await page.click('#replay');
    await framesDrawn(page);
    const replayed = page.frames().filter((frame) => frame !== page.mainFrame());
    assert.equal(replayed.length, 15);
    for (const frame of replayed) {
      assert.equal(await frame.evaluate(() => window.__before ?? false), false, `${frame.url()} loaded again`);
      assert.deepEqual((await boxes(frame, 'status-banner', ['fontSize']))[0], { fontSize: '18px' }, frame.url());
    }
    const sheet = await css(page);
    assert.match(sheet, /^status-banner \{$/m);
    assert.match(sheet, /^ {2}--status-banner-font-size: 18px;$/m);
    assert.match(sheet, /^ {2}--status-banner-radius: 12px;$/m);
    assert.match(sheet, /^ {2}--status-banner-padding: 20px 16px;$/m);
    assert.doesNotMatch(sheet, /theme='dark'/, 'no palette changed: no per-theme block');

    // A light colour typed in: light (and auto under a light scheme) change, dark keeps its own.
    const dark = await boxes(page, inSection('dark', 'major'));
    await type(page, 'light-major-background', '#7a2e00');
    for (const box of await boxes(page, `${inSection('light', 'major')}, ${inSection('auto', 'major')}`)) assert.equal(box.backgroundColor, 'rgb(122, 46, 0)');
    assert.deepEqual(await boxes(page, inSection('dark', 'major')), dark);
    assert.equal(await page.$eval('[name="light-major-background"]', (input) => input.previousElementSibling.value), '#7a2e00', 'the picker follows the text');
    const darkDefault = await page.$eval('[name="dark-major-background"]', (input) => input.placeholder);
    assert.match(darkDefault, /^#[0-9a-f]{6}$/);
    const scoped = await css(page);
    assert.match(scoped, /^ {2}--status-banner-major-background: #7a2e00;$/m);
    // Said again for dark, which would otherwise take the light value.
    assert.match(scoped, new RegExp(`^status-banner\\[theme='dark'\\] \\{\\n {2}--status-banner-major-background: ${darkDefault};\\n\\}$`, 'm'));
    assert.match(scoped, new RegExp(`@media \\(prefers-color-scheme: dark\\) \\{\\n {2}status-banner\\[theme='auto'\\] \\{\\n {4}--status-banner-major-background: ${darkDefault};`));

    // The colour picker: its value goes into the text field and onto the dark banners.
    await page.$eval('[name="dark-major-background"]', (input) => {
      const picker = input.previousElementSibling;
      picker.value = '#330000';
      picker.dispatchEvent(new Event('input', { bubbles: true }));
    });
    assert.equal(await page.$eval('[name="dark-major-background"]', (input) => input.value), '#330000');
    for (const box of await boxes(page, inSection('dark', 'major'))) assert.equal(box.backgroundColor, 'rgb(51, 0, 0)');
    // A dark frame too.
    const darkTop = replayed.find((frame) => /theme=dark&position=top/.test(frame.url()));
    assert.equal((await boxes(darkTop, 'status-banner', ['backgroundColor']))[0].backgroundColor, 'rgb(51, 0, 0)');
  });

  test('writes the example of docs/theming.md for the edits it names', async () => {
    const docs = await readFile(path.join(root, 'docs/theming.md'), 'utf8');
    const section = docs.slice(docs.indexOf('## Theme studio'));
    const example = /```css\n([\s\S]*?)```/.exec(section)[1];
    const { page } = await open();
    await type(page, 'radius', '12');
    await type(page, 'light-major-background', '#7a2e00');
    assert.equal(await css(page), example);
  });

  test('flags a pair below 4.5:1 in words where it is read, and clears the flag for a good one', async () => {
    const { page } = await open();
    assert.match(await text(page, '#contrast-summary'), /^All 18 pairs pass/);
    assert.equal(await page.$$eval('.cell.failing, .verdict.fail', (els) => els.length), 0);

    await type(page, 'light-major-color', '#e8a070');
    // The ratio the page shows is the one the rendered colours give.
    const [box] = await boxes(page, inSection('light', 'major'));
    const expected = contrast(box.backgroundColor, box.color);
    assert.ok(expected < 4.5, `the test colour is a failing one (${expected})`);
    const shown = `${(Math.floor(expected * 100) / 100).toFixed(2)}:1`;
    for (const theme of ['light', 'auto']) {
      assert.equal(await text(page, `td[data-theme="${theme}"][data-state="major"]`), `⚠ ${shown} fails`);
    }
    assert.match(await text(page, 'td[data-theme="dark"][data-state="major"]'), /passes$/);
    assert.equal(await text(page, '#contrast-summary'), '2 of 18 pairs are below 4.5:1: Major in light; Major in auto.');
    // In the form, beside the pair being edited.
    assert.equal(await page.$eval('[name="light-major-color"]', (input) => input.closest('fieldset').querySelector('legend').textContent), `Major ⚠ ${shown}, fails`);
    // On every failing banner itself: a visible line of text, not only an outline.
    const flags = await page.$$eval('.cell.failing', (cells) =>
      cells.map((cell) => ({ theme: cell.closest('[data-theme]').dataset.theme, flag: cell.querySelector('.flag').textContent, visible: cell.querySelector('.flag').checkVisibility() })),
    );
    assert.equal(flags.length, 8, 'the major banners of the light and auto sections: alone, several, long and compact');
    for (const flag of flags) {
      assert.ok(['light', 'auto'].includes(flag.theme));
      assert.equal(flag.flag, `⚠ Low contrast: ${shown}, below 4.5:1`);
      assert.ok(flag.visible);
    }

    await type(page, 'light-major-color', '#ffffff');
    assert.equal(await page.$$eval('.cell.failing, .verdict.fail, .pair-ratio.fail', (els) => els.length), 0);
    assert.equal(await page.$$eval('.flag', (flags) => flags.filter((flag) => flag.checkVisibility()).length), 0);
    assert.match(await text(page, '#contrast-summary'), /^All 18 pairs pass/);
    // A translucent background is read as drawn: over the section behind it.
    await type(page, 'dark-none-background', 'rgb(255 255 255 / 0.9)');
    assert.match(await text(page, 'td[data-theme="dark"][data-state="none"]'), /^⚠ 1\.\d\d:1 fails$/);
  });

  test('the copied CSS, on a page of its own, draws the same banners in every theme and scheme', async (t) => {
    const { page, context } = await open();
    await context.overridePermissions(site.url, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
    await page.click('[data-preset="Rounded"]');
    await type(page, 'light-critical-background', '#8b0a1a');
    await type(page, 'dark-resolved-color', 'oklch(0.9 0.1 160)');
    await type(page, 'border-width', '2');
    await page.select('[name="border-style"]', 'dashed');
    await type(page, 'font-family', 'Georgia, serif');
    await page.click('#copy');
    await page.waitForFunction(() => document.querySelector('#copy-status').textContent !== '');
    assert.equal(await text(page, '#copy-status'), 'Copied the CSS to the clipboard.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, await css(page));
    assert.match(copied, /--status-banner-border: 2px dashed currentColor;/);

    const dir = await mkdtemp(path.join(os.tmpdir(), 'status-banner-studio-'));
    t.after(() => rm(dir, { recursive: true, force: true }));
    const themes = ['light', 'dark', 'auto'];
    const banners = themes.flatMap((theme) => PALETTES.map((palette) => `<status-banner preview="${PREVIEW_OF[palette]}" theme="${theme}" position="inline"></status-banner>`));
    await writeFile(
      path.join(dir, 'index.html'),
      `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Copied theme</title>\n<link rel="icon" href="data:,">\n<style>\n${copied}</style>\n</head>\n<body>\n<script src="/status-banner.min.js"></script>\n${banners.join('\n')}\n</body>\n</html>\n`,
    );
    const fresh = await createPageServer({ port: 0, statusUrl: 'http://127.0.0.1:9', pageFile: path.join(dir, 'index.html') });
    t.after(() => fresh.close());
    const properties = ['backgroundColor', 'color', 'fontSize', 'fontFamily', 'lineHeight', 'paddingTop', 'paddingLeft', 'borderTopLeftRadius', 'borderTopWidth', 'borderTopStyle', 'borderTopColor', 'boxShadow', 'columnGap'];
    for (const scheme of ['light', 'dark']) {
      await page.emulateMediaFeatures([
        { name: 'prefers-reduced-motion', value: 'reduce' },
        { name: 'prefers-color-scheme', value: scheme },
      ]);
      const { page: copy } = await open({ url: `${fresh.url}/`, scheme, studio: false });
      await copy.waitForFunction(() => [...document.querySelectorAll('status-banner')].every((el) => el.shadowRoot?.querySelector('[part~="title"]')), { timeout: 10_000 });
      for (const theme of themes) {
        for (const palette of PALETTES) {
          const preview = PREVIEW_OF[palette];
          const [studio] = await boxes(page, `#states [data-theme="${theme}"] status-banner[preview="${preview}"]:not([compact])`, properties);
          const [alone] = await boxes(copy, `status-banner[theme="${theme}"][preview="${preview}"]`, properties);
          assert.deepEqual(alone, studio, `${palette}, theme ${theme}, ${scheme} scheme`);
        }
      }
      // And the auto column reads the palette the scheme picks.
      assert.equal(await text(page, '#auto-column'), `Auto (now ${scheme})`);
      for (const palette of PALETTES) {
        assert.equal(await text(page, `td[data-theme="auto"][data-state="${palette}"]`), await text(page, `td[data-theme="${scheme}"][data-state="${palette}"]`), palette);
      }
    }
  });

  test('without a Clipboard API, copying selects the CSS in its labelled text area', async () => {
    const { page } = await open({ url: `${site.url.replace('127.0.0.1', INSECURE_HOST)}/gallery/` });
    assert.deepEqual(await page.evaluate(() => [isSecureContext, typeof navigator.clipboard]), [false, 'undefined']);
    await type(page, 'gap', '20');
    await page.click('#copy');
    const selection = await page.evaluate(() => {
      const area = document.activeElement;
      return { id: area.id, label: area.labels[0].textContent, all: area.selectionStart === 0 && area.selectionEnd === area.value.length, value: area.value };
    });
    assert.deepEqual(selection, { id: 'css-output', label: 'The CSS for your banners', all: true, value: await css(page) });
    assert.match(selection.value, /--status-banner-gap: 20px;/);
    assert.match(await text(page, '#copy-status'), /selected/);
  });

  test('every preset keeps every pair at 4.5:1 or more; reset brings the defaults back', async () => {
    const { page } = await open();
    const initial = await boxes(page, '#states status-banner');
    const presets = await page.$$eval('[data-preset]', (buttons) => buttons.map((button) => button.dataset.preset));
    assert.ok(presets.length >= 3);
    for (const preset of presets) {
      await page.click(`[data-preset="${preset}"]`);
      assert.match(await text(page, '#contrast-summary'), /^All 18 pairs pass/, preset);
      assert.doesNotMatch(await css(page), /Nothing changed/, preset);
      assert.notDeepEqual(await boxes(page, '#states status-banner'), initial, preset);
    }
    // A preset replaces every value, including those typed before it.
    await type(page, 'gap', '30');
    await page.click('[data-preset="Compact"]');
    assert.match(await css(page), /--status-banner-gap: 8px;/);
    await page.click('#reset');
    assert.equal(await css(page), '/* Nothing changed yet: the banner keeps its defaults. */\n');
    assert.deepEqual(await boxes(page, '#states status-banner'), initial);
    assert.deepEqual(await page.$$eval('#editor input:not([type="color"])', (inputs) => inputs.filter((input) => input.value !== '').map((input) => input.name)), []);
  });

  test('refuses bad input with a message, keeping the last good value', async () => {
    const { page } = await open();
    await type(page, 'light-minor-background', '#123456');
    const good = await css(page);
    const boxesBefore = await boxes(page, '#states status-banner');
    for (const [key, value] of [
      ['light-minor-background', 'red; } body { display: none'],
      ['light-minor-background', 'url(x)'],
      ['dark-critical-color', '#12'],
      ['font-family', 'a { b'],
      ['shadow', '3 apples'],
      ['font-size', '500'],
    ]) {
      const prior = await page.$eval(`[name="${key}"]`, (input) => input.value);
      // Pasted: typed key by key, "red; } ..." would be the valid colour red on the way.
      await type(page, key, value, { paste: true });
      const field = await page.$eval(`[name="${key}"]`, (input) => ({
        invalid: input.getAttribute('aria-invalid'),
        described: (input.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? ''),
      }));
      assert.equal(field.invalid, 'true', `${key}: ${value}`);
      assert.ok(field.described.some((message) => /^(Not a|A number from)/.test(message)), `${key}: ${value}: ${field.described}`);
      assert.equal(await css(page), good, `${key}: ${value} is not applied`);
      assert.deepEqual(await boxes(page, '#states status-banner'), boxesBefore);
      await type(page, key, prior, { paste: true });
      assert.equal(await page.$eval(`[name="${key}"]`, (input) => input.hasAttribute('aria-invalid')), false);
      assert.equal(await css(page), good);
    }
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).display), 'block');
  });

  test('keeps the edits across a reload', async () => {
    const { page } = await open();
    await type(page, 'icon-size', '24');
    await type(page, 'dark-minor-color', '#ffe9a8');
    const edited = await css(page);
    await page.reload();
    await page.waitForFunction(() => document.querySelector('#preview')?.hasAttribute('aria-busy') === false, { timeout: 30_000 });
    assert.equal(await css(page), edited);
    assert.equal(await page.$eval('[name="icon-size"]', (input) => input.value), '24');
    // Storage the page cannot parse is ignored.
    await page.evaluate(() => localStorage.setItem('status-banner-studio', '{not json'));
    await page.reload();
    await page.waitForFunction(() => document.querySelector('#preview')?.hasAttribute('aria-busy') === false, { timeout: 30_000 });
    assert.match(await css(page), /Nothing changed/);
  });

  test('is axe-clean, frames included, and works from the keyboard', async () => {
    const { page } = await open();
    await framesDrawn(page);
    // An invalid field is part of the page too.
    await type(page, 'offset', '-4');
    // A failing pair: axe finds the very banners the studio flags, and nothing else.
    await type(page, 'light-major-color', '#e8a070');
    await page.evaluate(axeSource);
    const found = await page.evaluate(async () => {
      const { violations } = await window.axe.run(document, { resultTypes: ['violations'] });
      return violations.map((violation) => ({
        id: violation.id,
        unflagged: violation.nodes.filter((node) => !document.querySelector(node.target[0])?.closest('.cell.failing')).length,
      }));
    });
    assert.deepEqual(found, [{ id: 'color-contrast', unflagged: 0 }]);
    await type(page, 'light-major-color', '');
    for (const frame of page.frames()) {
      await frame.evaluate(axeSource);
      const { violations } = await frame.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
      assert.deepEqual(
        violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`),
        [],
        frame.url(),
      );
    }
    await page.click('#reset');
    assert.equal(await page.$eval('[name="offset"]', (input) => input.hasAttribute('aria-invalid')), false);

    // From the top of the page (a click on the title starts there): the first stop is the "Edit" link, which
    // leads into the form.
    await page.click('h1');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Edit');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.preset), 'Rounded');
    await page.keyboard.press('Enter');
    assert.match(await css(page), /--status-banner-radius: 12px;/);
    assert.equal(await text(page, '#editor-status'), 'Started from the Rounded preset.');
    // Then the pickers and text fields of the light palette, in order.
    const order = [];
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      order.push(await page.evaluate(() => `${document.activeElement.type}:${document.activeElement.dataset.property ?? document.activeElement.textContent}`));
    }
    assert.deepEqual(order.slice(-4), [
      'color:--status-banner-none-background',
      'text:--status-banner-none-background',
      'color:--status-banner-none-color',
      'text:--status-banner-none-color',
    ]);
    await page.keyboard.type('#101010');
    assert.match(await css(page), /--status-banner-none-color: #101010;/);
  });

  test('fits a phone: nothing wider than the screen', async () => {
    for (const width of [320, 390]) {
      const { page } = await open({ width, height: 740 });
      const overflow = await page.evaluate(() => {
        const wide = [...document.querySelectorAll('body *')].filter((el) => {
          if (el.closest('.table-wrap, datalist, template') || !el.checkVisibility()) return false;
          const box = el.getBoundingClientRect();
          return box.right > document.documentElement.clientWidth + 0.5 || box.left < -0.5;
        });
        return { scroll: document.documentElement.scrollWidth - document.documentElement.clientWidth, wide: wide.slice(0, 5).map((el) => el.outerHTML.slice(0, 80)) };
      });
      assert.deepEqual(overflow, { scroll: 0, wide: [] }, `${width} px`);
      // The contrast table fits too, without scrolling its box.
      assert.equal(await page.$eval('.table-wrap', (wrap) => wrap.scrollWidth <= wrap.clientWidth), true, `${width} px: the table`);
    }
  });
});
