// What the npm entry installs (lazy.ts): the view and the languages as dynamic imports, so an app's bundler
// puts each in a chunk of its own that loads only when a banner shows, or speaks that language.

import type { ElementLoader } from './lazy.js';
import type { Locale } from './locale.js';
import type { StatusBannerStrings } from './strings.js';

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

/** The words of a language other than English, from a chunk of the same build. */
export const bundledLocale = (locale: Exclude<Locale, 'en'>): Promise<StatusBannerStrings> => locales[locale]().then((module) => module.default);

/** Loads the view and the languages from chunks of the app's own bundle; nothing to check. */
export const bundledLoader: ElementLoader = { view: () => import('./banner-view.js'), locale: bundledLocale };
