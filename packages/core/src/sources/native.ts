// The project's own format: a StatusSnapshot as JSON, plus an optional monotonic `version`. Also how a client
// re-reads a snapshot it stored, so a corrupted or old-schema value is validated on the way in.

import { StatusFormatError } from '../errors.js';
import type {
  Component,
  ComponentStatus,
  Notice,
  ParseContext,
  Phase,
  Severity,
  StatusSnapshot,
  StatusSource,
} from '../types.js';
import {
  LIMITS,
  isRecord,
  readId,
  readRecords,
  readString,
  safeUrl,
  selectNotices,
  toUtc,
  type JsonRecord,
} from './normalize.js';

const SEVERITIES = new Set<Severity>(['none', 'minor', 'major', 'critical', 'maintenance']);
const PHASES = new Set<Phase>([
  'investigating',
  'identified',
  'monitoring',
  'resolved',
  'postmortem',
  'scheduled',
  'in_progress',
  'verifying',
  'completed',
  'cancelled',
  'unknown',
]);
const COMPONENT_STATUSES = new Set<ComponentStatus>([
  'operational',
  'degraded',
  'partial_outage',
  'major_outage',
  'maintenance',
  'unknown',
]);

function oneOf<T extends string>(set: Set<T>, value: unknown, fallback: T): T {
  return typeof value === 'string' && set.has(value as T) ? (value as T) : fallback;
}

function readNotice(raw: JsonRecord): Notice | undefined {
  const id = readId(raw.id);
  const title = readString(raw.title, LIMITS.title);
  if (!id || !title) return undefined;
  const kind = raw.kind === 'maintenance' ? 'maintenance' : 'incident';
  const severity = oneOf(SEVERITIES, raw.severity, kind === 'maintenance' ? 'maintenance' : 'minor');
  const notice: Notice = {
    id,
    kind,
    title,
    severity,
    phase: oneOf(PHASES, raw.phase, 'unknown'),
    componentIds: readStrings(raw.componentIds),
    revision: readString(raw.revision, LIMITS.id) ?? `${readString(raw.updatedAt) ?? ''}:${severity}`,
  };
  const message = readString(raw.message, LIMITS.message);
  if (message) notice.message = message;
  for (const key of ['updatedAt', 'startedAt', 'scheduledStart', 'scheduledEnd'] as const) {
    const time = toUtc(raw[key]);
    if (time) notice[key] = time;
  }
  const url = safeUrl(raw.url);
  if (url) notice.url = url;
  return notice;
}

function readStrings(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const out: string[] = [];
  for (const item of value.slice(0, LIMITS.components)) {
    const id = readId(item);
    if (id) out.push(id);
  }
  return out;
}

function readComponent(raw: JsonRecord): Component | undefined {
  const id = readId(raw.id);
  if (!id) return undefined;
  const component: Component = {
    id,
    name: readString(raw.name) ?? id,
    status: oneOf(COMPONENT_STATUSES, raw.status, 'unknown'),
  };
  const groupId = readId(raw.groupId);
  if (groupId) component.groupId = groupId;
  if (Array.isArray(raw.childIds)) component.childIds = readStrings(raw.childIds);
  return component;
}

/**
 * Reads a snapshot-shaped object. `provider` overrides the one reported (a stored snapshot keeps the provider
 * it was first read from).
 */
export function readSnapshot(data: unknown, context: ParseContext, provider = 'native'): StatusSnapshot {
  if (!isRecord(data) || !Array.isArray(data.notices)) {
    throw new StatusFormatError('invalid-payload', 'A native status payload needs a notices array');
  }
  const page = isRecord(data.page) ? data.page : {};
  const notices: Notice[] = [];
  for (const raw of readRecords(data.notices, LIMITS.updates)) {
    const notice = readNotice(raw);
    if (notice) notices.push(notice);
  }
  const components: Component[] = [];
  for (const raw of readRecords(data.components, LIMITS.components)) {
    const component = readComponent(raw);
    if (component) components.push(component);
  }
  const snapshot: StatusSnapshot = {
    provider,
    page: {},
    indicator: oneOf(SEVERITIES, data.indicator, 'none'),
    notices: selectNotices(notices, context),
    components,
  };
  const name = readString(page.name);
  if (name) snapshot.page.name = name;
  const url = safeUrl(page.url);
  if (url) snapshot.page.url = url;
  if (typeof data.version === 'number' && Number.isSafeInteger(data.version) && data.version >= 0) {
    snapshot.version = data.version;
  }
  return snapshot;
}

/** The native protocol: see docs/protocol.md. */
export const native: StatusSource = {
  id: 'native',
  detect: (payload) => isRecord(payload) && Array.isArray(payload.notices) && typeof payload.indicator === 'string',
  parse: (payload, context) => readSnapshot(payload, context),
};
