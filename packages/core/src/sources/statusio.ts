// status.io's Public Status API: `https://api.status.io/1.0/status/<page id>`. Everything is a numeric code
// (600 "Security Issue" included, a level other providers lack: critical here). Components carry containers
// (regions, clouds) that incidents name separately; the banner matches components. Mapping: docs/providers.md.

import { StatusFormatError } from '../errors.js';
import type { ComponentStatus, Severity, SourceNotice, StatusSource } from '../types.js';
import { buildSnapshot } from './build-snapshot.js';
import { LIMITS, isRecord, lookup, readRecords, toUtc, type JsonRecord } from './normalize.js';

const CODES: Record<string, Severity> = { 100: 'none', 200: 'maintenance', 300: 'minor', 400: 'major', 500: 'critical', 600: 'critical' };
// What an incident's latest message set; "planned maintenance" is no incident severity, so it falls to minor.
const IMPACTS: Record<string, Severity> = { 100: 'none', 300: 'minor', 400: 'major', 500: 'critical', 600: 'critical' };
// A security event is no outage of a component, and not "operational" either.
const COMPONENT_CODES: Record<string, ComponentStatus> = {
  100: 'operational',
  200: 'maintenance',
  300: 'degraded',
  400: 'partial_outage',
  500: 'major_outage',
  600: 'unknown',
};
const STATES: Record<string, string> = { 100: 'investigating', 200: 'identified', 300: 'monitoring' };

function mapEvent(raw: JsonRecord, kind: 'incident' | 'in_progress' | 'scheduled'): SourceNotice {
  const maintenance = kind !== 'incident';
  return {
    id: raw._id ?? raw.id,
    kind: maintenance ? 'maintenance' : 'incident',
    title: raw.name,
    severity: maintenance ? 'maintenance' : 'minor',
    phase: maintenance ? kind : undefined,
    // The API lists messages oldest first: newest first here, so that of two with the same time the later wins.
    // An incident's phase and severity are those its latest message set (an unreadable or new code is minor).
    updates: readRecords(raw.messages, LIMITS.updates)
      .reverse()
      .map((message) => ({
        at: toUtc(message.datetime),
        text: message.details,
        phase: maintenance ? undefined : (lookup(STATES, message.state) ?? 'unknown'),
        severity: maintenance ? undefined : (lookup(IMPACTS, message.status) ?? 'minor'),
      })),
    // The public API lists only what is open.
    end: {},
    startedAt: raw.datetime_open,
    scheduledStart: raw.datetime_planned_start,
    scheduledEnd: raw.datetime_planned_end,
    componentIds: readRecords(raw.components_affected).map((c) => c._id ?? c.id),
  };
}

/** status.io (`provider: 'statusio'`). */
export const statusio: StatusSource = {
  id: 'statusio',
  detect: (payload) => isRecord(payload) && isRecord(payload.result) && (isRecord(payload.result.status_overall) || Array.isArray(payload.result.status)),
  parse(payload, context) {
    if (!statusio.detect(payload)) throw new StatusFormatError('invalid-payload', 'A status.io payload needs its result');
    const result = (payload as JsonRecord).result as JsonRecord;
    const maintenance = isRecord(result.maintenance) ? result.maintenance : {};
    const notices = [
      ...readRecords(result.incidents, LIMITS.updates).map((raw) => mapEvent(raw, 'incident')),
      ...readRecords(maintenance.active, LIMITS.updates).map((raw) => mapEvent(raw, 'in_progress')),
      ...readRecords(maintenance.upcoming, LIMITS.updates).map((raw) => mapEvent(raw, 'scheduled')),
    ];
    const components = readRecords(result.status).map((raw) => ({ id: raw.id, name: raw.name, status: lookup(COMPONENT_CODES, raw.status_code) }));
    const overall = isRecord(result.status_overall) ? result.status_overall.status_code : undefined;
    return buildSnapshot('statusio', { indicator: lookup(CODES, overall), notices, components }, context);
  },
  endpoints(url) {
    if (/\/1\.0\/status\/[^/]+\/?$/.test(url.pathname)) return [];
    // A page URL names its id: https://status.io/pages/<id>, …/pages/history/<id>.
    const match = /^(.*?)\/pages\/(?:history\/)?([0-9a-f]{24})(?:\/.*)?$/i.exec(url.pathname);
    if (!match) return [];
    // On status.io itself the API has a host of its own; elsewhere (a relay of your own) the same path below the
    // page's prefix.
    const vendor = /(^|\.)status\.io$/i.test(url.hostname);
    const next = new URL(vendor ? 'https://api.status.io' : url.origin);
    next.pathname = `${vendor ? '' : match[1]}/1.0/status/${match[2]}`;
    return [next];
  },
};
