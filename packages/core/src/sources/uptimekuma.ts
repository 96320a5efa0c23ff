// Uptime Kuma status pages, 1.x and 2.x: `/api/status-page/<slug>` (config, the pinned incident as `incident` in
// 1.x or a list as `incidents` in 2.x, monitor groups, maintenance) combined with
// `/api/status-page/heartbeat/<slug>` (each monitor's recent beats), which the client fetches beside it and hands
// over as `heartbeat`. A relay that merges the two into one object is read too, and so is either one alone.
// Kuma's own status page shows its monitors' roll-up above everything; so does this source, as a notice.
// Mapping: docs/providers.md.

import { StatusFormatError } from '../errors.js';
import type { ComponentStatus, Severity, SourceNotice, StatusSource } from '../types.js';
import { buildSnapshot } from './build-snapshot.js';
import {
  LIMITS,
  isRecord,
  lookup,
  readId,
  readRecords,
  readString,
  toUtc,
  type JsonRecord,
} from './normalize.js';
import { readOffset, toUtcIn } from './time-zones.js';

// Heartbeat states: 0 down, 1 up, 2 pending (retrying), 3 maintenance.
const BEATS: Record<string, ComponentStatus> = { 0: 'major_outage', 1: 'operational', 2: 'degraded', 3: 'maintenance' };
// An incident's colour is its only hint of severity; one Kuma adds later is still an incident.
const STYLES: Record<string, Severity> = { danger: 'major', warning: 'minor', primary: 'none', info: 'none', light: 'none', dark: 'none' };
const MAINTENANCE_PHASES: Record<string, string> = {
  scheduled: 'scheduled',
  'under-maintenance': 'in_progress',
  ended: 'completed',
  inactive: 'cancelled',
};

