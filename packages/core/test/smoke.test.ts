import { expect } from '@open-wc/testing';
import { parseStatus } from '@status-banner/core';
import { loadFixture } from '../../../test/helpers/status-server.js';

describe('smoke', () => {
  it('reads a native payload', async () => {
    const snap = parseStatus({ indicator: 'minor', notices: [{ id: 'a', title: 'x', kind: 'incident', severity: 'minor', phase: 'investigating' }], components: [] });
    expect(snap.provider).to.equal('native');
    expect(snap.notices).to.have.length(1);
    expect(await loadFixture('real/statuspage/githubstatus-components-trimmed-2024-09-17.json')).to.be.an('object');
  });
});
