// Cachet 2.x (`/api/v1/...`, flat rows) and 3.x (cachethq/core, `/api/...`, JSON:API resources). Neither has a
// summary: the client polls the incidents and fetches schedules and components beside them (`companions`), and a
// payload of any one of the lists is read on its own too. Times have no zone: they are wall-clock time in the
// page's configured zone, which the payload does not say (ParseOptions.timeZone; default UTC, Cachet's default).
// Mapping: docs/providers.md.

import { StatusFormatError } from '../errors.js';
import type { ComponentStatus, Severity, SourceNotice, StatusSource } from '../types.js';
import { buildSnapshot } from './build-snapshot.js';
import { LIMITS, below, isRecord, lookup, readId, readIds, readRecords, worst, type JsonRecord } from './normalize.js';
import { toUtcIn } from './time-zones.js';

// Cachet 3 adds 5 (unknown) and 6 (under maintenance) to 2.x's four.
const COMPONENT_STATUSES: Record<string, ComponentStatus> = {
  1: 'operational',
  2: 'degraded',
  3: 'partial_outage',
  4: 'major_outage',
  5: 'unknown',
  6: 'maintenance',
};
// Cachet incidents carry no impact of their own: the affected components' state says how bad it is.
const IMPACTS: Partial<Record<ComponentStatus, Severity>> = { degraded: 'minor', partial_outage: 'major', major_outage: 'critical' };
// 0 is "Scheduled" in 2.x (maintenance before 2.4 had schedules) and "Unknown" in 3.x.
const INCIDENT_PHASES: Record<string, string> = { 1: 'investigating', 2: 'identified', 3: 'monitoring', 4: 'resolved' };
const SCHEDULE_PHASES: Record<string, string> = { 0: 'scheduled', 1: 'in_progress', 2: 'completed' };

type Kind = 'incident' | 'schedule' | 'component' | 'group' | 'update';
// How close to the time of the answer a 2.x `completed_at` is taken for the null that Cachet presents as now.
const NOW_MARGIN = 15 * 60_000;
// What a 3.x list carries of each item only when asked (JSON:API `include`).
const INCLUDE = '?include=components,updates';

/** A 3.x resource's attributes, or a 2.x row itself. */
const attributesOf = (item: JsonRecord): JsonRecord => (isRecord(item.attributes) ? item.attributes : item);
/** `status` as 2.x writes it (a number, or a numeric string) or as 3.x does (`{ human, value }`). */
const statusOf = (a: JsonRecord): unknown => (isRecord(a.status) ? a.status.value : a.status);
/** The ids a 3.x relationship names. */
const related = (item: JsonRecord, name: string): unknown[] => {
  const relation = isRecord(item.relationships) ? item.relationships[name] : undefined;
  const data = isRecord(relation) ? relation.data : undefined;
  return (Array.isArray(data) ? readRecords(data) : isRecord(data) ? [data] : []).map((r) => r.id);
};

function kindOf(item: JsonRecord, hint: Kind | undefined): Kind {
  const type = typeof item.type === 'string' ? item.type.toLowerCase() : '';
  if (/group/.test(type)) return 'group';
  for (const kind of ['update', 'incident', 'schedule', 'component'] as const) if (type.startsWith(kind)) return kind;
  if (hint) return hint;
  const a = attributesOf(item);
  // An update names what it updates (2.x `incident_id`, 3.x `updateable_id`).
  return 'incident_id' in a || 'updateable_id' in a
    ? 'update'
    : 'completed_at' in a || 'completed' in a
    ? 'schedule'
    : 'enabled_components' in a || 'collapsed' in a
      ? 'group'
      : 'enabled' in a || 'group_id' in a || 'status_name' in a
        ? 'component'
        : 'incident';
}

