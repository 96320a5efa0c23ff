import type { Notice, Severity, StatusState } from '@status-banner/core';
import { createHintStore } from '@status-banner/core/shared';
import { BaseElement } from './base-element.js';
import type { BannerReports, BannerView } from './banner-view.js';
import { StatusBannerDismissEvent } from './events.js';
import { renderFallback } from './fallback-view.js';
import { ownNotice, ownPageUrl } from './own-notice.js';
import { loadView } from './lazy.js';
import { primeLiveRegion } from './live-region.js';
import { clientOptions, PLATFORM_ATTRIBUTES, PROPERTIES, type BannerProperties } from './properties.js';
import { StatusController } from './status-controller.js';

export type { StatusBannerCorner, StatusBannerPosition, StatusBannerTheme } from './properties.js';

let view: ReturnType<typeof loadView> | undefined;
let reported = false;

const POSITIONS = ['top', 'bottom', 'inline', 'corner'];
const CORNERS = ['bottom-right', 'bottom-left', 'top-right', 'top-left'];

/**
 * A live status banner: shows the most severe open incident or maintenance of a status page, and nothing when
 * all is well or the page cannot be reached.
 *
 * @summary Live, dismissible, accessible status banner for any status page.
 *
 * @slot icon - Replaces the severity icon.
 * @slot message - Shown below the latest update: words of your own ("Orders placed now will still ship").
 * @slot actions - Before the link: buttons or links of your own ("Contact support").
 *
 * @csspart base - The banner box (the live region).
 * @csspart icon - The severity icon.
 * @csspart message - The headline, latest update and times.
 * @csspart headline - The severity word and the title.
 * @csspart severity - The severity word ("Major incident:").
 * @csspart title - The notice's title.
 * @csspart detail - The latest update.
 * @csspart toggle - The "Show more" button of a clamped update.
 * @csspart meta - The phase and the time ("Identified · Updated 5 minutes ago").
 * @csspart stale - "May be out of date", inside `meta`.
 * @csspart actions - The slot for your actions, the link, the "+N more" button and the dismiss button.
 * @csspart link - The link to the incident or status page.
 * @csspart more-button - The "+N more" button.
 * @csspart dismiss-button - The dismiss button.
 * @csspart list - The list of further notices "+N more" opens.
 * @csspart item - One notice of that list.
 *
 * @cssproperty --status-banner-font-family - Font stack. Default: the system UI font.
 * @cssproperty --status-banner-font-size - Base size. Default 14px.
 * @cssproperty --status-banner-line-height - Line height. Default 1.45.
 * @cssproperty --status-banner-padding - Padding of the box. Default 10px 16px.
 * @cssproperty --status-banner-compact-padding - Padding of a `compact` box. Default 6px 12px.
 * @cssproperty --status-banner-gap - Space between icon, message and actions. Default 12px.
 * @cssproperty --status-banner-radius - Corner radius. Default 0, and 8px for `corner`.
 * @cssproperty --status-banner-border - Border of the box. Default none.
 * @cssproperty --status-banner-shadow - Box shadow. Default none, and a soft shadow for `corner`.
 * @cssproperty --status-banner-z-index - Stacking order of overlays and of a `push` banner. Default 2147483000.
 * @cssproperty --status-banner-max-height - Tallest an overlay gets before it scrolls. Default 50vh.
 * @cssproperty --status-banner-max-width - Widest a `corner` toast gets. Default 420px.
 * @cssproperty --status-banner-offset - Distance of a `corner` toast from the window's edges. Default 16px.
 * @cssproperty --status-banner-icon-size - Size of the icons. Default 20px.
 * @cssproperty --status-banner-focus-color - Colour of the focus ring. Default: the text colour.
 * @cssproperty --status-banner-duration - Length of the enter and exit animations (none under reduced motion). Default 0.2s.
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
 * @cssproperty --status-banner-resolved-background - Background of a just-resolved incident.
 * @cssproperty --status-banner-resolved-color - Text of a just-resolved incident.
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
    this.reactive(PROPERTIES);
  }

  static override get observedAttributes(): string[] {
    // `lang` is the page's own attribute, with the platform's property: watched, not redefined.
    return [...super.observedAttributes, ...PLATFORM_ATTRIBUTES];
  }

  #controller = new StatusController(this, (state) => {
    if (view || !state.notices.length) return;
    // The view starts loading the moment the first notice arrives, not a frame later when the banner renders.
    // (Its failure is handled where the update awaits it.)
    (view = loadView()).catch(() => {});
    // While it downloads, the runtime loads its Intl data, which the first formatter pays for (some 50 ms on a
    // fast machine): the banner's "updated 5 minutes ago" would otherwise wait for it once the view is here.
    setTimeout(() => {
      try {
        new Intl.RelativeTimeFormat();
      } catch {
        // No Intl: the view copes.
      }
    });
  });
  /** How it looks and behaves on screen, loaded once there is something to show. */
  #view: BannerView | undefined;
  /** The snapshot the view last failed to load for, shown as plain text: the view is tried again on news. */
  #fallback: object | undefined;
  #severity: Severity | undefined;
  /** The inline styles that hold a push banner's height while it connects, as the element set them. */
  #reserved: { display?: string; minHeight: string } | undefined;
  /** What the view tells the element: the element reflects it, stores it, and fires the events. */
  #reports: BannerReports = {
    shown: ({ severity, resolved, stale }) => {
      this.#show(severity);
      this.toggleAttribute('resolved', resolved);
      this.toggleAttribute('stale', stale);
    },
    height: (height) => this.#reserve(height),
    dismiss: (notice) => this.#dismiss(notice),
  };

  /** The severity shown, reflected as the `severity` attribute for styling; undefined when nothing is shown. */
  get severity(): Severity | undefined {
    return this.#severity;
  }

  /** Sets what {@link severity} says, and reflects it. */
  #show(severity: Severity | undefined): void {
    this.#severity = severity;
    this.reflect('severity', severity);
  }

  /** What the banner knows now: the snapshot, the notices it would show, and the last error. */
  get state(): StatusState {
    return this.#controller.state;
  }

  /** Asks the status endpoint now instead of at the next poll (starting the client, if it has not yet). */
  refresh(): Promise<void> {
    // Settings made in this task reach the controller with the next update: it takes them now.
    this.#configure();
    return this.#controller.start()?.refresh() ?? Promise.resolve();
  }

  /** Hands the controller the client options the element's properties make (none for a preview). */
  #configure(): void {
    // Another source (or filter): what was shown is not the new one's to call resolved.
    if (this.#controller.configure(this.preview?.trim() ? undefined : clientOptions(this))) this.#view?.forget();
  }

  override connectedCallback(): void {
    // A push banner reserves the height it had last time before anything else happens: no layout shift if the
    // notice is still open.
    // (Block, inline on the element: its own styles arrive with the view. What the page set there itself wins.)
    const reserved = this.#pushes && Number(this.#height().get());
    if (reserved && !this.style.minHeight) {
      this.#reserved = { display: this.style.display ? undefined : 'block', minHeight: `${reserved}px` };
      Object.assign(this.style, this.#reserved);
    }
    super.connectedCallback();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#view?.stop();
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (name === 'lang') this.requestUpdate();
    else super.attributeChangedCallback(name, old, value);
  }

  protected override async update(): Promise<void> {
    const preview = this.preview?.trim();
    this.#configure();
    if (!POSITIONS.includes(this.position)) this.position = 'top';
    if (!CORNERS.includes(this.corner)) this.corner = 'bottom-right';
    this.reflect('position', this.position);
    if (this.position === 'corner') this.reflect('corner', this.corner);
    this.reflect('theme', ['light', 'dark', 'auto'].includes(this.theme) ? this.theme : undefined);
    this.toggleAttribute('push', !!this.push);
    this.toggleAttribute('compact', !!this.compact);
    // Nothing to show and nothing shown: the view need not even load.
    if (!this.#view && !preview && !this.state.notices.length) {
      if (this.#fallback) this.#showFallback();
      if (this.#pushes && this.state.status !== 'loading') this.#reserve(undefined);
      return;
    }
    const { state } = this;
    if (!this.#view && this.#fallback && this.#fallback === state.snapshot) return this.#showFallback();
    let primed: Promise<void> | undefined;
    try {
      if (!this.#view) {
        // The live region goes on the page empty while the view loads: what fills it is then announced.
        primed = primeLiveRegion(this.renderRoot, preview ? undefined : state.notices[0] && ownNotice(state.notices[0]).severity);
        const [{ BannerView }] = await Promise.all([(view ??= loadView()), primed]);
        // The plain-text fallback goes; the view renders into an empty root.
        if (this.#fallback) this.renderRoot.replaceChildren();
        this.#fallback = undefined;
        this.#view = new BannerView(this, this.#reports);
      }
    } catch (error) {
      // Its file missing or blocked (another origin without CORS, the page's CSP or Trusted Types): an outage must
      // still be told, so the banner says it in plain text, and the integration error is loud, once per page.
      view = undefined;
      await primed;
      if (!reported) console.error(`[status-banner] ${(error as Error).message ?? error}; showing plain text instead`, error);
      reported = true;
      this.#fallback = state.snapshot ?? {};
      return this.#showFallback();
    }
    await this.#view.update();
  }

  #showFallback(): void {
    const first = this.preview ? undefined : this.state.notices[0];
    const top = first && ownNotice(first);
    this.#show(top?.severity);
    renderFallback(this, top, ownPageUrl(this.state.snapshot?.page), (notice) => this.#dismiss(notice));
  }

  /**
   * The user's dismissal of `notice`: fires `status-banner-dismiss`, and unless a listener cancels
   * it, hides the notice (in every tab, until it has news). Returns whether it went ahead.
   */
  #dismiss(notice: Notice): boolean {
    if (!this.dispatchEvent(new StatusBannerDismissEvent(notice))) return false;
    void this.#controller.client?.dismiss(notice.id);
    this.#controller.flush();
    return true;
  }

  /**
   * Remembers the height a push banner reserves on the next load (`undefined` forgets it), and lets go of the
   * height reserved at connection: the banner's own now stands there. Only what the element itself set is undone,
   * and only while the page has not changed it since (a page may hide the banner with its own inline style).
   */
  #reserve(height: number | undefined): void {
    for (const [name, value] of Object.entries(this.#reserved ?? {}) as ['display' | 'minHeight', string | undefined][]) {
      if (value !== undefined && this.style[name] === value) this.style[name] = '';
    }
    this.#reserved = undefined;
    this.#height().set(height ? String(height) : undefined);
  }

  /** Whether the banner pushes the page's content: `push` is for `top` and `bottom` banners only. */
  get #pushes(): boolean {
    return !!this.push && (this.position === 'top' || this.position === 'bottom');
  }

  /** The height a push banner of this source reserves; without storage there is none, and at worst the page shifts once. */
  #height() {
    return createHintStore(`status-banner:push-height:${this.src?.trim()}`);
  }
}

// The table's properties (properties.ts) are the class's fields: typed there, not declared again above.
export interface StatusBannerElement extends BannerProperties {}

/** `K` when `T[K]` can be assigned, else `never`. */
type IfWritable<T, K extends keyof T> = (<V>() => V extends { [Q in K]: T[K] } ? 1 : 2) extends <V>() => V extends { -readonly [Q in K]: T[K] } ? 1 : 2
  ? K
  : never;

/**
 * The element's own settable properties (`src`, `position`, `strings` ...), read from the class, so a property
 * the element gains is one here with no other change: what the React and Vue wrappers take as props. Methods,
 * read-only properties (`state`, `severity`) and `HTMLElement`'s members are left out.
 */
export type StatusBannerProperties = {
  [K in keyof StatusBannerElement as K extends keyof HTMLElement
    ? never
    : StatusBannerElement[K] extends (...args: never[]) => unknown
      ? never
      : IfWritable<StatusBannerElement, K>]?: StatusBannerElement[K];
};
