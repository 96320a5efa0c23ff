import { expect } from '@open-wc/testing';
import { StatusFormatError, filterNotices, type StatusSnapshot } from '@status-banner/core';
import { parseStatus } from '@status-banner/core/providers';
import {
  betterstack,
  cachet,
  heroku,
  incidentio,
  instatus,
  openstatus,
  slack,
  sorry,
  statusio,
  statuspage,
  uptimekuma,
} from '../src/sources/index.js';
import { DOCS_NOW } from '../../../test/helpers/fixtures.mjs';
import { loadFixture } from '../../../test/helpers/status-server.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const local = (name: string): Promise<Json> => loadFixture(`docs/${name}`);
const real = (name: string): Promise<Json> => loadFixture(`real/${name}`);
const now = { now: new Date(DOCS_NOW) };
const ids = (snapshot: StatusSnapshot) => snapshot.notices.map((n) => n.id);
const byId = (snapshot: StatusSnapshot, id: string) => {
  const notice = snapshot.notices.find((n) => n.id === id);
  if (!notice) throw new Error(`no notice ${id} in [${ids(snapshot)}]`);
  return notice;
};
const hrefs = (urls: URL[]) => urls.map((u) => u.href);

describe('instatus', () => {
  const v1 = 'instatus-v1-summary-incident-and-maintenance-from-docs.json';

  it('reads v1 Date.toString() times by their offset, whatever zone name follows', async () => {
    const payload = await local(v1);
    payload.activeIncidents[0].started = 'Sun Nov 22 2026 04:55:50 GMT-0500 (Eastern Standard Time)';
    payload.activeIncidents[1].started = 'Sun, Nov 22 2026 11:20:00 GMT+0100';
    const snap = parseStatus(payload, now);
    expect(byId(snap, 'cl4a8n3070721qtmzvts760c4').startedAt).to.equal('2026-11-22T09:55:50.000Z');
    expect(byId(snap, 'cl4a9q1x20822qtmz1b2c3d4e').startedAt).to.equal('2026-11-22T10:20:00.000Z');
    // Not a date at all, or an impossible one: no time rather than a wrong one.
    payload.activeIncidents[0].started = 'Sun Foo 22 2026 04:55:50 GMT-0500';
    payload.activeIncidents[1].started = 'Sun Feb 30 2026 11:20:00 GMT+0100';
    const broken = parseStatus(payload, now);
    expect(byId(broken, 'cl4a8n3070721qtmzvts760c4')).not.to.have.property('startedAt');
    expect(byId(broken, 'cl4a9q1x20822qtmz1b2c3d4e')).not.to.have.property('startedAt');
  });

  it('ends maintenance at start + duration, a string of minutes (or a number); nonsense gives no end', async () => {
    const payload = await local(v1);
    const [running] = payload.activeMaintenances;
    const end = (duration: unknown) => {
      running.duration = duration;
      return byId(parseStatus(payload, now), 'cl4a8nlv50918qtmzdlw60ivu').scheduledEnd;
    };
    expect(end('120')).to.equal('2026-11-22T12:00:00.000Z');
    expect(end(45)).to.equal('2026-11-22T10:45:00.000Z');
    expect(end('sixty')).to.equal(undefined);
    expect(end('-5')).to.equal(undefined);
    expect(end('600000')).to.equal(undefined);
  });

  it('follows the lists, not page.status (which can say UP during an incident); page.status can only raise', async () => {
    const payload = await local('instatus-v3-summary-incident-and-maintenance-from-docs.json');
    expect(payload.page.status).to.equal('UP');
    expect(parseStatus(payload, now).indicator).to.equal('major');
    const quiet = { page: { name: 'Acme', url: 'https://status.acme.example', status: 'SOMEMAJOROUTAGE' } };
    expect(parseStatus(quiet, now).indicator).to.equal('major');
    expect(parseStatus({ page: { ...quiet.page, status: 'ONEUNDERMAINTENANCE' } }, now).indicator).to.equal('maintenance');
    expect(parseStatus({ page: { ...quiet.page, status: 'SOMETHINGNEW' } }, now).indicator).to.equal('none');
  });

  it('maps every impact and status, and a new one to a safe default', async () => {
    const payload = await local(v1);
    const severity = (impact: unknown) => {
      payload.activeIncidents[0].impact = impact;
      return byId(parseStatus(payload, now), 'cl4a8n3070721qtmzvts760c4').severity;
    };
    expect(['MAJOROUTAGE', 'PARTIALOUTAGE', 'MINOROUTAGE', 'DEGRADEDPERFORMANCE', 'OPERATIONAL', 'NEWKIND', 7, 'constructor'].map(severity)).to.deep.equal(
      ['critical', 'major', 'minor', 'minor', 'none', 'minor', 'minor', 'minor'],
    );
    payload.activeIncidents[0].status = 'ESCALATED';
    expect(byId(parseStatus(payload, now), 'cl4a8n3070721qtmzvts760c4').phase).to.equal('unknown');
    payload.activeIncidents[0].status = 'RESOLVED';
    payload.activeMaintenances[0].status = 'COMPLETED';
    expect(ids(parseStatus(payload, now))).to.deep.equal(['cl4a9q1x20822qtmz1b2c3d4e', 'cl4b0aa1k0001qtmzq9r8s7t6']);
  });

  it('v3 leaves empty lists out: a bare page is all clear', () => {
    const snap = parseStatus({ page: { name: 'Acme', url: 'https://status.acme.example', status: 'UP' } }, now);
    expect(snap).to.deep.equal({ provider: 'instatus', page: { name: 'Acme', url: 'https://status.acme.example/' }, indicator: 'none', notices: [], components: [] });
  });

  it('endpoints: summary.json, then v3', () => {
    expect(hrefs(instatus.endpoints(new URL('https://status.acme.example/?x=1')))).to.deep.equal([
      'https://status.acme.example/summary.json',
      'https://status.acme.example/v3/summary.json',
    ]);
    expect(instatus.endpoints(new URL('https://status.acme.example/v3/summary.json'))).to.deep.equal([]);
  });
});

