// Instatus: its quirks, its endpoints, component targeting, and every fixture of it read in full against
// the expected reading beside the fixture.

import { expect } from '@open-wc/testing';
import { filterNotices, type StatusSnapshot } from '@status-banner/core';
import { parseStatus } from '@status-banner/core/providers';
import { instatus } from '../../src/sources/index.js';
import { local, now, ids, byId, hrefs, describeFixtures } from './read.js';

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

describe('component targeting, per provider', () => {
  const pick = (snapshot: StatusSnapshot, ...selectors: string[]) => filterNotices(snapshot, selectors).map((n) => n.id);

  it('instatus v3: a component group selects its components', async () => {
    const payload = await local('instatus-v3-summary-incident-and-maintenance-from-docs.json');
    payload.activeIncidents[0].components = [{ id: 'cm3xa0001' }];
    payload.activeMaintenances[0].components = [{ id: 'cm3xa0002' }];
    payload.activeMaintenances[1].components = [{ id: 'cm3xa0003' }];
    const snap = parseStatus(payload, now);
    expect(pick(snap, 'Store')).to.deep.equal(['cm3xk1y2z0001ab12cd34ef56', 'cm3xk9a8b0002ab12cd34ef56']);
    expect(pick(snap, 'API')).to.deep.equal(['cm3xkc3d40003ab12cd34ef56']);
  });
});

describeFixtures('instatus');
