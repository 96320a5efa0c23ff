// The one-line script tag: registers <status-banner> and, when its own <script> carries data-src, mounts a
// banner configured by its data-* attributes:
//   <script async src="status-banner.min.js" data-src="https://status.example.com"></script>

import { defineStatusBanner } from './define.js';

// Only readable while this script runs synchronously, so read it first.
const script = typeof document === 'undefined' ? null : document.currentScript;

function mount(from: HTMLOrSVGScriptElement): void {
  const { dataset } = from;
  const src = dataset.src?.trim();
  if (!src || from.hasAttribute('data-status-banner-mounted')) return;
  // A second copy of the same tag (a copy-paste, a CMS that injects it twice) adds no second banner.
  for (const existing of document.querySelectorAll('status-banner')) {
    if (existing.getAttribute('src') === src) return;
  }
  const banner = document.createElement('status-banner');
  // Every data-* attribute becomes the banner attribute of the same name: data-maintenance-lead → maintenance-lead.
  for (const [key, value] of Object.entries(dataset)) {
    if (value !== undefined) banner.setAttribute(key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`), value);
  }
  from.setAttribute('data-status-banner-mounted', '');
  document.body.append(banner);
}

defineStatusBanner();
if (script) {
  if (document.body) mount(script);
  else document.addEventListener('DOMContentLoaded', () => mount(script), { once: true });
}
