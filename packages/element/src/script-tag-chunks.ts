// The script-tag build's stand-in for core's and the element's lazy.ts: the code they load later comes from
// files beside the script-tag file (status-banner.view.js, status-banner.sse.js, status-banner.providers.js),
// found from the script's own URL, so the one file a page includes stays small and a page where all is well loads nothing else. (The view
// is an ES module: it loads the words of other languages, status-banner.locale-fr.js and so on, by itself.)

import type { loadMoreSources as LoadMoreSources, loadStream as LoadStream } from '../../core/src/lazy.js';
// In this build, the script tag's own registry (script-tag-sources.ts).
import { findSource, sources } from '../../core/src/sources/index.js';
import type { StatusSource } from '../../core/src/types.js';
import type { loadView as LoadView } from './lazy.js';

// Only readable while the script-tag file runs, which is when this module is evaluated.
const base = (globalThis.document?.currentScript as HTMLScriptElement | null)?.src || globalThis.document?.baseURI;
const load = (name: string) => import(/* @vite-ignore */ new URL(`status-banner.${name}.js`, base).href);

export const loadView: typeof LoadView = () => load('view');
export const loadStream: typeof LoadStream = () => load('sse').then((module) => module.readStream);

let more: Promise<void> | undefined;

/**
 * Loads every provider's source, once, and puts them in discovery order beside the built-in ones (which stay
 * the objects they are). If the file cannot be loaded, the built-in ones are all there is, for this page.
 */
export const loadMoreSources: typeof LoadMoreSources = () =>
  (more ??= load('providers').then(
    ({ builtInSources: all }: { builtInSources: StatusSource[] }) => {
      sources.splice(0, sources.length, ...all.map((source) => findSource(source.id) ?? source));
    },
    (error) => console.warn('[status-banner] the other providers could not be loaded', error),
  ));
