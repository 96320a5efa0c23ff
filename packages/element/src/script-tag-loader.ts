// The script-tag file's loaders (core's and the element's lazy.ts): the code they load later comes from files
// beside the script-tag file (status-banner.view.js, status-banner.sse.js, status-banner.providers.js), found
// from the script's own URL, so the one file a page includes stays small and a page where all is well loads
// nothing else. (The view is an ES module with its own loader for the words of other languages,
// status-banner.locale-fr.js and so on: script-tag-view.ts.)
//
// Those files must be served beside it, from the page's origin or with CORS (`import()` of another origin's
// module needs it). A page that has only the script-tag file works until the day something breaks, so the
// loader checks once a day, when the page is idle, that the folder is served: the tiny status-banner.check.js
// loads, or a console error says what is wrong long before an outage does. The day it last loaded is kept in the
// banner's own IndexedDB database, never in `localStorage`: the first touch of the host origin's `localStorage`
// reads all of it synchronously, on the main thread, on every page load.

import type { StatusLoader } from '@status-banner/core/shared';
import type { StatusSource } from '@status-banner/core';
import type { ElementLoader } from './lazy.js';
import { createIndexedDbStorage } from '@status-banner/core/shared';
import { base } from './script-tag-self.js';

const HELP = 'serve every file of @status-banner/element/dist/ together, from the page\'s origin or with CORS, or use status-banner.standalone.min.js';

/** Imports `status-banner.<name>.js` from beside the script; a failure names the file, its URL and the fix. */
const load = (name: string) => {
  const url = new URL(`status-banner.${name}.js`, base).href;
  return import(/* @vite-ignore */ url).catch((cause: unknown) => {
    throw new Error(`status-banner.${name}.js did not load from ${url} (${(cause as Error)?.message ?? cause}): ${HELP}`, { cause });
  });
};

/**
 * The core's: the stream reader, and every provider's source (the core asks once, and keeps the built-in ones it
 * has as the objects they are). If the providers' file cannot be loaded, Statuspage and native are all there
 * is, for this page.
 */
export const besideCore: StatusLoader = {
  stream: () => load('sse').then((module) => module.readStream),
  providers: () =>
    load('providers').then(
      (module: { builtInSources: readonly StatusSource[] }) => module.builtInSources,
      (error: Error) => (console.warn(`[status-banner] ${error.message}; only Statuspage and native pages can be read`), []),
    ),
};

/** Where the day the folder was last found served is kept, per script URL, in the banner's database. */
const CHECKED_KEY = `checked:${base}`;

/**
 * Once a day per browser (every page load where storage is blocked), when the page is idle: loads
 * status-banner.check.js from beside the script, and says loudly when it cannot.
 */
function checkFolder(): void {
  const idle = globalThis.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 2000));
  idle(
    () => {
      // Its own connection, opened only now; where IndexedDB is blocked it keeps the mark in memory, so such a
      // browser checks on every page load. Neither call rejects.
      const storage = createIndexedDbStorage();
      const today = new Date().toISOString().slice(0, 10);
      void storage.get(CHECKED_KEY).then((day) =>
        day === today
          ? undefined
          : load('check').then(
              () => storage.set(CHECKED_KEY, today),
              (error: Error) => console.error(`[status-banner] ${error.message}. During an incident the banner would show plain text only.`),
            ),
      );
    },
    { timeout: 10_000 },
  );
}

/** The element's: the view (which loads its languages itself), and the daily check of the folder. */
export const besideElement: ElementLoader = { view: () => load('view'), check: checkFolder };
