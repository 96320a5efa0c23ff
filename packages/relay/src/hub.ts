// The fan-out hub: every open event stream of this node, written to from one place. A snapshot is serialized
// once per version (snapshot.ts) and the same bytes are written to every stream; one timer heartbeats them
// all, one sweeps the ones past their age. No timer, closure or buffer per stream: at ten thousand streams
// the per-stream cost is what the socket itself costs.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { every, systemClock, type Clock } from './clock.js';
import type { PublishedSnapshot } from './snapshot.js';

/** Options for {@link createHub}. */
export interface HubOptions {
  /** Default the system clock. */
  clock?: Clock;
  /** Default `Math.random`. */
  random?: () => number;
  /** Between heartbeat comments, in ms. Default 15 000. */
  heartbeatMs?: number;
  /** The `retry` each stream is told: this many ms plus a random part of up to `retryJitterMs`. Default 2000. */
  retryMs?: number;
  /** Default 1000. */
  retryJitterMs?: number;
  /**
   * A stream is closed after this many ms (less a random tenth of it, so streams opened together do not close
   * together), so that clients reconnect and a load balancer spreads them again. 0 keeps them open. Default 0.
   */
  maxAgeMs?: number;
  /** A stream whose unsent bytes pass this is too slow to keep, and is dropped. Default 1 MiB. */
  maxBufferedBytes?: number;
  /** Headers sent with every stream (CORS, say). */
  headers?: Record<string, string>;
}

/** The open streams of one node. */
export interface Hub {
  /** Answers an event-stream request: headers, `retry`, and the current snapshot unless `Last-Event-ID` has it. */
  accept(req: IncomingMessage, res: ServerResponse, current: PublishedSnapshot): void;
  /** Writes a new snapshot's event to every open stream; returns how many got it. */
  broadcast(published: PublishedSnapshot): number;
  /** Open streams. */
  size(): number;
  /** Streams dropped because they could not keep up, since the start. */
  dropped(): number;
  /** Streams closed for their age, since the start. */
  aged(): number;
  /**
   * Closes every stream, spread evenly over `windowMs`, so their clients reconnect (elsewhere) over that time
   * rather than all at once. Resolves when the last is closed.
   */
  drain(windowMs: number): Promise<void>;
  /** Closes every stream at once and stops the timers. */
  close(): void;
}

const HEARTBEAT = Buffer.from(': heartbeat\n\n');
const SSE_HEADERS = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  // no-transform and X-Accel-Buffering: no proxy may compress or buffer the stream (nginx buffers unless told).
  'Cache-Control': 'no-cache, no-transform',
  'X-Accel-Buffering': 'no',
};

/**
 * Creates a hub.
 *
 * @example
 * const hub = createHub({ heartbeatMs: 15_000 });
 * hub.accept(req, res, published);
 * hub.broadcast(next);
 */
export function createHub({
  clock = systemClock,
  random = Math.random,
  heartbeatMs = 15_000,
  retryMs = 2000,
  retryJitterMs = 1000,
  maxAgeMs = 0,
  maxBufferedBytes = 1024 * 1024,
  headers = {},
}: HubOptions = {}): Hub {
  /** Each open stream and when it is due to close for its age (Infinity: never). */
  const streams = new Map<ServerResponse, number>();
  let droppedCount = 0;
  let agedCount = 0;
  let stopTimers: (() => void)[] = [];
  const responseHeaders = { ...headers, ...SSE_HEADERS };

  // One listener for every stream: `this` is the response that closed.
  function forget(this: ServerResponse) {
    streams.delete(this);
  }

  function write(res: ServerResponse, bytes: Buffer): boolean {
    if (res.destroyed) return false;
    res.write(bytes);
    if (res.writableLength > maxBufferedBytes) {
      droppedCount += 1;
      res.destroy();
      return false;
    }
    return true;
  }

  function ensureTimers() {
    if (stopTimers.length) return;
    stopTimers.push(
      every(clock, heartbeatMs, () => {
        for (const res of streams.keys()) write(res, HEARTBEAT);
      }),
    );
    if (maxAgeMs > 0) {
      stopTimers.push(
        every(clock, Math.min(1000, maxAgeMs / 10), () => {
          const now = clock.now();
          for (const [res, due] of streams) {
            if (due <= now) {
              agedCount += 1;
              streams.delete(res);
              res.end();
            }
          }
        }),
      );
    }
  }

  return {
    accept(req, res, current) {
      res.writeHead(200, responseHeaders);
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      const socket = req.socket;
      socket.setNoDelay(true);
      socket.setTimeout(0);
      // Dead peers (a laptop closed mid-stream) are found by TCP keep-alive rather than held forever.
      socket.setKeepAlive(true, 60_000);
      // A random part per stream spreads reconnects, so a restart does not bring every client back at once.
      const head = Buffer.from(`retry: ${retryMs + Math.floor(random() * (retryJitterMs + 1))}\n\n`);
      // A client that already shows this version missed nothing: it hears from us at the next change.
      res.write(req.headers['last-event-id'] === String(current.version) ? head : Buffer.concat([head, current.event]));
      streams.set(res, maxAgeMs > 0 ? clock.now() + maxAgeMs * (1 - random() / 10) : Infinity);
      res.once('close', forget);
      ensureTimers();
    },
    broadcast(published) {
      let written = 0;
      for (const res of streams.keys()) if (write(res, published.event)) written += 1;
      return written;
    },
    size: () => streams.size,
    dropped: () => droppedCount,
    aged: () => agedCount,
    drain(windowMs) {
      const all = [...streams.keys()];
      if (all.length === 0) return Promise.resolve();
      const steps = Math.max(1, Math.min(all.length, Math.round(windowMs / 100)));
      const perStep = Math.ceil(all.length / steps);
      return new Promise((resolve) => {
        let step = 0;
        const next = () => {
          for (const res of all.slice(step * perStep, (step + 1) * perStep)) {
            streams.delete(res);
            res.end();
          }
          step += 1;
          if (step * perStep >= all.length) resolve();
          else clock.setTimeout(next, windowMs / steps);
        };
        next();
      });
    },
    close() {
      for (const stop of stopTimers) stop();
      stopTimers = [];
      for (const res of streams.keys()) res.destroy();
      streams.clear();
    },
  };
}