describe('incident.io Widget API', () => {
  const file = 'incidentio-widget-summary-incident-and-maintenance-from-docs.json';

  it('full_outage is critical for the incident and a major outage for the component', async () => {
    const snap = parseStatus(await local(file), now);
    expect(byId(snap, '01JD20A8T3Y6N1C4F7J0M2P5RS').severity).to.equal('critical');
    expect(snap.components.find((c) => c.name === 'Login')?.status).to.equal('major_outage');
    expect(snap.indicator).to.equal('critical');
  });

  it('maps impacts, and one added later to minor; a null message gives none', async () => {
    const payload = await local(file);
    const severity = (impact: unknown) => {
      payload.ongoing_incidents[0].current_worst_impact = impact;
      return byId(parseStatus(payload, now), '01JD1ZQ3C9H0A7M5W2R8X6T4KB').severity;
    };
    expect(['degraded_performance', 'partial_outage', 'full_outage', 'total_meltdown', null].map(severity)).to.deep.equal([
      'minor',
      'major',
      'critical',
      'minor',
      'minor',
    ]);
    expect(byId(parseStatus(payload, now), '01JD0M3R6T9V2X5Z8B1D4F7H0K')).not.to.have.property('message');
  });

  it('scheduled maintenance waits for the lead window: next week is not a notice yet', async () => {
    const snap = parseStatus(await local(file), now);
    expect(ids(snap)).not.to.include('01JD0P9S2U5W8Y1A4C7E0G3J6L');
    expect(ids(parseStatus(await local(file), { ...now, maintenanceLead: 8 * 86_400 }))).to.include('01JD0P9S2U5W8Y1A4C7E0G3J6L');
  });

  it('named incidentio, a Statuspage-compatible payload is read by what it is, and says statuspage', async () => {
    const compat = await local('incidentio-statuspage-compat-summary-outage-from-docs.json');
    const snap = parseStatus(compat, { provider: 'incidentio', now: new Date('2025-06-10T14:40:00Z') });
    expect(snap.provider).to.equal('statuspage');
    expect(snap).to.deep.equal(parseStatus(compat, { now: new Date('2025-06-10T14:40:00Z') }));
  });

  it('the compatible summary sends null for an empty list: all clear', async () => {
    const compat = await local('incidentio-statuspage-compat-summary-operational-from-docs.json');
    const snap = parseStatus({ ...compat, incidents: null, scheduled_maintenances: null }, { now: new Date('2025-06-09T08:00:00Z') });
    expect(snap.notices).to.deep.equal([]);
    expect(snap.indicator).to.equal('none');
  });

  it('the widget\'s one update is the latest word: last_update_message at last_update_at, Markdown flattened', async () => {
    const payload = await local(file);
    payload.ongoing_incidents[0].last_update_message = 'We **found** it.\n\n\n\nSee [the post](https://x.example "t") &amp; wait&nbsp;please.';
    expect(byId(parseStatus(payload, now), '01JD1ZQ3C9H0A7M5W2R8X6T4KB').message).to.equal('We found it.\n\nSee the post & wait please.');
  });

  it('endpoints: the Widget API, then the compatible summary, below a subpage too', () => {
    expect(hrefs(incidentio.endpoints(new URL('https://status.openai.com')))).to.deep.equal([
      'https://status.openai.com/api/v1/summary',
      'https://status.openai.com/api/v2/summary.json',
    ]);
    expect(hrefs(incidentio.endpoints(new URL('https://status.neon.tech/aws-us-east-1/')))).to.deep.equal([
      'https://status.neon.tech/aws-us-east-1/api/v1/summary',
      'https://status.neon.tech/aws-us-east-1/api/v2/summary.json',
    ]);
    expect(incidentio.endpoints(new URL('https://status.neon.tech/aws-us-east-1/api/v1/summary'))).to.deep.equal([]);
  });
});

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

