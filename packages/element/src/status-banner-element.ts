import { parseSelectors, type Notice, type Severity, type StatusSnapshot, type StatusState } from '@status-banner/core';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { StatusBannerChangeEvent, StatusBannerDismissEvent } from './events.js';
import { closeIcon, icons } from './icons.js';
import { StatusController } from './status-controller.js';
import { en, format, type StatusBannerStrings } from './strings.js';
import { styles } from './styles.js';

/** Where the banner sits. `top` and `bottom` overlay the page without moving it; `inline` stays where placed. */
export type StatusBannerPosition = 'top' | 'bottom' | 'inline';

const POSITIONS = new Set<string>(['top', 'bottom', 'inline']);
const ALERTING = new Set<Severity>(['major', 'critical']);

/** `dismissible="false"` turns dismissal off; the attribute's absence or any other value leaves it on. */
const onUnlessFalse = {
  fromAttribute: (value: string | null) => value !== 'false',
  toAttribute: (value: boolean) => (value ? null : 'false'),
};

/**
 * A live status banner: shows the most severe open incident or maintenance of a status page, and nothing when
 * all is well or the page cannot be reached.
 *
 * @summary Live, dismissible, accessible status banner for any status page.
 *
 * @csspart base - The banner box (the live region).
 * @csspart icon - The severity icon.
 * @csspart message - The severity word, title, latest update and times.
 * @csspart actions - The link, the count of further notices and the dismiss button.
 * @csspart link - The link to the incident or status page.
 * @csspart dismiss-button - The dismiss button.
 *
 * @cssproperty --status-banner-font-family - Font stack. Default: the system UI font.
 * @cssproperty --status-banner-font-size - Base size. Default 14px.
 * @cssproperty --status-banner-padding - Padding of the box. Default 10px 16px.
 * @cssproperty --status-banner-gap - Space between icon, message and actions. Default 12px.
 * @cssproperty --status-banner-radius - Corner radius. Default 0.
 * @cssproperty --status-banner-shadow - Box shadow. Default none.
 * @cssproperty --status-banner-z-index - Stacking order of the top and bottom overlays. Default 2147483000.
 * @cssproperty --status-banner-none-background - Background of a no-impact notice.
 * @cssproperty --status-banner-none-color - Text of a no-impact notice.
 * @cssproperty --status-banner-minor-background - Background of a minor incident.
 * @cssproperty --status-banner-minor-color - Text of a minor incident.
 * @cssproperty --status-banner-major-background - Background of a major incident.
 * @cssproperty --status-banner-major-color - Text of a major incident.
 * @cssproperty --status-banner-critical-background - Background of a critical incident.
 * @cssproperty --status-banner-critical-color - Text of a critical incident.
 * @cssproperty --status-banner-maintenance-background - Background of maintenance.
 * @cssproperty --status-banner-maintenance-color - Text of maintenance.
 *
 * @fires status-banner-change - A new snapshot arrived (`event.snapshot`).
 * @fires status-banner-dismiss - The user dismissed a notice (`event.notice`); cancelable.
 *
 * @example
 * ```html
 * <status-banner src="https://www.githubstatus.com" position="top"></status-banner>
 * ```
 */
export class StatusBannerElement extends LitElement {
  static override styles = styles;

  static override properties = {
    src: {},
    provider: {},
    interval: { type: Number },
    components: {},
    position: { reflect: true },
    dismissible: { converter: onUnlessFalse },
    maintenanceLead: { type: Number, attribute: 'maintenance-lead' },
    strings: { attribute: false },
    severity: { reflect: true },
    _expanded: { state: true },
    _clamped: { state: true },
  };

  /** The status endpoint, or a status page's base URL (`https://www.githubstatus.com`). */
  declare src: string | undefined;
  /** A provider id (`statuspage`, `native`); detected when absent. */
  declare provider: string | undefined;
  /** Seconds between polls. Default 60. */
  declare interval: number | undefined;
  /**
   * Component ids or names, comma-separated (or a JSON array for names with commas): only notices touching
   * them are shown. A group selects its children.
   */
  declare components: string | undefined;
  /** `top` (default) or `bottom` fixed overlay, or `inline` in the page's flow. */
  declare position: StatusBannerPosition;
  /** Whether the user may dismiss notices. Default true; `dismissible="false"` turns it off. */
  declare dismissible: boolean;
  /** How far ahead scheduled maintenance is shown, in seconds. Default 86 400 (24 h). */
  declare maintenanceLead: number | undefined;
  /** Replacements for any of the banner's words. */
  declare strings: Partial<StatusBannerStrings> | undefined;
  /** The severity shown, reflected for styling; absent when nothing is shown. Read-only. */
  declare severity: Severity | undefined;
  declare private _expanded: boolean;
  declare private _clamped: boolean;

