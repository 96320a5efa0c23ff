// RELIABILITY.md POLL-11, in a page of its own: the host's Content Security Policy forbids connecting to the
// status origin. Every attempt would file a violation report to the host, so the client stops at the first.

import { expect } from '@open-wc/testing';
import { client, clients, keep, sleep, until } from '../../../test/helpers/clients.js';
import { trapPageErrors } from '../../../test/helpers/page-errors.js';
import { nativePayload } from '../../../test/helpers/payloads.js';
import { endpoint, requestLog } from '../../../test/helpers/status-server.js';

describe('Content Security Policy', () => {
  it('POLL-11: a connect-src that blocks the status origin stops the client for the session, with one warning', async () => {
    // Allowed: this origin (the test runner talks to its server over it). Blocked: 127.0.0.1, another origin.
    const meta = Object.assign(document.createElement('meta'), { httpEquiv: 'Content-Security-Policy', content: "connect-src 'self'" });
    document.head.append(meta);
    const trap = trapPageErrors();
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (event) => violations.push(event.blockedURI));
    try {
      const same = await endpoint({ body: nativePayload([{ id: 'a' }]) });
      const c = keep(client({ src: same.replace('//localhost:', '//127.0.0.1:'), random: () => 0 }));
      await until(c, (s) => s.status === 'error');
      await sleep(1500);
      // Blocked before it left the browser, and never tried again: one violation, no backoff loop.
      expect(await requestLog(same)).to.have.length(0);
      expect(violations).to.have.length(1);
      expect(warnings.filter((line) => line.includes('Content Security Policy'))).to.have.length(1);
    } finally {
      for (const c of clients.splice(0)) c.destroy();
      console.warn = warn;
      trap.stop();
    }
    expect(trap.errors).to.deep.equal([]);
  });
});
