import { expect, fixture, html } from '@open-wc/testing';
import type { Severity } from '@status-banner/core';
import { StatusBannerChangeEvent, StatusBannerDismissEvent, StatusBannerElement, defineStatusBanner } from '@status-banner/element';
import { sendKeys } from '@web/test-runner-commands';
import { emulateMedia } from '../../../test/helpers/media.js';
import { palette } from '../src/styles.js';
import { trapPageErrors, waitFor, type PageErrorTrap } from '../../../test/helpers/page-errors.js';
import { nativePayload } from '../../../test/helpers/payloads.js';
import { configure, endpoint, requestLog, type EndpointStep } from '../../../test/helpers/status-server.js';

/** A banner on a fresh endpoint, resolved once it has had its first answer. */
async function banner(step: EndpointStep | string, attributes: Record<string, string> = {}): Promise<StatusBannerElement> {
  const src = typeof step === 'string' ? step : await endpoint(step);
  const el = document.createElement('status-banner');
  for (const [name, value] of Object.entries({ position: 'inline', ...attributes, src })) el.setAttribute(name, value);
  document.body.append(el);
  await waitFor(() => el.state.status !== 'loading', 5000, 'first answer');
  await el.updateComplete;
  return el;
}

const part = (el: StatusBannerElement, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
/**
 * A node, named for an assertion: `button[dismiss-button] "Dismiss: Incident a"`. (A failing assertion that
 * holds a DOM node itself makes the runner serialize the whole document.)
 */
const named = (node: Element | null | undefined) =>
  node ? `${node.tagName.toLowerCase()}[${node.getAttribute('part') ?? ''}] ${JSON.stringify(node.getAttribute('aria-label') ?? text(node))}` : String(node);

describe('<status-banner>', () => {
  let trap: PageErrorTrap;
  // No enter or exit animation, so each test sees its final state at once (motion is tested on its own).
  before(() => emulateMedia({ 'prefers-reduced-motion': 'reduce' }));
  beforeEach(() => {
    trap = trapPageErrors();
  });
  afterEach(() => {
    document.querySelectorAll('status-banner').forEach((el) => el.remove());
    trap.stop();
    expect(trap.errors, 'errors that reached window').to.deep.equal([]);
  });

  it('can be used with the keyboard alone', async () => {
    const el = await banner({
      body: nativePayload([
        { id: 'a', severity: 'critical', url: 'https://status.example.com/a' },
        { id: 'b', severity: 'minor' },
      ]),
    });
    const before = document.createElement('button');
    before.textContent = 'before';
    document.body.prepend(before);
    try {
      before.focus();
      await sendKeys({ press: 'Tab' });
      expect(named(el.shadowRoot!.activeElement)).to.equal(named(part(el, 'link')));
      await sendKeys({ press: 'Tab' });
      const more = part(el, 'more-button')!;
      expect(named(el.shadowRoot!.activeElement)).to.equal(named(more));
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(more.getAttribute('aria-expanded')).to.equal('true');
      expect(el.shadowRoot!.querySelectorAll('[part="item"]')).to.have.length(1);
      await sendKeys({ press: 'Tab' });
      expect(named(el.shadowRoot!.activeElement)).to.equal('button[dismiss-button] "Dismiss: Incident a"');
      await sendKeys({ press: 'Tab' });
      expect(named(el.shadowRoot!.activeElement)).to.equal('button[dismiss-button] "Dismiss: Incident b"');
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part="item"]'), 'b dismissed from the list').to.equal(null);
      expect(el.getAttribute('severity')).to.equal('critical');
      // Focus moved to the remaining notice's dismiss button instead of falling to <body>.
      await el.updateComplete;
      expect(named(el.shadowRoot!.activeElement)).to.equal(named(part(el, 'dismiss-button')));
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(part(el, 'base')).to.equal(null);
      // The last notice gone, focus went back where it came from rather than to <body>.
      expect(document.activeElement === before, `focus is on ${document.activeElement?.tagName}`).to.equal(true);
    } finally {
      before.remove();
    }
  });
});