  #controller = new StatusController(this, (state) => this.#onState(state));
  #lastSnapshot: StatusSnapshot | undefined;
  #shownId: string | undefined;
  #clock: ReturnType<typeof setTimeout> | undefined;
  #formats = new Map<string, { relative: Intl.RelativeTimeFormat; date: Intl.DateTimeFormat }>();

  constructor() {
    super();
    this.position = 'top';
    this.dismissible = true;
    this._expanded = false;
    this._clamped = false;
  }

  /** What the banner knows now: the snapshot, the notices it would show, and the last error. */
  get state(): StatusState {
    return this.#controller.state;
  }

  /** Asks the status endpoint now instead of at the next poll. */
  refresh(): Promise<void> {
    return this.#controller.client?.refresh() ?? Promise.resolve();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#clock);
    this.#clock = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src') || changed.has('provider') || changed.has('interval') || changed.has('components') || changed.has('maintenanceLead')) {
      const src = this.src?.trim();
      this.#controller.configure(
        src
          ? {
              src,
              ...(this.provider ? { provider: this.provider } : {}),
              ...(Number.isFinite(this.interval) ? { interval: this.interval! } : {}),
              ...(Number.isFinite(this.maintenanceLead) ? { maintenanceLead: this.maintenanceLead! } : {}),
              components: parseSelectors(this.components),
            }
          : undefined,
      );
    }
    if (!POSITIONS.has(this.position)) this.position = 'top';
    const notice = this.#controller.state.notices[0];
    this.severity = notice?.severity;
    if (notice?.id !== this.#shownId) {
      this.#shownId = notice?.id;
      this._expanded = false;
    }
  }

  protected override updated(): void {
    // Offer "Show more" only when the clamp actually hides text.
    const detail = this.renderRoot.querySelector<HTMLElement>('.detail');
    const clamped = !!detail && !this._expanded && detail.scrollHeight > detail.clientHeight + 1;
    if (clamped !== this._clamped && !this._expanded) this._clamped = clamped;
    this.#tick();
  }

  protected override render(): TemplateResult | typeof nothing {
    const { notices, snapshot } = this.#controller.state;
    const notice = notices[0];
    if (!notice) return nothing;
    const text = this.#strings();
    const link = notice.url ?? snapshot?.page.url;
    const more = notices.length - 1;
    return html`
      <div
        part="base"
        class="base"
        role=${ALERTING.has(notice.severity) ? 'alert' : 'status'}
        @keydown=${this.#onKeydown}
      >
        <span part="icon" class="icon">${icons[notice.severity]}</span>
        <div part="message" class="message" dir="auto">
          <p class="headline"><strong class="severity">${text.severity[notice.severity]}:</strong> ${notice.title}</p>
          ${notice.message
            ? html`<p id="detail" class="detail ${this._expanded ? '' : 'clamped'}">${notice.message}</p>
                ${this._clamped || this._expanded
                  ? html`<button class="toggle" aria-expanded=${this._expanded ? 'true' : 'false'} aria-controls="detail" @click=${this.#toggle}>
                      ${this._expanded ? text.showLess : text.showMore}
                    </button>`
                  : nothing}`
            : nothing}
          <p class="meta">${this.#meta(notice, text)}</p>
        </div>
        <div part="actions" class="actions">
          ${link ? html`<a part="link" href=${link} target="_blank" rel="noopener noreferrer">${text.viewStatus}</a>` : nothing}
          ${more > 0 ? html`<span class="count">${format(text.more, { count: more })}</span>` : nothing}
          ${this.dismissible
            ? html`<button part="dismiss-button" class="dismiss" aria-label=${text.dismiss} title=${text.dismiss} @click=${() => this.#dismiss(notice)}>
                ${closeIcon}
              </button>`
            : nothing}
        </div>
      </div>
    `;
  }

  #meta(notice: Notice, text: StatusBannerStrings): TemplateResult {
    const { date } = this.#format();
    const parts: (TemplateResult | string)[] = [];
    const phase = text.phase[notice.phase];
    if (notice.kind === 'maintenance' && notice.phase === 'scheduled' && notice.scheduledStart) {
      const start = new Date(notice.scheduledStart);
      const end = notice.scheduledEnd ? new Date(notice.scheduledEnd) : undefined;
      parts.push(end ? format(text.scheduled, { start: date.format(start), end: date.format(end) }) : date.format(start));
    } else if (notice.kind === 'maintenance' && notice.scheduledEnd && notice.phase !== 'scheduled') {
      if (phase) parts.push(phase);
      parts.push(format(text.inProgressUntil, { end: date.format(new Date(notice.scheduledEnd)) }));
    } else if (phase) {
      parts.push(phase);
    }
    if (notice.updatedAt && notice.kind === 'incident') {
      parts.push(
        html`<time datetime=${notice.updatedAt}>${format(text.updated, { time: this.#relative(notice.updatedAt) })}</time>`,
      );
    }
    return html`${parts.map((part, i) => (i ? html` · ${part}` : part))}`;
  }

  #relative(iso: string): string {
    const { relative } = this.#format();
    // A server clock ahead of ours must not read "in 2 minutes".
    const seconds = Math.min(0, (Date.parse(iso) - Date.now()) / 1000);
    const units: [Intl.RelativeTimeFormatUnit, number][] = [
      ['day', 86_400],
      ['hour', 3600],
      ['minute', 60],
    ];
    for (const [unit, size] of units) {
      if (-seconds >= size) return relative.format(Math.round(seconds / size), unit);
    }
    return relative.format(0, 'minute');
  }

  #lang(): string {
    const scoped = this.closest('[lang]')?.getAttribute('lang');
    return scoped || (typeof navigator === 'undefined' ? 'en' : navigator.language) || 'en';
  }

  #format(): { relative: Intl.RelativeTimeFormat; date: Intl.DateTimeFormat } {
    const lang = this.#lang();
    let formats = this.#formats.get(lang);
    if (!formats) {
      try {
        formats = {
          relative: new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }),
          date: new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }),
        };
      } catch {
        // An invalid `lang` such as "en_US" throws a RangeError: fall back rather than break rendering.
        formats = {
          relative: new Intl.RelativeTimeFormat('en', { numeric: 'auto' }),
          date: new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }),
        };
      }
      this.#formats.set(lang, formats);
    }
    return formats;
  }

  #strings(): StatusBannerStrings {
    const custom = this.strings;
    if (!custom) return en;
    return {
      ...en,
      ...custom,
      severity: { ...en.severity, ...custom.severity },
      phase: { ...en.phase, ...custom.phase },
    };
  }

  /** Re-renders while a notice is shown so "updated 5 minutes ago" stays true. */
  #tick(): void {
    clearTimeout(this.#clock);
    this.#clock = this.#shownId && this.isConnected ? setTimeout(() => this.requestUpdate(), 30_000) : undefined;
  }

  #onState(state: StatusState): void {
    if (state.snapshot && state.snapshot !== this.#lastSnapshot) {
      this.#lastSnapshot = state.snapshot;
      this.dispatchEvent(new StatusBannerChangeEvent(state.snapshot));
    }
  }

  #toggle(): void {
    this._expanded = !this._expanded;
  }

  #onKeydown(event: KeyboardEvent): void {
    const notice = this.#controller.state.notices[0];
    if (event.key === 'Escape' && this.dismissible && notice) {
      event.stopPropagation();
      this.#dismiss(notice);
    }
  }

  #dismiss(notice: Notice): void {
    const event = new StatusBannerDismissEvent(notice);
    this.dispatchEvent(event);
    if (event.defaultPrevented) return;
    const hadFocus = this.matches(':focus-within');
    void this.#controller.client?.dismiss(notice.id);
    if (hadFocus) {
      // The focused button is about to go: hand focus to the next notice's, so a keyboard user keeps their
      // place instead of being dropped at the top of the document.
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.dismiss')?.focus());
    }
  }
}
