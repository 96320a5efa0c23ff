// The project's own format: a StatusSnapshot as JSON, plus an optional monotonic `version`. Also how a client
// re-reads a snapshot it stored, so a corrupted or old-schema value is validated on the way in.

import { StatusFormatError } from '../errors.js';
import type { SourceNotice, StatusSource } from '../types.js';
import { buildSnapshot } from './build-snapshot.js';
import { isRecord } from './normalize.js';

/** The native protocol: see docs/core-api.md. Detected by a `notices` array and a string `indicator`. */
export const native: StatusSource = {
  id: 'native',
  detect: (payload) => isRecord(payload) && Array.isArray(payload.notices) && typeof payload.indicator === 'string',
  parse(data, context) {
    if (!isRecord(data) || !Array.isArray(data.notices)) {
      throw new StatusFormatError('invalid-payload', 'A native status payload needs a notices array');
    }
    // Every field is read as unknown by the builder: the notices are handed over as they came.
    const notices = data.notices as readonly SourceNotice[];
    const snapshot = buildSnapshot('native', { page: data.page, indicator: data.indicator, notices, components: data.components }, context);
    const { version } = data;
    if (Number.isSafeInteger(version) && (version as number) >= 0) snapshot.version = version as number;
    // Hints are kept only when they are sane: a positive number of seconds under a year.
    for (const hint of ['pollAfterSeconds', 'staleAfterSeconds'] as const) {
      const value = data[hint];
      if (typeof value === 'number' && value > 0 && value < 31_536_000) snapshot[hint] = value;
    }
    return snapshot;
  },
  // Any URL can serve the native format: there is nothing to derive from a base URL.
  endpoints: () => [],
};
