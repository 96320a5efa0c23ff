// The Redis store's lease: the key one node at a time holds (SET NX PX, renewed) to be the upstream's only
// reader. A node trusts its lease only until the time it asked for runs out, so an unreachable node gives it up
// by itself before another can take it over.

import type { Clock } from './clock.js';
import { listeners } from './store.js';

// KEYS: lease. ARGV: node id, ms. Takes a free lease or renews our own.
const LEASE = `
local holder = redis.call('GET', KEYS[1])
if holder == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]) return 1 end
if not holder then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1 end
return 0
`;

// KEYS: lease. ARGV: node id. Gives our lease up.
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

/** What {@link createRedisLease} needs from its store. */
export interface RedisLeaseOptions {
  /** Sends one command; rejects when Redis cannot answer. */
  send: (args: string[], timeout?: number) => Promise<unknown>;
  /** The lease's key. */
  key: string;
  nodeId: string;
  leaseMs: number;
  clock: Clock;
  /** Whether the store is closed: a closed store holds nothing and renews nothing. */
  closed: () => boolean;
}

/** One node's hold on the lease. */
export interface RedisLease {
  held(): boolean;
  onChange(listener: (held: boolean) => void): () => void;
  /** Takes or renews the lease, then keeps renewing it every third of its time. */
  renew(): Promise<void>;
  /** Stops renewing; gives the lease up when `wasHeld`. */
  release(wasHeld: boolean): Promise<void>;
}

/** Makes the lease of one node. */
export function createRedisLease({ send, key, nodeId, leaseMs, clock, closed }: RedisLeaseOptions): RedisLease {
  let leaseUntil = 0;
  let leaseTimer: unknown;
  let leaseShown = false;
  const changes = listeners<[boolean]>();
  const held = () => !closed() && leaseUntil > clock.now();

  async function renew(): Promise<void> {
    const started = clock.now();
    try {
      const got = (await send(['EVAL', LEASE, '1', key, nodeId, String(leaseMs)])) === 1;
      leaseUntil = got ? started + leaseMs : 0;
    } catch {
      // Unreachable: the lease runs out by itself (leaseUntil), before another node can take it over.
    }
    if (held() !== leaseShown) changes.emit((leaseShown = held()));
    if (!closed()) leaseTimer = clock.setTimeout(() => void renew(), leaseMs / 3);
  }

  return {
    held,
    onChange: changes.add,
    renew,
    async release(wasHeld) {
      clock.clearTimeout(leaseTimer);
      if (wasHeld) await send(['EVAL', RELEASE, '1', key, nodeId], 1000).catch(() => {});
    },
  };
}
