// The built one-line script tag, loaded as an app developer would: this page imports nothing else of ours.

import { expect } from '@open-wc/testing';
import { trapPageErrors, waitFor, type PageErrorTrap } from '../../../test/helpers/page-errors.js';
import { nativePayload } from '../../../test/helpers/payloads.js';
import { endpoint } from '../../../test/helpers/status-server.js';

const SCRIPT = '/packages/element/dist/status-banner.min.js';

/** Adds `<script src=SCRIPT data-…>` and resolves once it has run. */
function addScript(data: Record<string, string>, where: ParentNode = document.head): Promise<HTMLScriptElement> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    for (const [key, value] of Object.entries(data)) script.dataset[key] = value;
    script.src = SCRIPT;
    script.onload = () => resolve(script);
    script.onerror = () => reject(new Error(`${SCRIPT} did not load; run npm run build`));
    where.append(script);
  });
}

type Banner = HTMLElement & { state: { status: string }; updateComplete: Promise<boolean> };

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
    const versions = () => ((window as { litHtmlVersions?: string[] }).litHtmlVersions ?? []).length;
    await addScript({});
    const before = versions();
    await addScript({ src });
    expect(versions(), 'Lit evaluated again').to.equal(before);
    expect(document.querySelectorAll('status-banner')).to.have.length(1);
  });

  it('keeps quiet when its endpoint is down', async () => {
    const src = await endpoint({ status: 503 });
    await addScript({ src });
    const banner = document.querySelector<Banner>('status-banner')!;
    await waitFor(() => banner.state.status === 'error', 5000, 'the failure');
    expect(banner.shadowRoot!.querySelector('[part="base"]')).to.equal(null);
  });
});
