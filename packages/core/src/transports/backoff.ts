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
  const base = options.base ?? 1000;
  const cap = options.cap ?? 300_000;
  const window = Math.min(cap, base * 2 ** Math.min(attempt, 30));
  return Math.floor(random() * window);
}

/** ±20 % around `interval`, so clients that started together drift apart. */
export function jitter(interval: number, random: () => number = Math.random): number {
  return Math.round(interval * (0.8 + 0.4 * random()));
}

const MAX_RETRY_AFTER_MS = 60 * 60 * 1000;

/**
 * A `Retry-After` header (seconds or an HTTP date) as a delay in ms, clamped to [1 s, 1 h]; `undefined` when
 * absent or unreadable. `serverNow` is the response's `Date` when readable, so a skewed local clock does not
 * skew the wait.
 */
export function retryAfterDelay(value: string | null, now: number, serverNow?: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  let ms: number;
  if (/^\d+$/.test(trimmed)) {
    ms = Number(trimmed) * 1000;
  } else {
    const date = Date.parse(trimmed);
    if (Number.isNaN(date)) return undefined;
    ms = date - (serverNow ?? now);
  }
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(1000, ms));
}
