// A virtual clock for the relay's modules: timers run only when a test moves time with advance(), in order,
// with the promises they start given a chance to settle in between. Real I/O still takes real (short) time.

/** Lets queued promise callbacks and I/O callbacks already due run. */
export const settle = async (rounds = 5) => {
  for (let i = 0; i < rounds; i += 1) await new Promise((resolve) => setImmediate(resolve));
};

/**
 * @param {number} [start] Epoch ms to start at.
 */
export function virtualClock(start = Date.parse('2024-05-01T12:00:00.000Z')) {
  let now = start;
  let seq = 0;
  const timers = new Map();
  return {
    now: () => now,
    setTimeout(callback, ms) {
      seq += 1;
      timers.set(seq, { at: now + Math.max(0, ms), callback, seq });
      return seq;
    },
    clearTimeout(handle) {
      timers.delete(handle);
    },
    /** Moves time forward by `ms`, running every timer due on the way. */
    async advance(ms) {
      const end = now + ms;
      for (;;) {
        let next;
        for (const timer of timers.values()) if (timer.at <= end && (!next || timer.at < next.at || (timer.at === next.at && timer.seq < next.seq))) next = timer;
        if (!next) break;
        timers.delete(next.seq);
        now = Math.max(now, next.at);
        next.callback();
        await settle();
      }
      now = end;
      await settle();
    },
    /** How many timers are waiting. */
    pending: () => timers.size,
  };
}
