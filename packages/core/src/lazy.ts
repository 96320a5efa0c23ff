// Code a client loads only when it needs it. Here, for the npm build, it is an import of the module beside
// this one, which a bundler splits off, and every provider's source is built in; the script-tag build swaps this
// module for one that loads the same code from files beside the script (packages/element/src/script-tag-chunks.ts),
// so a page that only polls never downloads the stream reader, and one on a Statuspage page never downloads
// the other providers.

import type { ReadStream } from './transports/sse.js';

/** The server-sent event reader (and its parser). */
export const loadStream = (): Promise<ReadStream> => import('./transports/sse.js').then((module) => module.readStream);

/**
 * Makes every provider's source known to detection and discovery. Resolves when they are (at once here, where
 * they are all built in); never rejects.
 */
export const loadMoreSources = (): Promise<void> => Promise.resolve();
