// Reads the JSON body of a notice write. Everything a banner will show is plain text of bounded length, every
// enum is the core's, every time ISO-8601 with a zone, every link http(s); anything else is refused with an
// error that names the field.

import type { Notice, Phase, Severity } from '@status-banner/core';
import { RelayError } from './errors.js';
import { KINDS, SEVERITIES, closingPhases, openPhases } from './model.js';

/** Caps on what a notice may hold (below the banner's own, so nothing posted is ever cut). */
export const NOTICE_LIMITS = Object.freeze({ title: 200, message: 4000, url: 2048, components: 100, componentId: 200 });

/** The fields a write may carry, as read. `null` in an update clears an optional field. */
export interface NoticeInput {
  title?: string;
  severity?: Severity;
  kind?: Notice['kind'];
  phase?: Phase;
  message?: string | null;
  url?: string | null;
  components?: string[];
  startsAt?: string | null;
  endsAt?: string | null;
}

const FIELDS = ['title', 'severity', 'message', 'kind', 'phase', 'url', 'components', 'startsAt', 'endsAt'] as const;
// Control characters other than line breaks, and the bidirectional overrides that can disguise text.
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
// What a browser would take for markup: the text is shown as typed, so a tag here is a mistake.
const MARKUP = /<\/?[a-z][^>]*>|&(?:#\d+|#x[\da-f]+|[a-z]+);/i;
const ISO = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::(\d\d)(?:\.(\d{1,9}))?)?(Z|[+-]\d\d:\d\d)$/;

const invalid = (field: string, message: string) => new RelayError('invalid-request', message, field);

function text(field: string, value: unknown, max: number, multiline: boolean): string {
  if (typeof value !== 'string') throw invalid(field, `${field} must be a string`);
  const normalised = value.replace(/\r\n?/g, '\n').trim();
  if (!normalised) throw invalid(field, `${field} must not be empty`);
  if (normalised.length > max) throw invalid(field, `${field} is ${normalised.length} characters; at most ${max}`);
  if (CONTROL.test(normalised) || (!multiline && normalised.includes('\n'))) {
    throw invalid(field, `${field} must be plain text${multiline ? '' : ' on one line'}, without control characters`);
  }
  if (MARKUP.test(normalised)) throw invalid(field, `${field} must be plain text: no HTML tags or entities (it is shown as typed)`);
  return normalised;
}

function oneOf<T extends string>(field: string, value: unknown, list: readonly T[]): T {
  if (!list.includes(value as T)) throw invalid(field, `${field} must be one of ${list.join(', ')}`);
  return value as T;
}

/** An ISO-8601 date-time with a zone, as ISO-8601 UTC. */
export function readTime(field: string, value: unknown): string {
  const match = typeof value === 'string' ? ISO.exec(value) : null;
  const ms = match ? Date.parse(value as string) : NaN;
  // Date.parse rolls 2024-02-31 over to March: a date that does not exist is refused instead.
  const [, y, mo, d] = match ?? [];
  const day = match && new Date(Date.UTC(+y!, +mo! - 1, +d!));
  if (!match || Number.isNaN(ms) || day!.getUTCMonth() !== +mo! - 1 || day!.getUTCDate() !== +d!) {
    throw invalid(field, `${field} must be an ISO-8601 date and time with a zone, such as 2024-05-01T12:00:00Z`);
  }
  return new Date(ms).toISOString();
}

/** An http(s) URL without credentials, as written (normalised by the URL parser). */
export function readUrl(field: string, value: unknown): string {
  if (typeof value !== 'string' || value.length > NOTICE_LIMITS.url) {
    throw invalid(field, `${field} must be a URL of at most ${NOTICE_LIMITS.url} characters`);
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalid(field, `${field} must be an absolute http(s) URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalid(field, `${field} must be an http or https URL`);
  if (url.username || url.password) throw invalid(field, `${field} must not carry a user name or password`);
  return url.href;
}

function components(value: unknown): string[] {
  if (!Array.isArray(value)) throw invalid('components', 'components must be an array of component ids');
  if (value.length > NOTICE_LIMITS.components) throw invalid('components', `components lists at most ${NOTICE_LIMITS.components} ids`);
  return [...new Set(value.map((id, i) => text(`components[${i}]`, id, NOTICE_LIMITS.componentId, false)))];
}

/**
 * Reads a write's body. `mode` `create` requires a title (and a severity, unless the kind is maintenance) and
 * refuses `null`; `update` takes any subset.
 *
 * @throws {RelayError} `invalid-request`, with `field` set, for anything it cannot accept.
 */
export function readNoticeInput(body: unknown, mode: 'create' | 'update'): NoticeInput {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw invalid('body', 'The body must be a JSON object');
  const record = body as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!(FIELDS as readonly string[]).includes(key)) throw invalid(key, `Unknown field ${key}; fields are ${FIELDS.join(', ')}`);
  }
  const input: NoticeInput = {};
  const present = (key: (typeof FIELDS)[number]) => record[key] !== undefined;
  const clearable = (key: (typeof FIELDS)[number]) => {
    if (record[key] !== null) return false;
    if (mode === 'create') throw invalid(key, `${key} may be null only in an update`);
    return true;
  };
  if (present('title')) input.title = text('title', record.title, NOTICE_LIMITS.title, false);
  else if (mode === 'create') throw invalid('title', 'title is required');
  if (present('kind')) input.kind = oneOf('kind', record.kind, KINDS);
  if (present('severity')) input.severity = oneOf('severity', record.severity, SEVERITIES);
  else if (mode === 'create' && input.kind !== 'maintenance') throw invalid('severity', `severity is required: one of ${SEVERITIES.join(', ')}`);
  if (present('phase')) input.phase = oneOf('phase', record.phase, [...openPhases('incident'), ...closingPhases('incident'), ...openPhases('maintenance'), ...closingPhases('maintenance')]);
  if (present('message')) input.message = clearable('message') ? null : text('message', record.message, NOTICE_LIMITS.message, true);
  if (present('url')) input.url = clearable('url') ? null : readUrl('url', record.url);
  if (present('components')) input.components = clearable('components') ? [] : components(record.components);
  if (present('startsAt')) input.startsAt = clearable('startsAt') ? null : readTime('startsAt', record.startsAt);
  if (present('endsAt')) input.endsAt = clearable('endsAt') ? null : readTime('endsAt', record.endsAt);
  return input;
}
