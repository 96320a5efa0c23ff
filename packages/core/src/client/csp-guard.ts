/**
 * Listens for the page's Content Security Policy blocking one of `origins()` (the endpoint found for a base URL
 * may live on another host than `src`, as status.io's API does): every further attempt would file a report to
 * the host, so `onBlocked` stops the client. Returns the function that stops listening.
 */
export function guardAgainstCsp(origins: () => Iterable<string>, onBlocked: (directive: string) => void): () => void {
  const doc = globalThis.document;
  const onViolation = (event: SecurityPolicyViolationEvent) => {
    try {
      const blocked = new URL(event.blockedURI).origin;
      if ([...origins()].includes(blocked)) onBlocked(event.violatedDirective);
    } catch {
      // `blockedURI` was not a URL ("inline", "eval"): not about us.
    }
  };
  doc?.addEventListener('securitypolicyviolation', onViolation);
  return () => doc?.removeEventListener('securitypolicyviolation', onViolation);
}
