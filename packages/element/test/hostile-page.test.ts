// The banner on host pages that fight it, each a page of its own (an iframe) with the built script tag: hostile
// or heavy CSS (real frameworks from npm, resets, page-wide rules, containing blocks, z-index wars), strict
// Content Security Policies, patched or denied APIs, the files served from another origin without CORS, a
// polluted Object.prototype, and a sandboxed iframe. On every one it shows what is wrong and throws nothing.

import { expect } from '@open-wc/testing';
import { framedPage, otherOrigin, SCRIPT, type FramedWindow } from '../../../test/helpers/framed-page.js';
import { emulateMedia } from '../../../test/helpers/media.js';
import { waitFor } from '../../../test/helpers/page-errors.js';
import { nativePayload } from '../../../test/helpers/payloads.js';
import { endpoint, push, requestLog } from '../../../test/helpers/status-server.js';

type Page = Awaited<ReturnType<typeof framedPage>>;

/** An endpoint with one major incident that links to its own page. */
const incident = (title = 'Checkout is failing') =>
  endpoint({ body: nativePayload([{ id: 'inc', severity: 'major', title, url: 'https://status.example.com/incidents/inc' }]) });

/** The element of the banner's shadow root with this part name, in a framed page. */
const part = (page: Page, name: string) => page.banner()?.shadowRoot?.querySelector<HTMLElement>(`[part~="${name}"]`) ?? null;

/** Waits until the banner shows its title. */
const shown = (page: Page, timeout = 8000) => waitFor(() => !!part(page, 'title'), timeout, 'the banner');

/** What the host page must never see: errors, rejections, or one kind of console warning twice. */
function assertClean(inner: FramedWindow): void {
  expect(inner.__errors, 'errors that reached the page').to.deep.equal([]);
  expect(inner.__warnings.length, `warnings: ${inner.__warnings.join(' | ')}`).to.equal(new Set(inner.__warnings).size);
}

/** How the title and the box measure: typography and geometry that the page must not change. */
function measure(page: Page) {
  const title = part(page, 'title')!;
  const base = part(page, 'base')!;
  const style = getComputedStyle(title);
  const box = base.getBoundingClientRect();
  return {
    font: [style.fontSize, style.lineHeight, style.letterSpacing, style.textTransform, style.fontWeight, style.fontStyle, style.wordSpacing, style.textIndent],
    colours: [getComputedStyle(base).backgroundColor, getComputedStyle(base).color],
    // (From each edge of the page: a page that always shows its scrollbar, as Bulma's does, is narrower.)
    box: [Math.round(box.left), Math.round(box.top), Math.round(page.window.document.documentElement.clientWidth - box.right), Math.round(box.height)],
    padding: getComputedStyle(base).padding,
  };
}

/** Whether the banner is what a click at the centre of its `name` part reaches. */
function onTop(page: Page, name = 'base'): boolean {
  const target = part(page, name)!.getBoundingClientRect();
  const x = target.left + target.width / 2;
  const y = target.top + target.height / 2;
  const hit = page.window.document.elementFromPoint(x, y);
  return hit === page.banner() && page.banner()!.shadowRoot!.elementFromPoint(x, y)?.closest(`[part~="${name}"]`) === part(page, name);
}

const pages: Page[] = [];
const open = async (...args: Parameters<typeof framedPage>) => {
  const page = await framedPage(...args);
  pages.push(page);
  return page;
};

