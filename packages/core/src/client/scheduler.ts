// When this tab asks the network, and how: one poll or one stream at a time, only while it leads, paced by
// transports/backoff.ts, on the client's clock, with a watchdog that turns a silent stream into polling.

import type { StatusClock } from '../clock.js';
import { StatusFetchError } from '../errors.js';
import { loadStream } from '../lazy.js';
import type { Pacing } from '../transports/backoff.js';
import type { Answer, FetchResult } from '../transports/fetch-status.js';
import type { StreamEnd } from '../transports/sse.js';
import { warnOnce } from './warn-once.js';

/** The largest event a stream may send, in characters. */
const MAX_EVENT = 256 * 1024;

export interface SchedulerOptions {
  clock: StatusClock;
  pacing: Pacing;
  fetch: typeof fetch;
  /** The endpoint, for warnings. */
  endpoint: string;
  /** The stream to read first, if any. */
  streamUrl?: string;
  /** Ms a new stream may say nothing before the client polls instead. */
  firstEventTimeout: number;
  /** Ms without a byte on an open stream before it counts as dead. */
  heartbeatTimeout: number;
  /** One poll's request. */
  request(signal: AbortSignal): Promise<FetchResult>;
  /** Takes a poll's answer; returns the error when it cannot be read. */
  answer(answer: Answer): StatusFetchError | undefined;
  /** Takes a stream event's data; returns whether it was readable. */
  event(data: string): boolean;
  /** Our failure to reach the endpoint. */
  fail(error: StatusFetchError): void;
  /** An answer that says asking again is pointless. */
  halt(why: string, kind: string): void;
  /** The server's poll period in seconds, if it gave one. */
  hint(): number | undefined;
  /** Whether every tab of this browser polls on its own. */
  unled(): boolean;
  /** When what is shown was last confirmed; 0 for never. */
  checkedAt(): number;
}

export interface Scheduler {
  /** Whether requests have stopped for good. */
  readonly halted: boolean;
  /** Starts (true) or stops (false) asking: only the leading tab asks. */
  lead(on: boolean): void;
  /** The device came back online: the next start is spread wider. */
  cameOnline(): void;
  /** Asks now, unless a leading stream is as fresh as it gets; resolves when the answer is taken. */
  refresh(): Promise<void>;
  /** No more requests, ever. */
  halt(): void;
}

