// incident.io: its quirks, its endpoints, component targeting, and every fixture of it read in full against
// the expected reading beside the fixture.

import { expect } from '@open-wc/testing';
import { filterNotices, type StatusSnapshot } from '@status-banner/core';
import { parseStatus } from '@status-banner/core/providers';
import { incidentio } from '../../src/sources/index.js';
import { local, now, ids, byId, hrefs, describeFixtures } from './read.js';

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

describe('component targeting, per provider', () => {
  const pick = (snapshot: StatusSnapshot, ...selectors: string[]) => filterNotices(snapshot, selectors).map((n) => n.id);

  it('incident.io: a group_name selects its components', async () => {
    const snap = parseStatus(await local('incidentio-widget-summary-incident-and-maintenance-from-docs.json'), now);
    expect(pick(snap, 'core platform')).to.deep.equal(['01JD1ZQ3C9H0A7M5W2R8X6T4KB', '01JD0M3R6T9V2X5Z8B1D4F7H0K']);
    expect(pick(snap, 'Login')).to.deep.equal(['01JD20A8T3Y6N1C4F7J0M2P5RS', '01JD0M3R6T9V2X5Z8B1D4F7H0K']);
  });
});

describeFixtures('incidentio');
