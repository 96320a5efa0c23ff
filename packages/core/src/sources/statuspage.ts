// Atlassian Statuspage public API v2, and the incident.io pages that serve the same shape. Every endpoint of
// the API is read: summary.json, status.json, components.json, incidents.json, incidents/unresolved.json and
// the three scheduled-maintenances lists. See shared/FORMATS.md §1 and §2a.

import { StatusFormatError } from '../errors.js';
import type {
  Component,
  ComponentStatus,
  Indicator,
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
  readArray,
  readId,
  readRecords,
  readString,
  safeUrl,
  selectNotices,
  toUtc,
  worse,
  type JsonRecord,
} from './normalize.js';
import { toPlainText } from './plain-text.js';

const INDICATORS = new Set<string>(['none', 'minor', 'major', 'critical', 'maintenance']);
const IMPACTS = new Set<string>(['none', 'minor', 'major', 'critical']);
// `cancelled` is not a Statuspage status today; if one appears it must not show as live maintenance.
const PHASES = new Set<string>([
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
]);
const MAINTENANCE_PHASES = new Set<string>(['scheduled', 'in_progress', 'verifying', 'completed', 'cancelled']);
const COMPONENT_STATUSES: Readonly<Record<string, ComponentStatus>> = {
  operational: 'operational',
  degraded_performance: 'degraded',
  partial_outage: 'partial_outage',
  major_outage: 'major_outage',
  under_maintenance: 'maintenance',
};
// How a component's state rolls up when a payload carries no `status` (components.json). Statuspage itself
// calls degraded components "Partially Degraded Service" (indicator minor) and a major outage of some
// components "Partial System Outage" (indicator major); one component down never makes the page critical.
const COMPONENT_SEVERITY: Readonly<Record<ComponentStatus, Severity>> = {
  operational: 'none',
  degraded: 'minor',
  partial_outage: 'minor',
  major_outage: 'major',
  maintenance: 'maintenance',
  unknown: 'none',
};
/** How many incidents or maintenances of one list are read; the API itself sends at most 50. */
const MAX_ITEMS = LIMITS.updates;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * The Statuspage v2 source (`provider: 'statuspage'`). Also reads incident.io's Statuspage-compatible
 * `/api/v2/*.json`, which omits empty lists, groups, shortlinks and `started_at`.
 */
export const statuspage: StatusSource = {
  id: 'statuspage',
  detect,
  parse(payload, context) {
    try {
      return parse(payload, context);
    } catch (error) {
      if (error instanceof StatusFormatError) throw error;
      // The readers never throw on JSON; this catches exotic objects handed in directly (throwing getters,
      // proxies), so the source keeps its one-error-type promise without relying on parseStatus.
      throw new StatusFormatError('invalid-payload', 'Unreadable Statuspage payload');
    }
  },
  endpoint,
};

function detect(payload: unknown): boolean {
  try {
    if (!isRecord(payload) || !isRecord(payload.page)) return false;
    // The native shape is checked first anyway; this keeps detection order from mattering.
    if (Array.isArray(payload.notices) && typeof payload.indicator === 'string') return false;
    return (
      isRecord(payload.status) ||
      Array.isArray(payload.components) ||
      Array.isArray(payload.incidents) ||
      Array.isArray(payload.scheduled_maintenances)
    );
  } catch {
    return false;
  }
}

/**
 * The summary endpoint for a page's base URL (`https://www.githubstatus.com`, `…/api/v2/`), or undefined
 * when the URL already names a `.json` endpoint.
 */
function endpoint(url: URL): URL | undefined {
  if (/\.json$/i.test(url.pathname)) return undefined;
  const next = new URL(url.href);
  next.search = '';
  next.hash = '';
  let path = next.pathname.replace(/\/+$/, '');
  const api = path.search(/\/api\/v2(?:\/|$)/i);
  if (api !== -1) path = path.slice(0, api);
  next.pathname = `${path}/api/v2/summary.json`;
  return next;
}

