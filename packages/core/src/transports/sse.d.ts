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
export type StreamEnd = {
    end: 'ended';
    failure?: 'network' | 'too-large';
    cause?: unknown;
} | {
    end: 'refused';
    status: number;
    retryAfter?: number;
} | {
    end: 'stop';
} | {
    end: 'aborted';
};
/** How the client reads a stream: {@link readStream}, or a copy of it loaded on demand. */
export type ReadStream = typeof readStream;
/**
 * Reads one server-sent event stream over `fetch` until it ends. Never rejects.
 *
 * `fetch` rather than `EventSource`: EventSource gives up for good on any non-200 answer and hides the status
 * and `Retry-After`, and cannot be told to back off. Reconnecting is the caller's job; this is one connection.
 * One TextDecoder per connection, in streaming mode, so a character split across chunks stays whole.
 */
export declare function readStream(url: string, fetchFn: typeof fetch, signal: AbortSignal, lastEventId: string | undefined, maxBytes: number, on: StreamHandlers): Promise<StreamEnd>;
