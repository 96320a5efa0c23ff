// The view on its own, with a plain host of its own making: it renders, and reports what it showed, its height
// and the user's dismissals; it sets no attribute on its host and stores nothing.

import { expect } from '@open-wc/testing';
import type { Notice, StatusState } from '@status-banner/core';
import { BannerView, type BannerHost, type BannerReports, type BannerShown } from '../src/banner-view.js';
import { emulateMedia } from '../../../test/helpers/media.js';

const READY: StatusState = Object.freeze({ status: 'ready', notices: [] as Notice[] });

/** A host: a div with a shadow root and the properties the view reads; each update it asks for runs at once. */
function host(properties: Partial<BannerHost> = {}) {
  const el = document.createElement('div');
  const root = el.attachShadow({ mode: 'open' });
  let view: BannerView | undefined;
  let pending: Promise<void> = Promise.resolve();
  Object.assign(el, {
    state: READY,
    dismissible: true,
    position: 'inline',
    push: false,
    renderRoot: root,
    adoptStyles: () => {},
    requestUpdate: () => {
      pending = pending.then(() => view?.update());
    },
    ...properties,
  });
  Object.defineProperty(el, 'updateComplete', { get: () => pending.then(() => true) });
  document.body.append(el);
  const made = el as unknown as BannerHost;
  const reports = { shown: [] as BannerShown[], heights: [] as (number | undefined)[], dismissed: [] as string[], allow: true };
  const to: BannerReports = {
    shown: (shown) => reports.shown.push(shown),
    height: (height) => reports.heights.push(height),
    dismiss: (notice) => (reports.dismissed.push(notice.id), reports.allow),
  };
  view = new BannerView(made, to);
  return { el: made, view, reports, root };
}

describe('BannerView reports', () => {
  before(() => emulateMedia({ 'prefers-reduced-motion': 'reduce' }));
  afterEach(() => document.querySelectorAll('body > div').forEach((el) => el.remove()));

  it('what it shows: the severity on the banner, resolved and stale; and leaves its host\'s attributes alone', async () => {
    const { el, view, reports } = host({ preview: 'critical' });
    await view.update();
    expect(reports.shown.at(-1)).to.deep.equal({ severity: 'critical', resolved: false, stale: false });
    el.preview = 'minor resolved stale';
    await view.update();
    expect(reports.shown.at(-1)).to.deep.equal({ severity: 'minor', resolved: true, stale: true });
    el.preview = undefined;
    await view.update();
    expect(reports.shown.at(-1)).to.deep.equal({ severity: undefined, resolved: false, stale: false });
    expect(view.showing).to.equal(false);
    expect(el.getAttributeNames(), 'the element reflects, not the view').to.deep.equal([]);
  });

  it('the height of a push banner on screen, nothing once it shows nothing, and nothing at all for other banners', async () => {
    // Other test files of this origin may have left hints in localStorage: what counts is what this test adds.
    const before = JSON.stringify({ ...localStorage });
    const pushed = host({ preview: 'major', push: true, position: 'top' });
    await pushed.view.update();
    const [height] = pushed.reports.heights;
    expect(height).to.be.a('number').and.above(0);
    expect(height).to.equal(pushed.root.querySelector('.base')!.getBoundingClientRect().height);
    pushed.el.preview = undefined;
    await pushed.view.update();
    expect(pushed.reports.heights.at(-1)).to.equal(undefined);
    expect(pushed.reports.heights).to.have.length(2);

    // Still loading with nothing shown: nothing is known yet, so nothing is reported (the reserved room stays).
    const loading = host({ push: true, state: { status: 'loading', notices: [] } });
    await loading.view.update();
    expect(loading.reports.heights).to.deep.equal([]);

    const overlay = host({ preview: 'major' });
    await overlay.view.update();
    expect(overlay.reports.heights).to.deep.equal([]);
    expect(JSON.stringify({ ...localStorage }), 'the view stores nothing').to.equal(before);
  });

  it('a dismissal as a request: the element\'s answer decides whether the banner goes', async () => {
    const { view, reports, root } = host({ preview: 'major' });
    await view.update();
    reports.allow = false;
    root.querySelector<HTMLElement>('.dismiss')!.click();
    expect(reports.dismissed).to.deep.equal(['preview']);
    await view.update();
    expect(view.showing, 'refused: still shown').to.equal(true);

    reports.allow = true;
    root.querySelector<HTMLElement>('.dismiss')!.click();
    expect(reports.dismissed).to.deep.equal(['preview', 'preview']);
    await view.update();
    expect(view.showing, 'accepted: gone').to.equal(false);
    expect(reports.shown.at(-1)?.severity).to.equal(undefined);
  });
});
