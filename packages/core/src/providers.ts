// `@status-banner/core/providers`: for code that reads any provider's payload synchronously, with no loader in
// between (a server, a worker, a test). Importing it puts every built-in provider's source in the bundle and
// makes them known to this copy of the core: to `parseStatus` and `resolveEndpoint` of the main entry too.

import { builtInSources } from './sources/index.js';
import { addBuiltInSources } from './sources/registry.js';

export { parseStatus } from './parse-status.js';
export { builtInSources } from './sources/index.js';

// At import, so that `resolveEndpoint` with a provider id is right before the first parse too; it sets a list in
// this module graph and touches nothing of the page.
addBuiltInSources(builtInSources);
