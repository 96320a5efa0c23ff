// The relay's gauges: read on each scrape from whatever holds the live value, so nothing is kept twice.

import type { Hub } from './hub.js';
import type { Metrics } from './metrics.js';
import { isOpen } from './model.js';
import type { PublishedSnapshot } from './snapshot.js';
import type { RelayStore } from './store.js';
import type { UpstreamWatcher } from './upstream-watcher.js';

/** What the gauges read; getters, since the snapshot and the watcher change over the relay's life. */
export interface RelayGaugeSources {
  metrics: Metrics;
  hub: Hub;
  store: RelayStore;
  published: () => PublishedSnapshot;
  lastFanoutMs: () => number;
  watcher: () => UpstreamWatcher | undefined;
  ready: () => { ok: boolean };
}

/** Registers every gauge of a relay on its metrics. */
export function registerRelayGauges(sources: RelayGaugeSources): void {
  const { metrics, hub, store, published, ready } = sources;
  metrics.gauge('relay_sse_clients', 'Streams open on this node', () => hub.size());
  metrics.gauge('relay_sse_dropped_total', 'Streams dropped for not keeping up', () => hub.dropped(), 'counter');
  metrics.gauge('relay_sse_aged_out_total', 'Streams closed for their age', () => hub.aged(), 'counter');
  metrics.gauge('relay_snapshot_version', 'The version served', () => published().version);
  metrics.gauge('relay_snapshot_bytes', 'The size of the snapshot served', () => published().body.length);
  metrics.gauge('relay_fanout_last_ms', 'How long the last broadcast took to write to every stream', () => Math.round(sources.lastFanoutMs() * 1000) / 1000);
  metrics.gauge('relay_notices_open', 'Open notices: posted here, and from the upstream', () => [
    [{ source: 'direct' }, Object.values(store.state().notices).filter(isOpen).length],
    [{ source: 'upstream' }, store.state().upstream?.notices.length ?? 0],
  ]);
  metrics.gauge('relay_upstream_stale', '1 while the upstream part is its last good state, kept through failing reads', () => (store.state().upstream?.state === 'stale' ? 1 : 0));
  metrics.gauge('relay_upstream_requests_total', 'Upstream requests made by this node, by outcome', () =>
    Object.entries(sources.watcher()?.stats().requests ?? {}).map(([outcome, count]) => [{ outcome }, count]),
    'counter',
  );
  metrics.gauge('relay_upstream_last_success_timestamp_seconds', 'When this node last read the upstream', () => Math.floor((sources.watcher()?.stats().lastSuccessAt ?? 0) / 1000));
  metrics.gauge('relay_upstream_pokes_total', 'Webhook pokes by what became of them', () =>
    Object.entries(sources.watcher()?.stats().pokes ?? {}).map(([outcome, count]) => [{ outcome }, count]),
    'counter',
  );
  metrics.gauge('relay_leader', '1 on the node that reads the upstream', () => (store.lease.held() ? 1 : 0));
  metrics.gauge('relay_store_up', '1 while the store takes writes', () => (store.health().ok ? 1 : 0));
  metrics.gauge('relay_ready', '1 while /readyz says ready', () => (ready().ok ? 1 : 0));
  metrics.gauge('process_resident_memory_bytes', 'Resident memory', () => process.memoryUsage.rss());
}
