// The one seam for code the core loads only when it needs it: the stream reader, once a stream is configured,
// and every provider's source, once a payload or a page is not Statuspage's or native. The core asks the loader
// an entry point installed: the package's main entry installs imports a bundler splits off (bundled-loader.ts);
// the script-tag file installs one that loads the same code from the files beside it. The import graph is the
// bundle: nothing is swapped at build time.

import { addBuiltInSources } from './sources/registry.js';
import type { ReadStream } from './transports/sse.js';
import type { StatusSource } from './types.js';

/** Where the code loaded on demand comes from. Each part is optional: without it, the core does without. */
export interface StatusLoader {
  /** The server-sent event reader. Without it, or if it rejects, a client polls instead of streaming. */
  stream?: () => Promise<ReadStream>;
  /**
   * Built-in providers' sources beyond Statuspage and native, any number of them. Without it, or if it rejects,
   * pages of other formats cannot be read (unless `@status-banner/core/providers` is imported).
   */
  providers?: () => Promise<readonly StatusSource[]>;
}

let loader: StatusLoader = {};
let more: Promise<void> | undefined;

/**
 * Installs where the core loads code on demand from; parts given replace those installed before. An entry point
 * calls it before any client starts: `@status-banner/core` and the script-tag file do.
 */
export function installLoader(next: StatusLoader): void {
  loader = { ...loader, ...next };
  if (next.providers) more = undefined;
}

/** The server-sent event reader, from the installed loader. Rejects when there is none. */
export const loadStream = (): Promise<ReadStream> =>
  loader.stream ? loader.stream() : Promise.reject(new Error('no stream reader is installed'));

/**
 * Makes every provider's source known to detection and discovery, once. Resolves when they are, or when they
 * cannot be (no loader, or it failed: the sources at hand are all there are); never rejects.
 */
export const loadMoreSources = (): Promise<void> => {
  const { providers } = loader;
  if (!providers) return Promise.resolve();
  return (more ??= Promise.resolve()
    .then(providers)
    .then(addBuiltInSources, () => {}));
};
