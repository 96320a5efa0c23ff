export { parseStatus } from './parse-status.js';
export { StatusFormatError, StatusFetchError } from './errors.js';
export type { StatusFormatErrorType, StatusFetchErrorType } from './errors.js';
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
  StatusListener,
  StatusSnapshot,
  StatusSource,
  StatusState,
  StatusStorage,
} from './types.js';
