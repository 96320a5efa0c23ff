import { expect } from '@open-wc/testing';
import { StatusBanner, StatusBannerChangeEvent, StatusBannerDismissEvent, StatusBannerPlugin, type StatusBannerElement } from '@status-banner/vue';
import { createApp, createSSRApp, defineComponent, h, nextTick, ref, version, type App } from 'vue';
import { trapPageErrors, waitFor, type PageErrorTrap } from '../../../test/helpers/page-errors.js';
import { nativePayload } from '../../../test/helpers/payloads.js';
import { endpoint, openStreams, snapshotEvent } from '../../../test/helpers/status-server.js';

const payload = (title: string) => nativePayload([{ id: 'n1', severity: 'major', title }]);
const shown = (el: Element | null) => (el as StatusBannerElement | null)?.shadowRoot?.querySelector('[part="base"] p')?.textContent?.replace(/\s+/g, ' ').trim();

describe(`<StatusBanner> on Vue ${version}`, () => {
  let trap: PageErrorTrap;
  let container: HTMLElement;
  let app: App | undefined;
  const warnings: string[] = [];
  const consoleError = console.error;

  const mount = (render: () => unknown, from = createApp) => {
    app = from(defineComponent({ render }));
    app.config.warnHandler = (message) => void warnings.push(message);
    app.mount(container);
  };
  const banner = () => container.querySelector('status-banner') as StatusBannerElement | null;

  beforeEach(() => {
    trap = trapPageErrors();
    container = document.body.appendChild(document.createElement('div'));
    // Vue reports a hydration mismatch on console.error, outside its warn handler.
    console.error = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
  });
  afterEach(() => {
    app?.unmount();
    app = undefined;
    container.remove();
    console.error = consoleError;
    trap.stop();
    expect(trap.errors, 'errors that reached window').to.deep.equal([]);
    expect(warnings.splice(0).join('\n'), 'Vue warnings and console errors').to.equal('');
  });

  it('sets element properties as properties, and everything else as attributes', async () => {
    const src = await endpoint({ body: payload('Checkout is down') });
    const strings = { dismiss: 'Hide this', major: 'Outage' };
    mount(() => h(StatusBanner, { src, position: 'inline', interval: 5, strings, id: 'status', class: 'wide', 'data-test': 'x', style: { marginTop: '3px' }, lang: 'en' }));
    const el = banner()!;
    expect(el.src).to.equal(src);
    expect(el.interval).to.equal(5);
    // Vue would have made it reactive, but the element sees the same object's contents, never an attribute.
    expect(el.strings).to.deep.equal(strings);
    expect(el.getAttribute('strings')).to.equal(null);
    expect([el.id, el.className, el.dataset.test, el.style.marginTop, el.lang]).to.deep.equal(['status', 'wide', 'x', '3px', 'en']);
    await waitFor(() => shown(el) === 'Outage: Checkout is down', 10000, 'the notice');
    expect(el.shadowRoot!.querySelector('[part="dismiss-button"]')!.getAttribute('aria-label')).to.equal('Hide this');
  });

  it('follows reactive props', async () => {
    const first = await endpoint({ body: payload('First outage') });
    const second = await endpoint({ body: payload('Second outage') });
    const src = ref(first);
    const dismissible = ref(false);
    mount(() => h(StatusBanner, { src: src.value, position: 'inline', dismissible: dismissible.value }));
    await waitFor(() => shown(banner())?.endsWith('First outage') ?? false, 10000, 'the first notice');
    expect(banner()!.shadowRoot!.querySelector('[part="dismiss-button"]')).to.equal(null);
    src.value = second;
    dismissible.value = true;
    await nextTick();
    await waitFor(() => shown(banner())?.endsWith('Second outage') ?? false, 10000, 'the second notice');
    expect(banner()!.shadowRoot!.querySelector('[part="dismiss-button"]')).to.exist;
  });

  it('emits change and dismiss from the element events', async () => {
    const src = await endpoint({ body: payload('Search is slow') });
    const changes: StatusBannerChangeEvent[] = [];
    const dismissals: StatusBannerDismissEvent[] = [];
    let keep = true;
    mount(() =>
      h(StatusBanner, {
        src,
        position: 'inline',
        onChange: (event: StatusBannerChangeEvent) => changes.push(event),
        onDismiss: (event: StatusBannerDismissEvent) => {
          dismissals.push(event);
          if (keep) event.preventDefault();
        },
      }),
    );
    await waitFor(() => changes.length === 1 && !!shown(banner()), 10000, 'change');
    expect(changes[0]).to.be.instanceOf(StatusBannerChangeEvent);
    expect(changes[0]!.snapshot.notices[0]!.title).to.equal('Search is slow');

    const button = () => banner()!.shadowRoot!.querySelector<HTMLElement>('[part="dismiss-button"]');
    button()!.click();
    expect(dismissals).to.have.length(1);
    expect(dismissals[0]).to.be.instanceOf(StatusBannerDismissEvent);
    await banner()!.updateComplete;
    expect(shown(banner()), 'preventDefault() keeps it').to.contain('Search is slow');
    keep = false;
    button()!.click();
    await waitFor(() => shown(banner()) === undefined, 2000, 'the notice to go');
  });

  it('closes its stream when unmounted', async () => {
    const src = await endpoint({ sse: [{ raw: snapshotEvent(payload('Streaming'), 1) }] });
    mount(() => h(StatusBanner, { src, stream: src, position: 'inline' }));
    await waitFor(() => shown(banner())?.endsWith('Streaming') ?? false, 10000, 'the streamed notice');
    expect((await openStreams(src)).open).to.equal(1);
    app!.unmount();
    app = undefined;
    for (let i = 0; i < 50 && (await openStreams(src)).open; i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await openStreams(src)).open).to.equal(0);
  });

  it('is registered globally by the plugin', async () => {
    const src = await endpoint({ body: payload('Global') });
    app = createApp({ template: undefined, render: () => h(app!.component('StatusBanner')!, { src, position: 'inline' }) });
    app.use(StatusBannerPlugin).mount(container);
    await waitFor(() => shown(banner())?.endsWith('Global') ?? false, 10000, 'the notice');
  });

  it('hydrates server-rendered markup without a mismatch', async () => {
    const src = await endpoint({ body: payload('Hydrated') });
    // What vue/server-renderer sends for it (packages/vue/test/node/vue-in-node.test.mjs renders the same).
    container.innerHTML = '<main><status-banner id="b"></status-banner></main>';
    mount(() => h('main', [h(StatusBanner, { src, position: 'inline', id: 'b' })]), createSSRApp);
    await waitFor(() => shown(banner())?.endsWith('Hydrated') ?? false, 10000, 'the notice after hydration');
    expect(banner()!.src).to.equal(src);
  });
});
