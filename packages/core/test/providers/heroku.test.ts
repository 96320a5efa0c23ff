// Heroku: its quirks, its endpoints, component targeting, and every fixture of it read in full against
// the expected reading beside the fixture.

import { expect } from '@open-wc/testing';
import { parseStatus } from '@status-banner/core/providers';
import { heroku } from '../../src/sources/index.js';
import { real, hrefs, describeFixtures } from './read.js';

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

describeFixtures('heroku');
