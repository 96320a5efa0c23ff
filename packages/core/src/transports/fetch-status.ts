import { systemClock, type StatusClock } from '../clock.js';
import { StatusFetchError } from '../errors.js';
import { retryAfterDelay } from './backoff.js';

/**
 * What one request gave: an {@link Answer}, or an error with how to go on: `retry` in ms after a `Retry-After`,
 * `true` for backoff (network, timeout, 408, 429, 5xx, an oversized body), `false` to stop (any other status,
 * which will not fix itself).
 */
export type FetchResult = Answer | { error: StatusFetchError; retry: number | boolean };

/**
 * The body, and the server's time when readable. `payload`, when present, is what the client reads instead of
 * `text`: the endpoint locator's parse of it (it had to look at it), with the provider's companion answers merged in.
 */
export interface Answer {
  text: string;
  serverTime?: number;
  payload?: unknown;
}

/**
 * Fetches one status payload as text. Never rejects. An abort through `signal` resolves as a `network` error,
 * which the caller ignores.
 */
export async function fetchStatus(
  url: string,
  fetchFn: typeof fetch,
  signal: AbortSignal,
  timeout: number,
  maxBytes: number,
  clock: StatusClock = systemClock,
): Promise<FetchResult> {
  const tooLarge = { error: new StatusFetchError('too-large', `over ${maxBytes} bytes`), retry: true };
  // Our own controller and timer rather than AbortSignal.any/timeout: every browser has these, and a request
  // without a deadline would stop polling for good.
  const controller = new AbortController();
  const abort = () => controller.abort();
  let timedOut = false;
  const timer = clock.setTimeout(() => {
    timedOut = true;
    abort();
  }, timeout);
  signal.addEventListener('abort', abort);
  try {
    // Default cache mode: the browser revalidates with the ETag it holds (a 304 arrives here as a 200 from
    // its cache), and a server's max-age caps how often requests reach the network. No hand-set
    // If-None-Match: cross-origin it would cost a preflight per poll and bypass the cache.
    const response = await fetchFn(url, { signal: controller.signal, headers: { Accept: 'application/json' } });
    const { status, headers, body } = response;
    if (status !== 200 || +headers.get('Content-Length')! > maxBytes) {
      void body?.cancel().catch(() => {});
      return status === 200
        ? tooLarge
        : {
            error: new StatusFetchError('http', `HTTP ${status}`, status),
            retry: status === 408 || status === 429 || status > 499 ? (retryAfterDelay(headers, clock.now()) ?? true) : false,
          };
    }
    // Count bytes as they stream in, so an endless or huge body is cut off rather than buffered. (A reader,
    // not `for await`: Safari cannot iterate a ReadableStream.)
    let text = '';
    let bytes = 0;
    const decoder = new TextDecoder();
    const reader = body!.getReader();
    for (let chunk; !(chunk = await reader.read()).done; ) {
      if ((bytes += chunk.value.byteLength) > maxBytes) {
        void reader.cancel().catch(() => {});
        return tooLarge;
      }
      text += decoder.decode(chunk.value, { stream: true });
    }
    // The server's clock, when the browser lets us read its Date header (same origin, or exposed by CORS).
    const serverTime = Date.parse(headers.get('Date')!);
    return { text: text + decoder.decode(), ...(serverTime && { serverTime }) };
  } catch (cause) {
    return { error: new StatusFetchError(timedOut ? 'timeout' : 'network', timedOut ? `no answer in ${timeout} ms` : 'unreachable', 0, cause), retry: true };
  } finally {
    clock.clearTimeout(timer);
    signal.removeEventListener('abort', abort);
  }
}