/** Cachet 2.x and 3.x (`provider: 'cachet'`). */
export const cachet: StatusSource = {
  id: 'cachet',
  detect: (payload) => isRecord(payload) && Array.isArray(payload.data),
  parse(payload, context) {
    if (!cachet.detect(payload)) throw new StatusFormatError('invalid-payload', 'A Cachet payload needs a data list');
    const data = payload as JsonRecord;
    const rows: [JsonRecord, Kind][] = [];
    const add = (list: unknown, hint?: Kind) => {
      for (const item of readRecords(isRecord(list) ? list.data : list, LIMITS.components)) rows.push([item, kindOf(item, hint)]);
      if (isRecord(list)) for (const item of readRecords(list.included)) rows.push([item, kindOf(item, undefined)]);
    };
    add(data);
    add(data.schedules, 'schedule');
    add(data.components, 'component');
    add(data.groups, 'group');
    // JSON:API resources say which generation wrote them.
    const v3 = rows.some(([item]) => isRecord(item.attributes));
    const time = (a: JsonRecord, name: string) => {
      const value = a[`${name}_at`] ?? a[name];
      return toUtcIn(isRecord(value) ? value.string : value, context.timeZone);
    };

    const components = new Map<string, { id: string; name: unknown; status?: ComponentStatus; groupId?: string }>();
    const groups = new Map<string, { id: string; name: unknown; childIds: string[] }>();
    const group = (id: string, name?: unknown) => {
      const entry = groups.get(id) ?? { id, name: undefined, childIds: [] };
      entry.name ??= name;
      groups.set(id, entry);
      return entry;
    };
    for (const [item, kind] of rows) {
      const a = attributesOf(item);
      const id = readId(a.id ?? item.id);
      if (!id) continue;
      if (kind === 'group') group(`group:${id}`, a.name);
      // A disabled component is hidden from the page.
      if (kind !== 'component' || a.enabled === false || a.enabled === 0) continue;
      const groupId = readId(a.group_id ?? a.component_group_id ?? related(item, 'group')[0]);
      // 2.x writes 0 for "no group".
      const inGroup = groupId && groupId !== '0' ? `group:${groupId}` : undefined;
      if (inGroup && !components.has(id)) group(inGroup).childIds.push(id);
      components.set(id, { id, name: a.name, status: lookup(COMPONENT_STATUSES, statusOf(a)), groupId: inGroup });
    }

    // 3.x lists an incident's updates as resources of their own (`?include=updates`), named by its relationship.
    const updatesById = new Map(rows.filter(([, kind]) => kind === 'update').map(([item]) => [readId(item.id), item]));
    const updatesOf = (item: JsonRecord, a: JsonRecord) =>
      [...readRecords(a.updates, LIMITS.updates), ...related(item, 'updates').map((id) => updatesById.get(readId(id)))]
        .filter(isRecord)
        .map((update) => {
          const u = attributesOf(update);
          return { id: u.id ?? update.id, at: time(u, 'created'), text: u.message, phase: lookup(INCIDENT_PHASES, statusOf(u)) };
        });
    const now = context.now.getTime();

    const notices = rows
      .filter(([, kind]) => kind === 'incident' || kind === 'schedule')
      .slice(0, LIMITS.updates)
      .flatMap(([item, kind]): SourceNotice[] => {
        const a = attributesOf(item);
        // A hidden incident is for the team, not the page.
        if (a.visible === false || a.visible === 0 || a.visible === '0') return [];
        const status = statusOf(a);
        const componentIds = readIds([
          ...(+(a.component_id as number) > 0 ? [a.component_id] : []),
          ...related(item, 'components'),
          ...readRecords(a.components).map((c) => c.id ?? c.component_id),
        ]);
        const base = { title: a.name, message: a.message, updatedAt: time(a, 'updated'), url: a.permalink, componentIds };
        if (kind === 'schedule' || (!v3 && String(status) === '0')) {
          const start = time(a, 'scheduled');
          // 2.x presents a null `completed_at` as the time of the answer. An end that is not after the start, or that
          // is the time of the answer, is no end: the schedule runs until Cachet says it is complete.
          let end = kind === 'schedule' ? time(a, 'completed') : undefined;
          if (end && ((start && end <= start) || Math.abs(Date.parse(end) - now) < NOW_MARGIN)) end = undefined;
          return [
            {
              ...base,
              // Schedules count from 1 like incidents; an id of its own keeps the two apart.
              id: kind === 'schedule' ? `schedule-${readId(a.id ?? item.id)}` : a.id,
              kind: 'maintenance',
              severity: 'maintenance',
              phase: kind === 'schedule' ? lookup(SCHEDULE_PHASES, status) : 'scheduled',
              updates: kind === 'schedule' ? updatesOf(item, a).map(({ phase, ...update }) => update) : [],
              end: { at: end },
              scheduledStart: start,
              scheduledEnd: end,
              startedAt: start,
            },
          ];
        }
        const states = componentIds.map((cid) => IMPACTS[components.get(cid)?.status as ComponentStatus] ?? 'minor');
        return [
          {
            ...base,
            id: a.id ?? item.id,
            kind: 'incident',
            severity: states.length ? worst(states) : 'minor',
            // An update changes the incident's status (2.4 says `latest_status`; 3.x's `status` is the latest) but
            // never its message, which stays its first words; imported data may not even sync the status. The
            // truth is in the updates, and in `is_resolved`.
            phase: lookup(INCIDENT_PHASES, a.latest_status ?? status),
            updates: updatesOf(item, a),
            end: { resolved: a.is_resolved === true },
            startedAt: time(a, 'occurred') ?? time(a, 'created'),
          },
        ];
      });
    return buildSnapshot('cachet', { notices, components: [...groups.values(), ...components.values()] }, context);
  },
  endpoints(url) {
    if (/\/api\/(v1\/)?(incidents|schedules|components)/i.test(url.pathname)) return [];
    // Newest first: Cachet 2.x pages 20 rows, oldest first, by default, and lists each incident's updates. 3.x
    // lists an incident's updates and components only when asked.
    return [below(url, 'api/v1/incidents', '?sort=id&order=desc&per_page=50'), below(url, 'api/incidents', INCLUDE)];
  },
  companions(endpoint): Record<string, URL> {
    const match = /^(.*\/api\/(v1\/)?)incidents\/?$/i.exec(endpoint.pathname);
    if (!match) return {};
    const at = (path: string, v2: string, v3 = '') => {
      const next = new URL(endpoint.origin);
      next.pathname = match[1] + path;
      next.search = match[2] ? v2 : v3;
      return next;
    };
    return { schedules: at('schedules', '?sort=id&order=desc&per_page=50', INCLUDE), components: at('components', '?per_page=200') };
  },
};