function parse(payload: unknown, context: ParseContext): StatusSnapshot {
  if (!detect(payload)) {
    throw new StatusFormatError(
      'invalid-payload',
      'A Statuspage payload needs a page object and a status, components, incidents or scheduled_maintenances',
    );
  }
  const data = payload as JsonRecord;
  const page = data.page as JsonRecord;
  const pageUrl = safeUrl(page.url);

  const components = readComponents(data.components);
  const all: Notice[] = [];
  for (const raw of readRecords(data.incidents, MAX_ITEMS)) {
    const notice = readNotice(raw, 'incident', pageUrl);
    if (notice) all.push(notice);
  }
  for (const raw of readRecords(data.scheduled_maintenances, MAX_ITEMS)) {
    const notice = readNotice(raw, 'maintenance', pageUrl);
    if (notice) all.push(notice);
  }
  const notices = selectNotices(all, context);

  const status = isRecord(data.status) ? data.status : undefined;
  const given = status?.indicator;
  const indicator =
    typeof given === 'string' && INDICATORS.has(given) ? (given as Indicator) : deriveIndicator(notices, components);

  const snapshot: StatusSnapshot = { provider: 'statuspage', page: {}, indicator, notices, components };
  const name = readText(page.name, LIMITS.name);
  if (name) snapshot.page.name = name;
  if (pageUrl) snapshot.page.url = pageUrl;
  return snapshot;
}

/**
 * The indicator of a payload without `status` (incidents.json, components.json…): the worst of the open
 * incidents, the components' states and any maintenance under way. An incident of impact `none` and
 * maintenance that is only scheduled leave the page at `none`, as Statuspage does.
 */
function deriveIndicator(notices: Notice[], components: Component[]): Indicator {
  let indicator: Severity = 'none';
  for (const notice of notices) {
    if (notice.kind === 'incident') indicator = worse(indicator, notice.severity);
    else if (notice.phase !== 'scheduled') indicator = worse(indicator, 'maintenance');
  }
  for (const component of components) indicator = worse(indicator, COMPONENT_SEVERITY[component.status]);
  return indicator;
}

function readComponents(value: unknown): Component[] {
  const components: Component[] = [];
  for (const raw of readRecords(value, LIMITS.components)) {
    const id = readId(raw.id);
    if (!id) continue;
    // `hasOwn`, so that a status such as "constructor" reads as unknown rather than as a prototype member.
    const status =
      typeof raw.status === 'string' && Object.hasOwn(COMPONENT_STATUSES, raw.status)
        ? COMPONENT_STATUSES[raw.status]
        : undefined;
    const component: Component = { id, name: readText(raw.name, LIMITS.name) ?? id, status: status ?? 'unknown' };
    const groupId = readId(raw.group_id);
    if (groupId) component.groupId = groupId;
    if (raw.group === true) component.childIds = readIds(raw.components, LIMITS.components);
    components.push(component);
  }
  return components;
}

/** Distinct ids of an array, in order of first appearance. */
function readIds(value: unknown, max: number): string[] {
  const ids = new Set<string>();
  for (const item of readArray(value, max)) {
    const id = readId(item);
    if (id) ids.add(id);
  }
  return [...ids];
}

