// A picture of one banner of the gallery (examples/gallery) in Chromium, at a fixed size, clock, time zone and
// language, without motion: for the screenshot tests and the pictures in the docs.

/** The gallery's query for one banner: its preview tokens and attributes. */
export const galleryQuery = ({ preview, theme = 'light', position = 'inline', ...rest }) =>
  new URLSearchParams({ preview, theme, position, ...rest }).toString().replaceAll('+', '%20');

/**
 * A PNG of the gallery at `url` (showing one banner), with `scheme` as the viewer's colour scheme.
 *
 * @param {import('puppeteer-core').Browser} browser
 * @param {string} url
 * @param {{ width: number, height: number, scheme?: 'light' | 'dark' }} options
 */
export async function shootBanner(browser, url, { width, height, scheme = 'light' }) {
  const page = await browser.newPage();
  try {
    await page.setViewport({ width, height, deviceScaleFactor: 1 });
    await page.emulateTimezone('UTC');
    await page.emulateMediaFeatures([
      { name: 'prefers-reduced-motion', value: 'reduce' },
      { name: 'prefers-color-scheme', value: scheme },
    ]);
    // A fixed "now": the sample notice was updated five minutes before it, and maintenance ends an hour after.
    await page.evaluateOnNewDocument(() => {
      const now = Date.parse('2026-06-15T12:00:00Z');
      Date.now = () => now;
    });
    await page.goto(url);
    await page.waitForFunction(() => [...document.querySelectorAll('status-banner')].every((el) => el.shadowRoot?.querySelector('[part~="title"]')), { timeout: 15_000 });
    await page.evaluate(() => document.fonts.ready);
    // The "+N more" list opens after a render: every banner's update done, then two frames painted.
    await page.evaluate(async () => {
      await Promise.all([...document.querySelectorAll('status-banner')].map((el) => el.updateComplete));
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    });
    return await page.screenshot({ type: 'png' });
  } finally {
    await page.close();
  }
}
