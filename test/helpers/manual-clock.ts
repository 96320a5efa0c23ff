import type { StatusClock } from '@status-banner/core';

/**
 * A clock a browser test moves by hand: hand `clock` to a client (`createStatusClient({ clock })`, `useStatus`),
 * then `advance(ms)` fires what falls due, in order. `pending` says how many timers are set: a client that has
 * stopped leaves none, which a test can assert without waiting for anything.
 */
export function manualClock(start = Date.parse('2026-01-01T00:00:00Z')) {
  const timers = new Map<number, { due: number; run: () => void }>();
  let now = start;
  let ids = 0;
  const clock: StatusClock = {
    now: () => now,
    setTimeout(run, ms) {
      ids += 1;
      timers.set(ids, { due: now + Math.max(0, Number(ms) || 0), run });
      return ids;
    },
    clearTimeout(id) {
      timers.delete(id as number);
    },
  };
  return {
    clock,
    get now() {
      return now;
    },
    get pending() {
      return timers.size;
    },
    /** Moves time on by `ms`, firing each timer due by then (and letting its promise chain run) in order. */
    async advance(ms: number): Promise<void> {
      const end = now + ms;
      for (;;) {
        let next: [number, { due: number; run: () => void }] | undefined;
        for (const entry of timers) if (entry[1].due <= end && (!next || entry[1].due < next[1].due)) next = entry;
        if (!next) break;
        timers.delete(next[0]);
        now = next[1].due;
        next[1].run();
        for (let i = 0; i < 5; i += 1) await Promise.resolve();
      }
      now = end;
    },
    /**
     * Moves time on by `step` each animation frame (real requests answer in between) until `predicate` holds;
     * rejects after `timeout` real ms. For waits that end when something happens, however long it takes in
     * virtual time.
     */
    async until(predicate: () => boolean, what: string, { step = 500, timeout = 4000 } = {}): Promise<void> {
      const give = performance.now() + timeout;
      while (!predicate()) {
        if (performance.now() > give) throw new Error(`timed out waiting for ${what} (virtual time ${new Date(now).toISOString()})`);
        await this.advance(step);
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
    },
  };
}
