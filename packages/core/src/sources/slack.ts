// Slack Status API v2, `https://slack-status.com/api/v2.0.0/current` (also at status.slack.com): the active
// incidents, outages and notices, with the affected services by name. Slack escapes its slashes (`https:\/\/`);
// JSON.parse undoes that, and text that arrives still escaped (a relay that encoded twice) is undone here.
// Mapping: docs/providers.md.

import { StatusFormatError } from '../errors.js';
import type { Severity, SourceNotice, StatusSource } from '../types.js';
import { buildSnapshot } from './build-snapshot.js';
import { LIMITS, below, isRecord, lookup, readRecords, readString, toUtc, type JsonRecord } from './normalize.js';

const TYPES: Record<string, Severity> = { outage: 'major', incident: 'minor', notice: 'none' };
const PHASES: Record<string, string> = { resolved: 'resolved', scheduled: 'scheduled', completed: 'completed', cancelled: 'cancelled' };
const COMPONENT_STATES = { outage: 'major_outage', incident: 'degraded' } as const;

const unescape = (value: unknown): unknown => (typeof value === 'string' ? value.replace(/\\\//g, '/') : value);

/** Slack Status (`provider: 'slack'`). */
export const slack: StatusSource = {
  id: 'slack',
  detect: (payload) =>
    isRecord(payload) &&
    (Array.isArray(payload.active_incidents) || (['ok', 'active', 'broken'].includes(payload.status as string) && typeof payload.date_updated === 'string')),
  parse(payload, context) {
    if (!slack.detect(payload)) throw new StatusFormatError('invalid-payload', 'A Slack status payload needs its incidents');
    const services = new Map<string, { id: string; name: string; status: string }>();
    const notices = readRecords((payload as JsonRecord).active_incidents, LIMITS.updates).map((raw): SourceNotice => {
      const phase = lookup(PHASES, raw.status);
      // A notice with a schedule is planned work; every other kind is an incident, by its type.
      const kind = raw.type === 'notice' && (phase === 'scheduled' || phase === 'completed') ? 'maintenance' : 'incident';
      const severity = kind === 'maintenance' ? 'maintenance' : (lookup(TYPES, raw.type) ?? 'minor');
      const names = (Array.isArray(raw.services) ? raw.services.slice(0, LIMITS.components) : []).map((s) => readString(unescape(s))).filter(Boolean) as string[];
      // Only what is still going on affects a service.
      for (const name of phase === 'resolved' || phase === 'completed' || phase === 'cancelled' ? [] : names) {
        const status = kind === 'incident' ? (lookup(COMPONENT_STATES, raw.type) ?? 'degraded') : 'maintenance';
        if (!services.has(name)) services.set(name, { id: name, name, status });
      }
      return {
        id: raw.id,
        kind,
        title: unescape(raw.title),
        severity,
        // Slack says only "active": where an incident is in its life, it does not say.
        phase,
        // Notes are HTML (`<p>…</p>`, `&nbsp;`); the latest one, by its time, is Slack's latest word.
        updates: readRecords(raw.notes, LIMITS.updates).map((note) => ({ at: toUtc(note.date_created), text: unescape(note.body) })),
        // `resolved` and `completed` are phases; Slack flags nothing else.
        end: {},
        updatedAt: raw.date_updated,
        startedAt: raw.date_created,
        url: unescape(raw.url),
        // Services have no ids: their names are.
        componentIds: names,
      };
    });
    const page = { name: 'Slack', url: 'https://slack-status.com/' };
    return buildSnapshot('slack', { page, notices, components: [...services.values()] }, context);
  },
  endpoints: (url) => (/\/api\/(v[\d.]+\/)?current\/?$/.test(url.pathname) ? [] : [below(url, 'api/v2.0.0/current')]),
};
