/**
 * What was wrong with a payload:
 * - `not-json`: a string that is not JSON (an HTML error page, say).
 * - `not-object`: JSON, but not an object (`null`, an array, a number).
 * - `unknown-provider`: an object no source recognises, or a `provider` option that names no source.
 * - `invalid-payload`: the provider was recognised but the payload lacks what it needs.
 */
export type StatusFormatErrorType = 'not-json' | 'not-object' | 'unknown-provider' | 'invalid-payload';

/** Thrown by `parseStatus` for anything it cannot read. It never throws anything else. */
export class StatusFormatError extends Error {
  override readonly name = 'StatusFormatError';

  constructor(
    readonly type: StatusFormatErrorType,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Why a client could not get a snapshot:
 * - `network`: the request failed (offline, DNS, CORS, connection reset).
 * - `timeout`: no complete answer in time.
 * - `http`: a status other than 200 (or a 304 the browser resolved from its cache).
 * - `too-large`: the body passed the size cap.
 * - `format`: the body was not a status payload (`cause` is the {@link StatusFormatError}).
 */
export type StatusFetchErrorType = 'network' | 'timeout' | 'http' | 'too-large' | 'format';

/** Reported in a client's state when a fetch fails. Never thrown at the page. */
export class StatusFetchError extends Error {
  override readonly name = 'StatusFetchError';

  constructor(
    readonly type: StatusFetchErrorType,
    message: string,
    /** The HTTP status, for `http`; 0 otherwise. */
    readonly status = 0,
    cause?: unknown,
  ) {
    super(message, { cause });
  }
}
