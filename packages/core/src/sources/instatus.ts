// Instatus public summaries: `/summary.json` (v1, times as JavaScript `Date.toString()`) and `/v3/summary.json`
// (ISO times, empty lists left out). The page's own status can say UP while an incident is open, so the banner
// follows the lists and the page status can only raise the indicator. Mapping: docs/providers.md.

import { StatusFormatError } from '../errors.js';
import type { ComponentStatus, Severity, SourceNotice, StatusSource } from '../types.js';
import { buildSnapshot } from './build-snapshot.js';
import { LIMITS, below, isRecord, lookup, readId, readRecords, toUtc, worse, type JsonRecord } from './normalize.js';

const IMPACTS: Record<string, Severity> = {
  OPERATIONAL: 'none',
  DEGRADEDPERFORMANCE: 'minor',
  MINOROUTAGE: 'minor',
  PARTIALOUTAGE: 'major',
  MAJOROUTAGE: 'critical',
};
// The page's roll-up, with its ALL/SOME/ONE prefixes taken off. Like every derived indicator here, components
// alone never make it critical.
const PAGE_STATUSES: Record<string, Severity> = {
  UP: 'none',
  OPERATIONAL: 'none',
  HASISSUES: 'minor',
  DEGRADEDPERFORMANCE: 'minor',
  MINOROUTAGE: 'minor',
  PARTIALOUTAGE: 'minor',
  MAJOROUTAGE: 'major',
  UNDERMAINTENANCE: 'maintenance',
};
const COMPONENT_STATUSES: Record<string, ComponentStatus> = {
  OPERATIONAL: 'operational',
  DEGRADEDPERFORMANCE: 'degraded',
  MINOROUTAGE: 'partial_outage',
  PARTIALOUTAGE: 'partial_outage',
  MAJOROUTAGE: 'major_outage',
  UNDERMAINTENANCE: 'maintenance',
};
const PHASES: Record<string, string> = {
  INVESTIGATING: 'investigating',
  IDENTIFIED: 'identified',
  MONITORING: 'monitoring',
  RESOLVED: 'resolved',
  NOTSTARTEDYET: 'scheduled',
  INPROGRESS: 'in_progress',
  COMPLETED: 'completed',
};
const MONTHS = 'JanFebMarAprMayJunJulAugSepOctNovDec';

/**
 * An Instatus time: ISO-8601, or v1's `Date.toString()` form, "Sat Jun 11 2022 18:55:50 GMT+0000 (Coordinated
 * Universal Time)", whose offset is the one part that says which instant it is.
 */
function readTime(value: unknown): string | undefined {
  const match =
    typeof value === 'string' && value.length < 128
      ? /^[A-Za-z]{3},? ([A-Za-z]{3}) (\d{1,2}) (\d{4}) (\d\d:\d\d:\d\d) GMT([+-]\d{4})/.exec(value.trim())
      : null;
  const month = match ? MONTHS.indexOf(match[1]!) / 3 + 1 : 0;
  if (!match || !(month >= 1 && month % 1 === 0)) return toUtc(value);
  return toUtc(`${match[3]}-${String(month).padStart(2, '0')}-${match[2]!.padStart(2, '0')}T${match[4]}${match[5]}`);
}

/** The notice's id: its own, else the last segment of its URL (v1 has no ids). */
const idOf = (raw: JsonRecord) =>
  readId(raw.id) ?? (typeof raw.url === 'string' ? /\/([^/?#]+)\/?(?:[?#].*)?$/.exec(raw.url)?.[1] : undefined);

/** Instatus summaries, v1 and v3 (`provider: 'instatus'`). */
export const instatus: StatusSource = {
  id: 'instatus',
  detect: (payload) =>
    isRecord(payload) &&
    ((isRecord(payload.page) && typeof payload.page.status === 'string') ||
      Array.isArray(payload.activeIncidents) ||
      Array.isArray(payload.activeMaintenances)),
  parse(payload, context) {
    if (!instatus.detect(payload)) throw new StatusFormatError('invalid-payload', 'An Instatus summary needs a page status or its lists');
    const data = payload as JsonRecord;
    const page = isRecord(data.page) ? data.page : {};
    const notices: SourceNotice[] = [
      ...readRecords(data.activeIncidents, LIMITS.updates).map((raw): SourceNotice => ({
        id: idOf(raw),
        kind: 'incident',
        title: raw.name,
        // An impact Instatus adds later still means something is wrong.
        severity: lookup(IMPACTS, raw.impact) ?? 'minor',
        phase: lookup(PHASES, raw.status),
        // The summary dates no update: the notice's own words, if a version carries any, are all there is.
        message: raw.message ?? raw.lastUpdateMessage,
        updates: [],
        end: {},
        updatedAt: readTime(raw.updatedAt) ?? readTime(raw.started),
        startedAt: readTime(raw.started ?? raw.startedAt),
        url: raw.url,
        componentIds: readRecords(raw.components).map((c) => c.id),
        // v1 dates nothing but the start: a new status or impact is what brings a dismissed notice back.
        revision: `${raw.status}:${raw.impact}:${readTime(raw.updatedAt) ?? ''}`,
      })),
      ...readRecords(data.activeMaintenances, LIMITS.updates).map((raw): SourceNotice => {
        const start = readTime(raw.start ?? raw.startsAt);
        // A string of minutes ("60"); a number is taken too. More than a year is no duration.
        const minutes = Number(raw.duration);
        const end = start && minutes > 0 && minutes < 525_600 ? new Date(Date.parse(start) + minutes * 60_000).toISOString() : undefined;
        return {
          id: idOf(raw),
          kind: 'maintenance',
          title: raw.name,
          severity: 'maintenance',
          phase: lookup(PHASES, raw.status),
          message: raw.message ?? raw.lastUpdateMessage,
          updates: [],
          end: {},
          updatedAt: readTime(raw.updatedAt),
          startedAt: start,
          scheduledStart: start,
          scheduledEnd: readTime(raw.end ?? raw.endsAt) ?? end,
          url: raw.url,
          componentIds: readRecords(raw.components).map((c) => c.id),
          revision: `${raw.status}:${readTime(raw.updatedAt) ?? ''}`,
        };
      }),
    ];
    // v3 pages can list components, each with its group inline.
    const groups = new Map<string, { id: string; name: unknown; childIds: string[] }>();
    const components = readRecords(data.components).map((raw) => {
      const group = isRecord(raw.group) ? raw.group : undefined;
      const groupId = group && readId(group.id) && `group:${readId(group.id)}`;
      const id = readId(raw.id);
      if (groupId && id) {
        const entry = groups.get(groupId) ?? { id: groupId, name: group.name, childIds: [] };
        entry.childIds.push(id);
        groups.set(groupId, entry);
      }
      return { id, name: raw.name, status: lookup(COMPONENT_STATUSES, raw.status), groupId };
    });
    const snapshot = buildSnapshot('instatus', { page, notices, components: [...groups.values(), ...components] }, context);
    const status = typeof page.status === 'string' ? page.status.replace(/^(ALL|SOME|ONE)(?!$)/, '') : undefined;
    snapshot.indicator = worse(snapshot.indicator, lookup(PAGE_STATUSES, status) ?? 'none');
    return snapshot;
  },
  endpoints(url) {
    if (/summary\.json$/i.test(url.pathname)) return [];
    return [below(url, 'summary.json'), below(url, 'v3/summary.json')];
  },
};
