// The one native snapshot the relay serves: the upstream's last good state and the open direct notices, merged,
// read back through the core's own parser (so what is served is exactly what a banner reads), then serialized
// once per version for the snapshot URL and the stream.

import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { SEVERITY_RANK, type Severity } from '@status-banner/core';
import { parseStatus } from '@status-banner/core/providers';
import { isOpen, type RelayState } from './model.js';
import { toNativeNotice } from './notices.js';

/** Settings that shape the snapshot; every node of a cluster must share them. */
export interface SnapshotSettings {
  /** Overrides the upstream's page name and link. */
  page?: { name?: string; url?: string };
  /** The `pollAfterSeconds` hint. */
  pollAfterSeconds: number;
  /** The `staleAfterSeconds` hint. */
  staleAfterSeconds: number;
  /** Whether an upstream is watched (its state then shows in the snapshot). */
  upstream: boolean;
}

/** A snapshot ready to serve: the object, its bytes, and the stream event carrying it. */
export interface PublishedSnapshot {
  version: number;
  snapshot: Record<string, unknown>;
  /** The JSON, one line. */
  body: Buffer;
  /** A strong ETag, quoted. */
  etag: string;
  /** `event: snapshot` with the version as its id. */
  event: Buffer;
  /** The body gzipped, made on first request. */
  gzip(): Buffer;
  /**
   * False while an upstream is configured but has never been read and no direct notice is open: serving
   * `notices: []` then would claim an all clear nobody has seen.
   */
  servable: boolean;
}

// Far enough ahead that the parser keeps every scheduled window: each banner applies its own lead window.
const WHOLE_FUTURE_SECONDS = 1e11;

/** The worse of two severities, by the core's rank. */
const worse = (a: Severity, b: Severity): Severity => (SEVERITY_RANK[b] > SEVERITY_RANK[a] ? b : a);

/**
 * The native snapshot of `state`. A pure function of its arguments: nodes holding the same version serve the
 * same bytes.
 */
export function publishSnapshot(state: RelayState, settings: SnapshotSettings): PublishedSnapshot {
  const upstream = state.upstream;
  const direct = Object.values(state.notices).filter(isOpen);
  let indicator: Severity = upstream?.indicator ?? 'none';
  for (const notice of direct) {
    indicator = worse(indicator, notice.kind === 'incident' ? notice.severity : notice.phase === 'scheduled' ? 'none' : 'maintenance');
  }
  const page = { ...upstream?.page, ...settings.page };
  // The core validates and orders it as every banner will; the clock is left out of it (time zero, a lead
  // window covering all time), so the result depends on the state alone.
  const parsed = parseStatus(
    {
      page,
      indicator,
      notices: [...(upstream?.notices ?? []), ...direct.map(toNativeNotice)],
      components: upstream?.components ?? [],
    },
    // (1 ms, not 0: the parser reads a falsy time as "now".)
    { provider: 'native', now: new Date(1), maintenanceLead: WHOLE_FUTURE_SECONDS },
  );
  const snapshot: Record<string, unknown> = {
    provider: 'native',
    version: state.version,
    page: parsed.page,
    indicator: parsed.indicator,
    notices: parsed.notices,
    components: parsed.components,
    pollAfterSeconds: settings.pollAfterSeconds,
    staleAfterSeconds: settings.staleAfterSeconds,
  };
  // Beyond the protocol's fields (clients ignore it): whether the upstream part is current, or the last good
  // one kept while the status page cannot be read.
  if (settings.upstream) {
    snapshot.upstream = upstream ? { state: upstream.state, since: upstream.since, provider: upstream.provider } : { state: 'unknown' };
  }
  const json = JSON.stringify(snapshot);
  const body = Buffer.from(json, 'utf8');
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 16);
  let gzipped: Buffer | undefined;
  return {
    version: state.version,
    snapshot,
    body,
    etag: `"${state.version}-${hash}"`,
    event: Buffer.from(`event: snapshot\nid: ${state.version}\ndata: ${json}\n\n`, 'utf8'),
    gzip: () => (gzipped ??= gzipSync(body)),
    servable: !settings.upstream || upstream !== null || direct.length > 0,
  };
}
