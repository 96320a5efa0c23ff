import { expect } from '@open-wc/testing';
import { useStatus, type StatusClientOptions, type UseStatusResult } from '@status-banner/react';
import { createElement, StrictMode, version, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { controlledEnvironment } from '../../../test/helpers/clients.js';
import { testClock } from '../../../test/helpers/test-clock.js';
import { trapPageErrors, waitFor, type PageErrorTrap } from '../../../test/helpers/page-errors.js';
import { nativePayload } from '../../../test/helpers/payloads.js';
import { endpoint, openStreams, requestLog, snapshotEvent } from '../../../test/helpers/status-server.js';

const payload = (...titles: string[]) => nativePayload(titles.map((title, i) => ({ id: `n${i + 1}`, severity: 'major', title })));

/** Waits until `check` holds, asking the test server every 20 ms. */
async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe(`useStatus() on React ${version}`, () => {
  let trap: PageErrorTrap;
  let root: Root | undefined;
  let container: HTMLElement;
  /** What each probe rendered last, by name. */
  let seen: Record<string, UseStatusResult>;
  let renders: number;

  /** A component that renders its own UI from the hook, and records what it got. */
  function Probe({ name, options }: { name: string; options: StatusClientOptions | undefined }) {
    const result = useStatus(options);
    seen[name] = result;
    renders += 1;
    return createElement('p', { id: name }, result.notices[0]?.title ?? result.status);
  }
  const probe = (name: string, options: StatusClientOptions | undefined) => createElement(Probe, { name, options, key: name });
  const render = (node: ReactNode) => flushSync(() => (root ??= createRoot(container)).render(node));
  const text = (name: string) => container.querySelector(`#${name}`)?.textContent;

  beforeEach(() => {
    trap = trapPageErrors();
    seen = {};
    renders = 0;
    container = document.body.appendChild(document.createElement('div'));
  });
  afterEach(() => {
    root?.unmount();
    root = undefined;
    container.remove();
    trap.stop();
    expect(trap.errors, 'errors that reached window').to.deep.equal([]);
  });

  it('is loading on the first render, then shows what the source says', async () => {
    const src = await endpoint({ body: payload('Login fails') });
    render(probe('a', { src }));
    expect(text('a')).to.equal('loading');
    await waitFor(() => text('a') === 'Login fails', 10000, 'the notice');
    expect(seen.a!.status).to.equal('ready');
    expect(seen.a!.snapshot!.provider).to.equal('native');
  });

  it('shares one client between components asking for the same options, and stops it with the last', async () => {
    const src = await endpoint({ sse: [{ raw: snapshotEvent(payload('Shared'), 1) }] });
    const control = controlledEnvironment();
    const environment = control.environment;
    // Equal options, written inline in each component: one client.
    render([probe('a', { src, stream: src, environment }), probe('b', { stream: src, src, environment, interval: undefined })]);
    await waitFor(() => text('a') === 'Shared' && text('b') === 'Shared', 10000, 'both to show the notice');
    expect(control.listeners, 'clients running').to.equal(1);
    expect((await openStreams(src)).max).to.equal(1);

    // A different option is another client.
    render([probe('a', { src, stream: src, environment }), probe('b', { src, stream: src, environment }), probe('c', { src, environment })]);
    await waitFor(() => text('c') === 'Shared', 10000, 'the third to show the notice');
    expect(control.listeners, 'clients running').to.equal(2);

    render([probe('c', { src, environment })]);
    await eventually(async () => (await openStreams(src)).open === 0, 'the shared stream to close');
    expect(control.listeners).to.equal(1);
    root!.unmount();
    root = undefined;
    expect(control.listeners, 'clients running after unmount').to.equal(0);
  });

  it('makes no request after unmount', async () => {
    const src = await endpoint({ body: payload('Polled') });
    const time = testClock();
    render(probe('a', { src, interval: 1, random: Math.random, clock: time.clock }));
    // The first poll waits for its jitter, on the test's clock.
    for (let i = 0; i < 200 && text('a') !== 'Polled'; i += 1) {
      time.advance(500);
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    expect(text('a')).to.equal('Polled');
    root!.unmount();
    root = undefined;
    const count = (await requestLog(src)).length;
    // Nothing is left to fire: no poll, no retry. Ten minutes pass with nobody listening.
    expect(time.pending, 'timers left after unmount').to.equal(0);
    time.advance(600_000);
    expect((await requestLog(src)).length).to.equal(count);
  });

  it('dismisses for every component on the source, and refreshes on demand', async () => {
    const src = await endpoint({ body: payload('First', 'Second') }, { body: payload('First', 'Second', 'Third') });
    render([probe('a', { src }), probe('b', { src })]);
    await waitFor(() => text('a') === 'First' && text('b') === 'First', 10000, 'the first notice');
    await seen.a!.dismiss('n1');
    await waitFor(() => text('a') === 'Second' && text('b') === 'Second', 2000, 'the next notice in both');
    expect(seen.b!.notices.map((notice) => notice.id)).to.deep.equal(['n2']);
    await seen.b!.refresh();
    await waitFor(() => seen.a!.notices.length === 2, 2000, 'the refreshed answer');
    expect(seen.a!.notices.map((notice) => notice.title)).to.deep.equal(['Second', 'Third']);
  });

  it('moves to another client when the options change', async () => {
    const first = await endpoint({ sse: [{ raw: snapshotEvent(payload('One'), 1) }] });
    const second = await endpoint({ body: payload('Two') });
    render(probe('a', { src: first, stream: first }));
    await waitFor(() => text('a') === 'One', 10000, 'the first source');
    render(probe('a', { src: second }));
    await waitFor(() => text('a') === 'Two', 10000, 'the second source');
    await eventually(async () => (await openStreams(first)).open === 0, 'the first stream to close');
  });

  it('stays idle without a src: no client, no request', async () => {
    render(probe('a', undefined));
    render(probe('a', { src: '' }));
    expect(text('a')).to.equal('loading');
    const noop = seen.a!;
    expect(await noop.refresh()).to.equal(undefined);
    expect(await noop.dismiss('x')).to.equal(undefined);
  });

  it('keeps working under StrictMode, whose effects mount twice', async () => {
    const src = await endpoint({ sse: [{ raw: snapshotEvent(payload('Strict'), 1) }] });
    const control = controlledEnvironment();
    render(createElement(StrictMode, null, probe('a', { src, stream: src, environment: control.environment })));
    await waitFor(() => text('a') === 'Strict', 10000, 'the notice');
    expect(control.listeners).to.equal(1);
    expect((await openStreams(src)).open).to.equal(1);
    root!.unmount();
    root = undefined;
    await eventually(async () => (await openStreams(src)).open === 0, 'the stream to close');
    expect(control.listeners).to.equal(0);
  });

  it('does not re-render while nothing changes', async () => {
    const src = await endpoint({ body: payload('Calm') });
    render(probe('a', { src }));
    await waitFor(() => text('a') === 'Calm', 10000, 'the notice');
    const before = renders;
    render(probe('a', { src }));
    expect(renders - before, 'one render for one root.render()').to.equal(1);
    const result = seen.a;
    render(probe('a', { src }));
    expect(seen.a, 'the same result object while the state is the same').to.equal(result);
  });
});
