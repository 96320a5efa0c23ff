import { StatusFormatError } from './errors.js';
import { ownCopy, unpolluted } from './own.js';
import { findSource, sources } from './sources/registry.js';
import type { ParseOptions, StatusSnapshot } from './types.js';

/**
 * Reads a status page's payload into a {@link StatusSnapshot}. Pure and synchronous; safe in Node, workers and
 * browsers. It knows the providers known so far: Statuspage's and native, those registered with
 * `defineProvider`, and the rest once a client has loaded them; `parseStatus` from
 * `@status-banner/core/providers` knows every one.
 *
 * @param payload - Parsed JSON, or a JSON string.
 * @param options - `provider` to skip detection, `now` to judge the maintenance lead window against,
 *   `maintenanceLead` in seconds (default 24 h), `timeZone` for pages that write times without one (Cachet).
 * @throws {@link StatusFormatError} for anything it cannot read, and nothing else.
 *
 * @example
 * ```ts
 * const res = await fetch('https://www.githubstatus.com/api/v2/summary.json');
 * const { indicator, notices } = parseStatus(await res.json());
 * ```
 */
export function parseStatus(payload: unknown, options: ParseOptions = {}): StatusSnapshot {
  const fail = (type: StatusFormatError['type'], message: string): never => {
    throw new StatusFormatError(type, message);
  };
  try {
    let data = payload;
    if (typeof data === 'string') {
      try {
        data = JSON.parse(data);
      } catch {
        fail('not-json', 'Not JSON');
      }
    }
    if (typeof data !== 'object' || !data || Array.isArray(data)) fail('not-object', 'Not a JSON object');
    // Own properties only, of the options and of the payload: a polluted Object.prototype steers nothing.
    data = unpolluted(data);
    const { provider, now, maintenanceLead: lead = 86_400, timeZone } = ownCopy(options);
    const source = (provider ? findSource(provider) : sources.find((s) => s.detect(data))) ?? fail('unknown-provider', `Not a known status format${provider ? `: ${provider}` : ''}`);
    return source.parse(data, {
      now: now?.getTime() ? now : new Date(),
      maintenanceLead: (lead >= 0 && lead < Infinity ? lead : 86_400) * 1000,
      ...(typeof timeZone === 'string' && timeZone && { timeZone }),
    });
  } catch (error) {
    // A source rejects bad input by type; anything else escaping one (a throwing getter of an exotic object, a
    // bug) still reaches callers as the one error type the contract promises.
    throw error instanceof StatusFormatError ? error : new StatusFormatError('invalid-payload', 'Unreadable status payload');
  }
}
