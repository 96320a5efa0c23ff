// The banner for everyone: axe in every state, theme and position; announcements that are polite or assertive
// by severity and never repeated for unchanged data; focus never stolen; targets of at least 24 px; usable at
// 320 px and at 200 % zoom.

import { expect } from '@open-wc/testing';
import type { StatusBannerElement } from '@status-banner/element';
import { setViewport } from '@web/test-runner-commands';
import { banner, part, parts, preview, settle, text, useBannerPage } from '../../../test/helpers/banners.js';
import { waitFor } from '../../../test/helpers/page-errors.js';
import { nativePayload } from '../../../test/helpers/payloads.js';
import { configure, endpoint } from '../../../test/helpers/status-server.js';

const STATES = ['none', 'minor', 'major', 'critical', 'maintenance', 'maintenance scheduled', 'major resolved', 'minor stale', 'critical several', 'major long'];
const THEMES = ['light', 'dark', 'auto'];
const POSITIONS = ['top', 'bottom', 'inline', 'corner'];

const several = () =>
  nativePayload([
    { id: 'a', severity: 'critical', title: 'Checkout down', message: 'We are on it. '.repeat(40), url: 'https://status.example.com/incidents/a' },
    { id: 'b', severity: 'minor', title: 'Search slow', url: 'https://status.example.com/incidents/b' },
    { id: 'c', severity: 'maintenance', kind: 'maintenance', phase: 'in_progress', title: 'Database upgrade' },
  ]);

/** Opens the "+N more" list and the clamped update, so every control is on screen. */
async function openEverything(el: StatusBannerElement): Promise<void> {
  part(el, 'more-button')?.click();
  await el.updateComplete;
  part(el, 'toggle')?.click();
  await el.updateComplete;
}

