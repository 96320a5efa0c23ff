// The live region and the view's download: the element asks for the view the moment the first notice arrives,
// puts the live region on the page empty while it loads, and the view (or the plain-text fallback, when the
// view cannot load) fills that same region. The file's tests hold the view back with a loader of their own, so
// they run in this order: the view that fails is asked for again, the one that loads is kept for the page.

import { expect } from '@open-wc/testing';
import type { Severity } from '@status-banner/core';
import type { StatusBannerElement } from '@status-banner/element';
import { installElementLoader } from '../src/lazy.js';
import { part, text, useBannerPage } from '../../../test/helpers/banners.js';
import { waitFor } from '../../../test/helpers/page-errors.js';
import { nativePayload } from '../../../test/helpers/payloads.js';
import { configure, endpoint } from '../../../test/helpers/status-server.js';

/** A view the test lets through when it chooses: its loader's calls, and how to let it load or fail. */
function heldView() {
  const held = { asked: [] as number[], release: (_fail?: boolean) => {} };
  const loaded = new Promise<void>((resolve, reject) => (held.release = (fail) => (fail ? reject(new Error('view held back, then refused')) : resolve())));
  installElementLoader({
    view: () => {
      held.asked.push(performance.now());
      return loaded.then(() => import('../src/banner-view.js'));
    },
  });
  return held;
}

/** Every node that left the banner's shadow root, and when the change event fired. */
function watch(el: StatusBannerElement) {
  const seen = { removed: [] as Node[], changed: [] as number[] };
  new MutationObserver((records) => records.forEach((record) => seen.removed.push(...record.removedNodes))).observe(el.shadowRoot!, { childList: true });
  el.addEventListener('status-banner-change', () => seen.changed.push(performance.now()));
  return seen;
}

/**
 * A banner on an endpoint with one notice, its view held back: the loader's record, the banner, what the
 * watch saw, and its live region once it is on the page.
 */
async function heldBanner(severity: Severity, title: string) {
  const held = heldView();
  const src = await endpoint({ body: nativePayload([{ id: 'a', severity, title }]) });
  const el = document.createElement('status-banner');
  el.setAttribute('position', 'inline');
  el.setAttribute('src', src);
  document.body.append(el);
  const seen = watch(el);
  await waitFor(() => !!part(el, 'base'), 5000, 'the live region');
  return { held, el, seen, region: part(el, 'base')! };
}

describe('the live region while the view loads', () => {
  useBannerPage();

  it('the plain-text banner fills the region shown empty while the view was tried', async () => {
    const { held, el, seen, region } = await heldBanner('minor', 'Search slow');
    expect(region.getAttribute('role'), 'a minor incident is announced politely').to.equal('status');
    const error = console.error;
    const errors: unknown[][] = [];
    console.error = (...args) => errors.push(args);
    try {
      held.release(true);
      await waitFor(() => !!part(el, 'headline'), 5000, 'the plain-text banner');
    } finally {
      console.error = error;
    }
    expect(errors, 'the failure said once').to.have.length(1);
    expect(part(el, 'base'), 'the same region').to.equal(region);
    expect(seen.removed.includes(region)).to.equal(false);
    expect(text(part(el, 'headline'))).to.equal('Minor incident: Search slow');
  });

  it('the plain-text banner says an alert once: a failed poll leaves its region alone, news replaces it', async () => {
    const { held, el, seen, region } = await heldBanner('major', 'Checkout failing');
    const error = console.error;
    console.error = () => {};
    try {
      held.release(true);
      await waitFor(() => !!part(el, 'headline'), 5000, 'the plain-text banner');
      // The status page stops answering: each failed poll is a new state with the same snapshot.
      await configure(el.getAttribute('src')!, { status: 503 });
      for (let i = 0; i < 3; i += 1) {
        await el.refresh();
        await el.updateComplete;
      }
      expect(el.state.error, 'the polls failed').to.not.equal(undefined);
      expect(part(el, 'base'), 'the same region, not announced again').to.equal(region);
      expect(seen.removed).to.deep.equal([]);
      // News: a new region, announced as such.
      await configure(el.getAttribute('src')!, { body: nativePayload([{ id: 'b', severity: 'critical', title: 'Login down' }]) });
      await el.refresh();
      await waitFor(() => text(part(el, 'headline')) === 'Critical incident: Login down', 5000, 'the news');
      expect(part(el, 'base')!.getAttribute('role')).to.equal('alert');
    } finally {
      console.error = error;
    }
  });

  it('asks for the view as the notice arrives, shows the region empty while it loads, and fills that same region', async () => {
    const { held, el, seen, region } = await heldBanner('critical', 'Checkout down');
    // Asked before the frame that renders the notice (the change event fires there), not after it.
    expect(held.asked, 'the view asked for once').to.have.length(1);
    expect(held.asked[0], 'asked before the render').to.be.at.most(seen.changed[0]!);
    expect(region.childNodes.length, 'empty while the view loads').to.equal(0);
    expect(region.getAttribute('role'), 'a critical incident is announced assertively').to.equal('alert');
    expect(region.getBoundingClientRect().height, 'an empty region takes no room').to.equal(0);
    held.release();
    await waitFor(() => !!part(el, 'title'), 5000, 'the notice');
    expect(part(el, 'base'), 'the region the view fills is the one shown empty').to.equal(region);
    expect(seen.removed.includes(region), 'the region never left the page').to.equal(false);
    expect(text(part(el, 'headline'))).to.equal('Critical incident: Checkout down');
    expect(region.getAttribute('aria-label')).to.equal('Service status');
  });
});
