// What every script-tag file does once it runs: registers <status-banner> and, when its own <script> carries
// data-src, mounts a banner configured by its data-* attributes. The build wraps each file so that a second copy
// (the tag pasted twice, two versions on one page) never evaluates Lit again, which would throw under Trusted
// Types: it hands its own <script> to `whenReady` below, kept under one namespaced symbol, and stops.

import { defineStatusBanner } from './define.js';
import { checkFolder } from './lazy.js';
import { SCRIPT_ATTRIBUTES } from './properties.js';
import { scripts } from './script-tag-self.js';

function mount(from: HTMLOrSVGScriptElement | null): void {
  const src = from?.dataset.src?.trim();
  // A second copy of the same tag (a copy-paste, a CMS that injects it twice) adds no second banner.
  if (!src || [...document.querySelectorAll('status-banner')].some((existing) => existing.getAttribute('src') === src)) return;
  const banner = document.createElement('status-banner');
  for (const name of SCRIPT_ATTRIBUTES) {
    const value = from!.getAttribute(`data-${name}`);
    if (value !== null) banner.setAttribute(name, value);
  }
  // A push banner at the top moves the page's content down, so it comes first; any other goes last.
  if (banner.hasAttribute('push') && ['top', null].includes(banner.getAttribute('position'))) document.body.prepend(banner);
  else document.body.append(banner);
}

/** Mounts from `script` once the body exists. */
const whenReady = (script: HTMLOrSVGScriptElement | null) =>
  document.body ? mount(script) : document.addEventListener('DOMContentLoaded', () => mount(script), { once: true });

/**
 * Registers the element, mounts a banner from each of the file's own tags, and checks the folder beside it.
 * The entry calls it once its loaders are installed.
 */
export function startScriptTag(): void {
  (globalThis as Record<symbol, unknown>)[Symbol.for('status-banner.mount')] = whenReady;
  defineStatusBanner();
  scripts.forEach(whenReady);
  checkFolder();
}
