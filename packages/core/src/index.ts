// The main entry: the documented API (docs/core-api.md), and the loader an app's bundler splits (lazy.ts).
// What only the element and the wrappers need is in `@status-banner/core/shared`; a `parseStatus` that knows
// every provider without loading them is in `@status-banner/core/providers`.
import { bundledLoader } from './bundled-loader.js';
import { installLoader } from './lazy.js';

export { parseStatus } from './parse-status.js';
export { createStatusClient, resolveEndpoint } from './create-status-client.js';
export type { StatusClient, StatusClientOptions } from './create-status-client.js';
export type { StatusClock } from './clock.js';
export { defineProvider } from './define-provider.js';
export type { ProviderDefinition, ProviderResult } from './define-provider.js';
export { filterNotices, parseSelectors } from './filter-notices.js';
export { browserEnvironment } from './environment.js';
export type { StatusEnvironment } from './environment.js';
export { createIndexedDbStorage, DATABASE_NAME } from './persistence/idb-storage.js';
export type { IndexedDbStorageOptions } from './persistence/idb-storage.js';
export { createMemoryStorage } from './persistence/memory-storage.js';
export { SEVERITY_RANK } from './sources/normalize.js';
export { StatusFetchError, StatusFormatError } from './errors.js';
export type { StatusFetchErrorType, StatusFormatErrorType } from './errors.js';
export type {
  ClientStatus,
  Component,
  ComponentStatus,
  Indicator,
  Notice,
  ParseContext,
  ParseOptions,
  Phase,
  Severity,
  SourceEnd,
  SourceUpdate,
  StatusListener,
  StatusSnapshot,
  StatusSource,
  StatusState,
  StatusStorage,
} from './types.js';

installLoader(bundledLoader);
