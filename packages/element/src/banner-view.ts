// How <status-banner> presents what its client knows: which notices to show and how (a just-resolved
// incident, stale data, a preview), in which language, with what motion and focus behaviour. Loaded with Lit
// and the templates only once there is something to show (lazy.ts), so a page where all is well never pays
// for any of it. One BannerView per element, made by the element when it first needs one. The view reads the
// element's properties and renders into its shadow root; what it did, it reports (`BannerReports`): the element
// reflects, stores and dispatches.

import type { Notice, Severity, StatusState } from '@status-banner/core';
import { renderBanner, type BannerActions, type BannerModel } from './banner-template.js';
import { loadLocale } from './lazy.js';
import { PRIMING_MS } from './live-region.js';
import { pickLocale, type Locale } from './locale.js';
import { ownNotice, ownPageUrl } from './own-notice.js';
import { en, type StatusBannerStrings } from './strings.js';
import type { StatusBannerElement } from './status-banner-element.js';
import { styles } from './styles.js';

const words = new Map<Locale, Promise<Partial<StatusBannerStrings>>>([['en', Promise.resolve({})]]);
/** Whether the browser has a top layer for popovers (Chromium 114, Safari 17, Firefox 125). */
const TOP_LAYER = typeof HTMLElement !== 'undefined' && 'showPopover' in HTMLElement.prototype;

/** What the view reads of its element: the properties that shape the banner, the state, and the shadow root. */
export type BannerHost = Pick<
  StatusBannerElement,
  'state' | 'preview' | 'whenStale' | 'strings' | 'dismissible' | 'position' | 'push' | 'resolvedLinger' | 'renderRoot' | 'adoptStyles' | 'requestUpdate' | 'updateComplete'
> &
  HTMLElement;

/** What the banner shows, reported at every render. */
export interface BannerShown {
  /** The severity of the notice on the banner (a leaving banner keeps its own until it has gone); undefined when nothing is. */
  severity: Severity | undefined;
  /** The notice on the banner is an incident just resolved. */
  resolved: boolean;
  /** The banner says its data may be out of date. */
  stale: boolean;
}

/** What the view tells its element, which owns what follows from it (attributes, storage, events). */
export interface BannerReports {
  /** At each render: what goes on screen. */
  shown(shown: BannerShown): void;
  /**
   * For a `push` banner, once its state is known: the height of the banner on screen, or undefined when it
   * shows nothing (or is leaving).
   */
  height(height: number | undefined): void;
  /** The user asked to dismiss `notice`: returns whether it went ahead (a listener may cancel it). */
  dismiss(notice: Notice): boolean;
}

/** The views showing something: told when a `lang` attribute changes anywhere in the document. */
const speaking = new Set<BannerView>();
let langWatch: MutationObserver | undefined;

/**
 * Follows the page's language while `view` shows something (`on`), or stops: an app that switches `<html lang>`
 * (or a section's) gets the banner in the new language at once, not at the next half-minute refresh. One
 * observer for the page, only while a banner shows.
 */
