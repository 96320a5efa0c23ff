// How the banner sits on the page and how it looks: positions, push, themes and their contrast, forced colours,
// motion, density, and the styling surface (custom properties, parts, slots).

import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { StatusBannerElement } from '@status-banner/element';
import { palette } from '../src/palette.js';
import { banner, contrast, hex, part, preview, rgb, useBannerPage } from '../../../test/helpers/banners.js';
import { emulateMedia } from '../../../test/helpers/media.js';
import { waitFor } from '../../../test/helpers/page-errors.js';
import { nativePayload } from '../../../test/helpers/payloads.js';
import { endpoint } from '../../../test/helpers/status-server.js';

const SEVERITIES = ['none', 'minor', 'major', 'critical', 'maintenance'] as const;

/** Sums the layout shifts the page records while `work` runs. */
async function layoutShift(work: () => Promise<void>): Promise<number> {
  let total = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) total += (entry as PerformanceEntry & { value: number }).value;
  });
  observer.observe({ type: 'layout-shift' });
  try {
    await work();
    // Layout shifts are reported after the frame that made them.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    for (const entry of observer.takeRecords()) total += (entry as PerformanceEntry & { value: number }).value;
  } finally {
    observer.disconnect();
  }
  return total;
}

/** A tall page of host content above and below which banners come and go. */
function longPage(): HTMLElement {
  const content = document.createElement('main');
  content.innerHTML = Array.from({ length: 40 }, (_, i) => `<p>Host paragraph ${i}</p>`).join('');
  document.body.prepend(content);
  return content;
}

const dismiss = async (el: StatusBannerElement) => {
  part(el, 'dismiss-button')!.click();
  await el.updateComplete;
};

