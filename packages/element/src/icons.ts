import { svg, type SVGTemplateResult } from 'lit';
import type { Severity } from '@status-banner/core';

// 20×20 outline icons drawn for this project; `currentColor` so they follow the text colour, and each
// severity has its own shape so colour is never the only signal.
const frame = (body: SVGTemplateResult) =>
  svg`<svg viewBox="0 0 20 20" width="20" height="20" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">${body}</svg>`;

const info = frame(svg`<circle cx="10" cy="10" r="8"/><path d="M10 9v5M10 6.2v.1"/>`);
const warning = frame(svg`<path d="M10 2.5 18 17H2z"/><path d="M10 8v4M10 14.5v.1"/>`);
const outage = frame(svg`<path d="M7 2.5h6l4.5 4.5v6L13 17.5H7L2.5 13V7z"/><path d="M10 6.5v4.5M10 13.5v.1"/>`);
const wrench = frame(svg`<path d="M12.5 3a4 4 0 0 0-3.8 5.3L3 14a1.4 1.4 0 0 0 2 2l5.7-5.7A4 4 0 0 0 16 7l-2.3 2.3-2.5-.5-.5-2.5L13 4z"/>`);

/** The icon for a severity. */
export const icons: Readonly<Record<Severity, SVGTemplateResult>> = {
  none: info,
  minor: warning,
  major: outage,
  critical: outage,
  maintenance: wrench,
};

/** The dismiss button's cross. */
export const closeIcon = svg`<svg viewBox="0 0 20 20" width="16" height="16" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" aria-hidden="true" focusable="false"><path d="m5 5 10 10M15 5 5 15"/></svg>`;
