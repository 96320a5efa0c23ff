// Readers shared by every source. Each takes `unknown` and returns a value of the right type or `undefined`,
// so a source can read any field of any payload without a type check of its own and without throwing.

import type { Notice, ParseContext, Severity } from '../types.js';

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

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The array, or an empty one for anything else (a missing array means empty). */
export function readArray(value: unknown, max = Infinity): unknown[] {
  return Array.isArray(value) ? (value.length > max ? value.slice(0, max) : value) : [];
}

/** The records of an array, skipping nulls and anything else. */
export function readRecords(value: unknown, max = Infinity): JsonRecord[] {
  return readArray(value, max).filter(isRecord);
}

/** Truncates to `max` UTF-16 units without splitting a surrogate pair, marking the cut with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

/** Severities, in the order of the type; `SEVERITIES.slice(0, 4)` are the incident impacts. */
export const SEVERITIES = ['none', 'minor', 'major', 'critical', 'maintenance'];
/** Known phases; `PHASES.slice(5)` are maintenance's. Anything else reads as `unknown`. */
export const PHASES = ['investigating', 'identified', 'monitoring', 'resolved', 'postmortem', 'scheduled', 'in_progress', 'verifying', 'completed', 'cancelled'];

function clean(value: unknown, max: number, lines?: boolean): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value) && !lines) return String(value);
  if (typeof value !== 'string') return undefined;
  // Slice first so a multi-megabyte string costs no more than its first few kilobytes. Control characters
  // and bidi overrides (which can disguise text) go.
  const text = value
    .slice(0, max * 4)
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(lines ? /\n{3,}/g : /[\s\u2028\u2029]+/g, lines ? '\n\n' : ' ')
    .trim();
  return text ? truncate(text, max) : undefined;
}

/** A one-line label, trimmed and capped; numbers become strings. Markup in it stays literal text. */
export const readString = (value: unknown, max: number = LIMITS.name): string | undefined => clean(value, max);

/** Multi-line plain text: paragraph breaks kept, trimmed and capped. */
export const readText = (value: unknown, max: number = LIMITS.message): string | undefined => clean(value, max, true);

/** `value` if it is one of `list`, else undefined. */
export const oneOf = <T extends string>(list: readonly string[], value: unknown): T | undefined =>
  list.includes(value as string) ? (value as T) : undefined;

/** The distinct ids among `values`, in order of first appearance, capped. */
export function readIds(values: unknown): string[] {
  const out = new Set<string>();
  for (const value of readArray(values, LIMITS.components)) {
    const id = readId(value);
    if (id) out.add(id);
  }
  return [...out];
}

/** An identifier: a non-empty string or a finite number, as a string. */
export function readId(value: unknown): string | undefined {
  return readString(value, LIMITS.id);
}

const ISO_DATE_TIME =
  /^(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d\d(?::?\d\d)?)?$/i;

/**
 * An ISO-8601 time (or `YYYY-MM-DD HH:mm:ss`) as ISO-8601 in UTC. A time without a zone is read as
 * `naiveOffsetMinutes` east of UTC (default: UTC). Anything else, impossible dates and results outside the
 * years 0–9999 included, is `undefined`.
 */
export function toUtc(value: unknown, naiveOffsetMinutes = 0): string | undefined {
  const match = typeof value === 'string' && value.length < 64 ? ISO_DATE_TIME.exec(value.trim()) : null;
  if (!match) return undefined;
  const [, year, month, day, hour = 0, minute = 0, second = 0, fraction = '0', zone] = match;
  const digits = zone?.slice(1).replace(':', '') ?? '';
  const offset = !zone
    ? naiveOffsetMinutes
    : zone.length < 2
      ? 0
      : (zone[0] === '-' ? -1 : 1) * (+digits.slice(0, 2) * 60 + +digits.slice(2) || 0);
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC, which reads years 0–99 as 1900–1999.
  date.setUTCFullYear(+year!, +month! - 1, +day!);
  if (date.getUTCDate() !== +day! || +month! > 12 || +hour > 23 || +minute > 59 || +second > 60) return undefined;
  date.setUTCHours(+hour, +minute - offset, +second, +`0.${fraction}` * 1000);
  const y = date.getUTCFullYear();
  return y >= 0 && y <= 9999 ? date.toISOString() : undefined;
}

/** A link safe to put in `href`: an absolute `http:` or `https:` URL, or `undefined`. */
export function safeUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > LIMITS.url) return undefined;
  let url: URL;
  try {
    // No base: relative and protocol-relative (`//evil.example`) links are rejected, not resolved.
    url = new URL(value.trim());
  } catch {
    return undefined;
  }
  return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
}

/** Higher is worse. Also the banner's order: critical, major, minor, maintenance, none. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = {
  none: 0,
  maintenance: 1,
  minor: 2,
  major: 3,
  critical: 4,
};

/** The worse of two severities. */
export function worse(a: Severity, b: Severity): Severity {
  return SEVERITY_RANK[b] > SEVERITY_RANK[a] ? b : a;
}

/** Most severe first, then most recently updated; stable otherwise. */
export function sortNotices(notices: Notice[]): Notice[] {
  return notices.sort(
    (a, b) =>
      SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
      (b.updatedAt ?? '').localeCompare(a.updatedAt ?? ''),
  );
}

const DONE_PHASES = new Set(['resolved', 'postmortem', 'completed', 'cancelled']);

/**
 * Whether a notice belongs on a banner: an incident not yet resolved, maintenance in progress or verifying,
 * or maintenance due to start within the lead window (and not already past its end).
 */
export function isShowable(notice: Notice, context: ParseContext): boolean {
  if (DONE_PHASES.has(notice.phase)) return false;
  if (notice.kind === 'incident' || notice.phase !== 'scheduled') return true;
  const now = context.now.getTime();
  if (notice.scheduledEnd && Date.parse(notice.scheduledEnd) <= now) return false;
  if (!notice.scheduledStart) return true;
  return Date.parse(notice.scheduledStart) - now <= context.maintenanceLead;
}

/** The notices a banner should show, in banner order, capped. */
export function selectNotices(notices: Notice[], context: ParseContext): Notice[] {
  return sortNotices(notices.filter((notice) => isShowable(notice, context))).slice(0, LIMITS.notices);
}
