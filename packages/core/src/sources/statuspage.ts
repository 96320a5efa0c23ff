// Atlassian Statuspage public API v2, and the incident.io pages that serve the same shape. Every endpoint of
// the API is read: summary.json, status.json, components.json, incidents.json, incidents/unresolved.json and
// the three scheduled-maintenances lists. The mapping, field by field, is in docs/providers.md.

import { StatusFormatError } from '../errors.js';
import type { ComponentStatus, ParseContext, Phase, Severity, SourceNotice, StatusSnapshot, StatusSource } from '../types.js';
import { buildSnapshot } from './build-snapshot.js';
import {
  LIMITS,
  PHASES,
  SEVERITIES,
  isRecord,
  oneOf,
  readId,
  readIds,
  readRecords,
  safeUrl,
  toUtc,
  type JsonRecord,
} from './normalize.js';

// `cancelled` is not a Statuspage status today; if one appears it must not show as live maintenance.
const MAINTENANCE_PHASES = PHASES.slice(5);
// Statuspage's component states that differ from ours; the others (operational, partial_outage,
// major_outage) are the same word, and anything unknown is caught by the shared validation.
const COMPONENT_STATUSES: Record<string, ComponentStatus> = { degraded_performance: 'degraded', under_maintenance: 'maintenance' };

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
        // Instatus also has a `page`, with a status string in it, and lists of its own: its, not ours.
        typeof payload.page.status !== 'string' &&
        !('activeIncidents' in payload || 'activeMaintenances' in payload) &&
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
  endpoints(url) {
    if (/\.json$/i.test(url.pathname)) return [];
    // Set as a pathname, never resolved as a URL, so a path like `//evil.example` cannot change the host.
    const next = new URL(url.origin);
    next.pathname = url.pathname.replace(/\/*(api\/v2(\/.*)?)?$/i, '/api/v2/summary.json');
    return [next];
  },
};

function parse(data: JsonRecord, context: ParseContext): StatusSnapshot {
  const page = data.page as JsonRecord;
  const pageUrl = safeUrl(page.url);
  const notices = [
    ...readRecords(data.incidents, LIMITS.updates).map((raw) => mapNotice(raw, 'incident', pageUrl)),
    ...readRecords(data.scheduled_maintenances, LIMITS.updates).map((raw) => mapNotice(raw, 'maintenance', pageUrl)),
  ];
  const components = readRecords(data.components).map((raw) => ({
    id: raw.id,
    name: raw.name,
    // Only strings index the table (an object key could throw); "constructor" finds a prototype member,
    // which the validation then rejects.
    status: typeof raw.status === 'string' ? (COMPONENT_STATUSES[raw.status] ?? raw.status) : undefined,
    groupId: raw.group_id,
    childIds: raw.group === true ? readIds(raw.components) : undefined,
  }));
  const indicator = isRecord(data.status) && data.status.indicator;
  return buildSnapshot('statuspage', { page, indicator, notices, components }, context);
}

/** An incident or a scheduled maintenance, mapped onto the native notice shape. */
function mapNotice(raw: JsonRecord, list: 'incident' | 'maintenance', pageUrl: string | undefined): SourceNotice {
  const phase = oneOf<Phase>(PHASES, raw.status);
  // Statuspage keeps maintenance in the incident model: one listed under `incidents` is still maintenance,
  // and left as an incident a `scheduled` one would show as an open outage. Maintenance shows as maintenance
  // even when the page overrode its impact: the banner's job is to say "planned work".
  const kind = list === 'maintenance' || MAINTENANCE_PHASES.includes(phase!) ? 'maintenance' : 'incident';
  const updates = readRecords(raw.incident_updates, LIMITS.updates);
  // By id only: names carry group prefixes ("Group - Component") and change. Older pages write
  // `{ name: "No components were affected by this update." }`, with no code.
  const componentIds = [
    ...readRecords(raw.components).map((c) => c.id),
    ...updates.flatMap((update) => readRecords(update.affected_components).map((c) => c.code)),
  ];
  const id = readId(raw.id);
  return {
    id,
    kind,
    title: raw.name,
    severity: kind === 'maintenance' ? 'maintenance' : (oneOf<Severity>(SEVERITIES.slice(0, 4), raw.impact) ?? 'minor'),
    // The incident's own status, which its updates follow.
    phase,
    // Shown at `display_at`, which a backfilled update sets earlier than it was created.
    updates: updates.map((update) => ({ id: update.id, at: toUtc(update.display_at) ?? toUtc(update.created_at), text: update.body })),
    // A resolved or postmortem status is the end; `resolved_at` only dates it.
    end: {},
    updatedAt: raw.updated_at,
    startedAt: toUtc(raw.started_at) ?? raw.created_at,
    scheduledStart: raw.scheduled_for,
    scheduledEnd: raw.scheduled_until,
    // incident.io has no shortlinks: link the incident's page on the status site.
    url:
      safeUrl(raw.shortlink) ??
      (pageUrl && id && `${pageUrl.replace(/[?#].*$/, '').replace(/\/+$/, '')}/incidents/${encodeURIComponent(id)}`),
    componentIds,
  };
}
