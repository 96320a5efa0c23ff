// incident.io's Widget API (`/api/v1/summary`, enabled per page under Settings → Widget API). Its
// Statuspage-compatible `/api/v2/*.json` is read by the Statuspage source, and named `incidentio` it still is:
// those snapshots say `statuspage`. The mapping, field by field, is in docs/providers.md.

import { StatusFormatError } from '../errors.js';
import type { ComponentStatus, Severity, SourceNotice, StatusSource } from '../types.js';
import { buildSnapshot } from './build-snapshot.js';
import { LIMITS, PHASES, below, isRecord, lookup, oneOf, readId, readRecords, readString, toUtc, type JsonRecord } from './normalize.js';
import { statuspage } from './statuspage.js';

const IMPACTS: Record<string, Severity> = { degraded_performance: 'minor', partial_outage: 'major', full_outage: 'critical' };
// `full_outage` is this API's word for what everyone else calls a major outage.
const COMPONENT_STATUSES: Record<string, ComponentStatus> = {
  operational: 'operational',
  degraded_performance: 'degraded',
  partial_outage: 'partial_outage',
  full_outage: 'major_outage',
  under_maintenance: 'maintenance',
};
const MAINTENANCE_PHASES: Record<string, string> = {
  maintenance_scheduled: 'scheduled',
  maintenance_in_progress: 'in_progress',
  maintenance_complete: 'completed',
};

/** incident.io's Widget API (`provider: 'incidentio'`). */
export const incidentio: StatusSource = {
  id: 'incidentio',
  detect: (payload) =>
    isRecord(payload) &&
    // A `page` object is Statuspage's shape (incident.io's compatible endpoints included).
    !isRecord(payload.page) &&
    (Array.isArray(payload.ongoing_incidents) ||
      Array.isArray(payload.in_progress_maintenances) ||
      (typeof payload.page_title === 'string' && Array.isArray(payload.scheduled_maintenances))),
  parse(payload, context) {
    // Named as incidentio, a page serving the compatible shape is read as what it is.
    if (statuspage.detect(payload)) return statuspage.parse(payload, context);
    if (!incidentio.detect(payload)) throw new StatusFormatError('invalid-payload', 'An incident.io widget payload needs its lists');
    const data = payload as JsonRecord;
    const components = new Map<string, JsonRecord>();
    const groups = new Map<string, string[]>();
    const notices = [
      ...readRecords(data.ongoing_incidents, LIMITS.updates).map((raw) => mapNotice(raw, 'incident')),
      ...readRecords(data.in_progress_maintenances, LIMITS.updates).map((raw) => mapNotice(raw, 'in_progress')),
      ...readRecords(data.scheduled_maintenances, LIMITS.updates).map((raw) => mapNotice(raw, 'scheduled')),
    ];

    function mapNotice(raw: JsonRecord, list: 'incident' | 'in_progress' | 'scheduled'): SourceNotice {
      const kind = list === 'incident' ? 'incident' : 'maintenance';
      const affected = readRecords(raw.affected_components);
      for (const component of affected) {
        const id = readId(component.id);
        if (!id || components.size >= LIMITS.components) continue;
        const group = readString(component.group_name);
        if (group && !components.has(id)) groups.set(group, [...(groups.get(group) ?? []), id]);
        components.set(id, {
          id,
          name: component.name,
          status: lookup(COMPONENT_STATUSES, component.current_status),
          groupId: group && `group:${group}`,
        });
      }
      return {
        id: raw.id,
        kind,
        title: raw.name,
        // An impact this API adds later is still an outage of some kind: minor, never hidden.
        severity: kind === 'maintenance' ? 'maintenance' : (lookup(IMPACTS, raw.current_worst_impact) ?? 'minor'),
        phase: kind === 'incident' ? oneOf(PHASES.slice(0, 4), raw.status) : (lookup(MAINTENANCE_PHASES, raw.status) ?? list),
        // The widget carries the latest update only: its Markdown and its time.
        updates: [{ at: toUtc(raw.last_update_at), text: raw.last_update_message }],
        // A resolved incident or a complete maintenance says so by its status.
        end: {},
        startedAt: raw.started_at,
        // Upcoming entries say `starts_at`/`ends_at`, entries under way `started_at`/`scheduled_end_at`.
        scheduledStart: raw.starts_at ?? raw.scheduled_start_at ?? raw.started_at,
        scheduledEnd: raw.ends_at ?? raw.scheduled_end_at,
        url: raw.url,
        componentIds: affected.map((c) => c.id),
      };
    }

    const groupRows = [...groups].map(([name, childIds]) => ({ id: `group:${name}`, name, childIds }));
    const page = { name: data.page_title, url: data.page_url };
    return buildSnapshot('incidentio', { page, notices, components: [...groupRows, ...components.values()] }, context);
  },
  endpoints(url) {
    if (/\/api\/v1\/summary\/?$/i.test(url.pathname) || /\.json$/i.test(url.pathname)) return [];
    // The Widget API is opt-in per page; the compatible summary is always there.
    return [below(url, 'api/v1/summary'), ...statuspage.endpoints(url)];
  },
};
