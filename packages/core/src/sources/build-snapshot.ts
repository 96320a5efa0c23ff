// The one place a snapshot is made. Every source maps its provider's payload onto the native shape (Notice and
// Component field names, values unchecked), says where each notice's updates and end are, and hands it here:
// ids, texts, enums, times and links are read the same way for every provider; the latest update is found, what
// is over is decided, titles and messages become plain text, and the banner's rules (what shows, in what order)
// are applied.

import type {
  Component,
  ComponentStatus,
  Notice,
  ParseContext,
  Phase,
  Severity,
  SourceResult,
  StatusSnapshot,
} from '../types.js';
import {
  LIMITS,
  PHASES,
  SEVERITIES,
  SEVERITY_RANK,
  isRecord,
  oneOf,
  readId,
  readIds,
  readRecords,
  readString,
  safeUrl,
  toUtc,
  worse,
  type JsonRecord,
} from './normalize.js';
import { toPlainText } from './plain-text.js';

const STATUSES = ['operational', 'degraded', 'partial_outage', 'major_outage', 'maintenance'];
// How components roll up into the page's state when the payload does not say: degraded components are a
// minor incident and a major outage a major one (Statuspage's own wording), never critical on their own.
const COMPONENT_SEVERITY: Partial<Record<ComponentStatus, Severity>> = {
  degraded: 'minor',
  partial_outage: 'minor',
  major_outage: 'major',
  maintenance: 'maintenance',
};
const OVER: readonly string[] = ['resolved', 'postmortem', 'completed', 'cancelled'];

/**
 * The latest of a notice's updates: the one with the latest readable `at`; among equal or missing times, the
 * first listed. List order is not trusted (a backfilled update can be displayed earlier than it was created).
 */
function latestOf(updates: JsonRecord[]): [JsonRecord | undefined, string | undefined] {
  let latest: JsonRecord | undefined;
  let latestAt: string | undefined;
  for (const update of updates) {
    const at = toUtc(update.at);
    if (!latest || (at && (!latestAt || at > latestAt))) [latest, latestAt] = [update, at];
  }
  return [latest, latestAt];
}

/**
 * When maintenance began: none while it is planned (or due later, when its phase is unknown), and never before it
 * was due. Providers date maintenance from when it was posted, often days ahead; work that starts early is dated
 * from when it was due.
 */
function began(phase: Phase, given: string | undefined, due: string | undefined, now: number): string | undefined {
  if (phase === 'scheduled' || (phase === 'unknown' && Date.parse(due!) > now)) return undefined;
  return given && due ? (Date.parse(given) < Date.parse(due) ? due : given) : (given ?? due);
}

/**
 * A native-shaped notice, validated; undefined without an id or a title, when it is over, or when it is scheduled
 * maintenance not yet due (beyond the lead window) or past its end. Its texts are flattened last, so that what is
 * dropped costs no flattening.
 */
function readNotice(raw: JsonRecord, { now, maintenanceLead }: ParseContext): Notice | undefined {
  const id = readId(raw.id);
  if (!id) return undefined;
  const kind = raw.kind === 'maintenance' ? 'maintenance' : 'incident';
  const [latest = {}, latestAt] = latestOf(readRecords(raw.updates, LIMITS.updates));
  const phase = oneOf<Phase>(PHASES, latest.phase) ?? oneOf<Phase>(PHASES, raw.phase) ?? 'unknown';
  const end = isRecord(raw.end) ? raw.end : {};
  const time = now.getTime();
  if (OVER.includes(phase) || end.resolved === true || Date.parse(toUtc(end.at)!) <= time) return undefined;
  const scheduledStart = toUtc(raw.scheduledStart);
  const scheduledEnd = toUtc(raw.scheduledEnd);
  if (kind === 'maintenance' && phase === 'scheduled' && (Date.parse(scheduledEnd!) <= time || Date.parse(scheduledStart!) - time > maintenanceLead)) {
    return undefined;
  }
  // A number is a title too (as an id is); anything else is flattened, and a title that was all markup is none.
  const title = typeof raw.title === 'number' ? readString(raw.title, LIMITS.title) : toPlainText(raw.title as string, true);
  if (!title) return undefined;
  // What the latest update says of the notice is its latest word; maintenance stays planned work whatever it says.
  const severity =
    kind === 'maintenance'
      ? (oneOf<Severity>(SEVERITIES, raw.severity) ?? 'maintenance')
      : (oneOf<Severity>(SEVERITIES, latest.severity) ?? oneOf<Severity>(SEVERITIES, raw.severity) ?? 'minor');
  const updatedAt = latestAt ?? toUtc(raw.updatedAt);
  const notice: Notice = {
    id,
    kind,
    title,
    severity,
    phase,
    componentIds: readIds(raw.componentIds),
    revision: readId(raw.revision) ?? `${readId(latest.id) ?? updatedAt ?? ''}:${severity}`,
  };
  const optional = {
    message: toPlainText(latest.text as string) || toPlainText(raw.message as string),
    updatedAt,
    startedAt: kind === 'maintenance' ? began(phase, toUtc(raw.startedAt), scheduledStart, time) : toUtc(raw.startedAt),
    scheduledStart,
    scheduledEnd,
    url: safeUrl(raw.url),
  };
  for (const [key, value] of Object.entries(optional)) if (value) notice[key as keyof typeof optional] = value;
  return notice;
}

/**
 * Builds a snapshot from a source's native-shaped, unchecked parts: notices that belong on a banner, most severe
 * first, then most recently updated. An `indicator` that is not a severity is derived: the worst of the open
 * incidents, the components, and any maintenance under way.
 */
export function buildSnapshot(provider: string, { page, indicator, notices, components }: SourceResult, context: ParseContext): StatusSnapshot {
  const snapshot: StatusSnapshot = {
    provider,
    page: {},
    indicator: 'none',
    notices: readRecords(notices, LIMITS.updates)
      .map((raw) => readNotice(raw, context))
      .filter((notice): notice is Notice => !!notice)
      .sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || (b.updatedAt ?? '').localeCompare(a.updatedAt ?? ''))
      .slice(0, LIMITS.notices),
    components: [],
  };
  let derived: Severity = 'none';
  for (const raw of readRecords(components)) {
    const id = readId(raw.id);
    if (!id) continue;
    const status = oneOf<ComponentStatus>(STATUSES, raw.status) ?? 'unknown';
    const component: Component = { id, name: readString(raw.name) ?? id, status };
    const groupId = readId(raw.groupId);
    if (groupId) component.groupId = groupId;
    if (Array.isArray(raw.childIds)) component.childIds = readIds(raw.childIds);
    snapshot.components.push(component);
    derived = worse(derived, COMPONENT_SEVERITY[status] ?? 'none');
  }
  for (const { kind, severity, phase } of snapshot.notices) {
    derived = worse(derived, kind === 'incident' ? severity : phase === 'scheduled' ? 'none' : 'maintenance');
  }
  snapshot.indicator = oneOf<Severity>(SEVERITIES, indicator) ?? derived;
  const { name, url } = isRecord(page) ? page : {};
  const pageName = readString(name);
  const pageUrl = safeUrl(url);
  if (pageName) snapshot.page.name = pageName;
  if (pageUrl) snapshot.page.url = pageUrl;
  return snapshot;
}
