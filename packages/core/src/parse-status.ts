import { StatusFormatError } from './errors.js';
import { findSource, sources } from './sources/index.js';
import type { ParseOptions, StatusSnapshot } from './types.js';

const DEFAULT_MAINTENANCE_LEAD_S = 24 * 60 * 60;

/**
 * Reads a status page's payload into a {@link StatusSnapshot}. Pure and synchronous; safe in Node, workers and
 * browsers.
 *
 * @param payload - Parsed JSON, or a JSON string.
 * @param options - `provider` to skip detection, `now` to judge the maintenance lead window against,
 *   `maintenanceLead` in seconds (default 24 h).
 * @throws {@link StatusFormatError} for anything it cannot read, and nothing else.
 *
 * @example
 * ```ts
 * const res = await fetch('https://www.githubstatus.com/api/v2/summary.json');
 * const { indicator, notices } = parseStatus(await res.json());
 * ```
 */
export function parseStatus(payload: unknown, options: ParseOptions = {}): StatusSnapshot {
  try {
    return parse(payload, options);
  } catch (error) {
    if (error instanceof StatusFormatError) throw error;
    // A source rejects bad input by type; anything else escaping one (a throwing getter of an exotic object,
    // a bug) still reaches callers as the one error type the contract promises.
    throw new StatusFormatError('invalid-payload', 'Unreadable status payload');
  }
}

function parse(payload: unknown, options: ParseOptions): StatusSnapshot {
  let data = payload;
  if (typeof data === 'string') {
    try {
      data = JSON.parse(data);
    } catch {
      throw new StatusFormatError('not-json', 'The status payload is not JSON');
    }
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new StatusFormatError('not-object', 'The status payload is not a JSON object');
  }
  const source = options.provider ? findSource(options.provider) : sources.find((s) => s.detect(data));
  if (!source) {
    throw new StatusFormatError(
      'unknown-provider',
      options.provider ? `No status source is named "${options.provider}"` : 'The status payload has no known shape',
    );
  }
  const lead = options.maintenanceLead!;
  return source.parse(data, {
    now: options.now?.getTime() ? options.now : new Date(),
    maintenanceLead: (lead >= 0 && lead < Infinity ? lead : DEFAULT_MAINTENANCE_LEAD_S) * 1000,
  });
}
