// The life of a direct notice: created, updated, closed and reopened by people, started and expired by the
// clock. Pure functions of (notice, input, who, when); the stores only keep what they return.

import type { Notice, Phase } from '@status-banner/core';
import { RelayError } from './errors.js';
import {
  HISTORY_LIMIT,
  closingPhases,
  isOpen,
  openPhases,
  type DirectNotice,
  type HistoryEntry,
  type Patch,
  type RelayState,
} from './model.js';
import type { NoticeInput } from './validate.js';

/** Who writes, and when. */
export interface WriteContext {
  by: string;
  /** Epoch milliseconds. */
  now: number;
}

/** The name writes made by the relay itself (a maintenance window opening, an `endsAt` passing) are recorded under. */
export const RELAY_ACTOR = 'relay';

const invalid = (field: string, message: string) => new RelayError('invalid-request', message, field);

function withHistory(notice: DirectNotice, entry: HistoryEntry): HistoryEntry[] {
  return [...notice.history, entry].slice(-HISTORY_LIMIT);
}

/** Checks what only the whole notice can tell: kind and severity agree, the phase fits the kind, times are in order. */
function check(notice: DirectNotice, now: number, creating: boolean): void {
  if (notice.kind === 'maintenance' && notice.severity !== 'maintenance') {
    throw invalid('severity', 'A maintenance notice has severity maintenance');
  }
  if (notice.kind === 'incident' && notice.severity === 'maintenance') {
    throw invalid('kind', 'Severity maintenance is for kind maintenance; give kind "maintenance" or another severity');
  }
  if (![...openPhases(notice.kind), ...closingPhases(notice.kind)].includes(notice.phase)) {
    throw invalid('phase', `A ${notice.kind} is in one of ${[...openPhases(notice.kind), ...closingPhases(notice.kind)].join(', ')}`);
  }
  if (creating && closingPhases(notice.kind).includes(notice.phase)) throw invalid('phase', 'A new notice cannot start closed');
  if (notice.startsAt && notice.endsAt && notice.endsAt <= notice.startsAt) throw invalid('endsAt', 'endsAt must be after startsAt');
  if (creating && notice.endsAt && Date.parse(notice.endsAt) <= now) throw invalid('endsAt', 'endsAt is in the past');
}

/** The phase a notice opens in when none is given. */
function defaultPhase(kind: Notice['kind'], startsAt: string | undefined, now: number): Phase {
  if (kind === 'incident') return 'investigating';
  return startsAt && Date.parse(startsAt) > now ? 'scheduled' : 'in_progress';
}

/**
 * A new notice from a validated create body.
 *
 * @throws {RelayError} `invalid-request` when the fields disagree (a maintenance with severity major, say).
 */
export function createNotice(input: NoticeInput, id: string, { by, now }: WriteContext): DirectNotice {
  const at = new Date(now).toISOString();
  const kind = input.kind ?? (input.severity === 'maintenance' ? 'maintenance' : 'incident');
  const notice: DirectNotice = {
    id,
    kind,
    title: input.title!,
    severity: input.severity ?? 'maintenance',
    phase: input.phase ?? defaultPhase(kind, input.startsAt ?? undefined, now),
    componentIds: input.components ?? [],
    createdAt: at,
    createdBy: by,
    updatedAt: at,
    updatedBy: by,
    revision: 1,
    history: [{ at, by, action: 'created' }],
  };
  if (input.message) notice.message = input.message;
  if (input.url) notice.url = input.url;
  if (input.startsAt) notice.startsAt = input.startsAt;
  if (input.endsAt) notice.endsAt = input.endsAt;
  check(notice, now, true);
  return notice;
}

/**
 * The notice with a validated update applied, or the same object when the update changes nothing. A closing
 * phase closes it; an open phase reopens a closed one.
 *
 * @throws {RelayError} `invalid-request` when the result would be inconsistent.
 */
