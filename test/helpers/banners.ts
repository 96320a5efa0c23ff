// Shared by the element tests: banners on real test endpoints or in preview, and ways to read them.

import { expect } from '@open-wc/testing';
import '@status-banner/element';
import type { StatusBannerElement } from '@status-banner/element';
import { emulateMedia } from './media.js';
import { trapPageErrors, waitFor, type PageErrorTrap } from './page-errors.js';
import { endpoint, type EndpointStep } from './status-server.js';

/**
 * A `<status-banner>` with `attributes`, appended to `parent`, resolved once it has rendered: after its first
 * answer from `step` (a fresh endpoint, or a URL), or at once for a `preview`.
 */
export async function banner(
  step: EndpointStep | string | undefined,
  attributes: Record<string, string> = {},
  parent: ParentNode = document.body,
): Promise<StatusBannerElement> {
  const el = document.createElement('status-banner');
  const src = step === undefined ? undefined : typeof step === 'string' ? step : await endpoint(step);
  for (const [name, value] of Object.entries({ ...attributes, ...(src && { src }) })) el.setAttribute(name, value);
  parent.append(el);
  if (src) await waitFor(() => el.state.status !== 'loading', 5000, 'first answer');
  await el.updateComplete;
  return el;
}

/** A banner showing sample text (`preview`), with no source. */
export const preview = (tokens: string, attributes: Record<string, string> = {}, parent?: ParentNode) =>
  banner(undefined, { ...attributes, preview: tokens }, parent);

/** The element of the banner's shadow root with this part name. */
export const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

/** Every element of the banner's shadow root with this part name. */
export const parts = (el: Element, name: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];

/** A node's text, whitespace collapsed. */
export const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/**
 * A node, named for an assertion: `button[dismiss-button] "Dismiss: Incident a"`. (A failing assertion that
 * holds a DOM node itself makes the runner serialize the whole document.)
 */
export const named = (node: Element | null | undefined) =>
  node ? `${node.tagName.toLowerCase()}[${node.getAttribute('part') ?? ''}] ${JSON.stringify(node.getAttribute('aria-label') ?? text(node))}` : String(node);

/** `[r, g, b]` of a computed colour. */
export const rgb = (css: string) => css.match(/\d+(\.\d+)?/g)!.slice(0, 3).map(Number);

/** `[r, g, b]` of `#rrggbb`. */
export const hex = (value: string) => value.match(/[0-9a-f]{2}/gi)!.map((h) => parseInt(h, 16));

/** The WCAG contrast ratio of two `[r, g, b]` colours. */
export function contrast(a: number[], b: number[]): number {
  const luminance = (channels: number[]) =>
    channels
      .map((c) => c / 255)
      .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
      .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i]!, 0);
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

/**
 * Resolves once the banner has rendered what its client knows now: the element takes new states at the next
 * animation frame (a burst of updates paints once), then updates.
 */
export async function settle(el: StatusBannerElement): Promise<void> {
  await new Promise((resolve) => requestAnimationFrame(resolve));
  await el.updateComplete;
}

/**
 * The hooks a banner test file shares: no motion (each test sees the final state at once; motion is tested on
 * its own), the page-error trap checked after each test, and nothing of `leftovers` left in the page.
 */
export function useBannerPage(leftovers = 'status-banner'): void {
  let trap: PageErrorTrap;
  before(() => emulateMedia({ 'prefers-reduced-motion': 'reduce' }));
  after(() => emulateMedia({}));
  beforeEach(() => {
    trap = trapPageErrors();
  });
  afterEach(() => {
    document.querySelectorAll(leftovers).forEach((el) => el.remove());
    trap.stop();
    expect(trap.errors, 'errors that reached window').to.deep.equal([]);
  });
}
