// Heroku Status, `https://status.heroku.com/api/v4/current-status`: a colour per system (Apps, Data, Tools),
// open incidents and scheduled maintenance, each with its updates newest first. Maintenance carries no window
// (its time is in the words of its updates), so an upcoming one shows as soon as it is listed.
// Mapping: docs/providers.md.

import { StatusFormatError } from '../errors.js';
import type { ComponentStatus, Severity, SourceNotice, StatusSource } from '../types.js';
import { buildSnapshot } from './build-snapshot.js';
import { LIMITS, below, isRecord, lookup, readRecords, toUtc, worse, type JsonRecord } from './normalize.js';

const COLOURS: Record<string, ComponentStatus> = { green: 'operational', yellow: 'degraded', red: 'major_outage', blue: 'maintenance' };
const IMPACTS: Record<string, Severity> = { green: 'none', yellow: 'minor', red: 'major' };
const UPDATE_PHASES: Record<string, string> = {
  investigating: 'investigating',
  issue: 'identified',
  identified: 'identified',
  monitoring: 'monitoring',
  update: 'monitoring',
  resolved: 'resolved',
  scheduled: 'scheduled',
  maintenance: 'in_progress',
  completed: 'completed',
};

/** An update's impact: production's colour, or development's if worse. */
const impactOf = (colours: JsonRecord, fallback: JsonRecord = {}): Severity =>
  worse(lookup(IMPACTS, colours.status_prod ?? fallback.status_prod) ?? 'minor', lookup(IMPACTS, colours.status_dev ?? fallback.status_dev) ?? 'none');

function mapItem(raw: JsonRecord, kind: 'incident' | 'maintenance'): SourceNotice {
  const updates = readRecords(raw.updates, LIMITS.updates);
  // Maintenance began with its first "maintenance" update; until then it has not.
  const began = updates
    .filter((u) => u.update_type === 'maintenance')
    .map((u) => toUtc(u.created_at))
    .filter(Boolean)
    .sort()[0];
  // Maintenance says outright whether it is still to come; otherwise the latest update's type is the phase.
  const upcoming = kind === 'maintenance' && typeof raw.upcoming === 'boolean' ? raw.upcoming : undefined;
  return {
    id: raw.id,
    kind,
    title: raw.title ?? updates.find((u) => u.title)?.title,
    severity: kind === 'maintenance' ? 'maintenance' : impactOf(raw),
    phase: upcoming === undefined ? undefined : upcoming ? 'scheduled' : 'in_progress',
    updates: updates.map((u) => {
      const phase = lookup(UPDATE_PHASES, u.update_type);
      return {
        id: u.id,
        at: toUtc(u.created_at),
        text: u.contents,
        // Maintenance that is over is `completed`; while `upcoming` says where it is, only its end is news.
        phase: kind === 'incident' ? phase : phase === 'resolved' || phase === 'completed' ? 'completed' : upcoming === undefined ? phase : undefined,
        // Production's colour first: that is what users run on.
        severity: kind === 'incident' ? impactOf(u, raw) : undefined,
      };
    }),
    // `resolved` can stay false on an incident whose `state` says resolved: either one ends it.
    end: { resolved: raw.resolved === true || raw.state === 'resolved' || raw.state === 'completed' },
    updatedAt: raw.updated_at,
    startedAt: kind === 'incident' ? raw.created_at : began,
    url: raw.full_url,
  };
}

/** Heroku Status (`provider: 'heroku'`). */
export const heroku: StatusSource = {
  id: 'heroku',
  detect: (payload) =>
    isRecord(payload) &&
    // A `page` object is Statuspage's, whatever else the payload holds.
    !isRecord(payload.page) &&
    Array.isArray(payload.status) &&
    (Array.isArray(payload.incidents) || Array.isArray(payload.scheduled)),
  parse(payload, context) {
    if (!heroku.detect(payload)) throw new StatusFormatError('invalid-payload', 'A Heroku payload needs its systems and lists');
    const data = payload as JsonRecord;
    const notices: SourceNotice[] = [
      ...readRecords(data.incidents, LIMITS.updates).map((raw) => mapItem(raw, 'incident')),
      ...readRecords(data.scheduled, LIMITS.updates).map((raw) => mapItem(raw, 'maintenance')),
    ];
    // Systems are known by name only; the name is their id.
    const components = readRecords(data.status).map((raw) => ({ id: raw.system, name: raw.system, status: lookup(COLOURS, raw.status) }));
    const page = { name: 'Heroku', url: 'https://status.heroku.com/' };
    return buildSnapshot('heroku', { page, notices, components }, context);
  },
  endpoints: (url) => (/\/api\/v\d+\/current-status\/?$/.test(url.pathname) ? [] : [below(url, 'api/v4/current-status')]),
};
