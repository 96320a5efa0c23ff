// The project's own format: a StatusSnapshot as JSON, plus an optional monotonic `version`. Also how a client
// re-reads a snapshot it stored, so a corrupted or old-schema value is validated on the way in.

import { StatusFormatError } from '../errors.js';
import type { Component, ComponentStatus, Notice, Phase, Severity, StatusSnapshot, StatusSource } from '../types.js';
import { LIMITS, PHASES, SEVERITIES, isRecord, oneOf, readId, readIds, readRecords, readString, readText, safeUrl, selectNotices, toUtc } from './normalize.js';

const STATUSES = ['operational', 'degraded', 'partial_outage', 'major_outage', 'maintenance'];
const TIMES = ['updatedAt', 'startedAt', 'scheduledStart', 'scheduledEnd'] as const;

/** The native protocol: see docs/core-api.md. Detected by a `notices` array and a string `indicator`. */
export const native: StatusSource = {
  id: 'native',
  detect: (payload) => isRecord(payload) && Array.isArray(payload.notices) && typeof payload.indicator === 'string',
  parse(data, context) {
    if (!isRecord(data) || !Array.isArray(data.notices)) {
      throw new StatusFormatError('invalid-payload', 'A native status payload needs a notices array');
    }
    const notices: Notice[] = [];
    for (const raw of readRecords(data.notices, LIMITS.updates)) {
      const id = readId(raw.id);
      const title = readString(raw.title, LIMITS.title);
      if (!id || !title) continue;
      const kind = raw.kind === 'maintenance' ? 'maintenance' : 'incident';
      const severity = oneOf<Severity>(SEVERITIES, raw.severity) ?? (kind === 'incident' ? 'minor' : 'maintenance');
      const notice: Notice = {
        id,
        kind,
        title,
        severity,
        phase: oneOf<Phase>(PHASES, raw.phase) ?? 'unknown',
        componentIds: readIds(raw.componentIds),
        revision: readId(raw.revision) ?? `${toUtc(raw.updatedAt) ?? ''}:${severity}`,
      };
      const message = readText(raw.message);
      if (message) notice.message = message;
      for (const key of TIMES) {
        const time = toUtc(raw[key]);
        if (time) notice[key] = time;
      }
      const url = safeUrl(raw.url);
      if (url) notice.url = url;
      notices.push(notice);
    }
    const components: Component[] = [];
    for (const raw of readRecords(data.components, LIMITS.components)) {
      const id = readId(raw.id);
      if (!id) continue;
      const component: Component = { id, name: readString(raw.name) ?? id, status: oneOf<ComponentStatus>(STATUSES, raw.status) ?? 'unknown' };
      const groupId = readId(raw.groupId);
      if (groupId) component.groupId = groupId;
      if (Array.isArray(raw.childIds)) component.childIds = readIds(raw.childIds);
      components.push(component);
    }
    const page = isRecord(data.page) ? data.page : {};
    const snapshot: StatusSnapshot = {
      provider: 'native',
      page: {},
      indicator: oneOf<Severity>(SEVERITIES, data.indicator) ?? 'none',
      notices: selectNotices(notices, context),
      components,
    };
    const name = readString(page.name);
    if (name) snapshot.page.name = name;
    const url = safeUrl(page.url);
    if (url) snapshot.page.url = url;
    if (Number.isSafeInteger(data.version) && (data.version as number) >= 0) snapshot.version = data.version as number;
    return snapshot;
  },
};
