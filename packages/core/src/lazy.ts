// Code a client loads only when it needs it. Here, for the npm build, it is an import of the module beside
// this one, which a bundler splits off; the script-tag build swaps this module for one that loads the same
// code from a file beside the script (packages/element/src/script-tag-chunks.ts), so a page that only polls
// never downloads the stream reader.

import type { ReadStream } from './transports/sse.js';

/** The server-sent event reader (and its parser). */
export const loadStream = (): Promise<ReadStream> => import('./transports/sse.js').then((module) => module.readStream);