describe('accessibility', () => {
  useBannerPage('status-banner, input');
  after(() => setViewport({ width: 800, height: 600 }));

  for (const theme of THEMES) {
    it(`axe finds no violation in any state or position, theme ${theme}`, async () => {
      for (const position of POSITIONS) {
        for (const state of STATES) {
          const el = await preview(state, { theme, position });
          await openEverything(el);
          await expect(el, `${state} / ${position}`).to.be.accessible();
          el.remove();
        }
      }
    });
  }

  it('axe finds no violation with live, dismissible notices, their list open, in every theme and position', async () => {
    const src = await endpoint({ body: several() });
    for (const theme of THEMES) {
      for (const position of POSITIONS) {
        for (const compact of [false, true]) {
          const el = await banner(src, { theme, position, ...(compact && { compact: '' }) });
          await openEverything(el);
          expect(parts(el, 'dismiss-button'), 'one per notice').to.have.length(3);
          await expect(el, `${theme} / ${position}${compact ? ' / compact' : ''}`).to.be.accessible();
          el.remove();
        }
      }
    }
  });

  it('announces major and critical assertively, the rest politely, with an accessible name', async () => {
    for (const [state, role] of [
      ['none', 'status'],
      ['minor', 'status'],
      ['maintenance', 'status'],
      ['major', 'alert'],
      ['critical', 'alert'],
      ['critical resolved', 'status'],
    ]) {
      const el = await preview(state!, { position: 'inline' });
      expect(part(el, 'base')!.getAttribute('role'), state).to.equal(role);
      expect(part(el, 'base')!.getAttribute('aria-label'), state).to.equal('Service status');
      el.remove();
    }
  });

  it('puts the live region on the page empty and then fills it, so its words are announced', async () => {
    const src = await endpoint({ body: nativePayload([{ id: 'a', severity: 'minor', title: 'Search slow' }]) });
    const el = document.createElement('status-banner');
    el.setAttribute('position', 'inline');
    el.setAttribute('src', src);
    const seen: number[] = [];
    // Called after each batch of changes: the region as it first arrives, and again once it has its words.
    new MutationObserver(() => {
      const base = el.shadowRoot!.querySelector('[part~="base"]');
      if (base) seen.push(base.childElementCount);
    }).observe(el.shadowRoot!, { childList: true, subtree: true });
    document.body.append(el);
    await waitFor(() => !!part(el, 'title'), 5000, 'the notice');
    expect(seen[0], 'the region arrives empty').to.equal(0);
    expect(seen.at(-1)).to.be.above(0);
  });

  it('changes nothing in the live region when the data has not changed, and only the words that did otherwise', async () => {
    const body = nativePayload([{ id: 'a', severity: 'major', title: 'Checkout failing', message: 'Investigating.', revision: 'r1' }]);
    const src = await endpoint({ body });
    const el = await banner(src, { position: 'inline' });
    const changes: MutationRecord[] = [];
    const observer = new MutationObserver((records) => changes.push(...records));
    observer.observe(part(el, 'base')!, { subtree: true, childList: true, characterData: true, attributes: true });
    await el.refresh();
    await settle(el);
    el.requestUpdate();
    await el.updateComplete;
    expect(changes, 'unchanged data, re-rendered').to.deep.equal([]);
    await configure(src, { body: nativePayload([{ id: 'a', severity: 'major', title: 'Checkout failing', message: 'A fix is rolling out.', revision: 'r2' }]) });
    await el.refresh();
    await settle(el);
    observer.disconnect();
    expect(text(part(el, 'detail'))).to.equal('A fix is rolling out.');
    // The update's words, and nothing else outside the parts that are not announced (aria-live="off").
    const touched = changes.map((record) => (record.target instanceof Element ? record.target : record.target.parentElement)!);
    expect(touched.every((node) => !!node.closest('[part~="detail"], [aria-live="off"]'))).to.equal(true);
  });

  it('opening "+N more", dismissing from its list and showing more or less change nothing that is announced', async () => {
    const el = await banner({ body: several() }, { position: 'inline' });
    const changes: MutationRecord[] = [];
    const observer = new MutationObserver((records) => changes.push(...records));
    observer.observe(part(el, 'base')!, { subtree: true, childList: true, characterData: true, attributes: true });
    await openEverything(el);
    expect(parts(el, 'item')).to.have.length(2);
    parts(el, 'dismiss-button')[1]!.click();
    await el.updateComplete;
    expect(text(part(el, 'more-button'))).to.equal('+1 more');
    observer.disconnect();
    // The region is atomic (an alert): what it announces (nodes added, text changed: aria-relevant's default)
    // anywhere in it but a part that is not announced says it all again.
    const unannounced = (node: Node | null) => !!(node instanceof Element ? node : node?.parentElement)?.closest('[aria-live="off"]');
    const said = (node: Node) => (node instanceof Element && !node.matches('[aria-live="off"]')) || (node.nodeType === Node.TEXT_NODE && !!node.textContent?.trim());
    const heard = changes.filter((record) =>
      record.type === 'childList' ? !unannounced(record.target) && [...record.addedNodes].some(said) : record.type === 'characterData' && !unannounced(record.target),
    );
    expect(heard.map((record) => `${record.type} ${(record.target as Element).getAttribute?.('part') ?? record.target.nodeName}`)).to.deep.equal([]);
  });

  it('never steals focus: the page keeps it when a banner appears or updates', async () => {
    const input = document.createElement('input');
    document.body.prepend(input);
    input.focus();
    const src = await endpoint({ body: nativePayload([{ id: 'a', severity: 'critical' }]) });
    const el = await banner(src, { position: 'top' });
    expect(document.activeElement === input, 'focus stayed in the page').to.equal(true);
    await configure(src, { body: nativePayload([{ id: 'a', severity: 'critical', message: 'News', revision: 'r2' }]) });
    await el.refresh();
    await settle(el);
    expect(document.activeElement === input, 'focus stayed in the page after an update').to.equal(true);
  });

  it('gives every control a target of at least 24 by 24 px', async () => {
    const el = await banner({ body: several() }, { position: 'inline' });
    await openEverything(el);
    const controls = el.shadowRoot!.querySelectorAll('a, button');
    expect(controls.length).to.be.at.least(6);
    for (const control of controls) {
      const { width, height } = control.getBoundingClientRect();
      expect(Math.min(width, height), `${control.getAttribute('part')} ${text(control) || control.getAttribute('aria-label')}`).to.be.at.least(24);
    }
  });

  for (const [what, width, height] of [
    ['at 320 px wide', 320, 640],
    ['at 200 % zoom (a 1280 × 720 window)', 640, 360],
  ] as const) {
    it(`stays usable ${what}: nothing overflows sideways, every control is on screen or scrolls into view`, async () => {
      await setViewport({ width, height });
      try {
        for (const position of ['top', 'bottom', 'corner', 'inline']) {
          const el = await banner({ body: several() }, { position });
          await openEverything(el);
          const base = part(el, 'base')!;
          expect(document.documentElement.scrollWidth, `${position}: the page scrolls sideways`).to.be.at.most(width);
          expect(base.scrollWidth, `${position}: the banner overflows`).to.be.at.most(base.clientWidth);
          const box = base.getBoundingClientRect();
          expect(box.left, position).to.be.at.least(0);
          expect(box.right, position).to.be.at.most(width);
          if (position !== 'inline') expect(box.height, `${position}: taller than half the window`).to.be.at.most(height / 2 + 1);
          for (const control of el.shadowRoot!.querySelectorAll<HTMLElement>('a, button')) {
            control.scrollIntoView({ block: 'nearest' });
            const rect = control.getBoundingClientRect();
            // (Within a pixel: layout is in fractions of one.)
            expect(rect.left >= -1 && rect.right <= width + 1 && rect.top >= -1 && rect.bottom <= height + 1, `${position}: ${control.getAttribute('part')} off screen`).to.equal(true);
          }
          el.remove();
        }
      } finally {
        await setViewport({ width: 800, height: 600 });
      }
    });
  }

  it('keeps the pinned dismiss button clear of the words on a phone, compact or not, and in a compact toast', async () => {
    await setViewport({ width: 360, height: 640 });
    try {
      for (const attributes of [{ position: 'top' }, { position: 'top', compact: '' }, { position: 'corner', compact: '' }, { position: 'inline', compact: '' }] as Record<string, string>[]) {
        const el = await banner({ body: nativePayload([{ id: 'a', severity: 'major', title: 'Payments are failing for some customers in every region' }]) }, attributes);
        const dismiss = part(el, 'dismiss-button')!.getBoundingClientRect();
        for (const word of ['severity', 'title']) {
          const rects = [...part(el, word)!.getClientRects()];
          const overlap = rects.some((r) => r.right > dismiss.left && r.left < dismiss.right && r.bottom > dismiss.top && r.top < dismiss.bottom);
          expect(overlap, `${JSON.stringify(attributes)}: the ${word} runs under the dismiss button`).to.equal(false);
        }
        el.remove();
      }
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});