export function updateNotice(notice: DirectNotice, input: NoticeInput, { by, now }: WriteContext): DirectNotice {
  const next: DirectNotice = { ...notice };
  if (input.title !== undefined) next.title = input.title;
  if (input.kind !== undefined && input.kind !== notice.kind) {
    next.kind = input.kind;
    // Switching kind takes the other kind's default severity and phase unless the update gives them.
    if (input.severity === undefined) next.severity = input.kind === 'maintenance' ? 'maintenance' : 'major';
    if (input.phase === undefined) next.phase = defaultPhase(input.kind, input.startsAt ?? notice.startsAt, now);
  }
  if (input.severity !== undefined) next.severity = input.severity;
  if (input.phase !== undefined) next.phase = input.phase;
  for (const key of ['message', 'url', 'startsAt', 'endsAt'] as const) {
    const value = input[key];
    if (value === null) delete next[key];
    else if (value !== undefined) next[key] = value;
  }
  if (input.components !== undefined) next.componentIds = input.components;
  check(next, now, false);

  const closing = closingPhases(next.kind).includes(next.phase);
  // Left open past its end, the relay would close it again at once (a reopened incident that expired, say).
  if (!closing && next.endsAt && Date.parse(next.endsAt) <= now) {
    throw invalid('endsAt', 'endsAt is in the past: give a later one, or null, to keep it open');
  }
  const changed = (Object.keys(next) as (keyof DirectNotice)[]).some((key) => JSON.stringify(next[key]) !== JSON.stringify(notice[key])) ||
    Object.keys(notice).length !== Object.keys(next).length;
  if (!changed) return notice;
  const at = new Date(now).toISOString();
  let action: HistoryEntry['action'] = 'updated';
  if (closing && !notice.closedAt) {
    next.closedAt = at;
    action = 'resolved';
  } else if (!closing && notice.closedAt) {
    delete next.closedAt;
    action = 'reopened';
  }
  return { ...next, updatedAt: at, updatedBy: by, revision: notice.revision + 1, history: withHistory(notice, { at, by, action }) };
}

/** The notice closed (`resolved`, or `completed` for maintenance); the same object if it already is. */
export function closeNotice(notice: DirectNotice, context: WriteContext): DirectNotice {
  if (!isOpen(notice)) return notice;
  return updateNotice(notice, { phase: notice.kind === 'incident' ? 'resolved' : 'completed' }, context);
}

/**
 * What the clock changes by `now`: scheduled maintenance whose start has come goes in progress, and an open
 * notice whose `endsAt` has passed closes. Recorded as the relay's own writes.
 */
export function dueChanges(state: RelayState, now: number): Patch {
  const set: DirectNotice[] = [];
  const at = new Date(now).toISOString();
  for (const notice of Object.values(state.notices)) {
    if (!isOpen(notice)) continue;
    if (notice.endsAt && Date.parse(notice.endsAt) <= now) {
      const phase = notice.kind === 'incident' ? 'resolved' : 'completed';
      set.push({
        ...notice,
        phase,
        closedAt: at,
        updatedAt: at,
        updatedBy: RELAY_ACTOR,
        revision: notice.revision + 1,
        history: withHistory(notice, { at, by: RELAY_ACTOR, action: 'expired' }),
      });
    } else if (notice.phase === 'scheduled' && notice.startsAt && Date.parse(notice.startsAt) <= now) {
      set.push({
        ...notice,
        phase: 'in_progress',
        updatedAt: at,
        updatedBy: RELAY_ACTOR,
        revision: notice.revision + 1,
        history: withHistory(notice, { at, by: RELAY_ACTOR, action: 'started' }),
      });
    }
  }
  return set.length ? { set } : {};
}

/** When the clock next changes something ({@link dueChanges}), in epoch ms; undefined when nothing is due. */
export function nextDue(state: RelayState): number | undefined {
  let next: number | undefined;
  for (const notice of Object.values(state.notices)) {
    if (!isOpen(notice)) continue;
    for (const time of [notice.endsAt, notice.phase === 'scheduled' ? notice.startsAt : undefined]) {
      const ms = time ? Date.parse(time) : NaN;
      if (!Number.isNaN(ms) && (next === undefined || ms < next)) next = ms;
    }
  }
  return next;
}

/** An open direct notice as the native protocol carries it. */
export function toNativeNotice(notice: DirectNotice): Record<string, unknown> {
  const native: Record<string, unknown> = {
    id: notice.id,
    kind: notice.kind,
    title: notice.title,
    severity: notice.severity,
    phase: notice.phase,
    updatedAt: notice.updatedAt,
    componentIds: notice.componentIds,
    revision: `r${notice.revision}`,
  };
  if (notice.message) native.message = notice.message;
  if (notice.url) native.url = notice.url;
  if (notice.kind === 'incident') native.startedAt = notice.startsAt ?? notice.createdAt;
  else {
    if (notice.startsAt) native.scheduledStart = notice.startsAt;
    if (notice.endsAt) native.scheduledEnd = notice.endsAt;
    if (notice.phase !== 'scheduled') native.startedAt = notice.startsAt && notice.startsAt < notice.updatedAt ? notice.startsAt : notice.createdAt;
  }
  return native;
}
