// Atlassian Statuspage public API v2, and the incident.io pages that serve the same shape. Every endpoint of
// the API is read: summary.json, status.json, components.json, incidents.json, incidents/unresolved.json and
// the three scheduled-maintenances lists. See shared/FORMATS.md §1 and §2a.

import { StatusFormatError } from '../errors.js';
import type { Component, ComponentStatus, Notice, ParseContext, Phase, Severity, StatusSnapshot, StatusSource } from '../types.js';
import {
  LIMITS,
  PHASES,
  SEVERITIES,
  isRecord,
  oneOf,
  readId,
  readIds,
  readRecords,
  readString,
  safeUrl,
  selectNotices,
  toUtc,
  worse,
  type JsonRecord,
} from './normalize.js';
import { toPlainText } from './plain-text.js';

// `cancelled` is not a Statuspage status today; if one appears it must not show as live maintenance.
const MAINTENANCE_PHASES = PHASES.slice(5);
// Component state, and how it rolls up when a payload carries no `status` (components.json): Statuspage calls
// degraded components "Partially Degraded Service" (minor) and a major outage "Partial System Outage" (major);
// components alone never make the page critical.
const COMPONENTS: Record<string, [ComponentStatus, Severity]> = {
  operational: ['operational', 'none'],
  degraded_performance: ['degraded', 'minor'],
  partial_outage: ['partial_outage', 'minor'],
  major_outage: ['major_outage', 'major'],
  under_maintenance: ['maintenance', 'maintenance'],
};

/**
 * The Statuspage v2 source (`provider: 'statuspage'`). Also reads incident.io's Statuspage-compatible
 * `/api/v2/*.json`, which omits empty lists, groups, shortlinks and `started_at`.
 */
export const statuspage: StatusSource = {
  id: 'statuspage',
  detect(payload) {
    try {
      return (
        isRecord(payload) &&
        isRecord(payload.page) &&
        // The native shape is checked first anyway; this keeps detection order from mattering.
        !(Array.isArray(payload.notices) && typeof payload.indicator === 'string') &&
        (isRecord(payload.status) || ['components', 'incidents', 'scheduled_maintenances'].some((key) => Array.isArray(payload[key])))
      );
    } catch {
      // A throwing getter or a proxy handed in directly.
      return false;
    }
  },
  parse(payload, context) {
    if (!statuspage.detect(payload)) {
      throw new StatusFormatError('invalid-payload', 'A Statuspage payload needs a page and a status or a list');
    }
    return parse(payload as JsonRecord, context);
  },
  /** The summary endpoint for a page's base URL (`https://www.githubstatus.com`, `…/api/v2/`). */
  endpoint(url) {
    if (/\.json$/i.test(url.pathname)) return undefined;
    const next = new URL(url.origin);
    next.pathname = `${url.pathname.replace(/\/api\/v2(\/.*)?$/i, '').replace(/\/+$/, '')}/api/v2/summary.json`;
    return next;
  },
};

