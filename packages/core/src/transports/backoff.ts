// The whole retry and pacing policy of a client, in one place: how long after a failure, how Retry-After and a
// stream's `retry:` bound that, how often a healthy client polls, and how a fleet of tabs and devices spreads out.
// The scheduler (client/scheduler.ts) asks; it decides nothing about time itself.

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

/** One client's pacing: its failures so far and the earliest time it may ask again. */
export interface Pacing {
  /** No request before this time: a failure and Retry-After set it, and nothing may shorten it. */
  readonly notBefore: number;
  /**
   * A failure: the next delay, full-jitter backoff never sooner than the server's Retry-After (in ms, with a
   * little jitter). Retry-After is a floor, not a replacement: `Retry-After: 0` on every 503 must not become a
   * request a second.
   */
  failed(retryAfter?: number): number;
  /** A good answer or a real stream event: the backoff starts over. */
  succeeded(): void;
  /** The server's reconnection time (`retry:`), clamped to [1 s, 10 min]. */
  serverRetry(ms: number): void;
  /**
   * A stream that ended: reconnect after the server's retry time, jittered so a fleet does not return as one,
   * and never sooner than the backoff of a server that keeps closing without a word.
   */
  reconnect(): number;
  /** Polls the server's way (its `pollAfterSeconds`), else every `interval`; twice as slowly when every tab polls. */
  period(hint: number | undefined, unled: boolean): number;
  /** The delay after a good poll: the period, ±20 %. */
  nextPoll(hint: number | undefined, unled: boolean): number;
  /**
   * When a tab that has just started leading asks first. Streams open soon. A poll joins the cycle at a random
   * phase when what is shown is fresh (`age` since another tab, or an earlier page, checked), else asks soon,
   * jittered so tabs and devices waking together do not arrive together (at once when nothing was ever checked); back online, over 5 s, as a whole fleet
   * comes back at once. Never before {@link Pacing.notBefore}.
   */
  firstRequest(options: { streaming: boolean; checked: boolean; age: number; cameOnline: boolean; period: number }): number;
  /** Polling instead of a stream: soon, not at once, as a fleet must not align. */
  turnToPolling(delay: number): number;
}

/**
 * @param interval - The poll period in ms when the server gives none.
 * @param now - The client's clock.
 * @param random - Numbers in [0, 1) for every jitter.
 */
export function createPacing(interval: number, now: () => number, random: () => number, options: BackoffOptions = {}): Pacing {
  let failures = 0;
  let notBefore = 0;
  let retryMs = 2000;
  const pacing: Pacing = {
    get notBefore() {
      return notBefore;
    },
    failed(retryAfter) {
      failures += 1;
      const delay = Math.max(backoffDelay(failures - 1, options, random), (retryAfter ?? 0) * (1 + 0.2 * random()));
      notBefore = now() + delay;
      return delay;
    },
    succeeded() {
      failures = notBefore = 0;
    },
    serverRetry(ms) {
      retryMs = Math.min(600_000, Math.max(1000, ms));
    },
    reconnect() {
      const delay = pacing.failed();
      notBefore = now() + Math.max(delay, retryMs * (1 + 0.5 * random()));
      return notBefore - now();
    },
    period(hint, unled) {
      return (hint ? Math.min(3_600_000, Math.max(1000, hint * 1000)) : interval) * (unled ? 2 : 1);
    },
    nextPoll(hint, unled) {
      return pacing.period(hint, unled) * (0.8 + 0.4 * random());
    },
    firstRequest({ streaming, checked, age, cameOnline, period }) {
      const wait = notBefore - now();
      // Nothing known at all (a first visit, nothing stored): the person is looking at a page right now and
      // page views are not aligned, so ask at once; time to banner is the whole point.
      const soon = cameOnline ? random() * 5000 : checked ? random() * 1000 : 0;
      const delay = streaming ? soon : age < period ? random() * (period - age) : soon;
      return Math.max(wait, delay);
    },
    turnToPolling(delay) {
      return Math.max(delay, random() * 1000);
    },
  };
  return pacing;
}