function readNotice(raw: JsonRecord, list: 'incident' | 'maintenance', pageUrl: string | undefined): Notice | undefined {
  const id = readId(raw.id);
  const title = readText(raw.name, LIMITS.title);
  if (!id || !title) return undefined;
  const status = raw.status;
  const phase: Phase = typeof status === 'string' && PHASES.has(status) ? (status as Phase) : 'unknown';
  // Statuspage keeps maintenance in the incident model; one listed under `incidents` is still maintenance, and
  // left as an incident a `scheduled` one would show as an open outage.
  const kind = list === 'maintenance' || MAINTENANCE_PHASES.has(phase) ? 'maintenance' : 'incident';
  // Maintenance is shown as maintenance even when the page overrode its impact (`none`, `minor`: see the
  // docs example): the banner's job is to say "planned work", and its colour follows from that.
  const severity: Severity =
    kind === 'maintenance' ? 'maintenance' : typeof raw.impact === 'string' && IMPACTS.has(raw.impact) ? (raw.impact as Severity) : 'minor';

  const updates = readRecords(raw.incident_updates, LIMITS.updates);
  const latest = latestUpdate(updates);
  const updatedAt = latest?.at ?? time(raw.updated_at);
  const notice: Notice = {
    id,
    kind,
    title,
    severity,
    phase,
    componentIds: componentIds(raw, updates),
    revision: `${readId(latest?.update.id) ?? updatedAt ?? ''}:${severity}`,
  };
  const message = typeof latest?.update.body === 'string' ? toPlainText(latest.update.body) : '';
  if (message) notice.message = message;
  if (updatedAt) notice.updatedAt = updatedAt;
  const startedAt = time(raw.started_at) ?? time(raw.created_at);
  if (startedAt) notice.startedAt = startedAt;
  const scheduledStart = time(raw.scheduled_for);
  if (scheduledStart) notice.scheduledStart = scheduledStart;
  const scheduledEnd = time(raw.scheduled_until);
  if (scheduledEnd) notice.scheduledEnd = scheduledEnd;
  const url = safeUrl(raw.shortlink) ?? pageLink(pageUrl, id);
  if (url) notice.url = url;
  return notice;
}

/**
 * The update with the latest `display_at` (else `created_at`). The API lists updates newest first, but a
 * backfilled update can carry an earlier display time, so the order is not trusted; among equal or missing
 * times the first listed wins.
 */
function latestUpdate(updates: JsonRecord[]): { update: JsonRecord; at: string | undefined } | undefined {
  let best: { update: JsonRecord; at: string | undefined } | undefined;
  for (const update of updates) {
    const at = time(update.display_at) ?? time(update.created_at);
    if (!best || (at && (!best.at || at > best.at))) best = { update, at };
  }
  return best;
}

/** The incident's own components, then those its updates name; by id only (names carry group prefixes). */
function componentIds(raw: JsonRecord, updates: JsonRecord[]): string[] {
  const ids = new Set<string>();
  for (const component of readRecords(raw.components, LIMITS.components)) {
    const id = readId(component.id);
    if (id) ids.add(id);
  }
  for (const update of updates) {
    // Older pages write `{ name: "No components were affected by this update." }`, with no code.
    for (const affected of readRecords(update.affected_components, LIMITS.components)) {
      if (ids.size >= LIMITS.components) break;
      const id = readId(affected.code);
      if (id) ids.add(id);
    }
  }
  return [...ids];
}

/** The notice's page on the status site, for payloads without a shortlink (incident.io). */
function pageLink(pageUrl: string | undefined, id: string): string | undefined {
  if (!pageUrl) return undefined;
  const url = new URL(pageUrl);
  url.search = '';
  url.hash = '';
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/incidents/${encodeURIComponent(id)}`;
  return safeUrl(url.href);
}

/**
 * A one-line label (a title or a name), kept as literal text: markup in it is text, but control characters,
 * line breaks and bidi overrides, which could break or disguise a one-line banner, are dropped.
 */
function readText(value: unknown, max: number): string | undefined {
  const text = readString(value, max);
  if (!text) return undefined;
  const clean = text
    .replace(/[\u0000-\u0008\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[\s\u2028\u2029]+/g, ' ')
    .trim();
  return clean || undefined;
}

/** A UTC time, or undefined; expanded years (`+010000-…`) that a far-off offset can produce are refused. */
function time(value: unknown): string | undefined {
  const utc = toUtc(value);
  return utc && ISO_UTC.test(utc) ? utc : undefined;
}
