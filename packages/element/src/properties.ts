// The one table of <status-banner>'s properties. Everything else that lists them is derived from it: the
// element's reactive properties and their TypeScript types, the attributes it observes, the data-* attributes a
// script tag may set, the options its status client gets, and (custom-elements-manifest.config.mjs reads this
// file) the custom-elements manifest. A property added here is one everywhere.

import type { StatusClientOptions } from '@status-banner/core';
import { parseSelectors } from '@status-banner/core/shared';
import { toNumber, type AttributeConverter, type ReactiveProperty } from './base-element.js';
import type { StatusBannerStrings } from './strings.js';

/**
 * Where the banner sits. `top` and `bottom` overlay the page without moving it, `corner` floats in a corner as
 * a toast, `inline` stays where it was placed.
 */
export type StatusBannerPosition = 'top' | 'bottom' | 'inline' | 'corner';
/** Which corner a `corner` banner floats in. */
export type StatusBannerCorner = 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right';
/** `light`, `dark`, or `auto` (the viewer's `prefers-color-scheme`). */
export type StatusBannerTheme = 'light' | 'dark' | 'auto';

/** One row of the table: a reactive property whose value is a `T`. */
export interface BannerProperty<T> extends ReactiveProperty {
  /** What a property that nothing set holds, from construction on. */
  default?: T;
  /** An option of the status client, of the same name: `true` as it is, or the value the client gets. */
  option?: true | ((value: T) => unknown);
  /** False for an attribute a script tag's data-* may not set. */
  script?: false;
}

/** A row of the table. The type argument is the property's TypeScript type (and the manifest's). */
const property = <T>(attribute: string | null, convert?: AttributeConverter, more?: Omit<BannerProperty<T>, 'attribute' | 'convert'>): BannerProperty<T> => ({
  attribute,
  convert,
  ...more,
});

/** A string attribute: removed is undefined. */
const text: AttributeConverter = (value) => value ?? undefined;
/** A boolean attribute: present (and not "false") is on. */
const flag: AttributeConverter = (value) => value !== null && value !== 'false';
/** A string option: blank is absent. */
const filled = (value: string | undefined) => value || undefined;

