import { svg, type SVGTemplateResult } from 'lit/html.js';
import type { Severity } from '@status-banner/core';

// 20×20 outline icons drawn for this project, in `currentColor`. Each severity class has its own shape, so
// colour is never the only signal: a circle (notice), a triangle (minor), an octagon (major, critical), a
// wrench (maintenance), a ticked circle (resolved). Size and stroke come from the stylesheet.
const icon = (d: string) => svg`<svg viewBox="0 0 20 20" aria-hidden="true"><path d=${d}/></svg>`;
const outage = 'M7 2.5h6l4.5 4.5v6L13 17.5H7L2.5 13V7zM10 6.5V11m0 2.5v.1';

/** The icon for a severity, and for a resolved incident. */
export const icons: Record<Severity | 'resolved', SVGTemplateResult> = {
  none: icon('M10 2a8 8 0 1 1 0 16a8 8 0 1 1 0-16M10 9v5m0-7.8v.1'),
  minor: icon('M10 2.5 18 17H2zM10 8v4m0 2.5v.1'),
  major: icon(outage),
  critical: icon(outage),
  maintenance: icon('M12.5 3a4 4 0 0 0-3.8 5.3L3 14a1.4 1.4 0 0 0 2 2l5.7-5.7A4 4 0 0 0 16 7l-2.3 2.3-2.5-.5-.5-2.5L13 4z'),
  resolved: icon('M10 2a8 8 0 1 1 0 16a8 8 0 1 1 0-16M6.5 10.2l2.4 2.4 4.6-5'),
};

/** The dismiss button's cross. */
export const closeIcon = icon('m5 5 10 10M15 5 5 15');
