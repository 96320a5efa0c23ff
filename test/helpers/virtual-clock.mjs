// A virtual clock for the core client in Node (`createStatusClient({ clock })`): its polls, backoff, deadlines and
// watchdog run on virtual time while its requests stay real HTTP over loopback. The clock jumps straight to the
// next due timer whenever the work in flight has settled, so a day of polling runs in a second.

/** A seeded source of numbers in [0, 1) (mulberry32), so a run draws the same jitter every time. */
export function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Lets promise chains, and I/O already under way, run on: a few turns of the event loop. */
const turns = async (count = 5) => {
  for (let i = 0; i < count; i += 1) await new Promise((resolve) => setImmediate(resolve));
};

/**
 * @param {number} [start] - Virtual ms since the epoch to start at.
 * @returns The `clock` to hand to the client, how many timers are pending, the virtual time, and `run`.
 */
export function createVirtualClock(start = Date.parse('2026-01-01T00:00:00Z')) {
  const timers = new Map();
  let now = start;
  let ids = 0;
  const clock = {
    now: () => now,
    setTimeout(callback, ms) {
      ids += 1;
      timers.set(ids, { due: now + Math.max(0, Number(ms) || 0), callback });
      return ids;
    },
    clearTimeout(id) {
      timers.delete(id);
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
    /**
     * Fires due timers in order, jumping the clock to each, until the next is due at or after `end`, and leaves the
     * clock at `end`. Before each
     * jump it waits, in real time, until `idle()` holds twice in a row with the event loop turning in between:
     * nothing in flight that a jump would cut short.
     */
    async run(end, idle = () => true, { realLimitMs = 60_000 } = {}) {
      const giveUp = Date.now() + realLimitMs;
      for (;;) {
        do {
          if (Date.now() > giveUp) throw new Error(`virtual clock stuck at ${new Date(now).toISOString()}: never idle`);
          await turns();
        } while (!idle() || (await turns(), !idle()));
        let next;
        for (const [id, timer] of timers) if (!next || timer.due < next.due) next = { id, ...timer };
        if (!next || next.due >= end) {
          // Time passes to the end, whether or not anything was due.
          now = Math.max(now, end);
          return;
        }
        timers.delete(next.id);
        now = Math.max(now, next.due);
        next.callback();
      }
    },
  };
}
