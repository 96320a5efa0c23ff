// Heroku Status, `https://status.heroku.com/api/v4/current-status`: a colour per system (Apps, Data, Tools),
// open incidents and scheduled maintenance, each with its updates newest first. Maintenance carries no window
// (its time is in the words of its updates), so an upcoming one shows as soon as it is listed.
// Mapping: docs/providers.md.

import { StatusFormatError } from '../errors.js';
import type { ComponentStatus, Severity, StatusSource } from '../types.js';
import { buildSnapshot } from './build-snapshot.js';
import { LIMITS, below, isRecord, lookup, readRecords, readText, toUtc, worse, type JsonRecord } from './normalize.js';

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

/** The update with the latest `created_at`; among equal or missing times the first listed (newest first). */
function latest(updates: JsonRecord[]): JsonRecord | undefined {
  let found: JsonRecord | undefined;
  for (const update of updates) {
    const at = toUtc(update.created_at);
    if (!found || (at && at > (toUtc(found.created_at) ?? ''))) found = update;
  }
  return found;
}

function mapItem(raw: JsonRecord, kind: 'incident' | 'maintenance') {
  const updates = readRecords(raw.updates, LIMITS.updates);
  const update = latest(updates);
  // Maintenance began with its first "maintenance" update; until then it has not.
  const began = updates
    .filter((u) => u.update_type === 'maintenance')
    .map((u) => toUtc(u.created_at))
    .filter(Boolean)
    .sort()[0];
  // Maintenance says outright whether it is still to come; otherwise the latest update's type tells.
  const phase =
    raw.resolved === true
      ? kind === 'incident'
        ? 'resolved'
        : 'completed'
      : kind === 'maintenance' && typeof raw.upcoming === 'boolean'
        ? raw.upcoming
          ? 'scheduled'
          : 'in_progress'
        : lookup(UPDATE_PHASES, update?.update_type);
  // Production's colour first: that is what users run on.
  const impact = worse(lookup(IMPACTS, update?.status_prod ?? raw.status_prod) ?? 'minor', lookup(IMPACTS, update?.status_dev ?? raw.status_dev) ?? 'none');
  return {
    id: raw.id,
    kind,
    title: raw.title ?? update?.title,
    severity: kind === 'maintenance' ? 'maintenance' : impact,
    phase,
    message: readText(update?.contents),
    updatedAt: toUtc(update?.created_at) ?? raw.updated_at,
    startedAt: kind === 'incident' ? raw.created_at : began,
    url: raw.full_url,
    revision: update && `${update.id}:${kind === 'maintenance' ? 'maintenance' : impact}`,
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
    const notices = [
      ...readRecords(data.incidents, LIMITS.updates).map((raw) => mapItem(raw, 'incident')),
      ...readRecords(data.scheduled, LIMITS.updates).map((raw) => mapItem(raw, 'maintenance')),
    ];
    // Systems are known by name only; the name is their id.
    const components = readRecords(data.status).map((raw) => ({ id: raw.system, name: raw.system, status: lookup(COLOURS, raw.status) }));
    return buildSnapshot('heroku', { name: 'Heroku', url: 'https://status.heroku.com/' }, undefined, notices, components, context);
  },
  endpoints: (url) => (/\/api\/v\d+\/current-status\/?$/.test(url.pathname) ? [] : [below(url, 'api/v4/current-status')]),
};
