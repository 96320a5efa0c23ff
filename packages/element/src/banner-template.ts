// What <status-banner> looks like: its Lit templates. Part of the view (banner-view.ts), loaded only once
// there is something to show. It keeps no state of its own: the view decides what to show and hands it over
// as a `BannerModel`.

import type { Notice } from '@status-banner/core';
import { html, nothing, render, type TemplateResult } from 'lit/html.js';
import { closeIcon, icons } from './icons.js';
import { liveRole } from './live-region.js';
import { format, type StatusBannerStrings } from './strings.js';

/** What the element asks the view to show. */
export interface BannerModel {
  /** The notices to show, the first on the banner itself and the rest in the "+N more" list. */
  notices: Notice[];
  /** An incident that has just been resolved, shown in the first place for a few seconds. */
  resolved?: Notice;
  /** The data could not be confirmed for a while: say it may be out of date. */
  stale: boolean;
  /** The status page, linked when a notice has no link of its own. */
  pageUrl?: string;
  strings: StatusBannerStrings;
  /** A BCP 47 tag for Intl, and the writing direction of the language. */
  lang: string;
  dir: 'ltr' | 'rtl';
  dismissible: boolean;
  /**
   * False for the first frame of a banner that has just appeared: the live region is put in the page empty and
   * filled a moment later, since screen readers announce changes to a live region, not one that arrives full.
   */
  primed: boolean;
  /** Playing its exit. */
  leaving: boolean;
  /** The latest update of the first notice shown in full, and whether the clamp hides any of it. */
  expanded: boolean;
  clamped: boolean;
  /** The "+N more" list open. */
  listOpen: boolean;
  /** A fixed overlay shown in the top layer (a manual popover), where the browser has one. */
  overlay: boolean;
}

/** What the view calls back on the element. */
export interface BannerActions {
  dismiss(notice: Notice): void;
  toggleDetail(): void;
  toggleList(): void;
  /** Escape pressed inside the banner. */
  escape(): void;
  focusIn(event: FocusEvent): void;
}

/** The actions of the view rendering into each live region, for the listeners set on it once. */
const handlers = new WeakMap<Element, BannerActions>();

/**
 * Renders `model` into `root`'s live region, `.base`, or removes the region for undefined. The region is kept
 * from one render to the next, and an empty one already there (put there while the view loaded, live-region.ts)
 * is taken as it is: a screen reader announces what changes in a region it already knows. Its own attributes
 * are set here, its contents rendered by Lit.
 */
export function renderBanner(root: ShadowRoot, host: HTMLElement, model: BannerModel | undefined, on: BannerActions): void {
  let base = root.querySelector<HTMLElement>('.base');
  if (!model) return base?.remove();
  if (!base) base = root.appendChild(document.createElement('div'));
  if (!handlers.has(base)) {
    base.addEventListener('keydown', (event) => event.key === 'Escape' && handlers.get(base)!.escape());
    base.addEventListener('focusin', (event) => handlers.get(base)!.focusIn(event));
  }
  handlers.set(base, on);
  const { notices, resolved, strings: text } = model;
  const attributes: Record<string, string | undefined> = {
    part: 'base',
    class: `base${model.leaving ? ' leaving' : ''}`,
    // A resolved incident is good news: said politely.
    role: resolved ? 'status' : liveRole(notices[0]!.severity),
    popover: model.overlay ? 'manual' : undefined,
    'aria-label': text.label,
    lang: model.lang,
    dir: model.dir,
  };
  // Only what differs is written: an attribute written again is a mutation a screen reader may hear.
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined) base.removeAttribute(name);
    else if (base.getAttribute(name) !== value) base.setAttribute(name, value);
  }
  render(model.primed ? contents(model, on) : nothing, base, { host });
}

/**
 * What the live region holds: the first notice, its actions, and the list of the others. What the user opens and
 * closes ("+N more" and its list, "Show more") is `aria-live="off"`: the region is atomic, and would otherwise
 * say all of itself again, assertively for an alert, at each click.
 */
function contents(model: BannerModel, on: BannerActions): TemplateResult {
  const { notices, resolved, strings: text } = model;
  const [top, ...others] = resolved ? [resolved, ...notices.filter((notice) => notice.id !== resolved.id)] : notices;
  const severity = top!.severity;
  return html`<span part="icon" class="icon"><slot name="icon">${icons[resolved ? 'resolved' : severity]}</slot></span>
    <div part="message" class="message">
      ${headline(top!, resolved ? text.resolved : text[severity], text)}
      ${resolved ? nothing : detail(top!, model, on)}
      <slot name="message"></slot>
      ${meta(top!, model, !!resolved)}
    </div>
    <div part="actions" class="actions">
      <slot name="actions"></slot>
      ${link(top!, model)}
      ${others.length
        ? html`<button part="more-button" class="more" aria-live="off" aria-expanded=${model.listOpen} aria-controls="list" @click=${on.toggleList}>
            ${format(text.more, { count: others.length })}
          </button>`
        : nothing}
      ${resolved ? nothing : dismiss(top!, model, on)}
    </div>
    ${others.length && model.listOpen
      ? html`<ul part="list" id="list" class="list" aria-live="off">
          ${others.map(
            (notice) =>
              html`<li part="item" class="item">
                <span class="icon">${icons[notice.severity]}</span>
                <div class="message">${headline(notice, text[notice.severity], text, true)} ${meta(notice, model, false)}</div>
                <div class="actions">${dismiss(notice, model, on)}</div>
              </li>`,
          )}
        </ul>`
      : nothing}`;
}

