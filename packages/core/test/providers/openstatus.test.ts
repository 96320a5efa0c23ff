// OpenStatus: its quirks, its endpoints, component targeting, and every fixture of it read in full against
// the expected reading beside the fixture.

import { expect } from '@open-wc/testing';
import { StatusFormatError } from '@status-banner/core';
import { parseStatus } from '@status-banner/core/providers';
import { openstatus } from '../../src/sources/index.js';
import { now, hrefs, describeFixtures } from './read.js';

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

describeFixtures('openstatus');
