// RELIABILITY.md POLL-11, in a page of its own: the host's Content Security Policy forbids connecting to the
// status origin. Every attempt would file a violation report to the host, so the client stops at the first.

import { expect } from '@open-wc/testing';
import { client, clients, keep, until } from '../../../test/helpers/clients.js';
import { settled, testClock, tick } from '../../../test/helpers/test-clock.js';
import { trapPageErrors } from '../../../test/helpers/page-errors.js';
import { nativePayload } from '../../../test/helpers/payloads.js';
import { defineProvider } from '@status-banner/core';
import { endpoint, requestLog, site } from '../../../test/helpers/status-server.js';
// Every provider loaded before the clock starts: a discovery that runs out of candidates loads them (a dynamic
// import the dev server compiles on first use, seconds under load), which is not what these tests time.
import '@status-banner/core/providers';

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
      // The real fetch, watched: a blocked request never reaches the server's log, and Chromium reports a
      // blocked URL once however often it is asked for.
      let attempts = 0;
      const watched: typeof fetch = (input, init) => ((attempts += 1), fetch(input, init));
      const time = testClock();
      const c = keep(client({ src: same.replace('//localhost:', '//127.0.0.1:'), random: () => 0, fetch: watched, clock: time.clock }));
      await tick(time);
      await until(c, (s) => s.status === 'error');
      // The client hears of the violation as this test does, and stops: no retry is left to run, ever.
      await settled(() => violations.length > 0 && time.pending === 0, 'the violation heard, and the client stopped');
      time.advance(3_600_000);
      // Blocked before it left the browser, and never tried again: one attempt, no backoff loop.
      expect(await requestLog(same)).to.have.length(0);
      expect(violations).to.have.length(1);
      expect(attempts).to.equal(1);
      expect(warnings.filter((line) => line.includes('Content Security Policy'))).to.have.length(1);
    } finally {
      for (const c of clients.splice(0)) c.destroy();
      console.warn = warn;
      trap.stop();
    }
    expect(trap.errors).to.deep.equal([]);
  });

  it('POLL-11: an endpoint discovered on another origin than src, blocked, stops the client too', async () => {
    // The CSP of the test above is still on the page: this origin allowed, 127.0.0.1 blocked. The page's base
    // URL is on this origin; its provider's endpoint is on the other, as status.io's API is beside its pages.
    const trap = trapPageErrors();
    const warn = console.warn;
    console.warn = () => {};
    const violations: string[] = [];
    const listener = (event: SecurityPolicyViolationEvent) => violations.push(event.blockedURI);
    document.addEventListener('securitypolicyviolation', listener);
    try {
      const api = (await endpoint({ body: { elsewhere: true } })).replace('//localhost:', '//127.0.0.1:');
      const page = await site({});
      // Its first endpoint on the page's own origin (not there), the second on the blocked one.
      defineProvider({
        id: 'elsewhere',
        detect: (p) => !!(p as { elsewhere?: boolean }).elsewhere,
        parse: () => ({ notices: [] }),
        endpoints: () => [`${page}status.json`, api],
      });
      // The real fetch, watched: a blocked request never reaches the server's log.
      let attempts = 0;
      const watched: typeof fetch = (input, init) => {
        if (String(input).includes('127.0.0.1')) attempts += 1;
        return fetch(input, init);
      };
      const time = testClock();
      const c = keep(client({ src: page, provider: 'elsewhere', random: () => 0, fetch: watched, clock: time.clock }));
      await tick(time);
      await until(c, (s) => s.status === 'error', 3000);
      await settled(() => violations.some((uri) => uri.includes('127.0.0.1')) && time.pending === 0, 'the violation heard, and the client stopped');
      time.advance(3_600_000);
      // Stopped at the first: with no backoff in this client, it would otherwise have asked again and again.
      expect(violations.filter((uri) => uri.includes('127.0.0.1'))).to.have.length(1);
      expect(attempts).to.equal(1);
      // (The console line was said by the test above: one per kind of failure per page.)
    } finally {
      for (const c of clients.splice(0)) c.destroy();
      document.removeEventListener('securitypolicyviolation', listener);
      console.warn = warn;
      trap.stop();
    }
    expect(trap.errors).to.deep.equal([]);
  });
});
