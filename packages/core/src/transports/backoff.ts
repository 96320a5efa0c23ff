/** Bounds for retrying a failing endpoint. */
export interface BackoffOptions {
  /** The first window, in ms. Default 1000. */
  base?: number;
  /** The largest window, in ms. Default 300 000 (5 min). */
  cap?: number;
}

/**
 * Full-jitter exponential backoff: a delay drawn uniformly from [0, min(cap, base · 2^attempt)), so a fleet of
 * clients that failed together does not retry together.
 *
 * @param attempt - 0 for the first retry.
 * @param random - A source of numbers in [0, 1); injectable for tests.
 */
export function backoffDelay(attempt: number, options: BackoffOptions = {}, random: () => number = Math.random): number {
  return Math.floor(random() * Math.min(options.cap ?? 300_000, (options.base ?? 1000) * 2 ** Math.min(attempt, 30)));
}

/**
 * A response's `Retry-After` (seconds, or an HTTP date) as a delay in ms, clamped to [1 s, 1 h]; `undefined`
 * when absent or unreadable. A date is measured against the response's own `Date` when the browser lets us read
 * it (same origin, or exposed by CORS), so a device clock that is off by a day cannot turn it into "now" or
 * "never"; else against `now`, the device clock.
 */
export function retryAfterDelay(headers: Headers, now = Date.now()): number | undefined {
  const text = headers.get('Retry-After')?.trim() ?? '';
  const ms = /^\d+$/.test(text) ? +text * 1000 : Date.parse(text) - (Date.parse(headers.get('Date')!) || now);
  return text && ms === ms ? Math.min(3_600_000, Math.max(1000, ms)) : undefined;
}
