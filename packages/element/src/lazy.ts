// What the element loads only when it needs it. Here, for the npm build, imports of the modules beside this
// one, which a bundler splits off; the script-tag build swaps this module for one that loads the same code
// from files beside the script (script-tag-chunks.ts).

import type { Locale } from './locale.js';
import type { StatusBannerStrings } from './strings.js';

/** The banner's templates and styles (and Lit with them). */
export const loadView = (): Promise<typeof import('./banner-view.js')> => import('./banner-view.js');

const locales: Record<Exclude<Locale, 'en'>, () => Promise<{ default: StatusBannerStrings }>> = {
  es: () => import('./locales/es.js'),
  fr: () => import('./locales/fr.js'),
  de: () => import('./locales/de.js'),
  it: () => import('./locales/it.js'),
  'pt-BR': () => import('./locales/pt-BR.js'),
  nl: () => import('./locales/nl.js'),
  ja: () => import('./locales/ja.js'),
  ko: () => import('./locales/ko.js'),
  'zh-CN': () => import('./locales/zh-CN.js'),
  ar: () => import('./locales/ar.js'),
  he: () => import('./locales/he.js'),
};

/**
 * Checks that the files loaded on demand can be loaded: only the script-tag build needs to (its files must be
 * served beside it); a bundler puts them in the app's own build.
 */
export const checkFolder = (): void => {};

/** The words of a language other than English. */
export const loadLocale = (locale: Exclude<Locale, 'en'>): Promise<StatusBannerStrings> => locales[locale]().then((module) => module.default);
