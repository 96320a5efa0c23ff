// A status format of your own, taught to the banner with defineProvider. "Acme" is made up: a service that
// publishes `{ "service", "state", "events": [...] }` at `/status/acme.json` below its status page.

import { defineProvider } from '@status-banner/core';

const LEVELS = { 1: 'minor', 2: 'major', 3: 'critical' };

defineProvider({
  id: 'acme',
  // Cheap, and true only for this shape: a payload another format also claims would be read as Acme.
  detect: (payload) => typeof payload === 'object' && payload !== null && payload.format === 'acme-status/1',
  // Map onto the native shape; the banner validates what comes back, so a missing field is simply left out.
  parse: (payload) => ({
    page: { name: payload.service, url: payload.link },
    notices: (payload.events ?? []).map((event) => ({
      id: event.ref,
      kind: event.planned ? 'maintenance' : 'incident',
      title: event.headline,
      severity: event.planned ? 'maintenance' : (LEVELS[event.level] ?? 'minor'),
      phase: event.planned ? (event.running ? 'in_progress' : 'scheduled') : 'investigating',
      message: event.details,
      updatedAt: event.updated,
      scheduledStart: event.from,
      scheduledEnd: event.until,
      componentIds: event.parts ?? [],
      revision: event.updated,
    })),
    components: (payload.parts ?? []).map((part) => ({ id: part.key, name: part.label, status: part.ok ? 'operational' : 'major_outage' })),
  }),
  // Where the feed is for a page's base URL, so `src` can be the page itself.
  endpoints: (url) => (url.pathname.endsWith('.json') ? [] : [new URL('status/acme.json', url.href.endsWith('/') ? url : `${url.href}/`)]),
});
