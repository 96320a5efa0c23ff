// Times that pages write without a zone, in the zone the page is set to (an IANA name the page or the client
// says, or an offset beside the time). Only the providers that need it (Cachet, Uptime Kuma) import it, so the
// Statuspage and native readers, and an app's first bundle, carry no Intl zone code.

import { remembered, toUtc } from './normalize.js';

const zoneFormats = new Map<string, Intl.DateTimeFormat | undefined>();

/** How far `timeZone` is ahead of UTC at the instant `at` (ms), in minutes; undefined for an unknown zone. */
function zoneOffset(timeZone: string, at: number): number | undefined {
  if (!zoneFormats.has(timeZone)) {
    let format: Intl.DateTimeFormat | undefined;
    try {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
      });
    } catch {
      // Not a zone this runtime knows: read as UTC.
    }
    // Bounded: a hostile caller cycling zone names cannot grow it without end.
    if (zoneFormats.size < 64) zoneFormats.set(timeZone, format);
    else return undefined;
  }
  const parts = zoneFormats.get(timeZone)?.formatToParts(at);
  if (!parts) return undefined;
  const part = (type: string) => +(parts.find((p) => p.type === type)?.value ?? NaN);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'));
  const offset = (wall - (at - (at % 60_000))) / 60_000;
  return offset === offset ? offset : undefined;
}

/**
 * Like {@link toUtc}, but a time without a zone is wall-clock time in `timeZone` (an IANA name); without one,
 * or with a zone the runtime does not know, UTC. A time that carries its own zone keeps it.
 */
export function toUtcIn(value: unknown, timeZone?: string): string | undefined {
  const utc = toUtc(value);
  // A zoned string reads the same whatever the naive offset: nothing to convert.
  if (!utc || !timeZone || utc === toUtc(value, 60)) return utc;
  return remembered(`in ${timeZone} ${value}`, () => {
    const guess = Date.parse(utc);
    // Twice: the offset at the wall time read as UTC can differ by an hour across a DST change.
    const first = zoneOffset(timeZone, guess);
    if (first === undefined) return utc;
    const offset = zoneOffset(timeZone, guess - first * 60_000) ?? first;
    return toUtc(value, offset);
  });
}

/** `+HH:MM`, `-HHMM` or `Z` as minutes east of UTC; undefined for anything else. */
export function readOffset(value: unknown): number | undefined {
  const match = typeof value === 'string' ? /^(?:Z|([+-])(\d\d):?(\d\d))$/i.exec(value.trim()) : null;
  return match ? (match[1] === '-' ? -1 : 1) * (+(match[2] ?? 0) * 60 + +(match[3] ?? 0)) : undefined;
}
