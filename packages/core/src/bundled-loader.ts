// What the package's main entry installs (lazy.ts): the stream reader and every provider's source as dynamic
// imports, so an app's bundler puts each in a chunk of its own that loads only when a page needs it.

import type { StatusLoader } from './lazy.js';

/** Loads the stream reader and the built-in providers from chunks of the app's own bundle. */
export const bundledLoader: StatusLoader = {
  stream: () => import('./transports/sse.js').then((module) => module.readStream),
  providers: () => import('./sources/index.js').then((module) => module.builtInSources),
};
