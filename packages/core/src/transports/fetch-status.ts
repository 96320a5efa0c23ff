import { StatusFetchError } from '../errors.js';
import { retryAfterDelay } from './backoff.js';

/** What one request for a status payload gave. */
export type FetchResult =
  | { ok: true; text: string }
  | { ok: false; error: StatusFetchError; retry: 'backoff' | 'stop'; retryAfter?: number };

/** Options for {@link fetchStatus}. */
export interface FetchStatusOptions {
  fetch: typeof fetch;
  signal: AbortSignal;
  /** Give up after this many ms. */
  timeout: number;
  /** Largest body read, in bytes. */
  maxBytes: number;
  now: number;
}

/**
 * Fetches one status payload as text. Never rejects: every failure is classified as worth retrying with
 * backoff (network, timeout, 408, 429, 5xx, an oversized or cut body) or not (any other status, which will not
 * fix itself). An abort through `signal` resolves too, as a `network` error the caller ignores.
 */
export async function fetchStatus(url: string, options: FetchStatusOptions): Promise<FetchResult> {
  const controller = new AbortController();
  const abort = () => controller.abort();
  options.signal.addEventListener('abort', abort);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeout);
  try {
    // Default cache mode: the browser revalidates with the ETag it holds (a 304 arrives here as a 200 from
    // its cache), and a server's max-age caps how often requests reach the network. No hand-set
    // If-None-Match: cross-origin it would cost a preflight per poll and bypass the cache.
    const response = await options.fetch(url, {
      signal: controller.signal,
      headers: { Accept: 'application/json' },
    });
    if (response.status !== 200) {
      void response.body?.cancel().catch(() => {});
      const status = response.status;
      const retryable = status === 408 || status === 429 || status >= 500;
      const error = new StatusFetchError('http', `The status endpoint answered HTTP ${status}`, { status });
      if (!retryable) return { ok: false, error, retry: 'stop' };
      const retryAfter = retryAfterDelay(response.headers.get('Retry-After'), options.now);
      return retryAfter === undefined
        ? { ok: false, error, retry: 'backoff' }
        : { ok: false, error, retry: 'backoff', retryAfter };
    }
    const declared = Number(response.headers.get('Content-Length'));
    if (declared > options.maxBytes) {
      void response.body?.cancel().catch(() => {});
      return { ok: false, error: tooLarge(options.maxBytes), retry: 'backoff' };
    }
    const text = await readText(response, options.maxBytes);
    return text === undefined ? { ok: false, error: tooLarge(options.maxBytes), retry: 'backoff' } : { ok: true, text };
  } catch (cause) {
    const error = timedOut
      ? new StatusFetchError('timeout', `The status endpoint did not answer within ${options.timeout} ms`)
      : new StatusFetchError('network', 'The status endpoint could not be reached', { cause });
    return { ok: false, error, retry: 'backoff' };
  } finally {
    clearTimeout(timer);
    options.signal.removeEventListener('abort', abort);
  }
}

function tooLarge(maxBytes: number): StatusFetchError {
  return new StatusFetchError('too-large', `The status payload is larger than ${maxBytes} bytes`);
}

/** The body as text, or undefined past `maxBytes`, counted as it streams in rather than after. */
async function readText(response: Response, maxBytes: number): Promise<string | undefined> {
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let bytes = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      void reader.cancel().catch(() => {});
      return undefined;
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}
