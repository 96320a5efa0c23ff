// Loaded only by clients that stream (see ../lazy.ts), so it depends on nothing of the client's but this
// transport's own parser: what went wrong comes back as data, and the client makes the error of it.

import { createParser } from 'eventsource-parser';
import { retryAfterDelay } from './backoff.js';

/** What the client hears from an open stream. */
export interface StreamHandlers {
  /** The connection is open and is an event stream. */
  open(): void;
  /** One `snapshot` event: its data, and its id when it had one. */
  event(data: string, id: string | undefined): void;
  /** The server set its reconnection time (`retry:`), in ms, unclamped. */
  retry(ms: number): void;
  /** Bytes arrived: any event, comment or heartbeat. The watchdog's food. */
  alive(): void;
}

/**
 * How a stream ended, and what to do next:
 * - `ended`: the server closed it, or the connection dropped (`failure`: `network`, or `too-large` for an
 *   event over the cap): reconnect after the retry time and backoff.
 * - `refused`: a status other than 200 (`status`), or a 200 that is not an event stream (a captive portal's
 *   HTML page): poll instead, after backoff or the `Retry-After` given (ms).
 * - `stop`: HTTP 204, the server asking clients to stop streaming: poll instead.
 * - `aborted`: we closed it.
 */
export type StreamEnd =
  | { end: 'ended'; failure?: 'network' | 'too-large'; cause?: unknown }
  | { end: 'refused'; status: number; retryAfter?: number }
  | { end: 'stop' }
  | { end: 'aborted' };

/** How the client reads a stream: {@link readStream}, or a copy of it loaded on demand. */
export type ReadStream = typeof readStream;

/**
 * Reads one server-sent event stream over `fetch` until it ends. Never rejects.
 *
 * `fetch` rather than `EventSource`: EventSource gives up for good on any non-200 answer and hides the status
 * and `Retry-After`, and cannot be told to back off. Reconnecting is the caller's job; this is one connection.
 * One TextDecoder per connection, in streaming mode, so a character split across chunks stays whole.
 */
export async function readStream(
  url: string,
  fetchFn: typeof fetch,
  signal: AbortSignal,
  lastEventId: string | undefined,
  maxBytes: number,
  on: StreamHandlers,
): Promise<StreamEnd> {
  let tooLarge = false;
  const parser = createParser({
    onEvent: ({ event, data, id }) => event === 'snapshot' && on.event(data, id),
    onRetry: on.retry,
    // Comments are heartbeats: liveness only. Every chunk counts already, so nothing more to do here.
    onComment: () => {},
    onError: (error) => {
      if (error.type === 'max-buffer-size-exceeded') tooLarge = true;
    },
    maxBufferSize: maxBytes,
  });
  try {
    const response = await fetchFn(url, {
      signal,
      cache: 'no-store',
      // Last-Event-ID is not a CORS-safelisted header: cross-origin, a reconnect that sends it is preflighted,
      // and the server must allow it (docs/protocol.md). The first connection sends none, so needs no preflight.
      headers: { Accept: 'text/event-stream', ...(lastEventId && { 'Last-Event-ID': lastEventId }) },
    });
    const { status, headers, body } = response;
    if (status === 204) return { end: 'stop' };
    if (status !== 200 || !/^text\/event-stream\b/i.test(headers.get('Content-Type') ?? '') || !body) {
      void body?.cancel().catch(() => {});
      return { end: 'refused', status, retryAfter: retryAfterDelay(headers) };
    }
    on.open();
    const decoder = new TextDecoder();
    const reader = body.getReader();
    for (let chunk; !(chunk = await reader.read()).done; ) {
      on.alive();
      parser.feed(decoder.decode(chunk.value, { stream: true }));
      if (tooLarge) {
        void reader.cancel().catch(() => {});
        return { end: 'ended', failure: 'too-large' };
      }
    }
    // An event the server did not finish with a blank line is dropped, as the standard says.
    return { end: 'ended' };
  } catch (cause) {
    return signal.aborted ? { end: 'aborted' } : { end: 'ended', failure: 'network', cause };
  }
}