describe('cachet', () => {
  const v2 = 'cachet-2x-incidents-schedules-components-from-docs.json';
  const v3 = 'cachet-3x-incidents-schedules-components-from-docs.json';
  const v24 = 'cachet-24-incidents-with-updates-schedules-components-from-docs.json';
  const v3u = 'cachet-3x-incidents-with-included-updates-from-docs.json';

  it("reads naive times in the page's zone: UTC by default, `timeZone` when the page is set to another", async () => {
    const payload = await local(v2);
    expect(byId(parseStatus(payload, now), '12').startedAt).to.equal('2026-11-22T09:55:00.000Z');
    const berlin = parseStatus(payload, { ...now, timeZone: 'Europe/Berlin' });
    expect(byId(berlin, '12')).to.include({ startedAt: '2026-11-22T08:55:00.000Z', updatedAt: '2026-11-22T09:40:11.000Z' });
    // Summer time, the other side of a DST change.
    payload.data[0].occurred_at = '2026-07-01 12:00:00';
    expect(byId(parseStatus(payload, { ...now, timeZone: 'Europe/Berlin' }), '12').startedAt).to.equal('2026-07-01T10:00:00.000Z');
    // A zone the runtime does not know reads as UTC rather than failing.
    expect(byId(parseStatus(payload, { ...now, timeZone: 'Mars/Olympus_Mons' }), '12').startedAt).to.equal('2026-07-01T12:00:00.000Z');
  });

  it('2.x: status as a number or a string; hidden incidents and disabled components left out; "tags": {"": ""} is harmless', async () => {
    const snap = parseStatus(await local(v2), now);
    expect(ids(snap)).to.deep.equal(['12', '11', 'schedule-3', 'schedule-4']);
    expect(snap.components.map((c) => c.id)).to.deep.equal(['group:1', '1', '2', '3']);
    expect(snap.components.find((c) => c.id === '2')?.status).to.equal('operational');
  });

  it('the incident is as bad as its component: partial outage major, major outage critical, none known minor', async () => {
    const payload = await local(v2);
    const severity = (status: unknown) => {
      payload.components.data[0].status = status;
      return byId(parseStatus(payload, now), '12').severity;
    };
    expect([2, 3, 4, 1, 9].map(severity)).to.deep.equal(['minor', 'major', 'critical', 'minor', 'minor']);
  });

  it('status 0: scheduled maintenance in 2.x (before schedules), an unknown incident in 3.x', async () => {
    const payload = await local(v2);
    payload.data[0] = { ...payload.data[0], status: 0, scheduled_at: '2026-11-22 20:00:00' };
    expect(byId(parseStatus(payload, now), '12')).to.include({ kind: 'maintenance', phase: 'scheduled', scheduledStart: '2026-11-22T20:00:00.000Z' });
    const three = parseStatus(await local(v3), now);
    expect(byId(three, '30')).to.include({ kind: 'incident', phase: 'unknown', severity: 'minor' });
  });

  it('any one list alone: incidents, schedules, or components', async () => {
    const payload = await local(v3);
    expect(ids(parseStatus({ data: payload.data }, now))).to.deep.equal(['31', '30']);
    expect(ids(parseStatus(payload.schedules, now))).to.deep.equal(['schedule-5', 'schedule-6']);
    const components = parseStatus(payload.components, now);
    expect(components.notices).to.deep.equal([]);
    expect(components.indicator).to.equal('major');
  });

  it('2.4: the message is the latest update, not the incident\'s first words, and the phase its latest status', async () => {
    // Posting an update changes the incident's status but never its message.
    const snap = parseStatus(await local(v24), now);
    expect(byId(snap, '41')).to.include({
      phase: 'identified',
      message: 'A faulty deploy is the cause; we are rolling it back.\n\nWebhooks may be delayed.',
      updatedAt: '2026-11-22T10:41:07.000Z',
      revision: '54:major',
    });
    // Without updates, the incident's own words are all there is.
    expect(byId(snap, '39').message).to.equal('The website is slow for some visitors.');
  });

  it('2.4: a fixed incident is over though its own status still says investigating (seeded or imported data)', async () => {
    const payload = await local(v24);
    expect(payload.data[1]).to.include({ id: 40, status: 1, is_resolved: true, latest_status: 4 });
    expect(ids(parseStatus(payload, now))).not.to.include('40');
    // Each of the three says so alone: is_resolved, latest_status, the latest update.
    const only = (change: (incident: Json) => void) => {
      const copy = structuredClone(payload);
      const incident = copy.data[1];
      Object.assign(incident, { is_resolved: false, latest_status: 1, updates: [] });
      change(incident);
      return ids(parseStatus(copy, now));
    };
    expect(only(() => undefined)).to.include('40');
    expect(only((incident) => (incident.is_resolved = true))).not.to.include('40');
    expect(only((incident) => (incident.latest_status = 4))).not.to.include('40');
    expect(only((incident) => (incident.updates = payload.data[1].updates))).not.to.include('40');
  });

  it('2.4: a schedule without an end, whose completed_at the API presents as the time of the answer, is announced', async () => {
    const payload = await local(v24);
    expect(payload.schedules.data[0]).to.include({ status: 0, scheduled_at: '2026-11-23 02:00:00', completed_at: '2026-11-22 10:45:00' });
    const snap = parseStatus(payload, now);
    expect(byId(snap, 'schedule-9')).to.include({ phase: 'scheduled', scheduledStart: '2026-11-23T02:00:00.000Z' });
    expect(byId(snap, 'schedule-9')).not.to.have.property('scheduledEnd');
    // Under way, it has no end either (the answer's time is no end), and it shows.
    expect(byId(snap, 'schedule-8')).to.include({ phase: 'in_progress' }).and.not.have.property('scheduledEnd');
    // A minute or two later (the client's clock, a cache) it is still the time of the answer.
    expect(ids(parseStatus(payload, { now: new Date('2026-11-22T10:52:00Z') }))).to.include.members(['schedule-8', 'schedule-9']);
    // In the page's zone: Berlin's 11:45 is the same instant.
    payload.schedules.data[0].completed_at = '2026-11-22 11:45:00';
    payload.schedules.data[0].scheduled_at = '2026-11-23 03:00:00';
    const berlin = parseStatus(payload, { ...now, timeZone: 'Europe/Berlin' });
    expect(byId(berlin, 'schedule-9')).not.to.have.property('scheduledEnd');
  });

  it('2.4: a real end is kept: after the start and not the time of the answer; a past one ends the schedule', async () => {
    const payload = await local(v24);
    payload.schedules.data[0].completed_at = '2026-11-23 03:30:00';
    expect(byId(parseStatus(payload, now), 'schedule-9').scheduledEnd).to.equal('2026-11-23T03:30:00.000Z');
    // Set while the schedule still says in progress, and long past: Cachet's own page shows it no more.
    payload.schedules.data[1].completed_at = '2026-11-22 10:20:00';
    expect(ids(parseStatus(payload, now))).not.to.include('schedule-8');
  });

  it('3.x: the latest of the updates it includes is the message', async () => {
    const snap = parseStatus(await local(v3u), now);
    expect(ids(snap)).to.deep.equal(['33']);
    expect(byId(snap, '33')).to.include({
      phase: 'identified',
      message: 'A card processor is failing; we are switching to a backup.',
      revision: '72:major',
    });
  });

  it('endpoints and companions, 2.x newest first, 3.x with the updates and components it lists only when asked', () => {
    expect(hrefs(cachet.endpoints(new URL('https://status.acme.example/')))).to.deep.equal([
      'https://status.acme.example/api/v1/incidents?sort=id&order=desc&per_page=50',
      'https://status.acme.example/api/incidents?include=components,updates',
    ]);
    expect(cachet.endpoints(new URL('https://status.acme.example/api/v1/components'))).to.deep.equal([]);
    const two = cachet.companions!(new URL('https://status.acme.example/api/v1/incidents?sort=id'));
    expect(Object.values(two).map((u) => u.href)).to.deep.equal([
      'https://status.acme.example/api/v1/schedules?sort=id&order=desc&per_page=50',
      'https://status.acme.example/api/v1/components?per_page=200',
    ]);
    const three = cachet.companions!(new URL('https://status.acme.example/api/incidents?include=components,updates'));
    expect(Object.values(three).map((u) => u.href)).to.deep.equal([
      'https://status.acme.example/api/schedules?include=components,updates',
      'https://status.acme.example/api/components',
    ]);
  });
});

