export { parseStatus } from './parse-status.js';
export { createStatusClient, resolveEndpoint } from './create-status-client.js';
export { IDLE_STATE, peekStatusClient, releaseStatusClient, retainStatusClient, statusClientKey } from './shared-clients.js';
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
export { backoffDelay } from './transports/backoff.js';
export type { BackoffOptions } from './transports/backoff.js';
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
export { createHintStore, type HintStore } from './persistence/hint-store.js';
