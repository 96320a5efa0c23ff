/**
 * Time as a client sees it: the current time, and timers. Injectable, so a simulation can run a client for a
 * day in a second (`createStatusClient({ clock })`), with real requests and a virtual clock.
 */
export interface StatusClock {
  /** Milliseconds since the epoch, as `Date.now()`. */
  now(): number;
  /** Calls `callback` after `ms`; returns a handle for {@link StatusClock.clearTimeout}. */
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * The real clock. Each call reads the global at call time, so fake timers installed after the client was made
 * still apply.
 */
export const systemClock: StatusClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