/**
 * "Major incident: Checkout is failing". Titles get `dir="auto"`: a Hebrew title on an English page reads right.
 * In the list of further notices the title links to the notice itself, when it has a page of its own.
 */
const headline = (notice: Notice, word: string, text: StatusBannerStrings, linked = false) => {
  const title = html`<span part="title" dir="auto">${notice.title}</span>`;
  return html`<p part="headline">
    <strong part="severity">${format(text.severityLabel, { severity: word })}</strong>
    ${linked && notice.url ? html`<a part="link" href=${notice.url} target="_blank" rel="noopener noreferrer">${title}</a>` : title}
  </p>`;
};

function detail(notice: Notice, { expanded, clamped, strings: text }: BannerModel, on: BannerActions) {
  if (!notice.message) return nothing;
  return html`<p part="detail" id="detail" class="detail${expanded ? '' : ' clamped'}" dir="auto">${notice.message}</p>
    ${clamped || expanded
      ? html`<button part="toggle" class="toggle" aria-live="off" aria-expanded=${expanded} aria-controls="detail" @click=${on.toggleDetail}>
          ${expanded ? text.showLess : text.showMore}
        </button>`
      : nothing}`;
}

function link(notice: Notice, { pageUrl, strings: text }: BannerModel) {
  const href = notice.url ?? pageUrl;
  return href ? html`<a part="link" href=${href} target="_blank" rel="noopener noreferrer">${text.link}</a>` : nothing;
}

function dismiss(notice: Notice, { dismissible, strings: text }: BannerModel, on: BannerActions) {
  return dismissible
    ? html`<button part="dismiss-button" class="dismiss" aria-label=${format(text.dismiss, { title: notice.title })} @click=${() => on.dismiss(notice)}>
        ${closeIcon}
      </button>`
    : nothing;
}

/** The Intl formatters made so far, by kind and language: making one loads the runtime's data for it. */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.RelativeTimeFormat>();

/** An Intl formatter of `kind` in `lang` (in English when the runtime does not know that tag), made once. */
function intl<T extends Intl.DateTimeFormat | Intl.RelativeTimeFormat>(kind: string, make: (lang: string) => T, lang: string): T {
  const key = `${kind} ${lang}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    try {
      formatter = make(lang);
    } catch {
      formatter = make('en');
    }
    formatters.set(key, formatter);
  }
  return formatter as T;
}

/**
 * The phase, and when: maintenance's window or expected end in the viewer's time zone, or how long ago the
 * last update was; "may be out of date" when the data is stale. Kept out of the live announcement (`aria-live
 * off`): it ticks.
 */
function meta({ kind, phase, scheduledStart: start, scheduledEnd: end, updatedAt }: Notice, { strings: text, lang, stale }: BannerModel, resolved: boolean) {
  // Made only for maintenance: the time zone names it loads are the most costly of the runtime's data.
  const when = () =>
    intl(
      'date',
      (tag) => new Intl.DateTimeFormat(tag, { weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }),
      lang,
    );
  const parts: unknown[] = [resolved ? '' : (text[phase] ?? '')];
  if (resolved) {
    // Just "Resolved", said by the headline.
  } else if (kind === 'maintenance' && phase === 'scheduled' && start) {
    parts.push(format(text.window, { range: end ? when().formatRange(new Date(start), new Date(end)) : when().format(new Date(start)) }));
  } else if (kind === 'maintenance' && end) {
    parts.push(format(text.until, { end: when().format(new Date(end)) }));
  } else if (updatedAt) {
    parts.push(html`<time datetime=${updatedAt}>${format(text.updated, { time: ago(updatedAt, lang) })}</time>`);
  }
  if (stale) parts.push(html`<span part="stale">${text.stale}</span>`);
  const shown = parts.filter(Boolean);
  return shown.length ? html`<p part="meta" class="meta" aria-live="off">${shown.map((part, i) => (i ? [' · ', part] : part))}</p>` : nothing;
}

/**
 * "5 minutes ago", in `lang`; under a minute, "now". A server clock ahead of ours must not read "in 2 minutes".
 * The unit is the largest the time reaches once rounded to the unit below it: 59.6 minutes is "1 hour ago", never
 * "60 minutes ago".
 */
function ago(time: string, lang: string): string {
  const seconds = Math.min(0, (Date.parse(time) - Date.now()) / 1000);
  const [unit, size] = (
    [
      ['day', 86_400, 3600],
      ['hour', 3600, 60],
      ['minute', 60, 1],
    ] as const
  ).find(([, n, below]) => Math.round(-seconds / below) * below >= n) ?? ['second', Infinity];
  return intl('relative', (tag) => new Intl.RelativeTimeFormat(tag, { numeric: 'auto' }), lang).format(Math.round(seconds / size) || 0, unit);
}
