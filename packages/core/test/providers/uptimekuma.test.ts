// Uptime Kuma: its quirks, its endpoints, component targeting, and every fixture of it read in full against
// the expected reading beside the fixture.

import { expect } from '@open-wc/testing';
import { filterNotices, type StatusSnapshot } from '@status-banner/core';
import { parseStatus } from '@status-banner/core/providers';
import { uptimekuma } from '../../src/sources/index.js';
import { local, now, ids, byId, hrefs, describeFixtures } from './read.js';

describe('uptime kuma', () => {
  const combined = 'uptimekuma-2x-status-page-with-heartbeat-incidents-and-maintenance-from-docs.json';

  it('reads naive incident and heartbeat times as UTC, as Kuma writes them', async () => {
    const snap = parseStatus(await local(combined), now);
    expect(byId(snap, '7')).to.include({ startedAt: '2026-11-22T09:58:00.000Z', updatedAt: '2026-11-22T10:41:30.000Z' });
    // The first of the latest run of down beats, 09:55:00.301 without a zone.
    expect(byId(snap, 'monitors').startedAt).to.equal('2026-11-22T09:55:00.301Z');
  });

  it("reads a single maintenance window in the maintenance's own zone; an unknown zone falls back to its offset", async () => {
    const payload = await local(combined);
    expect(byId(parseStatus(payload, now), 'maintenance-4')).to.include({
      scheduledStart: '2026-11-22T10:00:00.000Z',
      scheduledEnd: '2026-11-22T12:00:00.000Z',
    });
    payload.maintenanceList[0].timezone = 'SAME_AS_SERVER';
    payload.maintenanceList[0].timezoneOffset = '-05:00';
    expect(byId(parseStatus(payload, now), 'maintenance-4').scheduledStart).to.equal('2026-11-22T16:00:00.000Z');
    // Recurring windows come with their zone (Z) and keep it.
    expect(byId(parseStatus(payload, now), 'maintenance-5').scheduledStart).to.equal('2026-11-23T02:00:00.000Z');
  });

  it('1.x sends one pinned `incident` (or null), 2.x an `incidents` list: both read the same', async () => {
    const payload = await local(combined);
    const [first] = payload.incidents;
    const listed = parseStatus({ ...payload, incidents: [first] }, now);
    const single = parseStatus({ ...payload, incidents: undefined, incident: first }, now);
    expect(single).to.deep.equal(listed);
    expect(ids(parseStatus({ ...payload, incidents: undefined, incident: null }, now))).to.deep.equal(['monitors', 'maintenance-4', 'maintenance-5']);
    // An incident taken down (not active, or unpinned) is gone.
    first.active = false;
    expect(ids(parseStatus(payload, now))).not.to.include('7');
  });

  it('status page + heartbeats combined: nested as the client hands them over, flat as a relay merges them, or alone', async () => {
    const payload = await local(combined);
    const nested = parseStatus(payload, now);
    const { heartbeat, ...page } = payload;
    expect(parseStatus({ ...page, ...heartbeat }, now)).to.deep.equal(nested);
    // The page alone knows no monitor state and so no roll-up.
    const alone = parseStatus(page, now);
    expect(ids(alone)).not.to.include('monitors');
    expect(alone.components.filter((c) => !c.childIds).map((c) => c.status)).to.deep.equal(['unknown', 'unknown', 'unknown']);
    // Heartbeats alone: monitors by id.
    const beats = parseStatus(heartbeat, now);
    expect(beats.components.map((c) => [c.id, c.status])).to.deep.equal([
      ['1', 'operational'],
      ['2', 'major_outage'],
      ['3', 'maintenance'],
    ]);
    expect(beats.indicator).to.equal('major');
  });

  it('every monitor down is critical; pending is degraded; an empty bucket (0) is no beat', async () => {
    const payload = await local(combined);
    const beats = payload.heartbeat.heartbeatList;
    beats['1'].push({ status: 0, time: '2026-11-22 10:41:00.000', msg: 'timeout', ping: null });
    beats['3'].push({ status: 0, time: '2026-11-22 10:42:00.000', msg: 'timeout', ping: null }, 0);
    const down = parseStatus(payload, now);
    expect(byId(down, 'monitors')).to.include({ title: 'Degraded Service', severity: 'critical', message: 'Down: Website, API, NAS' });
    expect(byId(down, 'monitors').componentIds).to.deep.equal(['1', '2', '3']);
    expect(down.indicator).to.equal('critical');
    beats['1'] = [{ status: 2, time: '2026-11-22 10:43:00.000', msg: '', ping: null }];
    expect(parseStatus(payload, now).components.find((c) => c.id === '1')?.status).to.equal('degraded');
  });

  it("an incident's style is its severity; a style Kuma adds later is minor", async () => {
    const payload = await local(combined);
    const severity = (style: unknown) => {
      payload.incidents[0].style = style;
      return byId(parseStatus(payload, now), '7').severity;
    };
    expect(['danger', 'warning', 'info', 'primary', 'light', 'dark', 'fuchsia', null].map(severity)).to.deep.equal([
      'major',
      'minor',
      'none',
      'none',
      'none',
      'none',
      'minor',
      'minor',
    ]);
  });

  it('endpoints and companions: /status/<slug> maps to the API, heartbeats beside it, below a path prefix too', () => {
    expect(hrefs(uptimekuma.endpoints(new URL('https://kuma.example/status/acme')))).to.deep.equal(['https://kuma.example/api/status-page/acme']);
    expect(hrefs(uptimekuma.endpoints(new URL('https://example.com/kuma/status/acme/')))).to.deep.equal(['https://example.com/kuma/api/status-page/acme']);
    expect(uptimekuma.endpoints(new URL('https://kuma.example/'))).to.deep.equal([]);
    expect(uptimekuma.endpoints(new URL('https://kuma.example/api/status-page/acme'))).to.deep.equal([]);
    const companions = uptimekuma.companions!(new URL('https://example.com/kuma/api/status-page/acme'));
    expect(Object.fromEntries(Object.entries(companions).map(([k, v]) => [k, v.href]))).to.deep.equal({
      heartbeat: 'https://example.com/kuma/api/status-page/heartbeat/acme',
    });
    expect(uptimekuma.companions!(new URL('https://kuma.example/api/status-page/heartbeat/acme'))).to.deep.equal({});
  });
});

describe('component targeting, per provider', () => {
  const pick = (snapshot: StatusSnapshot, ...selectors: string[]) => filterNotices(snapshot, selectors).map((n) => n.id);

  it('uptime kuma: a monitor group selects its monitors, and with them the roll-up of the ones that are down', async () => {
    const snap = parseStatus(await local('uptimekuma-2x-status-page-with-heartbeat-incidents-and-maintenance-from-docs.json'), now);
    expect(pick(snap, 'Services')).to.include('monitors');
    expect(pick(snap, 'Storage')).not.to.include('monitors');
  });
});

describeFixtures('uptimekuma');
