import { parseSelectors, type Notice, type Severity, type StatusState } from '@status-banner/core';
import { BaseElement, toNumber } from './base-element.js';
import { StatusBannerDismissEvent } from './events.js';
import { loadView } from './lazy.js';
import { StatusController } from './status-controller.js';
import type { StatusBannerStrings } from './strings.js';

type View = Awaited<ReturnType<typeof loadView>>;
let view: Promise<View> | undefined;
let warned = false;

/** Where the banner sits. `top` and `bottom` overlay the page without moving it; `inline` stays where placed. */
export type StatusBannerPosition = 'top' | 'bottom' | 'inline';

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
export class StatusBannerElement extends BaseElement {
  static {
    this.reactive({
      src: String,
      stream: String,
      transport: String,
      provider: String,
      interval: toNumber,
      components: String,
      position: String,
      // `dismissible="false"` turns it off; absence or any other value leaves it on.
      dismissible: (value: string | null) => value !== 'false',
      maintenanceLead: toNumber,
      strings: null,
      _expanded: null,
      _clamped: null,
    });
  }

  /** The status endpoint, or a status page's base URL (`https://www.githubstatus.com`). */
  declare src: string | undefined;
  /**
   * A server-sent event stream of the same status in the native protocol. With it the banner updates by push
   * and polls `src` only if streaming fails.
   */
  declare stream: string | undefined;
  /** `auto` (default: stream when `stream` is set, else poll), `sse` or `poll`. */
  declare transport: 'auto' | 'sse' | 'poll' | undefined;
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
  /** Replacements for any of the banner's words (see `en` for the keys). */
  declare strings: Partial<StatusBannerStrings> | undefined;
  /** The severity shown, reflected for styling; absent when nothing is shown. Read-only. */
  declare severity: Severity | undefined;
  /** @internal Whether the latest update is shown in full. */
  declare _expanded: boolean;
  /** @internal Whether the clamp hides part of the latest update. */
  declare _clamped: boolean;

  #controller = new StatusController(this);
  #shown: string | undefined;
  /** Where focus was before it entered the banner: where it goes back when the last notice is dismissed. */
  #returnFocus: HTMLElement | undefined;
  #clock: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    // Defaults fill only what a framework did not set before the element was defined.
    this.position ??= 'top';
    this.dismissible ??= true;
    this._expanded = this._clamped = false;
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
  }

  protected override async update(): Promise<void> {
    const src = this.src?.trim();
    this.#controller.configure(
      src && {
        src,
        stream: this.stream?.trim() || undefined,
        transport: (['sse', 'poll'] as const).find((transport) => transport === this.transport),
        provider: this.provider || undefined,
        interval: this.interval,
        maintenanceLead: this.maintenanceLead,
        components: parseSelectors(this.components),
      },
    );
    if (!['top', 'bottom', 'inline'].includes(this.position)) this.position = 'top';
    this.reflect('position', this.position);
    const notice = this.state.notices[0];
    this.severity = notice?.severity;
    this.reflect('severity', this.severity);
    if (notice?.id !== this.#shown) this._expanded = false;
    this.#shown = notice?.id;
    // Nothing to show and nothing shown yet: the templates need not even load.
    if (!notice && !this.renderRoot.firstChild) return;
    let loaded: View;
    try {
      loaded = await (view ??= loadView());
    } catch (error) {
      // Its file missing, or blocked by the page's CSP: show nothing, say so once, and try again on news.
      view = undefined;
      if (!warned) console.warn('[status-banner] the banner could not load its view', error);
      warned = true;
      return;
    }
    this.adoptStyles(loaded.styles);
    loaded.renderBanner(this);
    // Offer "Show more" only when the clamp actually hides text.
    const detail = this.renderRoot.querySelector('.detail');
    if (!this._expanded) this._clamped = !!detail && detail.scrollHeight > detail.clientHeight + 1;
    // Re-render while a notice shows, so "updated 5 minutes ago" stays true.
    clearTimeout(this.#clock);
    if (this.#shown) this.#clock = setTimeout(() => this.requestUpdate(), 30_000);
  }

  /** @internal Remembers the element outside the banner that focus came from. */
  _focusIn(event: FocusEvent): void {
    const from = event.relatedTarget;
    if (from instanceof HTMLElement && !this.contains(from) && !this.renderRoot.contains(from)) this.#returnFocus = from;
  }

  /** @internal The user's dismissal of `notice`. */
  _dismiss(notice: Notice): void {
    const event = new StatusBannerDismissEvent(notice);
    if (!this.dispatchEvent(event)) return;
    const hadFocus = this.matches(':focus-within');
    void this.#controller.client?.dismiss(notice.id);
    this.#controller.flush();
    // The focused button is about to go: hand focus to the next notice's, or back to where it came from, so a
    // keyboard user keeps their place instead of being dropped at the top of the document.
    if (hadFocus) {
      void this.updateComplete.then(() => {
        const next = this.renderRoot.querySelector<HTMLElement>('.dismiss') ?? this.#returnFocus;
        if (next?.isConnected) next.focus();
      });
    }
  }
}
