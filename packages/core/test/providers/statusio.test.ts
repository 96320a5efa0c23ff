// status.io: its quirks, its endpoints, component targeting, and every fixture of it read in full against
// the expected reading beside the fixture.

import { expect } from '@open-wc/testing';
import { parseStatus } from '@status-banner/core/providers';
import { statusio } from '../../src/sources/index.js';
import { real, byId, hrefs, describeFixtures } from './read.js';

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

describeFixtures('statusio');
