import type { StatusClock } from '../clock.js';
import { parseStatus } from '../parse-status.js';
import type { StatusSnapshot } from '../types.js';
import { clockSkew } from './state-reducer.js';

/** Reads payloads into snapshots on the server's clock, once the server has told its time. */
export interface SnapshotReader {
  /** Parses a payload (as the provider `as`, else detected); throws a StatusFormatError when unreadable. */
  read(payload: unknown, as?: string): StatusSnapshot;
  /** A snapshot that another tab sent or an earlier page stored, re-read like any payload; undefined if unreadable. */
  reread(raw: unknown): StatusSnapshot | undefined;
  /** The server's time from a readable Date header. */
  serverTime(at: number): void;
}

export function createSnapshotReader(clock: StatusClock, options: { maintenanceLead?: number; timeZone?: string }): SnapshotReader {
  /** How far the server's clock is ahead of this device's, in ms. */
  let skew = 0;
  const reader: SnapshotReader = {
    // On the server's clock when it told us its time: a device clock a day off cannot open a window early.
    read: (payload, as) =>
      parseStatus(payload, {
        now: new Date(clock.now() + skew),
        ...(as && { provider: as }),
        ...(options.maintenanceLead !== undefined && { maintenanceLead: options.maintenanceLead }),
        ...(options.timeZone && { timeZone: options.timeZone }),
      }),
    reread(raw) {
      try {
        return { ...reader.read(raw, 'native'), provider: String((raw as StatusSnapshot).provider ?? 'native') };
      } catch {
        return undefined;
      }
    },
    serverTime(at) {
      skew = clockSkew(at, clock.now());
    },
  };
  return reader;
}
