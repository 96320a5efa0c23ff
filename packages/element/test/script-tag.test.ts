// The built one-line script tag, loaded as an app developer would: this page imports nothing else of ours.

import { expect } from '@open-wc/testing';
import { createIndexedDbStorage } from '@status-banner/core';
import { trapPageErrors, waitFor, type PageErrorTrap } from '../../../test/helpers/page-errors.js';
import { nativePayload } from '../../../test/helpers/payloads.js';
import { framedPage, SCRIPT } from '../../../test/helpers/framed-page.js';
import { endpoint, loadFixture, site } from '../../../test/helpers/status-server.js';


/** The same file served where the chunks it loads from beside itself are missing (test middleware). */
const LONELY = '/__lonely/status-banner.min.js';
/** The self-contained file, served alone. */
const STANDALONE = '/__lonely/status-banner.standalone.min.js';

/** The banner's database, where the script tag keeps the day it last found the files beside it served. */
const storage = createIndexedDbStorage();
const checkedKey = (file: string) => `checked:${new URL(file, location.href).href}`;
const today = () => new Date().toISOString().slice(0, 10);
/** Marks the files beside `file` as checked today, as a page that ran it earlier today left them. */
const markChecked = (file: string) => storage.set(checkedKey(file), today());
const forgetChecked = (file: string) => storage.set(checkedKey(file), undefined);

/** Adds `<script src=SCRIPT data-…>` and resolves once it has run. */
function addScript(data: Record<string, string>, where: ParentNode = document.head, file = SCRIPT): Promise<HTMLScriptElement> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    for (const [key, value] of Object.entries(data)) script.dataset[key] = value;
    script.src = file;
    script.onload = () => resolve(script);
    script.onerror = () => reject(new Error(`${file} did not load; run npm run build`));
    where.append(script);
  });
}

type Banner = HTMLElement & { state: { status: string; notices: unknown[] }; updateComplete: Promise<boolean> };

/** The page of {@link framedPage} with `file` and `data`, as this file has always called it. */
const framed = (file: string, data: Record<string, string>, head = '') => framedPage({ file, data, head });

