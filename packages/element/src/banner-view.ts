// What <status-banner> looks like: its Lit templates and styles. Loaded only once there is something to show
// (see lazy.ts), so a page where all is well never downloads or evaluates Lit.

import type { Notice } from '@status-banner/core';
import { html, nothing, render } from 'lit/html.js';
import { closeIcon, icons } from './icons.js';
import { en, format, type StatusBannerStrings } from './strings.js';
import type { StatusBannerElement } from './status-banner-element.js';

export { styles } from './styles.js';

/** Renders the banner's current state into its shadow root. */
export function renderBanner(host: StatusBannerElement): void {
  const { notices, snapshot } = host.state;
  const notice = notices[0];
  if (!notice) {
    render(nothing, host.renderRoot, { host });
    return;
  }
  const text = { ...en, ...host.strings };
  const link = notice.url ?? snapshot?.page.url;
  const { message, severity } = notice;
  render(
    html`<div
      part="base"
      class="base"
      role=${severity === 'major' || severity === 'critical' ? 'alert' : 'status'}
      @keydown=${(event: KeyboardEvent) => event.key === 'Escape' && host.dismissible && host._dismiss(notice)}
      @focusin=${(event: FocusEvent) => host._focusIn(event)}
    >
      <span part="icon">${icons[severity]}</span>
      <div part="message" class="message" dir="auto">
        <p><strong>${text[severity]}:</strong> ${notice.title}</p>
        ${message
          ? html`<p id="detail" class="detail ${host._expanded ? '' : 'clamped'}">${message}</p>
              ${host._clamped || host._expanded
                ? html`<button class="toggle" aria-live="off" aria-expanded=${host._expanded} aria-controls="detail" @click=${() => (host._expanded = !host._expanded)}>
                    ${host._expanded ? text.showLess : text.showMore}
                  </button>`
                : nothing}`
          : nothing}
        <p class="meta" aria-live="off">${meta(host, notice, text)}</p>
      </div>
      <div part="actions" class="actions">
        ${link ? html`<a part="link" href=${link} target="_blank" rel="noopener noreferrer">${text.link}</a>` : nothing}
        ${notices.length > 1 ? format(text.more, { count: notices.length - 1 }) : nothing}
        ${host.dismissible
          ? html`<button part="dismiss-button" class="dismiss" aria-label=${text.dismiss} @click=${() => host._dismiss(notice)}>
              ${closeIcon}
            </button>`
          : nothing}
      </div>
    </div>`,
    host.renderRoot,
    { host },
  );
}

/** The phase, and when: the maintenance window, its expected end, or how long ago the last update was. */
function meta(host: HTMLElement, { kind, phase, scheduledStart: start, scheduledEnd: end, updatedAt }: Notice, text: StatusBannerStrings): unknown[] {
  // An Intl formatter in the page's language, or English when that language tag is invalid ("en_US").
  const intl = <T>(make: (lang?: string) => T): T => {
    try {
      return make(host.closest('[lang]')?.getAttribute('lang') || undefined);
    } catch {
      return make('en');
    }
  };
  const date = intl((lang) => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }));
  const parts: unknown[] = [text[phase]];
  if (kind === 'maintenance') {
    parts.push(
      start && phase === 'scheduled'
        ? format(text.window, { range: end ? date.formatRange(new Date(start), new Date(end)) : date.format(new Date(start)) })
        : end && format(text.until, { end: date.format(new Date(end)) }),
    );
  } else if (updatedAt) {
    // A server clock ahead of ours must not read "in 2 minutes".
    const seconds = Math.min(0, (Date.parse(updatedAt) - Date.now()) / 1000);
    const [unit, size] = (
      [
        ['day', 86_400],
        ['hour', 3600],
        ['minute', 60],
      ] as const
    ).find(([, n]) => -seconds >= n) ?? ['second', Infinity];
    const time = intl((lang) => new Intl.RelativeTimeFormat(lang, { numeric: 'auto' })).format(Math.round(seconds / size) || 0, unit);
    parts.push(html`<time datetime=${updatedAt}>${format(text.updated, { time })}</time>`);
  }
  return parts.filter(Boolean).map((part, i) => (i ? [' · ', part] : part));
}
