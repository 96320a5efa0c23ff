// Time as the relay's modules see it: injected, so tests move it by hand instead of sleeping.

/** A clock and its timers. Every module of the relay takes one; tests pass a virtual one. */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  /** Calls `callback` once after `ms` milliseconds; the handle goes to `clearTimeout`. */
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * The system clock. Its timers are unref'd: the listening server keeps a relay's process alive, its timers
 * alone should not.
 */
export const systemClock: Clock = Object.freeze({
  now: () => Date.now(),
  setTimeout(callback: () => void, ms: number) {
    const timer = setTimeout(callback, Math.max(0, ms));
    timer.unref();
    return timer;
  },
  clearTimeout: (handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>),
});

/** A repeating timer on `clock`; returns its stop function. Each run is scheduled after the previous one. */
export function every(clock: Clock, ms: number, callback: () => void): () => void {
  let handle: unknown;
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    try {
      callback();
    } finally {
      if (!stopped) handle = clock.setTimeout(tick, ms);
    }
  };
  handle = clock.setTimeout(tick, ms);
  return () => {
    stopped = true;
    clock.clearTimeout(handle);
  };
}
