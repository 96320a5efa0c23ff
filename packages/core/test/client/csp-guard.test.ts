import { expect } from '@open-wc/testing';
import { guardAgainstCsp } from '../../src/client/csp-guard.js';

/** A violation as the browser reports it. */
const violation = (blockedURI: string) =>
  new SecurityPolicyViolationEvent('securitypolicyviolation', {
    blockedURI,
    violatedDirective: 'connect-src',
    effectiveDirective: 'connect-src',
    originalPolicy: "connect-src 'self'",
    disposition: 'enforce',
    statusCode: 200,
  });

describe('client CSP guard', () => {
  it('reports a blocked origin of ours, and nothing else, until stopped', () => {
    const blocked: string[] = [];
    const stop = guardAgainstCsp(() => ['https://status.example.com'], (directive) => blocked.push(directive));
    try {
      document.dispatchEvent(violation('https://other.example/x'));
      document.dispatchEvent(violation('inline'));
      expect(blocked).to.deep.equal([]);
      document.dispatchEvent(violation('https://status.example.com/api/v2/summary.json'));
      expect(blocked).to.deep.equal(['connect-src']);
    } finally {
      stop();
    }
    document.dispatchEvent(violation('https://status.example.com/'));
    expect(blocked).to.have.length(1);
  });
});
