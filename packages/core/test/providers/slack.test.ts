// Slack: its quirks, its endpoints, component targeting, and every fixture of it read in full against
// the expected reading beside the fixture.

import { expect } from '@open-wc/testing';
import { filterNotices, type StatusSnapshot } from '@status-banner/core';
import { parseStatus } from '@status-banner/core/providers';
import { slack } from '../../src/sources/index.js';
import { local, real, now, ids, byId, hrefs, describeFixtures } from './read.js';

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

describe('component targeting, per provider', () => {
  const pick = (snapshot: StatusSnapshot, ...selectors: string[]) => filterNotices(snapshot, selectors).map((n) => n.id);

  it('slack: services by name; status.io: components by id', async () => {
    const snap = parseStatus(await local('slack-current-notice-and-outage-from-docs.json'), now);
    expect(pick(snap, 'messaging')).to.deep.equal(['1600']);
    const io = parseStatus(await real('statusio/gitlab-status-security-issue-600-2020-02-09.json'), { now: new Date('2020-02-09T19:00:00Z') });
    expect(pick(io, 'Registry')).to.have.length(1);
    expect(pick(io, 'Pages')).to.deep.equal([]);
  });
});

describeFixtures('slack');