describe('a hostile host page', () => {
  let plain: ReturnType<typeof measure>;
  before(async () => {
    // No motion, in every frame: the boxes are measured at rest.
    await emulateMedia({ 'prefers-reduced-motion': 'reduce' });
    const page = await framedPage({ data: { src: await incident() } });
    await shown(page);
    plain = measure(page);
    page.close();
  });
  after(() => emulateMedia({}));
  afterEach(() => {
    for (const page of pages.splice(0)) page.close();
  });

  const CSS = {
    'Bootstrap 5': '/node_modules/bootstrap/dist/css/bootstrap.min.css',
    'Tailwind 4 preflight': '/node_modules/tailwindcss/preflight.css',
    'normalize.css': '/node_modules/normalize.css/normalize.css',
    'Bulma 1': '/node_modules/bulma/css/bulma.min.css',
    'Pico 2': '/node_modules/@picocss/pico/css/pico.min.css',
  };
  for (const [name, href] of Object.entries(CSS)) {
    it(`ENV-15: under ${name}, the banner looks and measures as on a plain page`, async () => {
      const page = await open({ data: { src: await incident() }, head: `<link rel="stylesheet" href="${href}">` });
      await shown(page);
      expect(measure(page)).to.deep.equal(plain);
      expect(onTop(page, 'dismiss-button'), 'the dismiss button can be clicked').to.equal(true);
      assertClean(page.window);
    });
  }

  it('ENV-06/ENV-14: page-wide rules (* { all: unset }, line-height 0, letter-spacing, text-transform, huge root font, hidden divs) do not reach the text', async () => {
    const head = `<style>
      * { line-height: 0 !important; letter-spacing: 7px !important; word-spacing: 9px !important; text-transform: uppercase !important;
          font-style: italic !important; font-weight: 100 !important; text-indent: 40px !important; font-size: 31px !important; color: lime !important; }
      html { font-size: 40px; }
      div, p, span, a, button { display: none !important; }
      body * { all: unset; }
    </style>`;
    const page = await open({ data: { src: await incident() }, head });
    await shown(page);
    const now = measure(page);
    expect(now.font).to.deep.equal(plain.font);
    expect(now.colours).to.deep.equal(plain.colours);
    expect(now.padding).to.equal(plain.padding);
    expect(onTop(page, 'dismiss-button')).to.equal(true);
    assertClean(page.window);
  });

  for (const [what, rule] of [
    ['transform', 'transform: translateZ(0)'],
    ['will-change: transform', 'will-change: transform'],
    ['contain: paint', 'contain: paint'],
    ['filter', 'filter: saturate(1.01)'],
  ]) {
    it(`ENV-12: a top banner stays at the top of the window when the body has ${what} (a containing block for fixed boxes)`, async () => {
      const page = await open({ data: { src: await incident() }, head: `<style>body { ${rule}; margin: 0 } .tall { height: 5000px }</style>`, body: '<div class="tall"></div>' });
      await shown(page);
      page.window.scrollTo(0, 2500);
      await new Promise((resolve) => page.window.requestAnimationFrame(resolve));
      const box = part(page, 'base')!.getBoundingClientRect();
      expect([Math.round(box.top), Math.round(box.left)]).to.deep.equal([0, 0]);
      expect(onTop(page)).to.equal(true);
      assertClean(page.window);
    });
  }

  it('ENV-13: a z-index war (the page\'s own fixed header at the highest z-index) does not cover the banner or its dismiss button', async () => {
    const head = `<style>header { position: fixed; inset: 0 0 auto; height: 120px; background: #000; z-index: 2147483647 }</style>`;
    const page = await open({ data: { src: await incident() }, head, body: '<header>Host header</header>' });
    await shown(page);
    expect(onTop(page)).to.equal(true);
    expect(onTop(page, 'dismiss-button')).to.equal(true);
    part(page, 'dismiss-button')!.click();
    await waitFor(() => !part(page, 'title'), 3000, 'the dismissal');
    assertClean(page.window);
  });

  it('ENV-01: a style-src CSP without unsafe-inline: the banner is styled (constructable stylesheets are not inline styles)', async () => {
    const head = `<meta http-equiv="Content-Security-Policy" content="style-src 'self'">`;
    const page = await open({ data: { src: await incident() }, head });
    await shown(page);
    expect(measure(page)).to.deep.equal(plain);
    assertClean(page.window);
  });

  it('ENV-02: the same CSP in a browser without adoptedStyleSheets: unstyled but usable, nothing thrown', async () => {
    const head =
      `<meta http-equiv="Content-Security-Policy" content="style-src 'self'">` +
      `<script>Object.defineProperty(ShadowRoot.prototype, 'adoptedStyleSheets', { get: () => undefined, set() {}, configurable: true });</script>`;
    const page = await open({ data: { src: await incident() }, head });
    await shown(page);
    expect(part(page, 'title')!.textContent).to.equal('Checkout is failing');
    expect(part(page, 'dismiss-button')).to.not.equal(null);
    assertClean(page.window);
  });

  it('ENV-04: a script-src CSP that does not allow the file: nothing happens, nothing is thrown', async () => {
    const head = `<meta http-equiv="Content-Security-Policy" content="script-src 'unsafe-inline'">`;
    const page = await open({ data: { src: await incident() }, head });
    // The page has loaded: a script that ran would have set its mount function before the load event.
    expect((page.window as unknown as Record<symbol, unknown>)[Symbol.for('status-banner.mount')], 'the script ran').to.equal(undefined);
    expect(page.window.customElements.get('status-banner')).to.equal(undefined);
    expect(page.banner()).to.equal(null);
    assertClean(page.window);
  });

  it('ENV-05: the page already defined an element named status-banner: no NotSupportedError, nothing thrown', async () => {
    const head = `<script>customElements.define('status-banner', class extends HTMLElement { connectedCallback() { this.textContent = 'host element'; } });</script>`;
    const page = await open({ data: { src: await incident() }, head });
    await waitFor(() => !!page.banner(), 3000, 'the mounted element');
    expect(page.banner()!.textContent).to.equal('host element');
    assertClean(page.window);
  });

  it('ENV-07: the page replaces fetch and Array.prototype.find after the script ran: the banner neither uses nor minds them', async () => {
    const src = await incident();
    const page = await open({ data: { src, interval: '1' } });
    await shown(page);
    const inner = page.window as FramedWindow & { fetch: typeof fetch; __patchedCalls: number };
    inner.__patchedCalls = 0;
    inner.fetch = () => ((inner.__patchedCalls += 1), Promise.reject(new TypeError('patched')));
    const before = (await requestLog(src)).length;
    await (page.banner() as unknown as { refresh(): Promise<void> }).refresh();
    expect((await requestLog(src)).length).to.be.above(before);
    expect(inner.__patchedCalls).to.equal(0);
    assertClean(page.window);
  });

  it('ENV-07: the script adds one namespaced symbol to the page and nothing else, and patches no built-in', async () => {
    const head = `<script>
      window.__before = { globals: Object.getOwnPropertyNames(window), symbols: Object.getOwnPropertySymbols(window).length,
        protos: [Array.prototype, Object.prototype, Promise.prototype, Function.prototype, String.prototype, Element.prototype, EventTarget.prototype]
          .map((p) => Object.getOwnPropertyNames(p).join()) };
    </script>`;
    const page = await open({ data: { src: await incident() }, head });
    await shown(page);
    const inner = page.window as FramedWindow & { __before: { globals: string[]; symbols: number; protos: string[] } };
    const { __before: before } = inner;
    // Only what the browser adds for an iframe's content and the recorder set before the script.
    const recorder = ['__before', '__errors', '__warnings', '__consoleErrors'];
    const added = Object.getOwnPropertyNames(inner).filter((name) => !before.globals.includes(name) && !recorder.includes(name));
    expect(added).to.deep.equal([]);
    expect(Object.getOwnPropertySymbols(inner).map(String)).to.deep.equal(['Symbol(status-banner.mount)']);
    const realm = inner as unknown as typeof globalThis;
    const protos = [realm.Array.prototype, realm.Object.prototype, realm.Promise.prototype, realm.Function.prototype, realm.String.prototype, realm.Element.prototype, realm.EventTarget.prototype];
    expect(protos.map((p) => Object.getOwnPropertyNames(p).join())).to.deep.equal(before.protos);
    assertClean(inner);
  });

  it('ENV-16: a type="module" script tag mounts its banner and loads its files from its own folder', async () => {
    const page = await open({ data: { src: await incident() }, module: true });
    await shown(page);
    expect(page.loaded()).to.include('status-banner.view.js');
    expect(part(page, 'icon'), 'the full view, not the fallback').to.not.equal(null);
    assertClean(page.window);
  });

  it('ENV-17: a page that holds something else under the script\'s symbol does not break it', async () => {
    const head = `<script>window[Symbol.for('status-banner.mount')] = 42;</script>`;
    const page = await open({ data: { src: await incident() }, head });
    await shown(page);
    assertClean(page.window);
  });

  it('ENV-18: its files served from another origin without CORS: the outage is still told, in plain text, and the cause named once', async () => {
    const file = `${otherOrigin()}${SCRIPT}`;
    const page = await open({ data: { src: await incident() }, file });
    await waitFor(() => !!part(page, 'headline'), 8000, 'the plain-text banner');
    expect(part(page, 'headline')!.textContent).to.equal('Major incident: Checkout is failing');
    const loud = page.window.__consoleErrors.filter((line) => line.includes('status-banner.view.js'));
    expect(loud).to.have.length(1);
    expect(loud[0]).to.contain('with CORS');
    assertClean(page.window);
  });

  it('ENV-08: in a sandboxed iframe (an opaque origin: storage throws, Web Locks are denied), the banner still tells the incident', async () => {
    // The opaque origin cannot be read from here: the page reports what its banner says.
    const body = `<script>setInterval(() => parent.postMessage({ sandboxed: true, text: document.querySelector('status-banner')?.shadowRoot?.textContent ?? '',
      errors: window.__errors, warnings: window.__warnings }, '*'), 100);</script>`;
    const heard = new Promise<{ text: string; errors: string[]; warnings: string[] }>((resolve) => {
      const listen = ({ data }: MessageEvent) => {
        if (data?.sandboxed && data.text.includes('Checkout is failing')) {
          removeEventListener('message', listen);
          resolve(data);
        }
      };
      addEventListener('message', listen);
    });
    await open({ data: { src: await incident() }, sandbox: 'allow-scripts', body });
    const report = await Promise.race([heard, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the sandboxed banner never told the incident')), 10_000))]);
    expect(report.text).to.contain('Major incident:');
    expect(report.errors).to.deep.equal([]);
    expect(report.warnings.length).to.equal(new Set(report.warnings).size);
  });

  it('ENV-10: a polluted Object.prototype cannot put its link or words in the banner', async () => {
    const src = await endpoint({ body: nativePayload([{ id: 'a', severity: 'major', title: 'Real title' }], { page: { name: 'Acme' } }) });
    const head = `<script>Object.assign(Object.prototype, { url: 'https://evil.example/', message: 'Reset your password at evil.example', stream: 'https://evil.example/stream' });</script>`;
    const page = await open({ data: { src }, head });
    await shown(page);
    const root = page.banner()!.shadowRoot!;
    expect(root.textContent).to.not.contain('evil');
    expect([...root.querySelectorAll('a')].map((a) => a.href)).to.deep.equal([]);
    assertClean(page.window);
  });

  it('DATA-05: a 10 000-character word, bidi overrides and emoji sequences stay inside the banner, written in their own direction', async () => {
    const title = `${'W'.repeat(10_000)} \u202Eevil\u202C 👩‍👩‍👧‍👦 שלום`;
    const page = await open({ data: { src: await incident(title) }, width: 360 });
    await shown(page);
    const doc = page.window.document.documentElement;
    expect(doc.scrollWidth, 'no sideways scroll').to.be.at.most(doc.clientWidth);
    const base = part(page, 'base')!;
    expect(base.scrollWidth).to.be.at.most(base.clientWidth);
    expect(part(page, 'title')!.getAttribute('dir')).to.equal('auto');
    assertClean(page.window);
  });

  it('STO-06: localStorage that throws on read (blocked cookies) or write (full): a push banner and the daily check still work', async () => {
    for (const patch of [
      `Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });`,
      `Storage.prototype.setItem = () => { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };`,
    ]) {
      const page = await open({ data: { src: await incident(), push: '' }, head: `<script>${patch}</script>` });
      await shown(page);
      expect(part(page, 'title')!.textContent).to.equal('Checkout is failing');
      assertClean(page.window);
      page.close();
    }
  });

  it('DATA-06: an event storm (100 pushed updates in quick bursts) renders at most once a frame and ends on the last', async () => {
    const event = (n: number) =>
      `event: snapshot\ndata: ${JSON.stringify({ ...nativePayload([{ id: 'inc', severity: 'major', title: `Update ${n}` }]), version: 1000 + n })}\n\n`;
    const src = await incident('Update 0');
    const stream = await endpoint({ sse: [{ raw: event(0) }] });
    const page = await open({ data: { src, stream } });
    await shown(page);
    const inner = page.window as FramedWindow & { __changes: number; __frames: number };
    inner.__changes = 0;
    inner.__frames = 0;
    page.banner()!.addEventListener('status-banner-change', () => (inner.__changes += 1));
    const count = () => inner.requestAnimationFrame(() => ((inner.__frames += 1), count()));
    count();
    for (let burst = 0; burst < 10; burst += 1) {
      await push(stream, Array.from({ length: 10 }, (_, i) => event(burst * 10 + i + 1)).join(''));
    }
    await waitFor(() => part(page, 'title')?.textContent === 'Update 100', 8000, 'the last update');
    expect(inner.__changes, `${inner.__changes} renders in ${inner.__frames} frames`).to.be.at.most(inner.__frames + 1);
    expect(inner.__changes).to.be.below(100);
    assertClean(page.window);
  });

  it('PERF-04: a banner on its way out, and one dismissed, can be neither focused nor announced', async () => {
    await emulateMedia({});
    try {
      const page = await open({ data: { src: await incident() } });
      await shown(page);
      part(page, 'dismiss-button')!.click();
      // Leaving: still painted while it fades, but inert.
      await waitFor(() => !!part(page, 'base')?.hasAttribute('inert') || !part(page, 'base'), 3000, 'the exit');
      const leaving = part(page, 'base');
      if (leaving) expect(leaving.matches('[inert]')).to.equal(true);
      await waitFor(() => !part(page, 'base'), 3000, 'the banner to go');
      expect(page.banner()!.shadowRoot!.querySelectorAll('a, button, [tabindex]').length).to.equal(0);
      assertClean(page.window);
    } finally {
      await emulateMedia({ 'prefers-reduced-motion': 'reduce' });
    }
  });
});
