// Readers shared by every source. Each takes `unknown` and returns a value of the right type or `undefined`,
// so a source can read any field of any payload without a type check of its own and without throwing.

import type { Severity } from '../types.js';

/** Caps that keep one hostile payload from blowing up memory or layout. */
export const LIMITS = {
  id: 200,
  title: 300,
  name: 300,
  message: 4000,
  url: 2048,
  notices: 50,
  components: 2000,
  updates: 200,
} as const;

export type JsonRecord = Record<string, unknown>;

/** Severities, in the order of the type; `SEVERITIES.slice(0, 4)` are the incident impacts. */
export const SEVERITIES = ['none', 'minor', 'major', 'critical', 'maintenance'];
/** Known phases; `PHASES.slice(5)` are maintenance's. Anything else reads as `unknown`. */
export const PHASES = ['investigating', 'identified', 'monitoring', 'resolved', 'postmortem', 'scheduled', 'in_progress', 'verifying', 'completed', 'cancelled'];

export const isRecord = (value: unknown): value is JsonRecord => typeof value === 'object' && !!value && !Array.isArray(value);

/** The records of an array, capped, skipping nulls and anything else; a missing array means empty. */
export const readRecords = (value: unknown, max: number = LIMITS.components): JsonRecord[] =>
  Array.isArray(value) ? value.slice(0, max).filter(isRecord) : [];

/** Truncates to `max` UTF-16 units without splitting a surrogate pair, marking the cut with an ellipsis. */
export const truncate = (text: string, max: number): string =>
  text.length > max ? `${text.slice(0, max - 1).replace(/[\ud800-\udbff]$/, '')}…` : text;

function clean(value: unknown, max: number): string | undefined {
  if (typeof value === 'number' && value === value && Math.abs(value) < Infinity) return String(value);
  if (typeof value !== 'string') return undefined;
  // Slice first so a multi-megabyte string costs no more than its first few kilobytes. Control characters
  // and bidi overrides (which can disguise text) go.
  const text = value
    .slice(0, max * 4)
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[\s\u2028\u2029]+/g, ' ')
    .trim();
  return text ? truncate(text, max) : undefined;
}

/** A one-line label, trimmed and capped; numbers become strings. Markup in it stays literal text. */
export const readString = (value: unknown, max: number = LIMITS.name): string | undefined => clean(value, max);

/** An identifier: a non-empty string or a finite number, as a string. */
export const readId = (value: unknown): string | undefined => clean(value, LIMITS.id);

/** `value` if it is one of `list`, else undefined. */
export const oneOf = <T extends string>(list: readonly string[], value: unknown): T | undefined =>
  list.includes(value as string) ? (value as T) : undefined;

/** The distinct ids among `values`, in order of first appearance, capped. */
export const readIds = (values: unknown): string[] => [
  ...new Set((Array.isArray(values) ? values.slice(0, LIMITS.components) : []).map(readId).filter(Boolean) as string[]),
];

const ISO_DATE_TIME =
  /^(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(?:[.,](\d{1,9}))?)?)?\s*(Z|([+-])(\d\d):?(\d\d)?)?$/i;

/**
 * An ISO-8601 time (or `YYYY-MM-DD HH:mm:ss`) as ISO-8601 in UTC. A time without a zone is read as
 * `naiveOffsetMinutes` east of UTC (default: UTC). Anything else, impossible dates and results outside the
 * years 0–9999 included, is `undefined`.
 */
export function toUtc(value: unknown, naiveOffsetMinutes = 0): string | undefined {
  return typeof value === 'string' && value.length < 64 ? remembered(`${naiveOffsetMinutes} ${value}`, () => readUtc(value, naiveOffsetMinutes)) : undefined;
}

const readings = new Map<string, string | undefined>();

/**
 * A payload says the same times over and over (a source reads each, the builder reads its readings again, a zoned
 * reading reads three times), and a reading costs several Date or Intl calls: the last few hundred are remembered.
 */
export function remembered(key: string, read: () => string | undefined): string | undefined {
  if (readings.has(key)) return readings.get(key);
  if (readings.size > 255) readings.clear();
  const reading = read();
  readings.set(key, reading);
  return reading;
}

function readUtc(value: string, naiveOffsetMinutes: number): string | undefined {
  const match = ISO_DATE_TIME.exec(value.trim());
  if (!match) return undefined;
  const [, year, month, day, hour = 0, minute = 0, second = 0, fraction = 0, zone, sign, zoneHours = 0, zoneMinutes = 0] = match;
  const offset = zone ? (sign === '-' ? -1 : 1) * (+zoneHours * 60 + +zoneMinutes) : naiveOffsetMinutes;
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC, which reads years 0–99 as 1900–1999.
  date.setUTCFullYear(+year!, +month! - 1, +day!);
  if (date.getUTCDate() !== +day! || +month! > 12 || +hour > 23 || +minute > 59 || +second > 60) return undefined;
  date.setUTCHours(+hour, +minute - offset, +second, +`0.${fraction}` * 1000);
  const y = date.getUTCFullYear();
  return y >= 0 && y < 1e4 ? date.toISOString() : undefined;
}

/** A link safe to put in `href`: an absolute `http:` or `https:` URL, or `undefined`. */
export function safeUrl(value: unknown): string | undefined {
  // Only what starts as an http(s) link goes to the URL parser: it throws on anything else, and a payload without
  // links (a notice's missing shortlink) would pay for a thrown error each time.
  if (typeof value !== 'string' || value.length > LIMITS.url || !/^\s*https?:/i.test(value)) return undefined;
  try {
    // No base: relative and protocol-relative (`//evil.example`) links are rejected, not resolved.
    const url = new URL(value.trim());
    return /^https?:$/.test(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Higher is worse. Also the banner's order: critical, major, minor, maintenance, none. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { none: 0, maintenance: 1, minor: 2, major: 3, critical: 4 };

/** The worse of two severities. */
export const worse = (a: Severity, b: Severity): Severity => (SEVERITY_RANK[b] > SEVERITY_RANK[a] ? b : a);

/**
 * `table[value]` for a string or finite-number key the table itself holds (`"constructor"` finds nothing), else
 * undefined: how every source maps a provider's enum without trusting it.
 */
export const lookup = <T>(table: Readonly<Record<string, T>>, value: unknown): T | undefined =>
  (typeof value === 'string' || (typeof value === 'number' && value === value)) && Object.prototype.hasOwnProperty.call(table, value)
    ? table[value as string]
    : undefined;

/** The worst of the severities. */
export const worst = (severities: readonly Severity[]): Severity => severities.reduce(worse, 'none');

/**
 * A path below `url`'s own (query and fragment dropped), as a new URL on the same origin: `below(url, 'index.json')`
 * for `https://x.example/status/` is `https://x.example/status/index.json`. Set as a pathname, never resolved,
 * so a path such as `//evil.example` cannot change the host.
 */
export function below(url: URL, path: string, search = ''): URL {
  const next = new URL(url.origin);
  next.pathname = `${url.pathname.replace(/\/+$/, '')}/${path}`;
  next.search = search;
  return next;
}
