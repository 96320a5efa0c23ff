// One HTTP request to the upstream, as the watcher makes it: a deadline, a size limit read as the body streams
// in, and the validators (ETag, Last-Modified) of the endpoint in use, kept for its next conditional request.

import type { Clock } from './clock.js';
import { retryAfterMs } from './upstream-endpoints.js';
import type { UpstreamRead } from './upstream-watcher.js';

/** What a request came to when the server answered: its status, the body of a 200, a `Retry-After` in ms. */
export interface UpstreamAnswer {
  status: number;
  text?: string;
  retry?: number;
}

/** What {@link createUpstreamRequester} needs. */
export interface UpstreamRequesterOptions {
  fetch: typeof fetch;
  clock: Clock;
  timeoutMs: number;
  maxBytes: number;
  userAgent: string;
}

/** Makes the requests of one watcher; one at a time. */
export function createUpstreamRequester({ fetch: fetchFn, clock, timeoutMs, maxBytes, userAgent }: UpstreamRequesterOptions) {
  let etag: string | undefined;
  let lastModified: string | undefined;
  let abort: AbortController | undefined;

  /**
   * Requests `target`. `conditional`: send the kept validators; `keep`: keep this answer's validators. A failure
   * of the server itself (network, timeout, too large) comes back as a failed read.
   */
  async function request(target: string, { conditional, keep }: { conditional: boolean; keep: boolean }): Promise<UpstreamAnswer | UpstreamRead> {
    abort = new AbortController();
    const controller = abort;
    let timedOut = false;
    const deadline = clock.setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    try {
      const headers: Record<string, string> = { Accept: 'application/json', 'User-Agent': userAgent };
      if (conditional) {
        if (etag) headers['If-None-Match'] = etag;
        if (lastModified) headers['If-Modified-Since'] = lastModified;
      }
      const res = await fetchFn(target, { headers, signal: controller.signal, redirect: 'follow' });
      if (res.status !== 200) {
        await res.body?.cancel().catch(() => {});
        return { status: res.status, retry: retryAfterMs(res.headers.get('retry-after'), clock.now()) };
      }
      if (Number(res.headers.get('content-length')) > maxBytes) {
        await res.body?.cancel().catch(() => {});
        return { ok: false, kind: 'too-large', message: `over ${maxBytes} bytes`, endpoint: target };
      }
      const reader = res.body!.getReader();
      const chunks: Uint8Array[] = [];
      let bytes = 0;
      for (let chunk; !(chunk = await reader.read()).done; ) {
        bytes += chunk.value.byteLength;
        if (bytes > maxBytes) {
          await reader.cancel().catch(() => {});
          return { ok: false, kind: 'too-large', message: `over ${maxBytes} bytes`, endpoint: target };
        }
        chunks.push(chunk.value);
      }
      if (keep) {
        etag = res.headers.get('etag') ?? undefined;
        lastModified = res.headers.get('last-modified') ?? undefined;
      }
      return { status: 200, text: Buffer.concat(chunks).toString('utf8') };
    } catch (error) {
      return timedOut
        ? { ok: false, kind: 'timeout', message: `no answer in ${timeoutMs} ms`, endpoint: target }
        : { ok: false, kind: 'network', message: (error as Error & { cause?: Error }).cause?.message ?? (error as Error).message, endpoint: target };
    } finally {
      clock.clearTimeout(deadline);
    }
  }

  return {
    request,
    /** Aborts the request in flight, if any. */
    abort: () => abort?.abort(),
  };
}
