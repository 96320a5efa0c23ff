// Better Stack (Better Uptime) status pages: `/index.json`, a JSON:API document. Status reports become notices,
// resources components and sections their groups; the page's free-text announcement is a `none` notice.
// Mapping: docs/providers.md.

import { StatusFormatError } from '../errors.js';
import type { ComponentStatus, ParseContext, Severity, SourceNotice, StatusSource } from '../types.js';
import { buildSnapshot } from './build-snapshot.js';
import { LIMITS, below, isRecord, lookup, readId, readRecords, readString, safeUrl, toUtc, type JsonRecord } from './normalize.js';

const STATES: Record<string, Severity> = { operational: 'none', degraded: 'minor', downtime: 'major', maintenance: 'maintenance' };
const RESOURCE_STATUSES: Record<string, ComponentStatus> = {
  operational: 'operational',
  degraded: 'degraded',
  downtime: 'major_outage',
  maintenance: 'maintenance',
  not_monitored: 'unknown',
};

const attributesOf = (entry: JsonRecord): JsonRecord => (isRecord(entry.attributes) ? entry.attributes : {});

/**
 * A status report as a notice: maintenance by its window, an incident until it has ended. Better Stack leaves
 * `ends_at` null on a report it resolved: its `aggregate_state` (`resolved`) says so, and so does its last update,
 * whose resources are all `resolved`.
 */
function mapReport(report: JsonRecord, updates: JsonRecord[], { now }: ParseContext): SourceNotice {
  const a = attributesOf(report);
  const id = readId(report.id);
  const start = toUtc(a.starts_at);
  const end = toUtc(a.ends_at);
  const time = now.getTime();
  const kind = a.report_type === 'maintenance' ? 'maintenance' : 'incident';
  // The report's updates: those its relationship names, else those that name it.
  const named = new Set(readRecords(isRecord(report.relationships) && isRecord(report.relationships.status_updates) ? report.relationships.status_updates.data : []).map((r) => readId(r.id)));
  const own = updates.filter((update) => {
    const updateId = readId(update.id);
    return (updateId && named.has(updateId)) || (id && readId(attributesOf(update).status_report_id) === id);
  });
  return {
    id,
    kind,
    title: a.title,
    // A state Better Stack adds later still means a report is open: minor.
    severity: kind === 'maintenance' ? 'maintenance' : (lookup(STATES, a.aggregate_state) ?? 'minor'),
    // Better Stack has no phases; the window says where a maintenance is.
    phase: kind === 'maintenance' ? (Date.parse(start!) <= time ? 'in_progress' : 'scheduled') : 'unknown',
    updates: own.map((update) => {
      const u = attributesOf(update);
      const resources = readRecords(u.affected_resources);
      return {
        at: toUtc(u.published_at),
        text: u.message,
        phase: resources.length && resources.every((r) => r.status === 'resolved') ? (kind === 'maintenance' ? 'completed' : 'resolved') : undefined,
      };
    }),
    end: { resolved: a.aggregate_state === 'resolved', at: end },
    updatedAt: toUtc(a.updated_at) ?? start,
    startedAt: start,
    scheduledStart: kind === 'maintenance' ? start : undefined,
    scheduledEnd: kind === 'maintenance' ? end : undefined,
    componentIds: readRecords(a.affected_resources).map((r) => r.status_page_resource_id),
  };
}

/** Better Stack's `/index.json` (`provider: 'betterstack'`). */
export const betterstack: StatusSource = {
  id: 'betterstack',
  detect: (payload) =>
    isRecord(payload) &&
    isRecord(payload.data) &&
    (payload.data.type === 'status_page' || (isRecord(payload.data.attributes) && 'aggregate_state' in payload.data.attributes)),
  parse(payload, context) {
    if (!betterstack.detect(payload)) throw new StatusFormatError('invalid-payload', 'A Better Stack payload needs its status page');
    const data = (payload as JsonRecord).data as JsonRecord;
    const a = attributesOf(data);
    const included = readRecords((payload as JsonRecord).included, LIMITS.components);
    const ofType = (type: string) => included.filter((entry) => entry.type === type);
    const updates = ofType('status_update');
    const notices = ofType('status_report').slice(0, LIMITS.updates).map((report) => mapReport(report, updates, context));
    const announcement = readString(a.announcement, LIMITS.title);
    if (announcement) {
      // The page's banner text: a notice of its own, back whenever the words change.
      const revision = announcement.slice(0, LIMITS.id);
      notices.push({ id: 'announcement', kind: 'incident', title: a.announcement, severity: 'none', message: a.announcement, revision, updates: [], end: {} });
    }
    const sections = ofType('status_page_section').map((section) => ({
      id: readId(section.id) && `group:${readId(section.id)}`,
      name: attributesOf(section).name,
      childIds: [] as string[],
    }));
    const resources = ofType('status_page_resource').map((resource) => {
      const r = attributesOf(resource);
      const id = readId(resource.id);
      const groupId = readId(r.status_page_section_id) && `group:${readId(r.status_page_section_id)}`;
      if (id) sections.find((section) => section.id === groupId)?.childIds.push(id);
      return { id, name: r.public_name ?? r.name, status: lookup(RESOURCE_STATUSES, r.status), groupId };
    });
    const host = readString(a.custom_domain) ?? (readString(a.subdomain) && `${readString(a.subdomain)}.betteruptime.com`);
    const page = { name: a.company_name, url: host && safeUrl(`https://${host}`) };
    return buildSnapshot('betterstack', { page, indicator: lookup(STATES, a.aggregate_state), notices, components: [...sections, ...resources] }, context);
  },
  endpoints: (url) => (/\.json$/i.test(url.pathname) ? [] : [below(url, 'index.json')]),
};
