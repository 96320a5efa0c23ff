// The element's seam for code it loads only when it needs it: the banner's view, the words of a language other
// than English, and the script tag's check that its files are served. The element asks the loader an entry
// point installed: the package's npm entry installs imports a bundler splits off (bundled-loader.ts); the
// script-tag file installs one that loads the same code from the files beside it (script-tag-loader.ts).

import type { Locale } from './locale.js';
import type { StatusBannerStrings } from './strings.js';

/** Where the element loads code on demand from. */
export interface ElementLoader {
  /** The banner's templates and styles (and Lit with them). Without it, the plain-text view shows. */
  view?: () => Promise<typeof import('./banner-view.js')>;
  /** The words of a language other than English. Without it, English. */
  locale?: (locale: Exclude<Locale, 'en'>) => Promise<StatusBannerStrings>;
  /** Checks that the files loaded on demand can be loaded (the script tag's files must be served beside it). */
  check?: () => void;
}

let loader: ElementLoader = {};

/** Installs where the element loads code on demand from; parts given replace those installed before. */
export function installElementLoader(next: ElementLoader): void {
  loader = { ...loader, ...next };
}

/** The banner's templates and styles, from the installed loader. */
export const loadView = (): Promise<typeof import('./banner-view.js')> =>
  loader.view ? loader.view() : Promise.reject(new Error('no view is installed'));

/** Runs the installed loader's check, if it has one. */
export const checkFolder = (): void => loader.check?.();

/** The words of a language other than English, from the installed loader. */
export const loadLocale = (locale: Exclude<Locale, 'en'>): Promise<StatusBannerStrings> =>
  loader.locale ? loader.locale(locale) : Promise.reject(new Error(`no words for ${locale} are installed`));
