// `@status-banner/core/providers`: for code that reads any provider's payload synchronously, with no loader in
// between (a server, a worker, a test). Importing it puts every built-in provider's source in the bundle.

import { parseStatus as parseKnown } from './parse-status.js';
import { builtInSources } from './sources/index.js';
import { addBuiltInSources } from './sources/registry.js';
import type { ParseOptions, StatusSnapshot } from './types.js';

export { builtInSources } from './sources/index.js';

let added = false;

/**
 * `parseStatus` that knows every built-in provider (and those registered with `defineProvider`), whatever the
 * loader has loaded so far. It makes them known to the main entry's `parseStatus` and clients too.
 *
 * @param payload - Parsed JSON, or a JSON string.
 * @param options - As the main entry's `parseStatus`.
 * @throws `StatusFormatError` for anything it cannot read, and nothing else.
 *
 * @example
 * ```ts
 * import { parseStatus } from '@status-banner/core/providers';
 * const { notices } = parseStatus(await (await fetch('https://status.example.com/api/v1/status')).json());
 * ```
 */
export function parseStatus(payload: unknown, options?: ParseOptions): StatusSnapshot {
  // At the first call, not at import: importing the module changes nothing on its own.
  if (!added) addBuiltInSources(builtInSources);
  added = true;
  return parseKnown(payload, options);
}
