// Sorry: its quirks, its endpoints, component targeting, and every fixture of it read in full against
// the expected reading beside the fixture.

import { expect } from '@open-wc/testing';
import { filterNotices, type StatusSnapshot } from '@status-banner/core';
import { parseStatus } from '@status-banner/core/providers';
import { sorry } from '../../src/sources/index.js';
import { local, now, ids, hrefs, describeFixtures } from './read.js';

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

describe('component targeting, per provider', () => {
  const pick = (snapshot: StatusSnapshot, ...selectors: string[]) => filterNotices(snapshot, selectors).map((n) => n.id);

  it('sorry: a parent component selects its children', async () => {
    const snap = parseStatus(await local('sorry-page-incident-and-maintenance-from-docs.json'), now);
    expect(pick(snap, 'Web app')).to.deep.equal(['198801', '198803']);
    expect(pick(snap, 'Login')).to.deep.equal(['198803']);
  });
});

describeFixtures('sorry');
