import { expect } from '@open-wc/testing';
import { useStatus, type StatusClientOptions, type UseStatusReturn } from '@status-banner/vue';
import { createApp, defineComponent, effectScope, h, nextTick, reactive, ref, version, type App } from 'vue';
import { controlledEnvironment } from '../../../test/helpers/clients.js';
import { testClock } from '../../../test/helpers/test-clock.js';
import { trapPageErrors, waitFor, type PageErrorTrap } from '../../../test/helpers/page-errors.js';
import { nativePayload } from '../../../test/helpers/payloads.js';
import { endpoint, openStreams, requestLog, snapshotEvent } from '../../../test/helpers/status-server.js';

const payload = (...titles: string[]) => nativePayload(titles.map((title, i) => ({ id: `n${i + 1}`, severity: 'major', title })));

async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe(`useStatus() on Vue ${version}`, () => {
  let trap: PageErrorTrap;
  let container: HTMLElement;
  let app: App | undefined;
  let seen: Record<string, UseStatusReturn>;

  /** A component rendering its own UI from the composable. */
  const Probe = defineComponent({
    props: { name: { type: String, required: true }, options: { type: Object as () => StatusClientOptions | undefined } },
    setup(props) {
      const result = useStatus(() => props.options);
      seen[props.name] = result;
      return () => h('p', { id: props.name }, result.notices.value[0]?.title ?? result.state.value.status);
    },
  });
  const mount = (render: () => unknown) => {
    app = createApp(defineComponent({ render }));
    app.mount(container);
  };
  const text = (name: string) => container.querySelector(`#${name}`)?.textContent;

  beforeEach(() => {
    trap = trapPageErrors();
    seen = {};
    container = document.body.appendChild(document.createElement('div'));
  });
  afterEach(() => {
    app?.unmount();
    app = undefined;
    container.remove();
    trap.stop();
    expect(trap.errors, 'errors that reached window').to.deep.equal([]);
  });

  it('is loading at first, then shows what the source says', async () => {
    const src = await endpoint({ body: payload('Login fails') });
    mount(() => h(Probe, { name: 'a', options: { src } }));
    expect(text('a')).to.equal('loading');
    await waitFor(() => text('a') === 'Login fails', 10000, 'the notice');
    expect(seen.a!.state.value.status).to.equal('ready');
  });

  it('shares one client between components on the same options, and stops it with the last', async () => {
    const src = await endpoint({ sse: [{ raw: snapshotEvent(payload('Shared'), 1) }] });
    const control = controlledEnvironment();
    const environment = control.environment;
    const shown = ref(['a', 'b', 'c']);
    mount(() =>
      shown.value.map((name) => h(Probe, { key: name, name, options: name === 'c' ? { src, environment } : { src, stream: src, environment } })),
    );
    await waitFor(() => ['a', 'b', 'c'].every((name) => text(name) === 'Shared'), 10000, 'all to show the notice');
    expect(control.listeners, 'clients running').to.equal(2);
    expect((await openStreams(src)).max).to.equal(1);
    shown.value = ['c'];
    await nextTick();
    await eventually(async () => (await openStreams(src)).open === 0, 'the shared stream to close');
    expect(control.listeners).to.equal(1);
    app!.unmount();
    app = undefined;
    expect(control.listeners, 'after unmount').to.equal(0);
  });

  it('makes no request after unmount', async () => {
    const src = await endpoint({ body: payload('Polled') });
    const time = testClock();
    mount(() => h(Probe, { name: 'a', options: { src, interval: 1, clock: time.clock } }));
    // The first poll waits for its jitter, on the test's clock.
    for (let i = 0; i < 200 && text('a') !== 'Polled'; i += 1) {
      time.advance(500);
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    expect(text('a')).to.equal('Polled');
    app!.unmount();
    app = undefined;
    const count = (await requestLog(src)).length;
    // Nothing is left to fire: no poll, no retry. Ten minutes pass with nobody listening.
    expect(time.pending, 'timers left after unmount').to.equal(0);
    time.advance(600_000);
    expect((await requestLog(src)).length).to.equal(count);
  });

  it('follows a ref of options to another client', async () => {
    const first = await endpoint({ sse: [{ raw: snapshotEvent(payload('One'), 1) }] });
    const second = await endpoint({ body: payload('Two') });
    const options = ref<StatusClientOptions>({ src: first, stream: first });
    mount(() => h(Probe, { name: 'a', options: options.value }));
    await waitFor(() => text('a') === 'One', 10000, 'the first source');
    options.value = { src: second };
    await waitFor(() => text('a') === 'Two', 10000, 'the second source');
    await eventually(async () => (await openStreams(first)).open === 0, 'the first stream to close');
  });

  it('follows a deep change of reactive options, and hands the client no proxies', async () => {
    const first = await endpoint({ body: payload('Uno') });
    const second = await endpoint({ body: payload('Dos') });
    const receivers: unknown[] = [];
    let listening = 0;
    const environment = {
      isVisible: () => true,
      isOnline: () => true,
      subscribe(this: unknown) {
        receivers.push(this);
        listening += 1;
        return () => void (listening -= 1);
      },
    };
    const options = reactive<StatusClientOptions>({ src: first, environment });
    const scope = effectScope();
    const result = scope.run(() => useStatus(options))!;
    await waitFor(() => result.notices.value[0]?.title === 'Uno', 10000, 'the first source');
    options.src = second;
    await waitFor(() => result.notices.value[0]?.title === 'Dos', 10000, 'the second source');
    expect(listening, 'clients running').to.equal(1);
    // The client called the environment itself, not Vue's reactive proxy of it.
    expect(receivers).to.have.length(2);
    for (const receiver of receivers) expect(receiver === environment).to.equal(true);
    scope.stop();
    expect(listening).to.equal(0);
  });

  it('dismisses for every component on the source, and refreshes on demand', async () => {
    const src = await endpoint({ body: payload('First', 'Second') }, { body: payload('First', 'Second', 'Third') });
    mount(() => [h(Probe, { name: 'a', options: { src } }), h(Probe, { name: 'b', options: { src } })]);
    await waitFor(() => text('a') === 'First' && text('b') === 'First', 10000, 'the first notice');
    await seen.a!.dismiss('n1');
    await waitFor(() => text('a') === 'Second' && text('b') === 'Second', 2000, 'the next notice in both');
    await seen.b!.refresh();
    await waitFor(() => seen.a!.notices.value.length === 2, 2000, 'the refreshed answer');
    expect(seen.a!.notices.value.map((notice) => notice.title)).to.deep.equal(['Second', 'Third']);
  });

  it('runs in a bare effect scope, and stops when the scope does', async () => {
    const src = await endpoint({ sse: [{ raw: snapshotEvent(payload('Scoped'), 1) }] });
    const scope = effectScope();
    const result = scope.run(() => useStatus({ src, stream: src }))!;
    await waitFor(() => result.notices.value[0]?.title === 'Scoped', 10000, 'the notice');
    scope.stop();
    await eventually(async () => (await openStreams(src)).open === 0, 'the stream to close');
  });

  it('stays idle without a src', async () => {
    mount(() => h(Probe, { name: 'a', options: undefined }));
    await nextTick();
    expect(text('a')).to.equal('loading');
    expect(await seen.a!.refresh()).to.equal(undefined);
  });
});
