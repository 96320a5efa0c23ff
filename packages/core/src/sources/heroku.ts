// Heroku Status, `https://status.heroku.com/api/v4/current-status`: a colour per system (Apps, Data, Tools),
// open incidents and scheduled maintenance, each with its updates newest first. Mapping: docs/providers.md.

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
  const update = latest(readRecords(raw.updates, LIMITS.updates));
  const phase = raw.resolved === true ? (kind === 'incident' ? 'resolved' : 'completed') : lookup(UPDATE_PHASES, update?.update_type);
  // Production's colour first: that is what users run on.
  const impact = worse(lookup(IMPACTS, update?.status_prod ?? raw.status_prod) ?? 'minor', lookup(IMPACTS, update?.status_dev ?? raw.status_dev) ?? 'none');
  return {
    id: raw.id,
    kind,
    title: raw.title ?? update?.title,
    severity: kind === 'maintenance' ? 'maintenance' : impact,
    phase: kind === 'maintenance' && !phase ? (raw.upcoming === true ? 'scheduled' : 'in_progress') : phase,
    message: readText(update?.contents),
    updatedAt: toUtc(update?.created_at) ?? raw.updated_at,
    startedAt: raw.created_at,
    scheduledStart: raw.scheduled_for ?? raw.starts_at,
    scheduledEnd: raw.scheduled_until ?? raw.ends_at,
    url: raw.full_url,
    revision: update && `${update.id}:${kind === 'maintenance' ? 'maintenance' : impact}`,
  };
}

/** Heroku Status (`provider: 'heroku'`). */
export const heroku: StatusSource = {
  id: 'heroku',
  detect: (payload) => isRecord(payload) && Array.isArray(payload.status) && (Array.isArray(payload.incidents) || Array.isArray(payload.scheduled)),
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