function parse(data: JsonRecord, context: ParseContext): StatusSnapshot {
  const page = data.page as JsonRecord;
  const pageUrl = safeUrl(page.url);
  const components: Component[] = [];
  let derived: Severity = 'none';
  for (const raw of readRecords(data.components, LIMITS.components)) {
    const id = readId(raw.id);
    if (!id) continue;
    // `hasOwn`, so that a status such as "constructor" reads as unknown rather than as a prototype member.
    const [status, severity] = (typeof raw.status === 'string' && Object.hasOwn(COMPONENTS, raw.status) && COMPONENTS[raw.status]) || ['unknown', 'none'];
    derived = worse(derived, severity);
    const component: Component = { id, name: readString(raw.name) ?? id, status };
    const groupId = readId(raw.group_id);
    if (groupId) component.groupId = groupId;
    if (raw.group === true) component.childIds = readIds(raw.components);
    components.push(component);
  }
  const all: Notice[] = [];
  for (const [list, kind] of [
    [data.incidents, 'incident'],
    [data.scheduled_maintenances, 'maintenance'],
  ] as const) {
    for (const raw of readRecords(list, LIMITS.updates)) {
      const notice = readNotice(raw, kind, pageUrl);
      if (notice) all.push(notice);
    }
  }
  const notices = selectNotices(all, context);
  // Without a `status` (incidents.json, components.json): the worst of the open incidents, the components and
  // any maintenance under way. Impact `none` and maintenance only scheduled leave the page at `none`.
  for (const notice of notices) {
    derived = worse(derived, notice.kind === 'incident' ? notice.severity : notice.phase === 'scheduled' ? 'none' : 'maintenance');
  }
  const snapshot: StatusSnapshot = {
    provider: 'statuspage',
    page: {},
    indicator: oneOf(SEVERITIES, isRecord(data.status) && data.status.indicator) ?? derived,
    notices,
    components,
  };
  const name = readString(page.name);
  if (name) snapshot.page.name = name;
  if (pageUrl) snapshot.page.url = pageUrl;
  return snapshot;
}

function readNotice(raw: JsonRecord, list: 'incident' | 'maintenance', pageUrl: string | undefined): Notice | undefined {
  const id = readId(raw.id);
  const title = readString(raw.name, LIMITS.title);
  if (!id || !title) return undefined;
  const phase = oneOf<Phase>(PHASES, raw.status) ?? 'unknown';
  // Statuspage keeps maintenance in the incident model: one listed under `incidents` is still maintenance,
  // and left as an incident a `scheduled` one would show as an open outage. Maintenance shows as maintenance
  // even when the page overrode its impact: the banner's job is to say "planned work".
  const kind = list === 'maintenance' || MAINTENANCE_PHASES.includes(phase) ? 'maintenance' : 'incident';
  const severity = kind === 'maintenance' ? 'maintenance' : (oneOf<Severity>(SEVERITIES.slice(0, 4), raw.impact) ?? 'minor');

  // The update with the latest `display_at` (else `created_at`): a backfilled update can carry an earlier
  // display time, so list order is not trusted; among equal or missing times the first listed wins.
  const updates = readRecords(raw.incident_updates, LIMITS.updates);
  let latest: JsonRecord | undefined;
  let latestAt: string | undefined;
  const componentIds = readIds(readRecords(raw.components).map((c) => c.id));
  for (const update of updates) {
    const at = toUtc(update.display_at) ?? toUtc(update.created_at);
    if (!latest || (at && (!latestAt || at > latestAt))) [latest, latestAt] = [update, at];
    // Older pages write `{ name: "No components were affected by this update." }`, with no code.
    componentIds.push(...readIds(readRecords(update.affected_components).map((c) => c.code)));
  }
  const updatedAt = latestAt ?? toUtc(raw.updated_at);
  const notice: Notice = {
    id,
    kind,
    title,
    severity,
    phase,
    // By id only: names carry group prefixes ("Group - Component") and change.
    componentIds: [...new Set(componentIds)].slice(0, LIMITS.components),
    revision: `${readId(latest?.id) ?? updatedAt ?? ''}:${severity}`,
  };
  const message = toPlainText(latest?.body as string);
  if (message) notice.message = message;
  const times = {
    updatedAt,
    startedAt: toUtc(raw.started_at) ?? toUtc(raw.created_at),
    scheduledStart: toUtc(raw.scheduled_for),
    scheduledEnd: toUtc(raw.scheduled_until),
  };
  for (const [key, value] of Object.entries(times) as [keyof typeof times, string | undefined][]) {
    if (value) notice[key] = value;
  }
  // incident.io has no shortlinks: link the incident's page on the status site.
  const url =
    safeUrl(raw.shortlink) ??
    (pageUrl && safeUrl(`${pageUrl.replace(/[?#].*$/, '').replace(/\/+$/, '')}/incidents/${encodeURIComponent(id)}`));
  if (url) notice.url = url;
  return notice;
}
