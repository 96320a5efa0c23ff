// The one-line script tag: registers <status-banner> and, when its own <script> carries data-src, mounts a
// banner configured by its data-* attributes:
//   <script async src="status-banner.min.js" data-src="https://status.example.com"></script>

import { defineStatusBanner } from './define.js';

// Only readable while this script runs synchronously, so read it first.
const script = globalThis.document?.currentScript;

function mount(from: HTMLOrSVGScriptElement): void {
  const src = from.dataset.src?.trim();
  // A second copy of the same tag (a copy-paste, a CMS that injects it twice) adds no second banner.
  if (!src || [...document.querySelectorAll('status-banner')].some((existing) => existing.getAttribute('src') === src)) return;
  const banner = document.createElement('status-banner');
  // Every data-* attribute becomes the banner attribute of the same name: data-maintenance-lead → maintenance-lead.
  for (const { name, value } of from.attributes) if (name.startsWith('data-')) banner.setAttribute(name.slice(5), value);
  document.body.append(banner);
}

defineStatusBanner();
if (script) {
  if (document.body) mount(script);
  else document.addEventListener('DOMContentLoaded', () => mount(script), { once: true });
}
