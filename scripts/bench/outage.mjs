// How many requests one client makes during a long outage, in virtual time: the real built core client, a real
// local server answering 503, and the tests' virtual clock (test/helpers/virtual-clock.mjs) injected as the
// client's clock, so ten minutes pass in a moment while every request is real HTTP over loopback.

import { answer, startShapeServer } from '../../test/helpers/shape-server.mjs';
import { createVirtualClock, seeded } from '../../test/helpers/virtual-clock.mjs';

const environment = { isVisible: () => true, isOnline: () => true, subscribe: () => () => {} };

/**
 * Requests reaching a server that answers 503 (with `retryAfter` when given) for `minutes`, from one client
 * started with the outage. `start({ src, clock, fetch })` starts it and returns the function that stops it.
 */
async function countRequests(start, { minutes, retryAfter }) {
  const virtual = createVirtualClock();
  const headers = retryAfter === undefined ? {} : { 'Retry-After': String(retryAfter) };
  const server = await startShapeServer((req, res) => answer.text(res, 503, 'unavailable', headers), virtual.clock.now);
  let started = 0;
  const fetch = (...args) => ((started += 1), globalThis.fetch(...args));
  const t0 = virtual.now;
  const stop = start({ src: `${server.url}/status.json`, clock: virtual.clock, fetch });
  try {
    await virtual.run(t0 + minutes * 60_000, () => server.settled() && started === server.fresh());
    return server.count(t0, t0 + minutes * 60_000);
  } finally {
    stop();
    await server.close();
  }
}

/**
 * Mean requests one real client makes during an outage of `minutes`, over `runs` seeded runs.
 *
 * @param {{ createStatusClient: Function, createMemoryStorage: Function }} core The built core package.
 */
export async function outageRequests(core, { minutes = 10, runs = 20, retryAfter } = {}) {
  let total = 0;
  for (let seed = 1; seed <= runs; seed += 1) {
    total += await countRequests(
      ({ src, clock, fetch }) => {
        const client = core.createStatusClient({ src, fetch, clock, random: seeded(seed), interval: 60, storage: core.createMemoryStorage(), environment });
        client.subscribe(() => {});
        return () => client.destroy();
      },
      { minutes, retryAfter },
    );
  }
  return total / runs;
}

/** The same count for a naive client that asks again 1 s after every failure. */
export function naiveOutageRequests({ minutes = 10 } = {}) {
  return countRequests(
    ({ src, clock, fetch }) => {
      let stopped = false;
      const ask = () => fetch(src).finally(() => stopped || clock.setTimeout(ask, 1000));
      ask();
      return () => (stopped = true);
    },
    { minutes },
  );
}
