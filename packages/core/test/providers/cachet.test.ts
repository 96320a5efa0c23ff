// Cachet: its quirks, its endpoints, component targeting, and every fixture of it read in full against
// the expected reading beside the fixture.

import { expect } from '@open-wc/testing';
import { filterNotices, type StatusSnapshot } from '@status-banner/core';
import { parseStatus } from '@status-banner/core/providers';
import { cachet } from '../../src/sources/index.js';
import { type Json, local, now, ids, byId, hrefs, describeFixtures } from './read.js';

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

describe('component targeting, per provider', () => {
  const pick = (snapshot: StatusSnapshot, ...selectors: string[]) => filterNotices(snapshot, selectors).map((n) => n.id);

  it('cachet: a 3.x group by name, a 2.x group by its id (2.x lists no group names)', async () => {
    const three = parseStatus(await local('cachet-3x-incidents-schedules-components-from-docs.json'), now);
    expect(pick(three, 'Shop')).to.deep.equal(['31', '30', 'schedule-5', 'schedule-6']);
    expect(pick(three, 'Blog')).to.deep.equal(['30', 'schedule-6']);
    const two = parseStatus(await local('cachet-2x-incidents-schedules-components-from-docs.json'), now);
    expect(pick(two, 'group:1')).to.deep.equal(['12', 'schedule-3']);
    expect(pick(two, 'mail')).to.deep.equal(['11', 'schedule-4']);
  });
});

describeFixtures('cachet');
