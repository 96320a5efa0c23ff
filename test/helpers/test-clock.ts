// A virtual clock for the client in the browser (`createStatusClient({ clock })`): its polls, backoff, deadlines
// and watchdog wait for the test to move time on, while requests stay real. Time passes only in `advance`; what a
// timer starts (a request) runs on its own, and the test awaits its outcome (a state, a request at the server).

import type { StatusClock } from '@status-banner/core';

export interface TestClock {
  clock: StatusClock;
  /** The virtual time, in ms since the epoch. */
  readonly now: number;
  /** How many timers are waiting. */
  readonly pending: number;
  /** How many timers have been set since the clock was made. */
  readonly created: number;
  /** Ms until the next timer is due, or undefined when none waits. */
  readonly next: number | undefined;
  /** Ms until each waiting timer is due, soonest first. */
  readonly timers: number[];
  /** Moves time on by `ms`, firing each timer that falls due on the way, in order, those they set included. */
  advance(ms: number): void;
}

export function testClock(start = Date.now()): TestClock {
  const timers = new Map<number, { due: number; callback: () => void }>();
  let now = start;
  let ids = 0;
  const first = () => {
    let found: [number, { due: number; callback: () => void }] | undefined;
    for (const entry of timers) if (!found || entry[1].due < found[1].due) found = entry;
    return found;
  };
  return {
    clock: {
      now: () => now,
      setTimeout(callback, ms) {
        timers.set((ids += 1), { due: now + Math.max(0, Number(ms) || 0), callback });
        return ids;
      },
      clearTimeout: (id) => void timers.delete(id as number),
    },
    get now() {
      return now;
    },
    get pending() {
      return timers.size;
    },
    get created() {
      return ids;
    },
    get next() {
      const found = first();
      return found && found[1].due - now;
    },
    get timers() {
      return [...timers.values()].map((timer) => timer.due - now).sort((a, b) => a - b);
    },
    advance(ms) {
      const end = now + ms;
      for (let found = first(); found && found[1].due <= end; found = first()) {
        timers.delete(found[0]);
        now = Math.max(now, found[1].due);
        found[1].callback();
      }
      now = Math.max(now, end);
    },
  };
}

/** One turn of the event loop, through a message rather than a timer. */
const turn = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(0);
  });

/**
 * Resolves once `condition` holds, checked after each turn of the event loop: for what a test on a virtual clock
 * waits on that no event announces (a timer the client set once its request settled). Fails after 5 s of real time.
 */
export async function settled(condition: () => boolean, what = 'the condition'): Promise<void> {
  const giveUp = Date.now() + 5000;
  while (!condition()) {
    if (Date.now() > giveUp) throw new Error(`never reached: ${what}`);
    await turn();
  }
}

/** Lets promise chains and events already under way run on: `count` turns of the event loop, no timer. */
export async function turns(count = 5): Promise<void> {
  for (let i = 0; i < count; i += 1) await turn();
}

/** Fires the client's next timer once it has set one (its first request, or the next after an answer). */
export async function tick(time: TestClock, what = 'the next request set'): Promise<void> {
  await settled(() => time.pending === 1, what);
  time.advance(time.next!);
}
