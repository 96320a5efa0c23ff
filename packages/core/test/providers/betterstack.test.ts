// Better Stack: its quirks, its endpoints, component targeting, and every fixture of it read in full against
// the expected reading beside the fixture.

import { expect } from '@open-wc/testing';
import { filterNotices, type StatusSnapshot } from '@status-banner/core';
import { parseStatus } from '@status-banner/core/providers';
import { betterstack } from '../../src/sources/index.js';
import { type Json, local, now, ids, byId, hrefs, describeFixtures } from './read.js';

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

describe('component targeting, per provider', () => {
  const pick = (snapshot: StatusSnapshot, ...selectors: string[]) => filterNotices(snapshot, selectors).map((n) => n.id);

  it('better stack: a section selects its resources; the announcement names none and always shows', async () => {
    const snap = parseStatus(await local('betterstack-index-incident-and-maintenance-from-docs.json'), now);
    expect(pick(snap, 'Core')).to.deep.equal(['5001', '5002', '5003', 'announcement']);
    expect(pick(snap, 'Webhooks')).to.deep.equal(['5003', 'announcement']);
  });
});

describeFixtures('betterstack');
