// The script-tag build's stand-in for core's and the element's lazy.ts: the code they load later comes from
// files beside the script-tag file (status-banner.view.js, status-banner.sse.js, status-banner.providers.js),
// found from the script's own URL, so the one file a page includes stays small and a page where all is well
// loads nothing else. (The view is an ES module: it loads the words of other languages,
// status-banner.locale-fr.js and so on, by itself.)
//
// Those files must be served beside it, from the page's origin or with CORS (`import()` of another origin's
// module needs it). A page that has only the script-tag file works until the day something breaks, so the
// loader checks once a day, when the page is idle, that the folder is served: the tiny status-banner.check.js
// loads, or a console error says what is wrong long before an outage does.

import type { loadMoreSources as LoadMoreSources, loadStream as LoadStream } from '../../core/src/lazy.js';
import { createHintStore } from '../../core/src/persistence/hint-store.js';
// In this build, the script tag's own registry (script-tag-sources.ts).
import { findSource, sources } from '../../core/src/sources/index.js';
import type { StatusSource } from '../../core/src/types.js';
import type { loadView as LoadView } from './lazy.js';
import { base } from './script-tag-self.js';
const HELP = 'serve every file of @status-banner/element/dist/ together, from the page\'s origin or with CORS, or use status-banner.standalone.min.js';

/** Imports `status-banner.<name>.js` from beside the script; a failure names the file, its URL and the fix. */
const load = (name: string) => {
  const url = new URL(`status-banner.${name}.js`, base).href;
  return import(/* @vite-ignore */ url).catch((cause: unknown) => {
    throw new Error(`status-banner.${name}.js did not load from ${url} (${(cause as Error)?.message ?? cause}): ${HELP}`, { cause });
  });
};

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
    (error: Error) => console.warn(`[status-banner] ${error.message}; only Statuspage and native pages can be read`),
  ));

/** The day the folder was last found served, per script URL. */
const checked = createHintStore(`status-banner:checked:${base}`);

/**
 * Once a day per browser (every page load where storage is blocked), when the page is idle: loads
 * status-banner.check.js from beside the script, and says loudly when it cannot.
 */
export function checkFolder(): void {
  const today = new Date().toISOString().slice(0, 10);
  if (checked.get() === today) return;
  const idle = globalThis.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 2000));
  idle(
    () =>
      void load('check').then(
        // Full, or blocked: not kept, so checked again next time.
        () => checked.set(today),
        (error: Error) => console.error(`[status-banner] ${error.message}. During an incident the banner would show plain text only.`),
      ),
    { timeout: 10_000 },
  );
}