describe('appearance', () => {
  useBannerPage('status-banner, main');

  for (const position of ['top', 'bottom', 'corner']) {
    it(`PERF-02/PERF-03: a ${position} banner appears and is dismissed on a long page with no layout shift`, async () => {
      const content = longPage();
      const src = await endpoint({ body: nativePayload([{ id: 'a', severity: 'major', message: 'Details. '.repeat(30) }]) });
      const before = content.getBoundingClientRect().top;
      let el!: StatusBannerElement;
      const shift = await layoutShift(async () => {
        el = await banner(src, { position });
        expect(part(el, 'base'), 'shown').to.exist;
        expect(getComputedStyle(part(el, 'base')!).position).to.equal('fixed');
        await dismiss(el);
        expect(part(el, 'base'), 'dismissed').to.equal(null);
      });
      expect(shift).to.equal(0);
      expect(content.getBoundingClientRect().top).to.equal(before);
    });
  }

  it('pins top and bottom overlays to the window edges, full width', async () => {
    const top = await preview('major', { position: 'top' });
    const rect = part(top, 'base')!.getBoundingClientRect();
    expect([rect.top, rect.left, Math.round(rect.width)]).to.deep.equal([0, 0, document.documentElement.clientWidth]);
    top.setAttribute('position', 'bottom');
    await top.updateComplete;
    expect(Math.round(part(top, 'base')!.getBoundingClientRect().bottom)).to.equal(innerHeight);
  });

  it('floats a corner toast in each corner, 16 px from the edges and at most 420 px wide', async () => {
    const el = await preview('minor', { position: 'corner' });
    const width = document.documentElement.clientWidth;
    for (const [corner, check] of [
      ['bottom-right', (r: DOMRect) => [Math.round(width - r.right), Math.round(innerHeight - r.bottom)]],
      ['bottom-left', (r: DOMRect) => [Math.round(r.left), Math.round(innerHeight - r.bottom)]],
      ['top-right', (r: DOMRect) => [Math.round(width - r.right), Math.round(r.top)]],
      ['top-left', (r: DOMRect) => [Math.round(r.left), Math.round(r.top)]],
    ] as const) {
      el.setAttribute('corner', corner);
      await el.updateComplete;
      const rect = part(el, 'base')!.getBoundingClientRect();
      expect(check(rect), corner).to.deep.equal([16, 16]);
      expect(rect.width, corner).to.be.at.most(420);
    }
    el.setAttribute('corner', 'middle');
    await el.updateComplete;
    expect(el.corner).to.equal('bottom-right');
  });

  it('keeps a corner toast 16 px inside both edges of a narrow window with a classic scrollbar', async () => {
    // A scrollbar that takes room, as on Windows and Linux: the window's width includes it, the page's does not.
    const scrollbar = document.createElement('style');
    scrollbar.textContent = '::-webkit-scrollbar { width: 17px; }';
    document.head.append(scrollbar);
    const content = longPage();
    await setViewport({ width: 400, height: 600 });
    try {
      const el = await preview('minor', { position: 'corner' });
      const width = document.documentElement.clientWidth;
      expect(width, 'the scrollbar takes room').to.be.below(innerWidth);
      const rect = part(el, 'base')!.getBoundingClientRect();
      expect([Math.round(rect.left), Math.round(width - rect.right)]).to.deep.equal([16, 16]);
    } finally {
      await setViewport({ width: 800, height: 600 });
      scrollbar.remove();
      content.remove();
    }
  });

  it('sits in the flow when inline', async () => {
    const el = await preview('major', { position: 'inline' });
    const after = document.createElement('p');
    after.textContent = 'after';
    el.after(after);
    // In the flow (relative, so a narrow screen can pin the dismiss button to its corner).
    expect(getComputedStyle(part(el, 'base')!).position).to.equal('relative');
    expect(after.getBoundingClientRect().top).to.be.at.least(part(el, 'base')!.getBoundingClientRect().bottom - 1);
    after.remove();
  });

  it('push moves the content instead of covering it, and reserves its height on the next load: no layout shift', async () => {
    const src = await endpoint({ body: nativePayload([{ id: 'a', severity: 'major', title: 'Checkout failing' }]) });
    const content = longPage();
    const first = await banner(src, { push: '' }, document.body);
    document.body.prepend(first);
    await first.updateComplete;
    const height = part(first, 'base')!.getBoundingClientRect().height;
    expect(height).to.be.above(20);
    expect(getComputedStyle(first).position).to.equal('sticky');
    expect(Math.round(content.getBoundingClientRect().top)).to.be.at.least(height);
    first.remove();

    // The next page load: the element reserves the height as it connects, before it has heard anything, so
    // showing the notice moves nothing further.
    const second = document.createElement('status-banner');
    second.setAttribute('push', '');
    second.setAttribute('src', src);
    document.body.prepend(second);
    expect(parseFloat(second.style.minHeight)).to.be.closeTo(height, 0.01);
    const reserved = content.getBoundingClientRect().top;
    // The insertion itself is the page's own layout (in a real page, before its first paint): measure from the
    // frame after it.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const shift = await layoutShift(async () => {
      await waitFor(() => !!part(second, 'title'), 5000, 'the notice');
      await second.updateComplete;
    });
    expect(shift).to.equal(0);
    expect(content.getBoundingClientRect().top).to.equal(reserved);
    second.remove();

    // All clear: nothing is reserved any more.
    const calm = await endpoint({ body: nativePayload([]) });
    const third = await banner(calm, { push: '' });
    expect(third.style.minHeight).to.equal('');
    expect(localStorage.getItem(`status-banner:push-height:${calm}`)).to.equal(null);
  });

  it('push is for top and bottom: a corner banner with it still floats in its corner, an inline one stays in the flow', async () => {
    const src = await endpoint({ body: nativePayload([{ id: 'a', severity: 'major', title: 'Checkout failing' }]) });
    const corner = await banner(src, { push: '', position: 'corner' });
    const rect = part(corner, 'base')!.getBoundingClientRect();
    expect(getComputedStyle(part(corner, 'base')!).position).to.equal('fixed');
    expect([Math.round(document.documentElement.clientWidth - rect.right), Math.round(innerHeight - rect.bottom)]).to.deep.equal([16, 16]);
    expect(getComputedStyle(corner).position).to.equal('static');
    const inline = await banner(src, { push: '', position: 'inline' });
    expect(getComputedStyle(inline).position).to.equal('static');
    expect(getComputedStyle(part(inline, 'base')!).position).to.equal('relative');
    // Neither reserves a height for the next load.
    expect(localStorage.getItem(`status-banner:push-height:${src}`)).to.equal(null);
  });

  it("push leaves the page's own inline styles alone, and undoes only the height it reserved itself", async () => {
    const src = await endpoint({ body: nativePayload([{ id: 'a', severity: 'major', title: 'Checkout failing' }]) });
    localStorage.setItem(`status-banner:push-height:${src}`, '48');
    // A page that hides the banner for now, with its own inline style, before and after it connects.
    const hidden = document.createElement('status-banner');
    hidden.setAttribute('push', '');
    hidden.setAttribute('src', src);
    hidden.style.display = 'none';
    document.body.prepend(hidden);
    expect([hidden.style.display, hidden.style.minHeight]).to.deep.equal(['none', '48px']);
    const later = document.createElement('status-banner');
    later.setAttribute('push', '');
    later.setAttribute('src', src);
    document.body.prepend(later);
    expect([later.style.display, later.style.minHeight]).to.deep.equal(['block', '48px']);
    later.style.display = 'none';
    await waitFor(() => !!part(hidden, 'title') && !!part(later, 'title'), 5000, 'the notices');
    await Promise.all([hidden.updateComplete, later.updateComplete]);
    // The reserved height is the banner's own now; the page's display stays.
    expect([hidden.style.display, hidden.style.minHeight]).to.deep.equal(['none', '']);
    expect([later.style.display, later.style.minHeight]).to.deep.equal(['none', '']);
    // A min-height of the page's own is not the element's to reserve over, nor to clear.
    const own = document.createElement('status-banner');
    own.setAttribute('push', '');
    own.setAttribute('src', src);
    own.style.minHeight = '3em';
    document.body.prepend(own);
    await waitFor(() => !!part(own, 'title'), 5000, 'the notice');
    await own.updateComplete;
    expect([own.style.display, own.style.minHeight]).to.deep.equal(['', '3em']);
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`paints every state in the ${theme} palette, with text contrast of at least 4.5:1`, async () => {
      for (const state of [...SEVERITIES, 'resolved'] as const) {
        const el = await preview(state === 'resolved' ? 'major resolved' : state, { position: 'inline', theme });
        const base = part(el, 'base')!;
        const [background, color] = palette[theme][state];
        const style = getComputedStyle(base);
        expect(rgb(style.backgroundColor), state).to.deep.equal(hex(background!));
        expect(rgb(style.color), state).to.deep.equal(hex(color!));
        expect(contrast(rgb(style.backgroundColor), rgb(style.color)), state).to.be.at.least(4.5);
        // Links and buttons are in the text colour.
        for (const control of base.querySelectorAll('a, button')) expect(rgb(getComputedStyle(control).color), state).to.deep.equal(hex(color!));
        el.remove();
      }
    });
  }

  it('follows the viewer\'s colour scheme with theme="auto"', async () => {
    const el = await preview('critical', { position: 'inline', theme: 'auto' });
    try {
      await emulateMedia({ 'prefers-reduced-motion': 'reduce', 'prefers-color-scheme': 'dark' });
      expect(rgb(getComputedStyle(part(el, 'base')!).backgroundColor)).to.deep.equal(hex(palette.dark.critical[0]!));
      await emulateMedia({ 'prefers-reduced-motion': 'reduce', 'prefers-color-scheme': 'light' });
      expect(rgb(getComputedStyle(part(el, 'base')!).backgroundColor)).to.deep.equal(hex(palette.light.critical[0]!));
    } finally {
      await emulateMedia({ 'prefers-reduced-motion': 'reduce' });
    }
  });

  it('stays legible and outlined under forced colours', async () => {
    const el = await preview('major', { position: 'inline' });
    try {
      await emulateMedia({ 'prefers-reduced-motion': 'reduce', 'forced-colors': 'active' });
      const style = getComputedStyle(part(el, 'base')!);
      expect(style.borderTopWidth).to.equal('2px');
      expect(style.borderTopStyle).to.equal('solid');
      expect(contrast(rgb(style.backgroundColor), rgb(style.color))).to.be.at.least(4.5);
    } finally {
      await emulateMedia({ 'prefers-reduced-motion': 'reduce' });
    }
  });

  it('enters and leaves with transform and opacity only, and not at all under reduced motion', async () => {
    await emulateMedia({ 'prefers-reduced-motion': 'no-preference' });
    try {
      for (const position of ['top', 'bottom', 'corner', 'inline']) {
        const el = await banner({ body: nativePayload([{ id: 'a', severity: 'major' }]) }, { position });
        const animations = part(el, 'base')!.getAnimations();
        expect(animations, position).to.have.length(1);
        const animated = new Set(
          (animations[0]!.effect as KeyframeEffect).getKeyframes().flatMap((frame) => Object.keys(frame).filter((key) => !['offset', 'easing', 'composite', 'computedOffset'].includes(key))),
        );
        expect([...animated].every((property) => property === 'opacity' || property === 'transform'), `${position}: ${[...animated]}`).to.equal(true);
        part(el, 'dismiss-button')!.click();
        await el.updateComplete;
        const leaving = part(el, 'base');
        expect(leaving?.classList.contains('leaving'), `${position} plays its exit`).to.equal(true);
        expect(leaving!.getAnimations().map((animation) => (animation as CSSAnimation).animationName), `${position}: its exit`).to.deep.equal(['leave']);
        expect(leaving!.inert, 'the leaving banner takes no focus').to.equal(true);
        // In its own colours to the end.
        expect(el.getAttribute('severity'), `${position} keeps its severity while it leaves`).to.equal('major');
        expect(rgb(getComputedStyle(leaving!).backgroundColor)).to.deep.equal(hex(palette.light.major[0]!));
        await waitFor(() => !part(el, 'base'), 1000, `${position} to leave`);
        expect(el.hasAttribute('severity'), 'gone: no severity').to.equal(false);
        el.remove();
      }
    } finally {
      await emulateMedia({ 'prefers-reduced-motion': 'reduce' });
    }
    const still = await preview('major', { position: 'top' });
    expect(part(still, 'base')!.getAnimations()).to.have.length(0);
  });

  it('plays its whole exit, as long as --status-banner-duration makes it, and goes when it ends; news meanwhile does not cut it', async () => {
    await emulateMedia({ 'prefers-reduced-motion': 'no-preference' });
    try {
      const el = await banner({ body: nativePayload([{ id: 'a', severity: 'major' }]) }, { position: 'inline' });
      el.style.setProperty('--status-banner-duration', '2s');
      part(el, 'dismiss-button')!.click();
      await el.updateComplete;
      // The exit's time is the test's: held near its end, then let finish.
      const [exit] = part(el, 'base')!.getAnimations();
      expect((exit as CSSAnimation).animationName).to.equal('leave');
      expect(exit!.effect!.getComputedTiming().duration).to.equal(2000);
      exit!.pause();
      exit!.currentTime = 1990;
      // An update while it leaves (the same state again) leaves it leaving.
      el.requestUpdate();
      await el.updateComplete;
      expect(part(el, 'base')?.classList.contains('leaving'), 'still leaving').to.equal(true);
      exit!.finish();
      await exit!.finished;
      await el.updateComplete;
      expect(part(el, 'base'), 'gone as the exit ends').to.equal(null);
      expect(el.hasAttribute('severity')).to.equal(false);
    } finally {
      await emulateMedia({ 'prefers-reduced-motion': 'reduce' });
    }
  });

  it('compact: one dense line, the latest update left out', async () => {
    const roomy = await preview('major', { position: 'inline' });
    const compact = await preview('major', { position: 'inline', compact: '' });
    expect(getComputedStyle(part(compact, 'detail')!).display).to.equal('none');
    expect(part(compact, 'base')!.offsetHeight).to.be.below(part(roomy, 'base')!.offsetHeight);
    expect(parseFloat(getComputedStyle(part(compact, 'base')!).paddingTop)).to.be.below(parseFloat(getComputedStyle(part(roomy, 'base')!).paddingTop));
  });

  it('takes its colours, radius, font and spacing from --status-banner-* custom properties', async () => {
    const el = await preview('major', { position: 'inline' });
    el.style.setProperty('--status-banner-major-background', 'rgb(1, 2, 3)');
    el.style.setProperty('--status-banner-major-color', 'rgb(250, 250, 250)');
    el.style.setProperty('--status-banner-radius', '12px');
    el.style.setProperty('--status-banner-font-family', 'monospace');
    el.style.setProperty('--status-banner-padding', '20px');
    el.style.setProperty('--status-banner-border', '3px dashed rgb(9, 9, 9)');
    const style = getComputedStyle(part(el, 'base')!);
    expect(style.backgroundColor).to.equal('rgb(1, 2, 3)');
    expect(style.color).to.equal('rgb(250, 250, 250)');
    expect(style.borderTopLeftRadius).to.equal('12px');
    expect(style.fontFamily).to.equal('monospace');
    expect(style.paddingLeft).to.equal('20px');
    expect([style.borderTopWidth, style.borderTopStyle]).to.deep.equal(['3px', 'dashed']);
  });

  it('lets the page style every region through ::part', async () => {
    const sheet = document.createElement('style');
    sheet.textContent = `
      status-banner::part(title) { text-decoration: underline; }
      status-banner::part(severity) { letter-spacing: 3px; }
      status-banner::part(dismiss-button) { outline: 1px solid rgb(0, 128, 0); }
      status-banner::part(more-button) { font-style: italic; }`;
    document.head.append(sheet);
    try {
      const src = await endpoint({ body: nativePayload([{ id: 'a', severity: 'major' }, { id: 'b', severity: 'minor' }]) });
      const el = await banner(src, { position: 'inline' });
      expect(getComputedStyle(part(el, 'title')!).textDecorationLine).to.equal('underline');
      expect(getComputedStyle(part(el, 'severity')!).letterSpacing).to.equal('3px');
      expect(getComputedStyle(part(el, 'dismiss-button')!).outlineColor).to.equal('rgb(0, 128, 0)');
      expect(getComputedStyle(part(el, 'more-button')!).fontStyle).to.equal('italic');
    } finally {
      sheet.remove();
    }
  });

  it('shows the page\'s own icon, message and actions in its slots', async () => {
    const el = document.createElement('status-banner');
    el.innerHTML = `<svg slot="icon" id="own-icon" width="20" height="20" aria-hidden="true"></svg>
      <span slot="message" id="own-message">Orders placed now will still ship.</span>
      <a slot="actions" id="own-action" href="https://example.com/support">Contact support</a>`;
    el.setAttribute('preview', 'major');
    el.setAttribute('position', 'inline');
    document.body.append(el);
    await el.updateComplete;
    const assigned = (name: string) => el.shadowRoot!.querySelector<HTMLSlotElement>(`slot[name="${name}"]`)!.assignedElements().map((node) => node.id);
    expect(assigned('icon')).to.deep.equal(['own-icon']);
    expect(assigned('message')).to.deep.equal(['own-message']);
    expect(assigned('actions')).to.deep.equal(['own-action']);
    expect(el.querySelector<HTMLElement>('#own-action')!.getBoundingClientRect().width).to.be.above(0);
  });
});
