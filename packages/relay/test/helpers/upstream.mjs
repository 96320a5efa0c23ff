// A status page to watch: a real HTTP server whose answers the test sets (a payload with an ETag, an error, a
// hang, garbage), counting every request.

import { createHash } from 'node:crypto';
import http from 'node:http';

/** A Statuspage summary with one incident of `impact`, or none. */
export function statuspageSummary({ incident, name = 'Upstream Cloud', components = [] } = {}) {
  const at = '2024-05-01T11:00:00.000Z';
  return {
    page: { id: 'p1', name, url: 'https://status.upstream.example', time_zone: 'Etc/UTC', updated_at: at },
    components: components.map((c, i) => ({ id: c.id, name: c.name, status: c.status ?? 'operational', position: i + 1, group: false, group_id: null, only_show_if_degraded: false, showcase: true })),
    incidents: incident
      ? [
          {
            id: incident.id ?? 'inc1',
            name: incident.title,
            status: incident.status ?? 'investigating',
            impact: incident.impact ?? 'major',
            created_at: at,
            updated_at: at,
            started_at: at,
            shortlink: 'https://stspg.io/x',
            incident_updates: [{ id: 'u1', status: incident.status ?? 'investigating', body: incident.body ?? 'Looking into it.', created_at: at, updated_at: at, display_at: at, affected_components: [] }],
            components: [],
          },
        ]
      : [],
    scheduled_maintenances: [],
    status: incident ? { indicator: incident.impact ?? 'major', description: 'Partial System Outage' } : { indicator: 'none', description: 'All Systems Operational' },
  };
}

/** Starts the upstream; closed when `t` ends. `set(mode)`: `{ json }`, `{ status, retryAfter?, body? }`, `{ hang: true }`. */
export async function startUpstream(t, initial = { json: statuspageSummary() }) {
  let mode = initial;
  const requests = [];
  const hanging = new Set();
  const server = http.createServer((req, res) => {
    requests.push({ path: req.url, at: Date.now(), ifNoneMatch: req.headers['if-none-match'], userAgent: req.headers['user-agent'] });
    if (mode.hang) {
      hanging.add(res);
      return;
    }
    if (mode.json !== undefined) {
      const body = typeof mode.json === 'string' ? mode.json : JSON.stringify(mode.json);
      const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, { ETag: etag }).end();
        return;
      }
      res.writeHead(200, { 'Content-Type': mode.type ?? 'application/json', ETag: etag }).end(body);
      return;
    }
    const headers = { 'Content-Type': 'text/plain' };
    if (mode.retryAfter !== undefined) headers['Retry-After'] = String(mode.retryAfter);
    res.writeHead(mode.status, headers).end(mode.body ?? 'error');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}`;
  t.after(
    () =>
      new Promise((resolve) => {
        for (const res of hanging) res.destroy();
        server.close(resolve);
        server.closeAllConnections();
      }),
  );
  return {
    url,
    summaryUrl: `${url}/api/v2/summary.json`,
    requests,
    set(next) {
      mode = next;
      for (const res of hanging) res.destroy();
      hanging.clear();
    },
  };
}
