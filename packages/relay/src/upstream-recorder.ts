// What a read of the upstream does to the state: a good read replaces the upstream part when it differs; failing
// reads keep the last good part and, after long enough, mark it stale. Only the lease holder writes.

import type { Clock } from './clock.js';
import type { UpstreamRecord } from './model.js';
import type { RelayStore } from './store.js';
import type { UpstreamRead } from './upstream-watcher.js';

/** What {@link createUpstreamRecorder} needs. */
export interface UpstreamRecorderOptions {
  store: RelayStore;
  clock: Clock;
  /** Seconds of failing reads before the last good state is marked stale. */
  upstreamStaleAfter: number;
  /** When the last good read was, in ms; the relay's start when there was none. */
  lastGood: () => number;
  log: (level: 'info' | 'warn' | 'error', message: string) => void;
}

/** Makes the handler the upstream watcher calls after each read. */
export function createUpstreamRecorder({ store, clock, upstreamStaleAfter, lastGood: lastGoodAt, log }: UpstreamRecorderOptions): (read: UpstreamRead) => Promise<void> {
  return async function onRead(read: UpstreamRead): Promise<void> {
    if (!store.lease.held()) return;
    const now = clock.now();
    const current = store.state().upstream;
    if (read.ok) {
      const { snapshot } = read;
      const record: UpstreamRecord = {
        state: 'ok',
        since: current?.state === 'ok' ? current.since : new Date(now).toISOString(),
        provider: snapshot.provider,
        page: snapshot.page,
        indicator: snapshot.indicator,
        notices: snapshot.notices,
        components: snapshot.components,
      };
      if (JSON.stringify(record) === JSON.stringify(current)) return;
      await store.commit((state) => ({ patch: JSON.stringify(state.upstream) === JSON.stringify(record) ? {} : { upstream: record }, result: undefined }));
      if (current?.state === 'stale') log('info', `upstream readable again (${read.endpoint})`);
      return;
    }
    log('warn', `upstream read failed: ${read.kind}: ${read.message}`);
    // The last good state is kept; once reads have failed for long enough, it is marked stale. Never cleared,
    // never turned into an outage.
    const lastGood = lastGoodAt();
    if (current?.state === 'ok' && now - lastGood >= upstreamStaleAfter * 1000) {
      const since = new Date(now).toISOString();
      await store.commit((state) => ({ patch: state.upstream?.state === 'ok' ? { upstream: { ...state.upstream, state: 'stale', since } } : {}, result: undefined }));
      log('warn', `upstream marked stale: no good read since ${new Date(lastGood).toISOString()}`);
    }
  };
}