describe('slack', () => {
  it('escaped slashes in the raw text come out as plain URLs and service names', async () => {
    const text = JSON.stringify(await real('other/slack-status-v2-current-2-active-incidents-2020-07-30.json')).replace(/\//g, '\\/');
    expect(text).to.include('https:\\/\\/status.slack.com');
    const snap = parseStatus(text, { now: new Date('2020-07-30T23:00:00Z') });
    expect(byId(snap, '878').url).to.equal('https://status.slack.com/2020-07/ea58a170d343b2ad');
    expect(byId(snap, '879').componentIds).to.deep.equal(['Apps/Integrations/APIs']);
  });

  it('text still escaped after JSON.parse (a relay that encoded twice) is undone too', async () => {
    const payload = await real('other/slack-status-v2-current-2-active-incidents-2020-07-30.json');
    payload.active_incidents[1].url = 'https:\\/\\/status.slack.com\\/2020-07\\/7d32ad54b0703c47';
    payload.active_incidents[1].services = ['Apps\\/Integrations\\/APIs'];
    const snap = parseStatus(payload, { now: new Date('2020-07-30T23:00:00Z') });
    expect(byId(snap, '879').url).to.equal('https://status.slack.com/2020-07/7d32ad54b0703c47');
    expect(byId(snap, '879').componentIds).to.deep.equal(['Apps/Integrations/APIs']);
  });

  it('maps types, -07:00 times to UTC, and a type Slack adds later to minor', async () => {
    const payload = await real('other/slack-status-v2-current-2-active-incidents-2020-07-30.json');
    const severity = (type: unknown) => {
      payload.active_incidents[0].type = type;
      return byId(parseStatus(payload, { now: new Date('2020-07-30T23:00:00Z') }), '878').severity;
    };
    expect(['outage', 'incident', 'notice', 'meteor'].map(severity)).to.deep.equal(['major', 'minor', 'none', 'minor']);
    expect(byId(parseStatus(payload, { now: new Date('2020-07-30T23:00:00Z') }), '878').updatedAt).to.equal('2020-07-30T22:12:34.000Z');
  });

  it('real notes are HTML: the latest note is plain text, paragraphs kept, <p>, <br> and &nbsp; gone', async () => {
    const history = await real('slack/slack-status-v2-history-1-active-html-notes-4-resolved-2026-08-18.json');
    const at = { now: new Date('2026-08-18T12:00:00Z') };
    const snap = parseStatus({ active_incidents: history }, at);
    expect(ids(snap)).to.deep.equal(['1576']);
    expect(byId(snap, '1576')).to.include({
      message:
        "We're continuing our restoration efforts regarding this issue affecting a subset of channels with custom message retention settings. While we work to resolve this issue, data retention processing remains paused for affected customers.\n\nWe will provide another update as additional information becomes available.",
      updatedAt: '2026-08-17T21:57:51.000Z',
    });
    // The four resolved incidents are over, and affect no service.
    expect(snap.components.map((c) => c.id)).to.deep.equal(['Messaging', 'Workspace/Org Administration']);
    // Reopened, a resolved one's last note reads as text too: a <br> is a line break.
    history[1].status = 'active';
    expect(byId(parseStatus({ active_incidents: history }, at), '1575').message).to.equal(
      "We've completed the rollback of the recent change that was the trigger of the issue. The Search bar and Admin dashboard is restored for all users.\nWe apologize for the inconvenience caused to you and your business.",
    );
  });

  it('endpoints', () => {
    expect(hrefs(slack.endpoints(new URL('https://slack-status.com')))).to.deep.equal(['https://slack-status.com/api/v2.0.0/current']);
    expect(slack.endpoints(new URL('https://status.slack.com/api/v2.0.0/current'))).to.deep.equal([]);
  });
});

describe('status.io', () => {
  it('600 "Security Issue" is critical, for the page and the incident; its components are not "operational"', async () => {
    const snap = parseStatus(await real('statusio/gitlab-status-security-issue-600-2020-02-09.json'), { now: new Date('2020-02-09T19:00:00Z') });
    expect(snap.indicator).to.equal('critical');
    expect(snap.notices[0]!.severity).to.equal('critical');
    expect(snap.components.find((c) => c.name === 'Website')?.status).to.equal('unknown');
  });

  it('maps every code, and one status.io adds later to a safe default', async () => {
    const payload = await real('statusio/docker-status-partial-disruption-1-incident-2020-07-16.json');
    const at = { now: new Date('2020-07-16T17:30:00Z') };
    const read = (code: unknown) => {
      payload.result.status_overall.status_code = code;
      payload.result.incidents[0].messages[0].status = code;
      const snap = parseStatus(payload, at);
      return [snap.indicator, snap.notices[0]!.severity];
    };
    expect([100, 200, 300, 400, 500, 600, 700, '400', null].map(read)).to.deep.equal([
      ['none', 'none'],
      ['maintenance', 'minor'],
      ['minor', 'minor'],
      ['major', 'major'],
      ['critical', 'critical'],
      ['critical', 'critical'],
      // Unknown: the indicator is derived from what is open, the incident stays an incident.
      ['minor', 'minor'],
      ['major', 'major'],
      ['minor', 'minor'],
    ]);
  });

  it('the phase and message are those of the latest message by time, whatever the list order', async () => {
    const payload = await real('statusio/gitlab-status-active-maintenance-2020-09-05.json');
    payload.result.incidents[0].messages.reverse();
    payload.result.incidents[0].messages[0].state = 300;
    const notice = byId(parseStatus(payload, { now: new Date('2020-09-05T10:00:00Z') }), '5f52b8074ef75804bc7d2c3e');
    expect(notice.phase).to.equal('monitoring');
    expect(notice.message).to.match(/^We've determined/);
  });

  it('endpoints: a status.io page URL names its id; elsewhere the same path below a relay', () => {
    expect(hrefs(statusio.endpoints(new URL('https://status.io/pages/5b36dc6502d06804c0834a06')))).to.deep.equal([
      'https://api.status.io/1.0/status/5b36dc6502d06804c0834a06',
    ]);
    expect(hrefs(statusio.endpoints(new URL('https://status.io/pages/history/5b36dc6502d06804c0834a06')))).to.deep.equal([
      'https://api.status.io/1.0/status/5b36dc6502d06804c0834a06',
    ]);
    expect(hrefs(statusio.endpoints(new URL('https://relay.example/gitlab/pages/5b36dc6502d06804c0834a06')))).to.deep.equal([
      'https://relay.example/gitlab/1.0/status/5b36dc6502d06804c0834a06',
    ]);
    expect(statusio.endpoints(new URL('https://status.gitlab.com/'))).to.deep.equal([]);
    expect(statusio.endpoints(new URL('https://api.status.io/1.0/status/5b36dc6502d06804c0834a06'))).to.deep.equal([]);
  });
});

describe('openstatus', () => {
  it('one word, one notice; a word OpenStatus adds later, named, gives no notice; unnamed, it is not recognised', () => {
    expect(parseStatus({ status: 'major_outage' }, now).notices[0]).to.include({ id: 'status', severity: 'critical', title: 'Major outage' });
    expect(parseStatus({ status: 'partial_outage' }, now).indicator).to.equal('major');
    expect(parseStatus({ status: 'solar_flare' }, { ...now, provider: 'openstatus' })).to.deep.equal({
      provider: 'openstatus',
      page: {},
      indicator: 'none',
      notices: [],
      components: [],
    });
    expect(() => parseStatus({ status: 'solar_flare' }, now)).to.throw(StatusFormatError);
    expect(() => parseStatus({ status: 7 }, { ...now, provider: 'openstatus' })).to.throw(StatusFormatError);
  });

  it('endpoints: a hosted page names its slug in the host; a relay keeps its own', () => {
    expect(hrefs(openstatus.endpoints(new URL('https://acme.openstatus.dev/')))).to.deep.equal(['https://api.openstatus.dev/public/status/acme']);
    expect(hrefs(openstatus.endpoints(new URL('https://relay.example/x/status/acme')))).to.deep.equal(['https://relay.example/x/public/status/acme']);
    expect(openstatus.endpoints(new URL('https://api.openstatus.dev/public/status/acme'))).to.deep.equal([]);
    expect(openstatus.endpoints(new URL('https://www.openstatus.dev/'))).to.deep.equal([]);
  });
});

describe('better stack', () => {
  const file = 'betterstack-index-incident-and-maintenance-from-docs.json';

  it('a report ended is over; a maintenance window is judged on the clock', async () => {
    const payload = await local(file);
    expect(ids(parseStatus(payload, now))).not.to.include('4999');
    const later = parseStatus(payload, { now: new Date('2026-11-22T12:30:00Z') });
    expect(ids(later)).not.to.include('5002');
    const early = parseStatus(payload, { now: new Date('2026-11-22T09:58:00Z') });
    expect(byId(early, '5002').phase).to.equal('scheduled');
  });

  it('the announcement is a notice of its own, back when its words change; an unknown aggregate state is derived', async () => {
    const payload = await local(file);
    const before = byId(parseStatus(payload, now), 'announcement').revision;
    payload.data.attributes.announcement = 'Support hours change on 2 December.';
    expect(byId(parseStatus(payload, now), 'announcement').revision).not.to.equal(before);
    payload.data.attributes.aggregate_state = 'meltdown';
    expect(parseStatus(payload, now).indicator).to.equal('minor');
  });

  it('a report Better Stack resolved keeps ends_at null: it is over, and an all-operational page shows nothing', async () => {
    const payload = await local('betterstack-index-resolved-report-with-null-ends-at-from-docs.json');
    const report = payload.included.find((entry: Json) => entry.id === '6001');
    expect(report.attributes).to.include({ ends_at: null, aggregate_state: 'resolved' });
    const snap = parseStatus(payload, now);
    expect(snap.notices).to.deep.equal([]);
    expect(snap.indicator).to.equal('none');
    // Its last update says so too (every resource resolved): that alone ends it, should the state lag.
    report.attributes.aggregate_state = 'degraded';
    expect(parseStatus(payload, now).notices).to.deep.equal([]);
    // Without that update it is open, and its latest word is the one before.
    payload.included = payload.included.filter((entry: Json) => entry.id !== '8003');
    expect(byId(parseStatus(payload, now), '6001')).to.include({
      severity: 'minor',
      message: 'Processing of new data in the Europe region is starting to recover.',
      updatedAt: '2026-11-22T09:40:00.000Z',
    });
  });

  it('endpoints', () => {
    expect(hrefs(betterstack.endpoints(new URL('https://status.acme.example')))).to.deep.equal(['https://status.acme.example/index.json']);
    expect(betterstack.endpoints(new URL('https://status.acme.example/index.json'))).to.deep.equal([]);
  });
});

describe('sorry', () => {
  it('past notices are over whatever their state says; a false alarm is resolved; the /notices list reads too', async () => {
    const payload = await local('sorry-page-incident-and-maintenance-from-docs.json');
    const notices = payload.response.notices;
    expect(ids(parseStatus(payload, now))).to.deep.equal(['198801', '198802', '198803']);
    notices[0].state = 'false_alarm';
    notices[1].timeline_state = 'past_recent';
    expect(ids(parseStatus(payload, now))).to.deep.equal(['198803']);
    expect(ids(parseStatus({ response: notices.slice(2), count: 1 }, now))).to.deep.equal(['198803']);
  });

  it('a notice with an ended_at in the past is over, whatever its state says', async () => {
    const payload = await local('sorry-page-incident-and-maintenance-from-docs.json');
    payload.response.notices[0].ended_at = '2026-11-22T10:44:00.000Z';
    expect(ids(parseStatus(payload, now))).to.deep.equal(['198802', '198803']);
  });

  it('endpoints: the page resource asks for its components and notices', () => {
    expect(hrefs(sorry.endpoints(new URL('https://api.sorryapp.com/v1/pages/946f5b28')))).to.deep.equal([
      'https://api.sorryapp.com/v1/pages/946f5b28?include=components,notices',
    ]);
    expect(sorry.endpoints(new URL('https://api.sorryapp.com/v1/pages/946f5b28?include=notices'))).to.deep.equal([]);
    expect(sorry.endpoints(new URL('https://status.hirefire.io/'))).to.deep.equal([]);
  });
});

describe('heroku', () => {
  it('colours: red is major, yellow minor, blue maintenance; resolved incidents are over', async () => {
    const payload = await real('other/heroku-status-current-open-incident-2019-10-24.json');
    const at = { now: new Date('2019-10-24T19:00:00Z') };
    payload.incidents[0].updates[0].status_prod = 'red';
    payload.status[0].status = 'red';
    const red = parseStatus(payload, at);
    expect(red.notices[0]!.severity).to.equal('major');
    expect(red.components[0]!.status).to.equal('major_outage');
    payload.incidents[0].resolved = true;
    expect(parseStatus(payload, at).notices).to.deep.equal([]);
  });

  it('an incident whose state says resolved is over, though Heroku leaves resolved: false', async () => {
    const payload = await real('other/heroku-status-current-open-incident-2019-10-24.json');
    const at = { now: new Date('2019-10-24T19:00:00Z') };
    expect(payload.incidents[0]).to.include({ state: 'open', resolved: false });
    payload.incidents[0].state = 'resolved';
    expect(parseStatus(payload, at).notices).to.deep.equal([]);
    // So does a latest update of type resolved, whatever the flags say.
    payload.incidents[0].state = 'open';
    payload.incidents[0].updates.unshift({ ...payload.incidents[0].updates[0], id: 6092, update_type: 'resolved', created_at: '2019-10-24T18:58:00.000Z', contents: 'This incident has been resolved.' });
    expect(parseStatus(payload, at).notices).to.deep.equal([]);
  });

  it('endpoints', () => {
    expect(hrefs(heroku.endpoints(new URL('https://status.heroku.com/')))).to.deep.equal(['https://status.heroku.com/api/v4/current-status']);
    expect(heroku.endpoints(new URL('https://status.heroku.com/api/v4/current-status'))).to.deep.equal([]);
  });
});

describe('component targeting, per provider', () => {
  const pick = (snapshot: StatusSnapshot, ...selectors: string[]) => filterNotices(snapshot, selectors).map((n) => n.id);

  it('statuspage: a group (Twilio) selects its children, by name or id', async () => {
    const snap = parseStatus(await real('statuspage/twilio-summary-large-73-components-2-incidents-9-maintenances-2020-06-16.json'), {
      now: new Date('2020-06-16T12:00:00Z'),
      maintenanceLead: 30 * 86_400,
    });
    const group = snap.components.find((c) => c.childIds?.length)!;
    expect(pick(snap, group.name)).to.deep.equal(pick(snap, group.id));
    expect(pick(snap, group.name)).to.deep.equal(pick(snap, ...group.childIds!));
  });

  it('incident.io: a group_name selects its components', async () => {
    const snap = parseStatus(await local('incidentio-widget-summary-incident-and-maintenance-from-docs.json'), now);
    expect(pick(snap, 'core platform')).to.deep.equal(['01JD1ZQ3C9H0A7M5W2R8X6T4KB', '01JD0M3R6T9V2X5Z8B1D4F7H0K']);
    expect(pick(snap, 'Login')).to.deep.equal(['01JD20A8T3Y6N1C4F7J0M2P5RS', '01JD0M3R6T9V2X5Z8B1D4F7H0K']);
  });

  it('instatus v3: a component group selects its components', async () => {
    const payload = await local('instatus-v3-summary-incident-and-maintenance-from-docs.json');
    payload.activeIncidents[0].components = [{ id: 'cm3xa0001' }];
    payload.activeMaintenances[0].components = [{ id: 'cm3xa0002' }];
    payload.activeMaintenances[1].components = [{ id: 'cm3xa0003' }];
    const snap = parseStatus(payload, now);
    expect(pick(snap, 'Store')).to.deep.equal(['cm3xk1y2z0001ab12cd34ef56', 'cm3xk9a8b0002ab12cd34ef56']);
    expect(pick(snap, 'API')).to.deep.equal(['cm3xkc3d40003ab12cd34ef56']);
  });

  it('better stack: a section selects its resources; the announcement names none and always shows', async () => {
    const snap = parseStatus(await local('betterstack-index-incident-and-maintenance-from-docs.json'), now);
    expect(pick(snap, 'Core')).to.deep.equal(['5001', '5002', '5003', 'announcement']);
    expect(pick(snap, 'Webhooks')).to.deep.equal(['5003', 'announcement']);
  });

  it('cachet: a 3.x group by name, a 2.x group by its id (2.x lists no group names)', async () => {
    const three = parseStatus(await local('cachet-3x-incidents-schedules-components-from-docs.json'), now);
    expect(pick(three, 'Shop')).to.deep.equal(['31', '30', 'schedule-5', 'schedule-6']);
    expect(pick(three, 'Blog')).to.deep.equal(['30', 'schedule-6']);
    const two = parseStatus(await local('cachet-2x-incidents-schedules-components-from-docs.json'), now);
    expect(pick(two, 'group:1')).to.deep.equal(['12', 'schedule-3']);
    expect(pick(two, 'mail')).to.deep.equal(['11', 'schedule-4']);
  });

  it('uptime kuma: a monitor group selects its monitors, and with them the roll-up of the ones that are down', async () => {
    const snap = parseStatus(await local('uptimekuma-2x-status-page-with-heartbeat-incidents-and-maintenance-from-docs.json'), now);
    expect(pick(snap, 'Services')).to.include('monitors');
    expect(pick(snap, 'Storage')).not.to.include('monitors');
  });

  it('sorry: a parent component selects its children', async () => {
    const snap = parseStatus(await local('sorry-page-incident-and-maintenance-from-docs.json'), now);
    expect(pick(snap, 'Web app')).to.deep.equal(['198801', '198803']);
    expect(pick(snap, 'Login')).to.deep.equal(['198803']);
  });

  it('slack: services by name; status.io: components by id', async () => {
    const snap = parseStatus(await local('slack-current-notice-and-outage-from-docs.json'), now);
    expect(pick(snap, 'messaging')).to.deep.equal(['1600']);
    const io = parseStatus(await real('statusio/gitlab-status-security-issue-600-2020-02-09.json'), { now: new Date('2020-02-09T19:00:00Z') });
    expect(pick(io, 'Registry')).to.have.length(1);
    expect(pick(io, 'Pages')).to.deep.equal([]);
  });
});

describe('statuspage detection beside its neighbours', () => {
  it('an Instatus page (a status string in `page`) is not Statuspage, whatever lists it has', () => {
    expect(statuspage.detect({ page: { name: 'x', status: 'UP' }, incidents: [] })).to.equal(false);
    expect(statuspage.detect({ page: {}, activeIncidents: [], status: {} })).to.equal(false);
    expect(statuspage.detect({ page: {}, status: {} })).to.equal(true);
  });
});
