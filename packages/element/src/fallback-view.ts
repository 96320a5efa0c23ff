// What <status-banner> shows when its view (Lit, the templates and styles: status-banner.view.js in the
// script-tag build) cannot be loaded: the file was not uploaded beside the script, another origin serves it
// without CORS, or the page's Trusted Types policy forbids Lit. An outage must still be told, so this renders
// the most severe open notice as plain text with plain DOM calls (no template, no HTML parsing, nothing a
// Trusted Types policy guards), in English or the page's own `strings`.

import type { Notice } from '@status-banner/core';
import { liveRole } from './live-region.js';
import { basics, format, type StatusBannerStrings } from './strings.js';

const STYLES =
  '.base{display:flex;flex-wrap:wrap;align-items:center;gap:4px 12px;padding:10px 16px;font:14px/1.45 var(--status-banner-font-family,system-ui,sans-serif);' +
  'background:#1f2933;color:#fff;position:fixed;left:0;right:0;top:0;z-index:var(--status-banner-z-index,2147483000)}' +
  ':host([position=inline]) .base,:host([push]:not([position=corner])) .base{position:static}:host([position=bottom]) .base,:host([position=corner]) .base{top:auto;bottom:0}' +
  'p{margin:0;flex:1 1 16em}a,button{color:inherit;font:inherit;font-weight:600;min-height:24px;min-width:24px}button{background:none;border:0;cursor:pointer}';

type Host = HTMLElement & { adoptStyles(styles: string): void; dismissible: boolean; strings?: Partial<StatusBannerStrings> };

/** An element of the fallback: its part name, words, and attributes. */
function make(tag: string, part: string, words: string, attributes: Record<string, string> = {}): HTMLElement {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries({ part, ...attributes })) el.setAttribute(name, value);
  el.textContent = words;
  return el;
}

/**
 * Renders `notice` (the most severe open one; nothing for undefined) into the host's shadow root as plain text:
 * its severity and title, a link to it or to the status page, and a dismiss button that calls `dismiss`.
 */
export function renderFallback(host: Host, notice: Notice | undefined, pageUrl: string | undefined, dismiss: (notice: Notice) => void): void {
  const root = host.shadowRoot!;
  const text = { ...basics, ...host.strings };
  // What this render would say: when the region on the page says it already (a failed poll, the same snapshot),
  // it is left alone, so a screen reader does not hear the alert again on every retry.
  const said = notice && JSON.stringify([notice.id, notice.revision, notice.severity, notice.title, notice.url ?? pageUrl, host.dismissible, text]);
  const shown = root.querySelector<HTMLElement>('.base');
  if (said && shown?.dataset.said === said) return;
  // The empty live region put there while the view was tried is kept: what fills it is announced.
  const primed = notice ? root.querySelector('.base:empty') : null;
  for (const node of [...root.childNodes]) if (node !== primed) node.remove();
  if (!notice) return;
  const { severity, title } = notice;
  host.adoptStyles(STYLES);
  const base = primed ?? make('div', 'base', '');
  for (const [name, value] of Object.entries({ class: 'base', role: liveRole(severity), 'aria-label': text.label, 'data-said': said! })) base.setAttribute(name, value);
  const headline = make('p', 'headline', ' ');
  headline.prepend(make('strong', 'severity', format(text.severityLabel, { severity: text[severity] })));
  headline.append(make('span', 'title', title, { dir: 'auto' }));
  base.append(headline);
  // Links were checked by the parser: http(s) only.
  const href = notice.url ?? pageUrl;
  if (href) base.append(make('a', 'link', text.link, { href, target: '_blank', rel: 'noopener noreferrer' }));
  if (host.dismissible) {
    const button = make('button', 'dismiss-button', '\u00d7', { 'aria-label': format(text.dismiss, { title }) });
    button.onclick = () => dismiss(notice);
    base.append(button);
  }
  if (base !== primed) root.append(base);
}
