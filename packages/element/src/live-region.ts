// The banner's live region (`.base` in its shadow root) goes on the page empty before its words: a screen reader
// announces a change to a region it already knows, not a region that arrives full. The element puts it there
// as soon as it starts loading the view, so the wait overlaps the download; the view (or the plain-text
// fallback) fills that same region. The view primes a region itself only when there is none, as for a banner
// that comes back after it left.

import type { Severity } from '@status-banner/core';

/** How long an empty live region is on the page before its words go in, in ms. */
export const PRIMING_MS = 30;

/** The role of the live region for a notice of `severity`: assertive for major and critical, polite otherwise. */
export const liveRole = (severity: Severity | undefined): 'alert' | 'status' => (severity === 'major' || severity === 'critical' ? 'alert' : 'status');

/**
 * Puts an empty live region in `root` for a notice of `severity`, unless it has one. Resolves once the region
 * has been on the page for {@link PRIMING_MS} (at once when `root` already had one).
 */
export function primeLiveRegion(root: ShadowRoot, severity: Severity | undefined): Promise<void> {
  if (root.querySelector('.base')) return Promise.resolve();
  const base = document.createElement('div');
  for (const [name, value] of [
    ['part', 'base'],
    ['class', 'base'],
    ['role', liveRole(severity)],
  ]) base.setAttribute(name!, value!);
  root.append(base);
  return new Promise((resolve) => setTimeout(resolve, PRIMING_MS));
}
