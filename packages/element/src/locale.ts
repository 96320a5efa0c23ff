/** The languages the banner speaks, by BCP 47 tag; English is built in, the others load on demand. */
export const LOCALES = ['en', 'es', 'fr', 'de', 'it', 'pt-BR', 'nl', 'ja', 'ko', 'zh-CN', 'ar', 'he'] as const;

/** One of {@link LOCALES}. */
export type Locale = (typeof LOCALES)[number];

/**
 * The language to speak for a language tag (`de-AT`, `pt`, `zh-Hans-SG`): the tag itself, or the language the
 * banner speaks for its language subtag, else `undefined`. Chinese written in Traditional characters (`zh-TW`,
 * `zh-HK`, `zh-Hant`) has no match: Simplified would be the wrong script.
 */
export function matchLocale(tag: string | null | undefined): Locale | undefined {
  if (!tag) return undefined;
  if (!matched.has(tag)) matched.set(tag, match(tag));
  return matched.get(tag);
}

/** What {@link matchLocale} said for each tag: it runs at every render. */
const matched = new Map<string, Locale | undefined>();

function match(tag: string): Locale | undefined {
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(tag);
  } catch {
    return undefined;
  }
  // Only Chinese needs its likely script (`zh-TW` is Traditional): `maximize` loads the runtime's table of them,
  // which costs tens of milliseconds the first time.
  if (locale.language === 'zh' && locale.maximize().script !== 'Hans') return undefined;
  return LOCALES.find((code) => code.split('-')[0] === locale.language);
}

/**
 * The banner's language: that of the nearest `lang` attribute (the element's own, an ancestor's, the
 * document's) when there is one, else the first of the browser's languages the banner speaks; English when
 * neither is spoken. A page that says it is in a language the banner does not speak gets English, not the
 * browser's language: the banner then reads like the page's other foreign-language chrome.
 */
export function pickLocale(element: Element): Locale {
  // The document's too, for a banner inside another component's shadow root, where `closest` stops.
  const declared = element.closest('[lang]')?.getAttribute('lang') || element.ownerDocument.documentElement.getAttribute('lang');
  if (declared) return matchLocale(declared) ?? 'en';
  for (const tag of globalThis.navigator?.languages ?? []) {
    const match = matchLocale(tag);
    if (match) return match;
  }
  return 'en';
}
