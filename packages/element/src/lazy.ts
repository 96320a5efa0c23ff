// What the element loads only when it needs it. Here, for the npm build, an import of the module beside this
// one, which a bundler splits off; the script-tag build swaps this module for one that loads the same code
// from a file beside the script (script-tag-chunks.ts).

/** The banner's templates and styles (and Lit with them). */
export const loadView = (): Promise<typeof import('./banner-view.js')> => import('./banner-view.js');
