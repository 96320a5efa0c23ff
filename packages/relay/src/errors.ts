/**
 * What went wrong, by kind:
 * - `invalid-options`: an option of `createRelay` or of the command line is missing or out of range.
 * - `invalid-request`: a request body or header the relay cannot accept (`field` names the culprit).
 * - `unauthorized`: no credentials, or credentials that do not check out.
 * - `forbidden`: valid credentials without the right to do this.
 * - `not-found`: no such notice (or route).
 * - `conflict`: an idempotency key reused for another request, or a write that lost a race it cannot retry.
 * - `too-large`: a body over its cap.
 * - `unsupported-media-type`: a body that is not JSON.
 * - `rate-limited`: too many failed sign-ins from one address; `retryAfter` says when to try again.
 * - `unavailable`: the store cannot take writes now (Redis unreachable, journal failing), or the relay is draining.
 * - `corrupt-journal`: the journal file has a damaged record before its end.
 */
export type RelayErrorType =
  | 'invalid-options'
  | 'invalid-request'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'too-large'
  | 'unsupported-media-type'
  | 'rate-limited'
  | 'unavailable'
  | 'corrupt-journal';

/** The one error type the relay throws and answers with. */
export class RelayError extends Error {
  override readonly name = 'RelayError';

  constructor(
    readonly type: RelayErrorType,
    message: string,
    /** For `invalid-request`: the body field or header at fault. */
    readonly field?: string,
    /** For `unauthorized` and `forbidden`: the OAuth `error` code to put in `WWW-Authenticate`. */
    readonly authError?: 'invalid_request' | 'invalid_token' | 'insufficient_scope',
    options?: { cause?: unknown; retryAfter?: number },
  ) {
    super(message, options);
    if (options?.retryAfter !== undefined) this.retryAfter = options.retryAfter;
  }

  /** Seconds after which to try again, sent as `Retry-After`. */
  readonly retryAfter?: number;
}

/** The HTTP status a `RelayError` answers with. */
export const STATUS_OF: Readonly<Record<RelayErrorType, number>> = {
  'invalid-options': 500,
  'invalid-request': 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'too-large': 413,
  'unsupported-media-type': 415,
  'rate-limited': 429,
  unavailable: 503,
  'corrupt-journal': 500,
};
