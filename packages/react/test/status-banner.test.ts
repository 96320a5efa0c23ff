import { expect } from '@open-wc/testing';
import { StatusBanner, StatusBannerChangeEvent, StatusBannerDismissEvent, type StatusBannerElement } from '@status-banner/react';
import { createElement, StrictMode, version, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, hydrateRoot, type Root } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { trapPageErrors, waitFor, type PageErrorTrap } from '../../../test/helpers/page-errors.js';
import { nativePayload } from '../../../test/helpers/payloads.js';
import { endpoint, openStreams, snapshotEvent } from '../../../test/helpers/status-server.js';

const payload = (title: string) => nativePayload([{ id: 'n1', severity: 'major', title }]);
const shown = (el: Element | null) => (el as StatusBannerElement | null)?.shadowRoot?.querySelector('[part="base"] p')?.textContent?.replace(/\s+/g, ' ').trim();

describe(`<StatusBanner> on React ${version}`, () => {
  let trap: PageErrorTrap;
  let container: HTMLElement;
  let root: Root | undefined;
  const consoleErrors: unknown[][] = [];
  const consoleError = console.error;

  const render = (node: ReactNode) => flushSync(() => (root ??= createRoot(container)).render(node));
  const banner = () => container.querySelector('status-banner') as StatusBannerElement | null;

  beforeEach(() => {
    trap = trapPageErrors();
    container = document.body.appendChild(document.createElement('div'));
    console.error = (...args: unknown[]) => consoleErrors.push(args);
  });
  afterEach(() => {
    root?.unmount();
    root = undefined;
    container.remove();
    console.error = consoleError;
    trap.stop();
    expect(trap.errors, 'errors that reached window').to.deep.equal([]);
    expect(consoleErrors.splice(0).map((args) => args.map(String).join(' ')).join('\n'), 'console errors (React warnings included)').to.equal('');
  });

  it('sets element properties as properties, and everything else as attributes', async () => {
    const src = await endpoint({ body: payload('Checkout is down') });
    const strings = { dismiss: 'Hide this', major: 'Outage' };
    render(createElement(StatusBanner, { src, position: 'inline', interval: 5, strings, dismissible: true, id: 'status', className: 'wide', title: 'Status' }));
    const el = banner()!;
    expect(el.src).to.equal(src);
    // A number stays a number, an object the same object: neither went through an attribute.
    expect(el.interval).to.equal(5);
    expect(el.strings).to.equal(strings);
    expect(el.getAttribute('strings')).to.equal(null);
    expect([el.id, el.className, el.title]).to.deep.equal(['status', 'wide', 'Status']);
    await waitFor(() => shown(el) === 'Outage: Checkout is down', 10000, 'the notice');
    expect(el.shadowRoot!.querySelector('[part="dismiss-button"]')!.getAttribute('aria-label')).to.equal('Hide this');
    expect(el.getAttribute('position')).to.equal('inline');
  });

  it('follows changed props, and unsets removed ones', async () => {
    const first = await endpoint({ body: payload('First outage') });
    const second = await endpoint({ body: payload('Second outage') });
    render(createElement(StatusBanner, { src: first, position: 'inline', dismissible: false }));
    await waitFor(() => shown(banner())?.endsWith('First outage') ?? false, 10000, 'the first notice');
    expect(banner()!.shadowRoot!.querySelector('[part="dismiss-button"]')).to.equal(null);
    render(createElement(StatusBanner, { src: second, position: 'inline' }));
    await waitFor(() => shown(banner())?.endsWith('Second outage') ?? false, 10000, 'the second notice');
    expect(banner()!.dismissible, 'a prop no longer passed').to.not.equal(false);
  });

  it('maps status-banner-change to onChange and status-banner-dismiss to onDismiss', async () => {
    const src = await endpoint({ body: payload('Search is slow') });
    const changes: StatusBannerChangeEvent[] = [];
    const dismissals: StatusBannerDismissEvent[] = [];
    let keep = true;
    const onDismiss = (event: StatusBannerDismissEvent) => {
      dismissals.push(event);
      if (keep) event.preventDefault();
    };
    render(createElement(StatusBanner, { src, position: 'inline', onChange: (event) => changes.push(event), onDismiss }));
    await waitFor(() => changes.length === 1, 10000, 'onChange');
    expect(changes[0]).to.be.instanceOf(StatusBannerChangeEvent);
    expect(changes[0]!.snapshot.notices[0]!.title).to.equal('Search is slow');
    await waitFor(() => !!shown(banner()), 10000, 'the notice');

    const button = () => banner()!.shadowRoot!.querySelector<HTMLElement>('[part="dismiss-button"]');
    button()!.click();
    expect(dismissals).to.have.length(1);
    expect(dismissals[0]).to.be.instanceOf(StatusBannerDismissEvent);
    expect(dismissals[0]!.notice.id).to.equal('n1');
    await banner()!.updateComplete;
    expect(shown(banner()), 'preventDefault() in onDismiss keeps it').to.contain('Search is slow');

    keep = false;
    button()!.click();
    await waitFor(() => shown(banner()) === undefined, 2000, 'the notice to go');
    expect(dismissals).to.have.length(2);
  });

  it('stops listening when the handler prop is removed', async () => {
    const src = await endpoint({ body: payload('Flaky') });
    const changes: unknown[] = [];
    render(createElement(StatusBanner, { src, position: 'inline', onChange: (event) => changes.push(event) }));
    await waitFor(() => changes.length === 1, 10000, 'onChange');
    render(createElement(StatusBanner, { src, position: 'inline' }));
    banner()!.dispatchEvent(new StatusBannerChangeEvent(changes[0] as never));
    expect(changes).to.have.length(1);
  });

  it('closes its stream when unmounted, also under StrictMode', async () => {
    const src = await endpoint({ sse: [{ raw: snapshotEvent(payload('Streaming'), 1) }] });
    render(createElement(StrictMode, null, createElement(StatusBanner, { src, stream: src, position: 'inline' })));
    await waitFor(() => shown(banner())?.endsWith('Streaming') ?? false, 10000, 'the streamed notice');
    expect((await openStreams(src)).open).to.equal(1);
    root!.unmount();
    root = undefined;
    for (let i = 0; i < 50 && (await openStreams(src)).open; i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await openStreams(src)).open).to.equal(0);
  });

  it('hydrates server-rendered markup, which fetched nothing, without a mismatch', async () => {
    const src = await endpoint({ body: payload('Hydrated') });
    const app = createElement('main', null, createElement(StatusBanner, { src, position: 'inline' }));
    container.innerHTML = renderToString(app);
    // Rendering on the "server" in a browser loads @lit/react's browser build, whose useLayoutEffect React 18
    // warns about; Node loads its node build, which has none (packages/react/test/node/react18-in-node.test.mjs).
    consoleErrors.splice(0, Infinity, ...consoleErrors.filter((args) => !String(args[0]).includes('useLayoutEffect does nothing on the server')));
    // Element properties are set only in the browser, after hydration: the server's markup is an empty tag.
    expect(container.innerHTML).to.equal('<main><status-banner></status-banner></main>');
    root = hydrateRoot(container, app);
    await waitFor(() => shown(banner())?.endsWith('Hydrated') ?? false, 10000, 'the notice after hydration');
    expect(banner()!.src).to.equal(src);
  });
});