function followLang(view: BannerView, host: BannerHost, on: boolean): void {
  if (on === speaking.has(view)) return;
  if (on) speaking.add(view);
  else speaking.delete(view);
  if (on && !langWatch) {
    langWatch = new MutationObserver(() => speaking.forEach((each) => each.relabel()));
    langWatch.observe(host.ownerDocument.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  } else if (!speaking.size) {
    langWatch?.disconnect();
    langWatch = undefined;
  }
}

/** Whether the banner sits in the page's flow and moves its content: `push` is for `top` and `bottom` only. */
const pushes = (host: BannerHost) => !!host.push && (host.position === 'top' || host.position === 'bottom');

/** The presentation of one `<status-banner>`. */
export class BannerView {
  #host: BannerHost;
  #reports: BannerReports;
  /** The notice last shown first from a real snapshot: to notice when it resolves. */
  #top: Notice | undefined;
  #resolved: Notice | undefined;
  /** What was rendered last, to play its exit when there is nothing more to show. */
  #model: BannerModel | undefined;
  /** Where focus was before it entered the banner: where it goes back when the last notice is dismissed. */
  #returnFocus: HTMLElement | undefined;
  /** When the resolved incident shown stops lingering (ms since the epoch). */
  #resolvedUntil = 0;
  /** Set while the view hands focus on after a dismissal. */
  #handingOn = false;
  #timers: Record<'clock' | 'linger', ReturnType<typeof setTimeout> | undefined> = { clock: undefined, linger: undefined };
  /** A preview the user dismissed: hidden until the preview changes. */
  #dismissedPreview: string | undefined;
  #expanded = false;
  #clamped = false;
  #listOpen = false;
  #actions: BannerActions = {
    dismiss: (notice) => this.#dismiss(notice),
    toggleDetail: () => this.#set(() => (this.#expanded = !this.#expanded)),
    toggleList: () => this.#set(() => (this.#listOpen = !this.#listOpen)),
    escape: () => {
      const first = this.#model?.notices[0];
      if (this.#listOpen) {
        this.#set(() => (this.#listOpen = false));
        this.#host.renderRoot.querySelector<HTMLElement>('.more')?.focus();
      } else if (this.#host.dismissible && first && !this.#model?.resolved) this.#dismiss(first);
    },
    focusIn: (event) => {
      const from = event.relatedTarget;
      // Where focus came from, to hand it back once the banner's last notice goes; nothing, when it came from
      // nothing (a click): an element from an earlier visit is not where the user is now.
      if (from instanceof Node && (this.#host.contains(from) || this.#host.renderRoot.contains(from))) return;
      if (!from && this.#handingOn) return;
      this.#returnFocus = from instanceof HTMLElement ? from : undefined;
    },
  };

  constructor(host: BannerHost, reports: BannerReports) {
    this.#host = host;
    this.#reports = reports;
  }

  /** Brings the banner in line with the element's properties and state. */
  async update(): Promise<void> {
    const host = this.#host;
    const { state } = host;
    const preview = host.preview?.trim();
    const tokens = preview?.split(/\s+/) ?? [];
    const stale = preview ? tokens.includes('stale') : !!state.stale;
    let notices = preview ? [] : stale && host.whenStale === 'hide' ? [] : state.notices.map(ownNotice);
    if (!preview) this.#follow(state, notices);

    const locale = pickLocale(host);
    if (!words.has(locale)) words.set(locale, loadLocale(locale as Exclude<Locale, 'en'>));
    let strings: StatusBannerStrings;
    try {
      strings = { ...en, ...(await words.get(locale)), ...host.strings };
    } catch (error) {
      // The words of a language did not load: English says it, rather than nothing.
      words.set(locale, Promise.resolve({}));
      console.warn('[status-banner] the words for', locale, 'did not load', error);
      strings = { ...en, ...host.strings };
    }
    let resolved = this.#resolved;
    if (preview !== this.#dismissedPreview) this.#dismissedPreview = undefined;
    if (preview && !this.#dismissedPreview) {
      notices = sampleNotices(preview, strings);
      if (tokens.includes('resolved') && notices[0]!.kind === 'incident') resolved = notices[0];
    }
    const top = resolved ?? notices[0];
    if (top?.id !== (this.#model?.resolved ?? this.#model?.notices[0])?.id) this.#expanded = false;
    // The list closes with its last entry.
    if (notices.filter((notice) => notice.id !== top?.id).length === 0) this.#listOpen = false;
    const root = host.renderRoot;
    let model: BannerModel | undefined;
    if (top) {
      model = {
        notices,
        resolved,
        stale,
        // A preview links to a placeholder, so the link can be styled too.
        pageUrl: preview ? 'https://example.com/status' : ownPageUrl(state.snapshot?.page),
        strings,
        lang: locale,
        dir: locale === 'ar' || locale === 'he' ? 'rtl' : 'ltr',
        dismissible: host.dismissible,
        primed: true,
        leaving: false,
        expanded: this.#expanded,
        clamped: this.#clamped,
        listOpen: this.#listOpen,
        overlay: TOP_LAYER && host.position !== 'inline' && !pushes(host),
      };
      host.adoptStyles(styles);
      if (!root.querySelector('.base') || this.#model?.leaving) {
        // No live region yet (the element puts one there while the view loads; this is a banner coming back):
        // an empty one first, its words a moment later (live-region.ts).
        this.#render({ ...model, primed: false });
        await new Promise((resolve) => setTimeout(resolve, PRIMING_MS));
      }
    } else if (this.#model?.leaving) {
      // Still leaving: nothing cuts the exit short.
      model = this.#model;
    } else if (this.#model && !matchMedia('(prefers-reduced-motion: reduce)').matches) {
      // Play the exit, inert (no focus, no announcement), then clear.
      model = { ...this.#model, leaving: true };
    }
    const leaves = !!model?.leaving && model !== this.#model;
    this.#model = model;
    // Reported before the render, so the page's CSS for it applies when the clamp below is measured: a leaving
    // banner keeps its colours until it has gone.
    this.#reports.shown({ severity: (model?.resolved ?? model?.notices[0])?.severity, resolved: !!model?.resolved, stale: !!model?.stale });
    this.#render(model);
    if (leaves) this.#exit(model!);
    // Offer "Show more" only when the clamp actually hides text.
    const detail = root.querySelector('.detail');
    if (!this.#expanded) {
      const clamped = !!detail && detail.scrollHeight > detail.clientHeight + 1;
      if (clamped !== this.#clamped) this.#set(() => (this.#clamped = clamped));
    }
    this.#settle(state, model);
    followLang(this, host, !!model && !model.leaving && host.isConnected);
  }

  /** Whether anything is shown, or still leaving. */
  get showing(): boolean {
    return !!this.#model;
  }

  /** Forgets what was shown first: it came from another source, so its leaving resolves nothing. */
  forget(): void {
    this.#top = this.#resolved = undefined;
    clearTimeout(this.#timers.linger);
    this.#timers.linger = undefined;
  }

  /** Renders again when the language it would speak now is not the one it speaks. */
  relabel(): void {
    if (this.#model && pickLocale(this.#host) !== this.#model.lang) this.#host.requestUpdate();
  }

  /** Stops its timers (the element left the page). */
  stop(): void {
    followLang(this, this.#host, false);
    for (const name of ['clock', 'linger'] as const) {
      clearTimeout(this.#timers[name]);
      this.#timers[name] = undefined;
    }
  }

  /** Renders `model`, and shows an overlay in the top layer (an empty live region too: it must be on screen). */
  #render(model: BannerModel | undefined): void {
    const root = this.#host.renderRoot;
    renderBanner(root, this.#host, model, this.#actions);
    const base = root.querySelector<HTMLElement>('.base');
    base?.toggleAttribute('inert', !!model?.leaving);
    if (base?.popover && !base.matches(':popover-open')) base.showPopover();
  }

  /**
   * Clears the leaving banner once its exit has played, for as long as `--status-banner-duration` makes it (at
   * once when the page's CSS gave it none). Its animation ends early only when the banner leaves the page, and
   * then the banner is cleared, with nothing to play, when it comes back.
   */
  #exit(leaving: BannerModel): void {
    const base = this.#host.renderRoot.querySelector('.base');
    const exit = base?.getAnimations().find((animation) => (animation as CSSAnimation).animationName === 'leave');
    const done = () => {
      if (this.#model !== leaving) return;
      this.#model = undefined;
      this.#host.requestUpdate();
    };
    void (exit?.finished ?? Promise.resolve()).then(done, done);
  }

  #set(change: () => unknown): void {
    change();
    this.#host.requestUpdate();
  }

  /**
   * Notices when the incident shown first drops out of the snapshot, as a resolved incident does, and keeps it
   * for `resolved-linger` seconds, marked resolved, while nothing else is open: an open notice always outranks
   * a resolved one, in what is shown, in `severity` and in what is announced. A dismissed or filtered-out
   * notice is still in the snapshot, and maintenance that ends simply goes.
   */
  #follow(state: StatusState, notices: Notice[]): void {
    const previous = this.#top;
    const linger = this.#host.resolvedLinger ?? 10;
    if (previous?.kind === 'incident' && linger > 0 && state.snapshot && !state.snapshot.notices.some((notice) => notice.id === previous.id)) {
      this.#resolved = previous;
      this.#resolvedUntil = Date.now() + linger * 1000;
      clearTimeout(this.#timers.linger);
      this.#timers.linger = undefined;
    }
    // Something open (news, or the same incident reopened), or the client started over: nothing is resolved.
    if (!state.snapshot || notices.length) {
      this.#resolved = undefined;
      clearTimeout(this.#timers.linger);
      this.#timers.linger = undefined;
    }
    // Armed here, and again after the element was moved (leaving the page stops every timer).
    if (this.#resolved && !this.#timers.linger) {
      const end = () => this.#set(() => ((this.#resolved = undefined), (this.#timers.linger = undefined)));
      // (A timer fires at once past 2^31 - 1 ms: a linger of 25 days or more lasts 24.8.)
      this.#timers.linger = setTimeout(end, Math.min(2 ** 31 - 1, Math.max(0, this.#resolvedUntil - Date.now())));
    }
    this.#top = state.snapshot ? notices[0] : undefined;
  }

  /** After each update: keep relative times true, and remember (or forget) the height a push banner reserves. */
  #settle(state: StatusState, model: BannerModel | undefined): void {
    const host = this.#host;
    clearTimeout(this.#timers.clock);
    // Re-render while a notice shows, so "updated 5 minutes ago" stays true.
    if (model && !model.leaving) this.#timers.clock = setTimeout(() => host.requestUpdate(), 30_000);
    if (!pushes(host) || (!model && state.status === 'loading')) return;
    this.#reports.height(model && !model.leaving ? host.renderRoot.querySelector('.base')?.getBoundingClientRect().height : undefined);
  }

  #dismiss(notice: Notice): void {
    const host = this.#host;
    // (An overlay sits in the top layer, where Chromium does not match the host to :focus-within: ask its root.)
    const hadFocus = !!(host.renderRoot as ShadowRoot).activeElement || host.matches(':focus-within');
    if (!this.#reports.dismiss(notice)) return;
    // A preview's dismiss button works too, for this page only: nothing is stored.
    if (host.preview) this.#set(() => (this.#dismissedPreview = host.preview?.trim()));
    // The focused button is about to go: hand focus to the next notice's, or back to where it came from, so a
    // keyboard user keeps their place instead of being dropped at the top of the document.
    if (hadFocus) {
      void host.updateComplete.then(() => {
        const next = this.#model && !this.#model.leaving ? host.renderRoot.querySelector<HTMLElement>('.dismiss') : undefined;
        // (The removed button took focus with it: the next one gets it from nothing, which is no new visit.)
        this.#handingOn = true;
        try {
          (next ?? this.#returnFocus)?.focus();
        } finally {
          this.#handingOn = false;
        }
      });
    }
  }
}

/**
 * Sample notices for the `preview` attribute: a severity (`none`, `minor`, `major`, `critical`,
 * `maintenance`) and any of `scheduled` (maintenance not yet begun), `several` (three notices), `long` (a
 * long latest update). `resolved` and `stale` are the element's to apply.
 */
export function sampleNotices(preview: string, text: StatusBannerStrings, now = Date.now()): Notice[] {
  const tokens = preview.split(/\s+/);
  const severity = (['none', 'minor', 'major', 'critical', 'maintenance'] as Severity[]).find((s) => tokens.includes(s)) ?? 'major';
  const maintenance = severity === 'maintenance';
  const scheduled = maintenance && tokens.includes('scheduled');
  const hour = 3_600_000;
  const iso = (offset: number) => new Date(Math.floor(now / 60_000) * 60_000 + offset).toISOString();
  const sample = (id: string, severity: Severity, title: string, extra: Partial<Notice> = {}): Notice => ({
    id,
    kind: severity === 'maintenance' ? 'maintenance' : 'incident',
    title,
    severity,
    phase: severity === 'maintenance' ? 'in_progress' : 'identified',
    message: text.sampleUpdate,
    updatedAt: iso(-5 * 60_000),
    componentIds: [],
    revision: `preview-${id}`,
    ...extra,
  });
  const first = maintenance
    ? sample('preview', 'maintenance', text.sampleMaintenance, scheduled
        ? { phase: 'scheduled', scheduledStart: iso(2 * hour), scheduledEnd: iso(4 * hour) }
        : { startedAt: iso(-hour), scheduledEnd: iso(hour) })
    : sample('preview', severity, text.sampleIncident);
  if (tokens.includes('long')) first.message = `${text.sampleUpdate}\n\n${text.sampleUpdate} ${text.sampleUpdate}`;
  if (!tokens.includes('several')) return [first];
  return [
    first,
    sample('preview-2', 'minor', text.sampleIncident, { message: undefined }),
    sample('preview-3', 'maintenance', text.sampleMaintenance, { phase: 'scheduled', message: undefined, scheduledStart: iso(20 * hour), scheduledEnd: iso(22 * hour) }),
  ];
}
