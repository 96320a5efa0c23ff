// The one place a snapshot is validated. Every source maps its provider's payload onto the native shape
// (Notice and Component field names, values still unchecked) and hands it here: ids, texts, enums, times and
// links are read the same way for every provider, and the banner's rules (what shows, in what order) applied.

import type { Component, ComponentStatus, Notice, ParseContext, Phase, Severity, StatusSnapshot } from '../types.js';
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
  readText,
  safeUrl,
  toUtc,
  worse,
} from './normalize.js';

const STATUSES = ['operational', 'degraded', 'partial_outage', 'major_outage', 'maintenance'];
// How components roll up into the page's state when the payload does not say: degraded components are a
// minor incident and a major outage a major one (Statuspage's own wording), never critical on their own.
const COMPONENT_SEVERITY: Partial<Record<ComponentStatus, Severity>> = {
  degraded: 'minor',
  partial_outage: 'minor',
  major_outage: 'major',
  maintenance: 'maintenance',
};

/** A native-shaped notice, validated; undefined without an id or a title. */
function readNotice(raw: Record<string, unknown>): Notice | undefined {
  const id = readId(raw.id);
  const title = readString(raw.title, LIMITS.title);
  if (!id || !title) return undefined;
  const kind = raw.kind === 'maintenance' ? 'maintenance' : 'incident';
  const severity = oneOf<Severity>(SEVERITIES, raw.severity) ?? (kind === 'incident' ? 'minor' : 'maintenance');
  const updatedAt = toUtc(raw.updatedAt);
  const notice: Notice = {
    id,
    kind,
    title,
    severity,
    phase: oneOf<Phase>(PHASES, raw.phase) ?? 'unknown',
    componentIds: readIds(raw.componentIds),
    revision: readId(raw.revision) ?? `${updatedAt ?? ''}:${severity}`,
  };
  const optional = {
    message: readText(raw.message),
    updatedAt,
    startedAt: toUtc(raw.startedAt),
    scheduledStart: toUtc(raw.scheduledStart),
    scheduledEnd: toUtc(raw.scheduledEnd),
    url: safeUrl(raw.url),
  };
  for (const [key, value] of Object.entries(optional)) if (value) notice[key as keyof typeof optional] = value;
  return notice;
}

/**
 * Whether a notice belongs on a banner: an incident not yet resolved, maintenance in progress or verifying,
 * or maintenance due to start within the lead window (and not already past its end).
 */
function isShowable({ kind, phase, scheduledStart, scheduledEnd }: Notice, { now, maintenanceLead }: ParseContext): boolean {
  const time = now.getTime();
  return (
    !['resolved', 'postmortem', 'completed', 'cancelled'].includes(phase) &&
    (kind === 'incident' ||
      phase !== 'scheduled' ||
      (!(Date.parse(scheduledEnd!) <= time) && !(Date.parse(scheduledStart!) - time > maintenanceLead)))
  );
}

/**
 * Builds a snapshot from native-shaped, unchecked parts: notices that belong on a banner, most severe first,
 * then most recently updated. An `indicator` that is not a severity is derived: the worst of the open
 * incidents, the components, and any maintenance under way.
 */
export function buildSnapshot(
  provider: string,
  page: unknown,
  indicator: unknown,
  notices: unknown,
  components: unknown,
  context: ParseContext,
): StatusSnapshot {
  const snapshot: StatusSnapshot = {
    provider,
    page: {},
    indicator: 'none',
    notices: readRecords(notices, LIMITS.updates)
      .map(readNotice)
      .filter((notice): notice is Notice => !!notice && isShowable(notice, context))
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