/** Uptime Kuma (`provider: 'uptimekuma'`). */
export const uptimekuma: StatusSource = {
  id: 'uptimekuma',
  detect: (payload) =>
    isRecord(payload) &&
    ((isRecord(payload.config) &&
      (Array.isArray(payload.publicGroupList) || 'incident' in payload || Array.isArray(payload.incidents) || Array.isArray(payload.maintenanceList))) ||
      isRecord(payload.heartbeatList)),
  parse(payload, context) {
    if (!uptimekuma.detect(payload)) throw new StatusFormatError('invalid-payload', 'An Uptime Kuma payload needs its config or heartbeats');
    const data = payload as JsonRecord;
    const beats = isRecord(data.heartbeatList) ? data.heartbeatList : isRecord(data.heartbeat) && isRecord(data.heartbeat.heartbeatList) ? data.heartbeat.heartbeatList : undefined;

    /** A monitor's state from its latest beat, and since when it has been down. Beats come oldest first. */
    const monitor = (id: string) => {
      const list = beats && Object.prototype.hasOwnProperty.call(beats, id) ? readRecords(beats[id], 1000) : [];
      const latest = list.at(-1);
      let since: string | undefined;
      for (let i = list.length - 1; i >= 0 && list[i]!.status === 0; i -= 1) since = toUtc(list[i]!.time) ?? since;
      return { status: lookup(BEATS, latest?.status), since };
    };

    const components = new Map<string, { id: string; name: unknown; status?: ComponentStatus; groupId?: string }>();
    const groups = readRecords(data.publicGroupList).map((group) => {
      const groupId = readId(group.id) && `group:${readId(group.id)}`;
      const childIds: string[] = [];
      for (const raw of readRecords(group.monitorList)) {
        const id = readId(raw.id);
        if (!id || components.has(id) || components.size >= LIMITS.components) continue;
        childIds.push(id);
        components.set(id, { id, name: raw.name, status: monitor(id).status, groupId });
      }
      return { id: groupId, name: group.name, childIds };
    });
    // Heartbeats alone: the monitors are known by id only.
    if (!groups.length && beats) {
      for (const id of Object.keys(beats).slice(0, LIMITS.components)) components.set(id, { id, name: id, status: monitor(id).status });
    }

    const notices: SourceNotice[] = [];
    // 1.x sends one pinned incident (or null), 2.x a list.
    for (const raw of [...readRecords(data.incidents, LIMITS.updates), ...(isRecord(data.incident) ? [data.incident] : [])]) {
      // Kuma writes these in UTC without saying so.
      const created = toUtc(raw.createdDate);
      notices.push({
        id: raw.id ?? 'incident',
        kind: 'incident',
        title: raw.title,
        severity: lookup(STYLES, raw.style) ?? 'minor',
        // An incident is one text, edited in place: its last edit is its latest word.
        updates: [{ at: toUtc(raw.lastUpdatedDate) ?? created, text: raw.content }],
        // Kuma has no phases: an incident taken down (no longer active, or unpinned) is over.
        end: { resolved: raw.active === false || raw.pin === false },
        startedAt: created,
      });
    }
    for (const raw of readRecords(data.maintenanceList, LIMITS.updates)) {
      // A single window is written in the maintenance's own zone, without one; recurring ones in UTC with `Z`.
      const zoned = (value: unknown) => {
        const byZone = toUtcIn(value, readString(raw.timezone));
        return byZone !== toUtc(value) ? byZone : toUtc(value, readOffset(raw.timezoneOffset) ?? 0);
      };
      const slot = readRecords(raw.timeslotList)[0] ?? {};
      notices.push({
        // Incidents and maintenance count their ids apart.
        id: readId(raw.id) && `maintenance-${readId(raw.id)}`,
        kind: 'maintenance',
        title: raw.title,
        severity: 'maintenance',
        // Kuma lists only maintenance that concerns the page now; a status it adds later is shown as it comes.
        phase: lookup(MAINTENANCE_PHASES, raw.status),
        message: raw.description,
        // Kuma dates no update of a maintenance: a new status or window is the news.
        updates: [],
        end: {},
        scheduledStart: zoned(slot.startDate),
        scheduledEnd: zoned(slot.endDate),
        startedAt: zoned(slot.startDate),
        revision: `${raw.status}:${zoned(slot.startDate) ?? ''}`,
      });
    }

    // The monitors' roll-up, as Kuma's page heads itself: some down, or all of them.
    const monitors = [...components.values()];
    const down = monitors.filter((m) => m.status === 'major_outage');
    if (down.length) {
      const all = down.length === monitors.filter((m) => m.status).length;
      const severity = all ? 'critical' : 'major';
      const since = down.map((m) => monitor(m.id).since).filter(Boolean).sort()[0];
      notices.push({
        id: 'monitors',
        kind: 'incident',
        title: all ? 'Degraded Service' : 'Partially Degraded Service',
        severity,
        message: `Down: ${down.map((m) => readString(m.name) ?? m.id).join(', ')}`,
        startedAt: since,
        updatedAt: since,
        componentIds: down.map((m) => m.id),
        // Kuma's own roll-up: it is over when no monitor is down, and then it is not here.
        updates: [],
        end: {},
        // Back after a dismissal when another monitor goes down or all of them do.
        revision: `${down.map((m) => m.id).join(',')}:${severity}`.slice(0, LIMITS.id),
      });
    }
    const config = isRecord(data.config) ? data.config : {};
    return buildSnapshot('uptimekuma', { page: { name: config.title }, notices, components: [...groups, ...monitors] }, context);
  },
  endpoints(url) {
    if (/\/api\/status-page\//i.test(url.pathname)) return [];
    const match = /^(.*?)\/status\/([^/]+)\/?$/.exec(url.pathname);
    if (!match) return [];
    const next = new URL(url.origin);
    next.pathname = `${match[1]}/api/status-page/${match[2]}`;
    return [next];
  },
  companions(endpoint): Record<string, URL> {
    const match = /^(.*)\/api\/status-page\/([^/]+)\/?$/.exec(endpoint.pathname);
    if (!match || match[2] === 'heartbeat') return {};
    const heartbeat = new URL(endpoint.origin);
    heartbeat.pathname = `${match[1]}/api/status-page/heartbeat/${match[2]}`;
    return { heartbeat };
  },
};
