// Sorry™ (sorryapp.com): the public read API, `https://api.sorryapp.com/v1/pages/<page id>`, with its components
// and notices included, or its `/notices` list. Every answer is wrapped in `response`. Notices are `planned`
// (maintenance), `unplanned` (incidents) or `general`. Mapping: docs/providers.md.

import { StatusFormatError } from '../errors.js';
import type { ComponentStatus, Severity, SourceNotice, StatusSource } from '../types.js';
import { buildSnapshot } from './build-snapshot.js';
import { LIMITS, isRecord, lookup, readId, readRecords, toUtc, worst, type JsonRecord } from './normalize.js';

const PHASES: Record<string, string> = {
  scheduled: 'scheduled',
  underway: 'in_progress',
  complete: 'completed',
  cancelled: 'cancelled',
  investigating: 'investigating',
  identified: 'identified',
  recovering: 'monitoring',
  resolved: 'resolved',
  // Not an incident after all: over, and not worth a banner.
  false_alarm: 'resolved',
};
const COMPONENT_STATES: Record<string, ComponentStatus> = {
  operational: 'operational',
  'partially-degraded': 'degraded',
  degraded: 'partial_outage',
};
const IMPACTS: Partial<Record<ComponentStatus, Severity>> = { degraded: 'minor', partial_outage: 'major' };

/** Sorry (`provider: 'sorry'`). */
export const sorry: StatusSource = {
  id: 'sorry',
  detect: (payload) => isRecord(payload) && (isRecord(payload.response) || Array.isArray(payload.response)),
  parse(payload, context) {
    if (!sorry.detect(payload)) throw new StatusFormatError('invalid-payload', 'A Sorry payload needs its response');
    const response = (payload as JsonRecord).response;
    const page = isRecord(response) ? response : {};
    const components = readRecords(page.components).map((raw) => ({
      id: readId(raw.id),
      name: raw.name,
      status: lookup(COMPONENT_STATES, raw.state),
      groupId: readId(raw.parent_id) ?? undefined,
      childIds: undefined as string[] | undefined,
    }));
    // Sorry points children at their parent; a parent lists them here.
    for (const parent of components) {
      const childIds = components.filter((c) => c.id && c.groupId === parent.id).map((c) => c.id!);
      if (childIds.length) parent.childIds = childIds;
    }
    const states = new Map(components.map((c) => [c.id, c.status]));
    const notices = readRecords(Array.isArray(response) ? response : page.notices, LIMITS.updates).map((raw): SourceNotice => {
      const kind = raw.type === 'planned' ? 'maintenance' : 'incident';
      const componentIds = [...readRecords(raw.components).map((c) => c.id), ...(Array.isArray(raw.component_ids) ? raw.component_ids : [])];
      const impacts = componentIds.map((id) => IMPACTS[states.get(readId(id)) as ComponentStatus] ?? 'minor');
      return {
        id: raw.id,
        kind,
        title: raw.subject,
        // `general` notices are announcements; an incident names no impact, its components' states do.
        severity: kind === 'maintenance' ? 'maintenance' : raw.type === 'general' ? 'none' : impacts.length ? worst(impacts) : 'minor',
        phase: lookup(PHASES, raw.state),
        // The synopsis is the notice's summary; its updates are its news. Of two at the same time, the later
        // listed is taken: newest first here.
        message: raw.synopsis,
        updates: readRecords(raw.updates, LIMITS.updates)
          .reverse()
          .map((update) => ({ at: toUtc(update.created_at), text: update.content })),
        // Past notices (closed, or complete) are over whatever their state says.
        end: { resolved: typeof raw.timeline_state === 'string' && raw.timeline_state.startsWith('past'), at: raw.ended_at },
        updatedAt: raw.updated_at,
        startedAt: raw.began_at,
        scheduledStart: raw.begins_at,
        scheduledEnd: raw.ends_at,
        url: raw.link,
        componentIds,
      };
    });
    return buildSnapshot('sorry', { page: { name: page.name, url: page.link ?? page.url }, notices, components }, context);
  },
  endpoints(url) {
    // The page resource without its lists is a base URL: ask for them.
    const match = /^(.*\/v1\/pages\/[0-9a-z]+)\/?$/i.exec(url.pathname);
    if (!match || url.searchParams.has('include')) return [];
    const next = new URL(url.origin);
    next.pathname = match[1]!;
    next.search = '?include=components,notices';
    return [next];
  },
};