export function createScheduler(o: SchedulerOptions): Scheduler {
  const { clock, pacing } = o;
  /** Streaming, until the stream fails in a way that says it will not work on this page. */
  let streaming = !!o.streamUrl;
  let lastEventId: string | undefined;
  let leading = false;
  let halted = false;
  let cameOnline = false;
  let timer: unknown;
  let watchdog: unknown;
  let inflight: AbortController | undefined;
  let done: Promise<void> = Promise.resolve();

  /** Runs `work` after `delay` ms, if this tab still leads. */
  function later(work: () => unknown, delay: number | undefined): void {
    clock.clearTimeout(timer);
    timer = undefined;
    if (delay !== undefined && leading && !halted) timer = clock.setTimeout(work, delay);
  }

  /**
   * Something that should not happen did (a custom source that throws, a host page that patched a built-in): the
   * request counts as failed, backs off and goes on. Nothing stops on a bug, and nothing reaches the page.
   */
  function unexpected(error: unknown): number {
    warnOnce('unexpected', `${o.endpoint}: ${(error as Error)?.message ?? error}; trying again later`);
    o.fail(new StatusFetchError('network', 'unexpected failure', 0, error));
    return pacing.failed();
  }

  /** Handles one poll's response; returns the delay before the next, or undefined to stop. */
  function settle(result: FetchResult): number | undefined {
    let error: StatusFetchError | undefined;
    let retry: number | boolean = true;
    if ('text' in result) {
      error = o.answer(result);
      if (!error) {
        pacing.succeeded();
        return pacing.nextPoll(o.hint(), o.unled());
      }
    } else {
      ({ error, retry } = result);
    }
    o.fail(error);
    if (retry === false) {
      o.halt(`HTTP ${error.status}, not asking again`, `http:${error.status}`);
      return undefined;
    }
    return pacing.failed(retry === true ? undefined : retry);
  }

  /** One request at a time; the next is scheduled when it settles. */
  function poll(): Promise<void> {
    if (inflight || halted) return done;
    const abort = (inflight = new AbortController());
    return (done = Promise.resolve()
      .then(() => o.request(abort.signal))
      // An aborted request (the tab stepped down, or was destroyed) settles nothing.
      .then((result) => (abort.signal.aborted ? undefined : settle(result)))
      .catch((error) => (abort.signal.aborted ? undefined : unexpected(error)))
      .then((delay) => {
        if (abort.signal.aborted) return;
        inflight = undefined;
        later(poll, delay);
      })
      .catch((error) => warnOnce('unexpected', `${o.endpoint}: ${error?.message ?? error}`)));
  }

  function turnToPolling(delay: number): void {
    streaming = false;
    // The stream was this tab's source, so its data may be old.
    later(poll, pacing.turnToPolling(delay));
  }

  /** One stream at a time; reconnects, or turns to polling, when it ends. */
  function connect(): void {
    if (inflight || halted) return;
    const abort = (inflight = new AbortController());
    const streamUrl = o.streamUrl!;
    const watch = (ms: number, what: string) => {
      clock.clearTimeout(watchdog);
      // Silence means a buffering proxy or a dead connection that never reported: poll for the session.
      watchdog = clock.setTimeout(() => {
        warnOnce('stream:silent', `${streamUrl}: ${what}; polling instead`);
        abort.abort();
        inflight = undefined;
        turnToPolling(0);
      }, ms);
    };
    const handlers = {
      open: () => watch(o.firstEventTimeout, `nothing in ${o.firstEventTimeout / 1000} s`),
      alive: () => watch(o.heartbeatTimeout, `silent for ${o.heartbeatTimeout / 1000} s`),
      retry: (ms: number) => pacing.serverRetry(ms),
      event(data: string, id: string | undefined) {
        // An empty id clears the last one (the parser already drops ids that contain U+0000).
        if (id !== undefined) lastEventId = id || undefined;
        // A real event: the connection is good, and the backoff starts over.
        if (o.event(data)) pacing.succeeded();
      },
    };
    done = loadStream()
      .then(
        (readStream) => (abort.signal.aborted ? ({ end: 'aborted' } as const) : readStream(streamUrl, o.fetch, abort.signal, lastEventId, MAX_EVENT, handlers)),
        // The reader could not be loaded (its file is missing, or the page's CSP blocks it): polling works too.
        (error: Error) => (warnOnce('stream:load', `${streamUrl}: the stream reader did not load (${error?.message ?? error}); polling instead`), { end: 'stop' } as const),
      )
      .then((result: StreamEnd) => {
        if (abort.signal.aborted || result.end === 'aborted') return;
        clock.clearTimeout(watchdog);
        inflight = undefined;
        if (result.end === 'ended') {
          // Dropped, or closed cleanly: reconnect.
          if (result.failure) {
            const message = result.failure === 'network' ? 'stream lost' : `an event over ${MAX_EVENT} characters`;
            o.fail(new StatusFetchError(result.failure, message, 0, result.cause));
          }
          later(connect, pacing.reconnect());
        } else {
          // 204 asks clients to stop streaming; an error status or another content type says it will not work.
          if (result.end === 'refused') {
            const error = new StatusFetchError('http', result.status === 200 ? 'not an event stream' : `HTTP ${result.status}`, result.status);
            o.fail(error);
            warnOnce(`stream:${result.status}`, `${streamUrl}: ${error.message}; polling instead`);
          }
          turnToPolling(result.end === 'refused' ? pacing.failed(result.retryAfter) : 0);
        }
      })
      .catch((error) => {
        // A bug, ours or a patched built-in's: poll instead, after a backoff.
        if (abort.signal.aborted) return;
        clock.clearTimeout(watchdog);
        inflight = undefined;
        turnToPolling(unexpected(error));
      });
  }

  return {
    get halted() {
      return halted;
    },
    lead(on) {
      leading = on;
      // When every tab of a browser leads, six streams would exhaust an HTTP/1.1 origin's connections, the page's
      // own requests included: such tabs poll instead, at half the rate.
      if (o.unled()) streaming = false;
      if (!on) {
        clock.clearTimeout(timer);
        clock.clearTimeout(watchdog);
        timer = undefined;
        inflight?.abort();
        inflight = undefined;
        return;
      }
      const checkedAt = o.checkedAt();
      const age = clock.now() - checkedAt;
      const delay = pacing.firstRequest({ streaming, checked: !!checkedAt, age, cameOnline, period: pacing.period(o.hint(), o.unled()) });
      cameOnline = false;
      later(streaming ? connect : poll, delay);
    },
    cameOnline() {
      cameOnline = true;
    },
    async refresh() {
      if (streaming && leading) return;
      if (!inflight) later(poll, undefined);
      await poll();
    },
    halt() {
      halted = true;
    },
  };
}
