// Where an upstream's status is read, and how long it asks to be left alone: the watcher's two answers that need
// no state, exported for the relay's users too.

import { resolveEndpoint } from '@status-banner/core';

// Every provider of the core, commonest first: a base URL without a provider is tried as each in turn.
const PROVIDERS = ['statuspage', 'incidentio', 'instatus', 'betterstack', 'cachet', 'uptimekuma', 'statusio', 'openstatus', 'sorry', 'heroku', 'slack'];

/**
 * The endpoints to try for `url`, in order: the named provider's endpoint; for a bare origin, each provider's;
 * otherwise `url` itself.
 */
export function upstreamCandidates(url: string, provider?: string): string[] {
  if (provider) return [resolveEndpoint(url, provider)];
  if (!/^\/(api\/v2\/?)?$/i.test(new URL(url).pathname)) return [url];
  return [...new Set([resolveEndpoint(url), ...PROVIDERS.map((id) => resolveEndpoint(url, id))])];
}

/** `Retry-After` in ms (seconds or an HTTP date), or undefined. */
export function retryAfterMs(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
