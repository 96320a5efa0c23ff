// What the relay stores, and the pure steps that change it. Both stores (the journal and Redis) hold the same
// state and apply the same patches, so a node's memory, a replayed journal and a Redis copy always agree.

import type { Component, Indicator, Notice, Phase, Severity } from '@status-banner/core';

/** Severities a notice may have: the core's `Severity`, every one of them (checked below at compile time). */
export const SEVERITIES = ['none', 'minor', 'major', 'critical', 'maintenance'] as const satisfies readonly Severity[];
/** The kinds of notice: the core's `Notice['kind']`. */
export const KINDS = ['incident', 'maintenance'] as const satisfies readonly Notice['kind'][];
/** Phases an open incident moves through, then the ones that close it. */
export const INCIDENT_PHASES = ['investigating', 'identified', 'monitoring'] as const satisfies readonly Phase[];
export const INCIDENT_CLOSED = ['resolved', 'postmortem'] as const satisfies readonly Phase[];
/** Phases an open maintenance moves through, then the ones that close it. */
export const MAINTENANCE_PHASES = ['scheduled', 'in_progress', 'verifying'] as const satisfies readonly Phase[];
export const MAINTENANCE_CLOSED = ['completed', 'cancelled'] as const satisfies readonly Phase[];

// Compile-time proof that the lists above cover the core's enums: a value added to them there fails here.
type Missing<All, Listed> = Exclude<All, Listed> extends never ? true : Exclude<All, Listed>;
const coversSeverity: Missing<Severity, (typeof SEVERITIES)[number]> = true;
const coversKind: Missing<Notice['kind'], (typeof KINDS)[number]> = true;
const coversPhase: Missing<
  Exclude<Phase, 'unknown'>,
  (typeof INCIDENT_PHASES | typeof INCIDENT_CLOSED | typeof MAINTENANCE_PHASES | typeof MAINTENANCE_CLOSED)[number]
> = true;
void [coversSeverity, coversKind, coversPhase];

/** One entry of a notice's history: who did what, when. */
export interface HistoryEntry {
  at: string;
  by: string;
  action: 'created' | 'updated' | 'resolved' | 'reopened' | 'started' | 'expired';
}

/** A notice posted to the relay directly (`POST /v1/notices`), as stored. */
export interface DirectNotice {
  id: string;
  kind: Notice['kind'];
  title: string;
  severity: Severity;
  phase: Phase;
  message?: string;
  url?: string;
  componentIds: string[];
  /** ISO-8601 UTC: when an incident began, or when maintenance is due to start. */
  startsAt?: string;
  /** ISO-8601 UTC: when maintenance is due to end, or when an incident closes by itself. */
  endsAt?: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  /** Set while the notice is closed (resolved, completed, cancelled). */
  closedAt?: string;
  /** Goes up by one with every change, so a banner that dismissed the notice shows it again when it has news. */
  revision: number;
  /** The latest changes, newest last, at most {@link HISTORY_LIMIT}. */
  history: HistoryEntry[];
}

/** What the relay last read from the upstream status page. */
export interface UpstreamRecord {
  /** `ok` while reads succeed; `stale` once they have failed for a while (the content is then the last good one). */
  state: 'ok' | 'stale';
  /** ISO-8601: when it entered this state. */
  since: string;
  /** The provider its payloads were read as. */
  provider: string;
  page: { name?: string; url?: string };
  indicator: Indicator;
  notices: Notice[];
  components: Component[];
}

/** The state every node and every store holds. */
export interface RelayState {
  /** 0 before the first write. */
  version: number;
  notices: Record<string, DirectNotice>;
  upstream: UpstreamRecord | null;
}

/** A change to the state: notices replaced or added, notices removed, the upstream record replaced. */
export interface Patch {
  set?: DirectNotice[];
  delete?: string[];
  upstream?: UpstreamRecord | null;
}

/** At most this many entries of history per notice. */
export const HISTORY_LIMIT = 50;
/** Closed notices kept for the console (newest first), beyond which the oldest are forgotten. */
export const CLOSED_KEPT = 50;

/** The empty state. */
export const emptyState = (): RelayState => ({ version: 0, notices: {}, upstream: null });

/** Whether a patch changes nothing. */
export const isEmptyPatch = (patch: Patch): boolean =>
  !patch.set?.length && !patch.delete?.length && patch.upstream === undefined;

/** `state` with `patch` applied under `version`. Pure: `state` is left alone. */
export function applyPatch(state: RelayState, patch: Patch, version: number): RelayState {
  const notices = { ...state.notices };
  for (const id of patch.delete ?? []) delete notices[id];
  for (const notice of patch.set ?? []) notices[notice.id] = notice;
  // Closed notices beyond the ones kept are forgotten, oldest first.
  const closed = Object.values(notices)
    .filter((notice) => notice.closedAt)
    .sort((a, b) => b.closedAt!.localeCompare(a.closedAt!));
  for (const notice of closed.slice(CLOSED_KEPT)) delete notices[notice.id];
  return { version, notices, upstream: patch.upstream === undefined ? state.upstream : patch.upstream };
}

/** Whether a stored notice is open (shown to users, subject to its maintenance window). */
export const isOpen = (notice: DirectNotice): boolean => !notice.closedAt;

/** The phases that close a notice of `kind`. */
export const closingPhases = (kind: Notice['kind']): readonly Phase[] => (kind === 'incident' ? INCIDENT_CLOSED : MAINTENANCE_CLOSED);
/** The phases of an open notice of `kind`. */
export const openPhases = (kind: Notice['kind']): readonly Phase[] => (kind === 'incident' ? INCIDENT_PHASES : MAINTENANCE_PHASES);
