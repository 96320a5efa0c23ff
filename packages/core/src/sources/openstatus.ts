// OpenStatus's public status widget: `https://api.openstatus.dev/public/status/<slug>` answers one word for the
// whole page. There is no incident detail, so a page that is not operational becomes one notice named after that
// word, and the banner has something to show. Mapping: docs/providers.md.

import { StatusFormatError } from '../errors.js';
import type { Severity, SourceNotice, StatusSource } from '../types.js';
import { buildSnapshot } from './build-snapshot.js';
import { isRecord, lookup, type JsonRecord } from './normalize.js';

const STATUSES: Record<string, [Severity, string]> = {
  operational: ['none', ''],
  degraded_performance: ['minor', 'Degraded performance'],
  partial_outage: ['major', 'Partial outage'],
  major_outage: ['critical', 'Major outage'],
  under_maintenance: ['maintenance', 'Under maintenance'],
  // "Some incident is neither monitoring nor resolved": how bad, the widget does not say.
  incident: ['minor', 'Ongoing incident'],
  unknown: ['none', ''],
};

/** OpenStatus (`provider: 'openstatus'`). */
export const openstatus: StatusSource = {
  id: 'openstatus',
  detect: (payload) =>
    isRecord(payload) && !!lookup(STATUSES, payload.status) && !isRecord(payload.page) && !('active_incidents' in payload),
  parse(payload, context) {
    if (!isRecord(payload) || typeof payload.status !== 'string') {
      throw new StatusFormatError('invalid-payload', 'An OpenStatus payload needs a status');
    }
    // A word OpenStatus adds later (or its own "unknown") says nothing a banner can show: no notice.
    const [severity, title] = lookup(STATUSES, (payload as JsonRecord).status) ?? ['none', ''];
    const maintenance = severity === 'maintenance';
    // No text, no updates, no end: the word is all there is, and it changes when the page does.
    const notices: SourceNotice[] = title
      ? [{ id: 'status', kind: maintenance ? 'maintenance' : 'incident', title, severity, phase: maintenance ? 'in_progress' : 'unknown', revision: payload.status, updates: [], end: {} }]
      : [];
    return buildSnapshot('openstatus', { indicator: severity, notices }, context);
  },
  endpoints(url) {
    if (/\/public\/status\/[^/]+\/?$/.test(url.pathname)) return [];
    // A hosted page, https://<slug>.openstatus.dev, names its slug in the host.
    const hosted = /^([a-z0-9-]+)\.openstatus\.dev$/i.exec(url.hostname)?.[1];
    if (hosted && hosted !== 'www' && hosted !== 'api') return [new URL(`https://api.openstatus.dev/public/status/${hosted}`)];
    // A relay or self-hosted API of your own: <prefix>/status/<slug> maps to <prefix>/public/status/<slug>.
    const match = /^(.*?)\/status\/([^/]+)\/?$/.exec(url.pathname);
    if (!match) return [];
    const next = new URL(url.origin);
    next.pathname = `${match[1]}/public/status/${match[2]}`;
    return [next];
  },
};