describe('the script tag', () => {
  let trap: PageErrorTrap;
  beforeEach(() => {
    trap = trapPageErrors();
  });
  afterEach(() => {
    document.querySelectorAll('status-banner').forEach((el) => el.remove());
    trap.stop();
    expect(trap.errors, 'errors that reached window').to.deep.equal([]);
  });

  it('registers the element and mounts a banner from its data attributes', async () => {
    const src = await endpoint({
      body: nativePayload(
        [
          { id: 'api', severity: 'critical', componentIds: ['c-api'], title: 'API unavailable' },
          { id: 'web', severity: 'minor', componentIds: ['c-web'], title: 'Website slow' },
        ],
        { components: [{ id: 'c-api', name: 'API', status: 'major_outage' }, { id: 'c-web', name: 'Website', status: 'degraded' }] },
      ),
    });
    await addScript({ src, position: 'bottom', components: 'Website', interval: '30', dismissible: 'false' });
    expect(customElements.get('status-banner')).to.be.a('function');
    const banners = document.querySelectorAll<Banner>('status-banner');
    expect(banners).to.have.length(1);
    const banner = banners[0]!;
    expect(banner.parentElement).to.equal(document.body);
    expect(banner.getAttribute('src')).to.equal(src);
    expect(banner.getAttribute('position')).to.equal('bottom');
    expect(banner.getAttribute('interval')).to.equal('30');
    await waitFor(() => banner.getAttribute('severity') === 'minor', 5000, 'the filtered notice');
    await banner.updateComplete;
    const base = banner.shadowRoot!.querySelector<HTMLElement>('[part="base"]')!;
    expect(base.textContent).to.contain('Website slow');
    expect(getComputedStyle(base).position).to.equal('fixed');
    expect(banner.shadowRoot!.querySelector('[part="dismiss-button"]')).to.equal(null);
  });

  it('is harmless when loaded twice, or with no data-src', async () => {
    const src = await endpoint({ body: nativePayload([{ id: 'a', severity: 'major' }]) });
    await addScript({ src });
    await addScript({ src });
    await addScript({});
    expect(document.querySelectorAll('status-banner')).to.have.length(1);
    const banner = document.querySelector<Banner>('status-banner')!;
    await waitFor(() => banner.getAttribute('severity') === 'major', 5000, 'the banner');
  });

  it('mounts a second banner for a different source', async () => {
    const first = await endpoint({ body: nativePayload([{ id: 'a' }]) });
    const second = await endpoint({ body: nativePayload([{ id: 'b' }]) });
    await addScript({ src: first });
    await addScript({ src: second, position: 'inline' });
    expect([...document.querySelectorAll('status-banner')].map((el) => el.getAttribute('src'))).to.deep.equal([first, second]);
  });

  it('copies only banner attributes: a data-onclick never becomes a handler', async () => {
    const src = await endpoint({ body: nativePayload([{ id: 'a', severity: 'major' }]) });
    const script = document.createElement('script');
    script.setAttribute('data-src', src);
    script.setAttribute('data-onclick', 'window.__pwned = 1');
    script.setAttribute('data-style', 'display: none');
    script.setAttribute('data-', 'x');
    await new Promise((resolve, reject) => {
      script.onload = resolve;
      script.onerror = reject;
      script.src = SCRIPT;
      document.head.append(script);
    });
    const banner = document.querySelector<Banner>('status-banner')!;
    await waitFor(() => banner.getAttribute('severity') === 'major', 5000, 'the banner');
    // Its own reflected attributes, and nothing the script tag could smuggle in.
    expect(banner.getAttributeNames().sort()).to.deep.equal(['position', 'severity', 'src']);
    banner.click();
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('evaluates itself once: a second copy hands its script tag to the first', async () => {
    const src = await endpoint({ body: nativePayload([{ id: 'a' }]) });
    const mount = () => (window as unknown as Record<symbol, unknown>)[Symbol.for('status-banner.mount')];
    await addScript({});
    const first = mount();
    expect(first).to.be.a('function');
    await addScript({ src });
    // A second evaluation would have put its own mount function there.
    expect(mount(), 'evaluated again').to.equal(first);
    expect(document.querySelectorAll('status-banner')).to.have.length(1);
  });

  it('keeps quiet when its endpoint is down', async () => {
    const src = await endpoint({ status: 503 });
    await addScript({ src });
    const banner = document.querySelector<Banner>('status-banner')!;
    await waitFor(() => banner.state.status === 'error', 5000, 'the failure');
    expect(banner.shadowRoot!.querySelector('[part="base"]')).to.equal(null);
  });

  it('loads nothing more while all is well, its view (Lit and templates) once there is a notice, and its stream reader only to stream', async () => {
    await markChecked(SCRIPT);
    const calm = await endpoint({ body: nativePayload([]) });
    const page = await framed(SCRIPT, { src: calm });
    try {
      const banner = () => page.window.document.querySelector<Banner>('status-banner')!;
      await waitFor(() => banner()?.state.status === 'ready', 5000, 'the all-clear');
      await banner().updateComplete;
      expect(page.loaded()).to.deep.equal(['status-banner.min.js']);
      const busy = await endpoint({ body: nativePayload([{ id: 'a', severity: 'major', title: 'Checkout failing' }]) });
      banner().setAttribute('src', busy);
      await waitFor(() => !!banner().shadowRoot!.querySelector('[part="base"]'), 5000, 'the notice');
      expect(page.loaded()).to.deep.equal(['status-banner.min.js', 'status-banner.view.js']);
      const stream = await endpoint({ sse: [{ raw: `event: snapshot\ndata: ${JSON.stringify(nativePayload([{ id: 'a', severity: 'major', title: 'Pushed' }]))}\n\n` }] });
      banner().setAttribute('stream', stream);
      await waitFor(() => banner().shadowRoot!.textContent!.includes('Pushed'), 5000, 'the pushed notice');
      expect(page.loaded()).to.include('status-banner.sse.js');
      expect(page.window.__errors).to.deep.equal([]);
    } finally {
      page.close();
    }
  });

  it('checks once a day, when the page is idle, that the files beside it are served: one tiny file', async () => {
    await forgetChecked(SCRIPT);
    const calm = await endpoint({ body: nativePayload([]) });
    const first = await framed(SCRIPT, { src: calm });
    try {
      await waitFor(() => first.loaded().includes('status-banner.check.js'), 15_000, 'the check');
      // Remembered, in the banner's database (a connection of the test's own reads it), not in localStorage.
      await waitFor(async () => (await createIndexedDbStorage().get(checkedKey(SCRIPT))) === today(), 5000, 'the check remembered');
      expect(Object.keys(first.window.localStorage).filter((key) => key.startsWith('status-banner:checked:'))).to.deep.equal([]);
      expect(first.window.__consoleErrors).to.deep.equal([]);
    } finally {
      first.close();
    }
    // Checked today: the next page loads nothing but the script, and stays quiet.
    const second = await framed(SCRIPT, { src: calm });
    try {
      const banner = () => second.window.document.querySelector<Banner>('status-banner')!;
      await waitFor(() => banner()?.state.status === 'ready', 5000, 'the all-clear');
      await new Promise((resolve) => second.window.requestIdleCallback(resolve, { timeout: 2000 }));
      expect(second.loaded()).to.deep.equal(['status-banner.min.js']);
    } finally {
      second.close();
    }
  });

  it('says early and loudly, on a page where all is well, that the files beside it are not served', async () => {
    await forgetChecked(LONELY);
    const calm = await endpoint({ body: nativePayload([]) });
    const page = await framed(LONELY, { src: calm });
    try {
      const { window: inner } = page;
      await waitFor(() => inner.__consoleErrors.length > 0, 15_000, 'the console error');
      expect(inner.__consoleErrors).to.have.length(1);
      expect(inner.__consoleErrors[0]).to.match(/^\[status-banner\] status-banner\.check\.js did not load from http:\/\/[^ ]+\/__lonely\/status-banner\.check\.js/);
      expect(inner.__consoleErrors[0]).to.contain('serve every file of @status-banner/element/dist/ together');
      expect(inner.__consoleErrors[0]).to.contain('status-banner.standalone.min.js');
      expect(inner.__errors).to.deep.equal([]);
      // Not remembered as checked: the next page says it again.
      expect(await createIndexedDbStorage().get(checkedKey(LONELY))).to.equal(undefined);
    } finally {
      page.close();
    }
  });

  it('loads the words of its language from beside itself, and those of no other', async () => {
    await markChecked(SCRIPT);
    const src = await endpoint({ body: nativePayload([{ id: 'a', severity: 'major', title: 'Paiements en échec' }]) });
    const page = await framed(SCRIPT, { src, lang: 'fr' });
    try {
      const banner = () => page.window.document.querySelector<Banner>('status-banner')!;
      await waitFor(() => !!banner()?.shadowRoot?.querySelector('[part~="severity"]'), 5000, 'the notice');
      expect(banner().shadowRoot!.querySelector('[part~="severity"]')!.textContent).to.equal('Incident majeur\u00a0:');
      expect(page.loaded()).to.deep.equal(['status-banner.min.js', 'status-banner.view.js', 'status-banner.locale-fr.js']);
    } finally {
      page.close();
    }
  });

  it('reads a Statuspage page with what it has built in, and loads the other providers from beside itself only for another format', async () => {
    const statuspage = await site({ '/api/v2/summary.json': { fixture: 'real/statuspage/githubstatus-summary-major-outage-investigating-2020-04-02.json' } });
    const instatus = await site({ '/summary.json': { body: await loadFixture('docs/instatus-v1-summary-incident-and-maintenance-from-docs.json') } });
    await markChecked(SCRIPT);
    for (const [src, providers] of [
      [statuspage, false],
      [instatus, true],
    ] as const) {
      const page = await framed(SCRIPT, { src });
      try {
        const banner = () => page.window.document.querySelector<Banner & { state: { snapshot?: { provider: string } } }>('status-banner')!;
        await waitFor(() => !!banner()?.shadowRoot?.querySelector('[part~="title"]'), 5000, `a notice from ${src}`);
        expect(banner().state.snapshot!.provider).to.equal(providers ? 'instatus' : 'statuspage');
        expect(page.loaded().includes('status-banner.providers.js'), src).to.equal(providers);
        expect(page.window.__errors).to.deep.equal([]);
      } finally {
        page.close();
      }
    }
  });

  it('TAB-08/ENV-03: a page enforcing Trusted Types without allowing Lit\'s policy keeps working; the banner says it in plain text and reports once', async () => {
    const src = await endpoint({ body: nativePayload([{ id: 'a', severity: 'critical', title: 'Down' }]) });
    // The host allows only its own policy, which it has already created: Lit's `lit-html` cannot be made.
    const head =
      `<meta http-equiv="Content-Security-Policy" content="require-trusted-types-for 'script'; trusted-types app">` +
      `<script>window.appPolicy = trustedTypes.createPolicy('app', { createHTML: (s) => s });</script>`;
    const page = await framed(SCRIPT, { src }, head);
    try {
      const { window: inner } = page;
      const banner = () => inner.document.querySelector<Banner>('status-banner');
      await waitFor(() => banner()?.state.notices.length === 1, 5000, 'the notice');
      // (The live region is there, empty, from the moment the view is asked for: wait for its words.)
      await waitFor(() => !!banner()!.shadowRoot!.querySelector('[part~="headline"]'), 3000, 'the plain-text banner');
      const base = banner()!.shadowRoot!.querySelector('[part~="base"]')!;
      expect(base.textContent).to.equal('Critical incident: DownView status×');
      expect(base.getAttribute('role')).to.equal('alert');
      expect(inner.__consoleErrors.filter((line) => line.includes('status-banner.view.js'))).to.have.length(1);
      expect(inner.__errors, 'nothing reached the page').to.deep.equal([]);
      // The host's own code still runs, its own policy included.
      const div = inner.document.createElement('div');
      div.innerHTML = (inner as unknown as { appPolicy: { createHTML(s: string): string } }).appPolicy.createHTML('<b>host</b>');
      expect(div.textContent).to.equal('host');
    } finally {
      page.close();
    }
  });

  it('still tells an outage in plain text when the files beside it are missing, and names the missing file once; without the stream reader it polls', async () => {
    await markChecked(LONELY);
    const src = await endpoint({
      body: nativePayload(
        [
          { id: 'a', severity: 'critical', title: 'Checkout fails for < 5% of users & "EU"', url: 'https://status.example.com/incidents/a' },
          { id: 'b', severity: 'minor', title: 'Slow search' },
        ],
        { page: { name: 'Acme', url: 'https://status.example.com/' } },
      ),
    });
    const stream = await endpoint({ sse: [{ raw: ': hello\n\n' }] });
    const page = await framed(LONELY, { src, stream });
    try {
      const { window: inner } = page;
      const banner = () => inner.document.querySelector<Banner & { severity?: string }>('status-banner')!;
      // The stream reader is missing: the banner polls instead, and knows of the incident.
      await waitFor(() => banner()?.state.notices.length === 2, 5000, 'the polled notices');
      await waitFor(() => !!banner().shadowRoot!.querySelector('[part~="headline"]'), 3000, 'the plain-text banner');
      const root = banner().shadowRoot!;
      const base = root.querySelector<HTMLElement>('[part~="base"]')!;
      // The most severe open notice, as text, a link, and a way to dismiss it.
      expect(root.querySelector('[part~="headline"]')!.textContent).to.equal('Critical incident: Checkout fails for < 5% of users & "EU"');
      expect(base.getAttribute('role')).to.equal('alert');
      expect(base.getAttribute('aria-label')).to.equal('Service status');
      expect(getComputedStyle(base).position, 'a top banner stays on screen').to.equal('fixed');
      const link = root.querySelector<HTMLAnchorElement>('[part~="link"]')!;
      expect([link.href, link.rel, link.textContent]).to.deep.equal(['https://status.example.com/incidents/a', 'noopener noreferrer', 'View status']);
      expect(banner().severity).to.equal('critical');
      expect(banner().getAttribute('severity')).to.equal('critical');
      const dismiss = root.querySelector<HTMLButtonElement>('[part~="dismiss-button"]')!;
      expect(dismiss.getAttribute('aria-label')).to.equal('Dismiss: Checkout fails for < 5% of users & "EU"');
      dismiss.click();
      await waitFor(() => root.querySelector('[part~="title"]')?.textContent === 'Slow search', 3000, 'the next notice');
      expect(banner().severity).to.equal('minor');
      // Loud once, naming the file and the fix; the stream reader's absence is a warning (polling works).
      const loud = inner.__consoleErrors.filter((line) => line.includes('status-banner.view.js'));
      expect(loud).to.have.length(1);
      expect(loud[0]).to.match(/status-banner\.view\.js did not load from http:\/\/[^ ]+\/__lonely\/status-banner\.view\.js/);
      expect(loud[0]).to.contain('status-banner.standalone.min.js');
      expect(inner.__warnings.filter((line) => line.includes('status-banner.sse.js'))).to.have.length(1);
      expect(inner.__errors).to.deep.equal([]);
    } finally {
      page.close();
    }
  });

  it('in one self-contained file: the full banner, a stream, every provider and every language, and no other file fetched', async () => {
    const instatus = await site({ '/summary.json': { body: await loadFixture('docs/instatus-v1-summary-incident-and-maintenance-from-docs.json') } });
    const pushed = nativePayload([{ id: 'p', severity: 'major', title: 'Paiements en échec' }]);
    const stream = await endpoint({ sse: [{ raw: `event: snapshot\ndata: ${JSON.stringify(pushed)}\n\n` }] });
    const src = await endpoint({ body: nativePayload([]) });
    for (const data of [{ src: instatus }, { src, stream, lang: 'fr' }] as Record<string, string>[]) {
      const page = await framed(STANDALONE, data);
      try {
        const { window: inner } = page;
        const banner = () => inner.document.querySelector<Banner & { state: { snapshot?: { provider: string } } }>('status-banner')!;
        await waitFor(() => !!banner()?.shadowRoot?.querySelector('[part~="title"]'), 5000, `a notice from ${data.src}`);
        const root = banner().shadowRoot!;
        // The full view: the icon, the meta line and the "+N more" button are the Lit templates'.
        expect(root.querySelector('[part~="icon"]'), 'the full view').to.not.equal(null);
        if (data.lang) expect(root.querySelector('[part~="severity"]')!.textContent).to.equal('Incident majeur\u00a0:');
        else expect(banner().state.snapshot!.provider).to.equal('instatus');
        await new Promise((resolve) => inner.requestIdleCallback(resolve, { timeout: 2000 }));
        expect(page.loaded()).to.deep.equal(['status-banner.standalone.min.js']);
        expect([inner.__errors, inner.__consoleErrors, inner.__warnings]).to.deep.equal([[], [], []]);
      } finally {
        page.close();
      }
    }
  });
});