/** The properties of `<status-banner>`, in the order its documentation lists them. */
export const PROPERTIES = {
  /** The status endpoint, or a status page's base URL (`https://www.githubstatus.com`). */
  src: property<string | undefined>('src', text, { option: (value) => value?.trim() }),
  /**
   * A server-sent event stream of the same status in the native protocol. With it the banner updates by push
   * and polls `src` only if streaming fails.
   */
  stream: property<string | undefined>('stream', text, { option: (value) => filled(value?.trim()) }),
  /** `auto` (default: stream when `stream` is set, else poll), `sse` or `poll`. */
  transport: property<'auto' | 'sse' | 'poll' | undefined>('transport', text, {
    // `auto` is the client's own default: not an option.
    option: (value) => (value === 'sse' || value === 'poll' ? value : undefined),
  }),
  /**
   * A provider id (`statuspage`, `incidentio`, `instatus`, `betterstack`, `cachet`, `uptimekuma`, `statusio`,
   * `openstatus`, `sorry`, `heroku`, `slack`, `native`, or one registered with `defineProvider`); detected
   * when absent.
   */
  provider: property<string | undefined>('provider', text, { option: filled }),
  /**
   * The status page's IANA time zone (`Europe/Berlin`), for providers that write times without one and leave the
   * zone to the page's settings (Cachet). Default UTC.
   */
  timeZone: property<string | undefined>('time-zone', text, { option: filled }),
  /** Seconds between polls. Default 60. */
  interval: property<number | undefined>('interval', toNumber, { option: true }),
  /**
   * Component ids or names, comma-separated (or a JSON array for names with commas): only notices touching
   * them are shown. A group selects its children. When one of them is down and no notice names it, every
   * incident is shown (docs/providers.md, component targeting).
   */
  components: property<string | undefined>('components', text, { option: parseSelectors }),
  /** `top` (default) or `bottom` fixed overlay, a `corner` toast, or `inline` in the page's flow. */
  position: property<StatusBannerPosition>('position', text, { default: 'top' }),
  /** The corner of a `corner` banner. Default `bottom-right`. */
  corner: property<StatusBannerCorner>('corner', text),
  /**
   * With `top` or `bottom`: sit in the page's flow, stuck to its edge, and move the content instead of covering
   * it. The height of the last banner shown is reserved when the element connects, before it knows more, so a
   * notice still open on the next page load causes no layout shift.
   */
  push: property<boolean>('push', flag),
  /** `light` (default), `dark`, or `auto`. */
  theme: property<StatusBannerTheme>('theme', text),
  /** A denser, one-line banner: headline, time and actions; the latest update is left out. */
  compact: property<boolean>('compact', flag),
  /** Whether the user may dismiss notices. Default true; `dismissible="false"` turns it off. */
  dismissible: property<boolean>(
    'dismissible',
    // Absence or any value but "false" leaves it on.
    (value) => value !== 'false',
    { default: true },
  ),
  /** How far ahead scheduled maintenance is shown, in seconds. Default 86 400 (24 h). */
  maintenanceLead: property<number | undefined>('maintenance-lead', toNumber, { option: true }),
  /**
   * Seconds without a good answer after which a notice shown may be out of date, once a refresh then fails.
   * Default 600; a native payload's `staleAfterSeconds` takes precedence.
   */
  staleAfter: property<number | undefined>('stale-after', toNumber, { option: true }),
  /** What to do with a notice that may be out of date: `mark` it (default), or `hide` it. */
  whenStale: property<'mark' | 'hide' | undefined>('when-stale', text),
  /** Seconds a shown incident stays, marked resolved, after it is resolved. Default 10; 0 turns it off. */
  resolvedLinger: property<number | undefined>('resolved-linger', toNumber),
  /**
   * Shows sample text instead of a status page's, for styling: a severity (`none`, `minor`, `major`,
   * `critical`, `maintenance`) and any of `scheduled`, `resolved`, `stale`, `several` and `long`, e.g.
   * `preview="maintenance scheduled"`. Makes no requests and stores nothing; its dismiss button hides it until
   * the preview changes.
   */
  preview: property<string | undefined>('preview', text, {
    // A styling aid for the page's authors, not something a script tag turns on.
    script: false,
  }),
  /** Replacements for any of the banner's words, in every language (see `en` for the keys). */
  strings: property<Partial<StatusBannerStrings> | undefined>(null),
};

/** Each property of the table with its TypeScript type: the element's own fields. */
export type BannerProperties = {
  -readonly [K in keyof typeof PROPERTIES]: (typeof PROPERTIES)[K] extends BannerProperty<infer T> ? T : never;
};

/** Attributes the element watches that are the platform's, not the table's: the page's own `lang`. */
export const PLATFORM_ATTRIBUTES = ['lang'];

const rows = Object.entries(PROPERTIES) as [keyof BannerProperties, BannerProperty<unknown>][];

/** The attributes a script tag may set on the banner it mounts, as data-* (nothing else is copied: no data-onclick). */
export const SCRIPT_ATTRIBUTES: string[] = [
  ...rows.flatMap(([, row]) => (row.attribute && row.script !== false ? [row.attribute] : [])),
  ...PLATFORM_ATTRIBUTES,
];

/** The status client's options, read from an element's properties; undefined without a `src`. */
export function clientOptions(element: BannerProperties): StatusClientOptions | undefined {
  const options: Record<string, unknown> = {};
  for (const [name, { option }] of rows) if (option) options[name] = option === true ? element[name] : option(element[name]);
  return options.src ? (options as unknown as StatusClientOptions) : undefined;
}
