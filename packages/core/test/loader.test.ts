import { expect } from '@open-wc/testing';
import { StatusFormatError, parseStatus } from '@status-banner/core';
import { installLoader } from '@status-banner/core/shared';
import { client, keep, until } from '../../../test/helpers/clients.js';
import { endpoint, loadFixture } from '../../../test/helpers/status-server.js';

// The main entry knows Statuspage's and the native format at once; the rest come from the loader it installs
// (chunks a bundler splits off), the first time a client needs them. One page for this file: what one test
// loads, the next sees, so the order of the tests is the order of a page's life.
const SLACK = 'real/other/slack-status-v2-current-2-active-incidents-2020-07-30.json';
const HEROKU = 'real/other/heroku-status-current-open-incident-2019-10-24.json';

describe('the loader seam', () => {
  it('the main entry reads Statuspage and native payloads without loading anything', () => {
    expect(parseStatus({ page: {}, status: {} }).provider).to.equal('statuspage');
    expect(parseStatus({ indicator: 'none', notices: [] }).provider).to.equal('native');
  });

  it("the main entry's parseStatus does not know a provider no client has loaded yet", async () => {
    const payload = await loadFixture(SLACK);
    expect(() => parseStatus(payload)).to.throw(StatusFormatError).with.property('type', 'unknown-provider');
    expect(() => parseStatus(payload, { provider: 'slack' })).to.throw(StatusFormatError).with.property('type', 'unknown-provider');
    expect(() => parseStatus({ status: 'operational' })).to.throw(StatusFormatError).with.property('type', 'unknown-provider');
  });

  it('a client asks the installed loader for the providers, and reads the page', async () => {
    let asked = 0;
    const bundled = import('../src/sources/index.js');
    installLoader({ providers: () => (asked++, bundled.then((module) => module.builtInSources)) });
    const src = await endpoint({ fixture: SLACK });
    const state = await until(keep(client({ src })), (s) => s.status !== 'loading');
    expect(state.snapshot?.provider).to.equal('slack');
    expect(asked).to.equal(1);
    // Known from now on, to every client and to parseStatus.
    expect(parseStatus(await loadFixture(SLACK)).provider).to.equal('slack');
    await until(keep(client({ src: await endpoint({ fixture: HEROKU }) })), (s) => s.snapshot?.provider === 'heroku');
    expect(asked).to.equal(1);
  });

  it('without a stream reader, a client with a stream polls instead', async () => {
    installLoader({ stream: () => Promise.reject(new Error('blocked')) });
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args);
    try {
      const src = await endpoint({ body: { indicator: 'minor', notices: [{ id: 'a', title: 'Slow' }] } });
      const state = await until(keep(client({ src, stream: `${src}?stream` })), (s) => s.status === 'ready');
      expect(state.notices.map((notice) => notice.id)).to.deep.equal(['a']);
    } finally {
      console.warn = warn;
    }
    expect(warnings.join(' ')).to.contain('the stream reader did not load (blocked)');
  });

  it('importing the /providers subpath makes every provider known, to its parseStatus and the main entry', async () => {
    const payload = { status: 'operational' };
    // Imported here, not above: importing it is what makes them known.
    const { parseStatus: parseAny } = await import('@status-banner/core/providers');
    expect(parseAny(payload).provider).to.equal('openstatus');
    expect(parseStatus(payload).provider).to.equal('openstatus');
  });
});
