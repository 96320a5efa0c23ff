// `@status-banner/core/shared`: what the element and the framework wrappers build on, and what a wrapper of your
// own would, kept out of the main entry's documented API. It installs no loader: the entry points that import
// it say where code loaded on demand comes from (the element's npm entry imports the core's main entry, which
// does; the script-tag file installs its own).

export { IDLE_STATE, peekStatusClient, releaseStatusClient, retainStatusClient, statusClientKey } from './shared-clients.js';
export { installLoader } from './lazy.js';
export type { StatusLoader } from './lazy.js';
export { parseSelectors } from './filter-notices.js';
export { createHintStore } from './persistence/hint-store.js';
// The script-tag file keeps its own small marks in the banner's database; importing the main entry for it would
// install the npm loader there.
export { createIndexedDbStorage } from './persistence/idb-storage.js';
export type { HintStore } from './persistence/hint-store.js';
