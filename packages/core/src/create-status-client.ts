// The client: what it shows (client/state-reducer.ts), what it remembers (client/storage.ts,
// client/dismissal-store.ts), what the tabs share (client/tab-sync.ts) and when it asks (client/scheduler.ts,
// paced by transports/backoff.ts), put together and kept in line with the page.

import { systemClock } from './clock.js';
import { StatusFetchError } from './errors.js';
import { browserEnvironment } from './environment.js';
import { createEndpointLocator, resolveEndpoint } from './discover-endpoint.js';
import { createIndexedDbStorage } from './persistence/idb-storage.js';
import { createPacing } from './transports/backoff.js';
import { fetchStatus } from './transports/fetch-status.js';
import { own, ownCopy } from './own.js';
import { guardAgainstCsp } from './client/csp-guard.js';
import { createDismissalStore } from './client/dismissal-store.js';
import { readSettings, type StatusClient, type StatusClientOptions } from './client/options.js';
import { createScheduler } from './client/scheduler.js';
import { createSnapshotReader } from './client/snapshot-reader.js';
import { confirmed, failed, isStale, judgeSnapshot, nextState, type Seen } from './client/state-reducer.js';
import { guardStorage } from './client/storage.js';
import { createTabSync, type TabSync } from './client/tab-sync.js';
import { warnOnce } from './client/warn-once.js';
import type { StatusListener, StatusSnapshot, StatusState } from './types.js';

export type { StatusClient, StatusClientOptions };
// Kept importable from here, where it always was.
export { resolveEndpoint };

/**
 * Creates a client that polls a status endpoint, keeps the latest good snapshot, and remembers dismissals.
 * Nothing happens until the first `subscribe` (or `refresh`); it never throws at the page or rejects.
 *
 * @example
 * ```ts
 * const client = createStatusClient({ src: 'https://www.githubstatus.com' });
 * const stop = client.subscribe(({ notices }) => render(notices[0]));
 * ```
 */
export function createStatusClient(options: StatusClientOptions): StatusClient {
  // Own properties only: an option the caller did not set stays unset, whatever a polluted prototype says.
  options = ownCopy(options);
  const { components = [], random = Math.random, clock = systemClock, environment = browserEnvironment() } = options;
  const settings = readSettings(options);
  const { endpoint, streamUrl, maxAge } = settings;
  const stored = guardStorage(options.storage ?? createIndexedDbStorage());
  const dismissals = createDismissalStore(stored, `dismissals:${endpoint}`);
  const snapshotKey = `snapshot:${endpoint}`;
  const reader = createSnapshotReader(clock, options);
  const listeners = new Set<StatusListener>();
  let state: StatusState = settings.error ? { status: 'error', notices: [], error: settings.error } : { status: 'loading', notices: [] };
  let seen: Seen = { checkedAt: 0 };
  /** When this tab last stored the snapshot. */
  let savedAt = 0;
  /** Set while the answers of this task wait to be stored (`save`) and told to the other tabs (publish). */
  let pending: { save: boolean } | undefined;
  let provider = options.provider;
  let [destroyed, running, shown, online, ready] = [false, false, false, true, false];
  /** Set while the client takes its first look at the page, just after its first read of storage. */
  let justRead = false;
  let restored: Promise<void> | undefined;
  let stopListening: (() => void) | undefined;
  let tabs: TabSync | undefined;
  /** Whether every tab polls on its own (no Web Locks or channel). Outside a document there are no tabs. */
  const unled = () => !!tabs && !tabs.shared && !!globalThis.document;
  /** The origins this client has asked: a page's CSP that blocks any of them blocks us (client/csp-guard.ts). */
  const asked = new Set<string>();
  // A base URL's endpoint is found once (discover-endpoint.ts), then remembered; an endpoint is fetched as is.
  const locate = createEndpointLocator(endpoint ? options.src : 'about:blank', {
    provider: options.provider,
    fetch: (url, signal) => (asked.add(new URL(url).origin), fetchStatus(url, settings.fetch!, signal, settings.timeout, settings.maxBytes, clock)),
    memory: { get: (key) => stored(key), set: (key, value) => stored(key, value) },
    now: clock.now,
  });
  const scheduler = createScheduler({
    ...settings,
    clock,
    fetch: settings.fetch!,
    pacing: createPacing(settings.interval, clock.now, random),
    request: locate,
    answer({ text, serverTime, payload }) {
      if (serverTime) reader.serverTime(serverTime);
      try {
        // Parsed every time, even when the bytes are the same: which maintenance is due, or over, depends on the
        // clock. What decides "changed" is the snapshot, not the bytes.
        const snapshot = reader.read(payload ?? text, provider);
        provider ??= snapshot.provider;
        publish(apply(snapshot, clock.now()));
      } catch (cause) {
        warnOnce(`format:${(cause as { type: string }).type}`, `${endpoint}: ${(cause as Error).message}`);
        return new StatusFetchError('format', (cause as Error).message, 0, cause);
      }
    },
    event(data) {
      let snapshot: StatusSnapshot;
      try {
        snapshot = reader.read(data, 'native');
      } catch (cause) {
        warnOnce(`format:${(cause as { type: string }).type}`, `${streamUrl}: ${(cause as Error).message}`);
        return false;
      }
      publish(apply(snapshot, clock.now()));
      return true;
    },
    fail: (error) => update(failed(state, error, isOld())),
    halt,
    hint: () => state.snapshot?.pollAfterSeconds,
    unled,
    checkedAt: () => seen.checkedAt,
  });
  if (settings.error) scheduler.halt();

  function update(patch: Partial<StatusState>): void {
    state = nextState(state, patch, components, dismissals.current);
    for (const listener of [...listeners]) {
      try {
        listener(state);
      } catch (error) {
        // A listener's bug is the host's: report it as theirs without breaking the other listeners.
        setTimeout(() => {
          throw error;
        });
      }
    }
  }

  const isOld = () => isStale(state.snapshot, seen.checkedAt, clock.now(), settings.staleAfter);

  /** Takes a snapshot confirmed at `at`; returns whether it changed what is shown. */
  function apply(snapshot: StatusSnapshot, at: number, fetchedAt = at, fromStorage = false): boolean {
    const judged = judgeSnapshot(seen, snapshot, at, fromStorage);
    seen = judged.seen;
    if (judged.verdict === 'changed') update(confirmed(snapshot, fetchedAt));
    else if (judged.verdict === 'same' && (state.error || state.stale)) update(confirmed());
    return judged.verdict === 'changed';
  }

  /**
   * The leader's part after a good answer: store it when it changed, and tell the other tabs. Once per task: a
   * stream's burst (a replay after a reconnect, a relay's catch-up) is stored and told once, as it ends.
   */
  function publish(changed: boolean): void {
    // Unchanged: only refresh the stored time now and then, so a reload still finds it fresh.
    const save = changed || seen.checkedAt - savedAt > maxAge / 2;
    if (save) savedAt = seen.checkedAt;
    if (pending) return void (pending.save ||= save);
    pending = { save };
    queueMicrotask(() => {
      const { save } = pending!;
      pending = undefined;
      if (save) void stored(snapshotKey, { snapshot: state.snapshot, fetchedAt: state.fetchedAt, checkedAt: seen.checkedAt });
      tabs?.share(state.snapshot, state.fetchedAt, seen.checkedAt);
    });
  }

  /**
   * Reads what is stored (at start, and whenever the page is shown again) and takes it if it is newer; with
   * `withSnapshot` false, the dismissals only.
   */
  function readStored(withSnapshot = true): Promise<void> {
    return Promise.all([stored(`dismissals:${endpoint}`), withSnapshot ? stored(snapshotKey) : undefined]).then(([savedDismissals, saved]) => {
      const changed = dismissals.absorb(savedDismissals);
      const fetchedAt = Number(own(saved, 'fetchedAt'));
      const confirmedAt = Number(own(saved, 'checkedAt') ?? fetchedAt);
      const age = clock.now() - confirmedAt;
      const fresh = age >= 0 && age <= maxAge && confirmedAt > seen.checkedAt && !destroyed;
      const snapshot = fresh ? reader.reread(own(saved, 'snapshot')) : undefined;
      ready = true;
      if (snapshot && apply(snapshot, confirmedAt, fetchedAt, true)) savedAt = confirmedAt;
      else if (state.snapshot && changed) update({});
    }).catch((error) => {
      // Nothing stored can keep the client from starting.
      ready = true;
      warnOnce('storage', `${endpoint}: what was stored could not be read (${error?.message ?? error})`);
    });
  }

  const restore = () => (restored ??= readStored());

  function halt(why: string, kind: string): void {
    scheduler.halt();
    warnOnce(kind, `${endpoint}: ${why}`);
    // Halting aborts a request in flight, whose failure would have said so: the state says it here, so a client
    // stopped before its first answer never stays "loading".
    if (state.status === 'loading') update(failed(state, new StatusFetchError('network', why), isOld()));
    reconsider();
  }

  /** Brings leadership, the channel and the network in line with the page: idempotent. */
  function reconsider(): void {
    if (!tabs || !ready) return;
    const wasOnline = online;
    online = environment.isOnline();
    // Offline, nothing will confirm what is shown: say so once it is old.
    if (!online && !state.stale && isOld()) update({ stale: true });
    if (online && !wasOnline) scheduler.cameOnline();
    const wasShown = shown;
    shown = running && environment.isVisible();
    // Hidden tabs do nothing at all: no lock, no channel, no timer. Shown again, they catch up from storage.
    tabs.listen(shown);
    if (shown && !wasShown) {
      tabs.hello();
      // Just after the first read, only the dismissals are read again: another tab tells of one before storing
      // it, and this tab listens only from now on. (The snapshot comes with the leader's answer to `hello`.)
      void readStored(!justRead);
    }
    tabs.want(shown && online && !scheduler.halted);
  }

  function start(): void {
    running = true;
    tabs ??= createTabSync(endpoint, {
      lead: scheduler.lead,
      dismissals: (value) => dismissals.absorb(value) && update({}),
      hello: () => state.snapshot && publish(false),
      snapshot(value, at, fetchedAt) {
        const snapshot = reader.reread(value);
        if (snapshot) apply(snapshot, at, fetchedAt);
      },
    });
    const stopEnvironment = environment.subscribe(reconsider);
    const stopGuard = guardAgainstCsp(
      () => [...asked, ...[endpoint, streamUrl].flatMap((url) => (url ? [new URL(url).origin] : []))],
      (directive) => halt(`blocked by the page's Content Security Policy (${directive})`, 'csp'),
    );
    stopListening = () => (stopEnvironment(), stopGuard());
    const first = !restored;
    void restore().then(() => {
      if (!running) return;
      justRead = first;
      try {
        reconsider();
      } finally {
        justRead = false;
      }
    });
  }

  function pause(): void {
    running = false;
    reconsider();
    stopListening?.();
    stopListening = undefined;
  }

  return {
    getSnapshot: () => state,
    subscribe(listener) {
      if (destroyed) return () => {};
      listeners.add(listener);
      if (!running) start();
      return () => {
        listeners.delete(listener);
        if (!listeners.size && running) pause();
      };
    },
    async dismiss(noticeId) {
      const notice = state.snapshot?.notices.find((n) => n.id === noticeId);
      if (!notice || destroyed) return;
      const at = clock.now();
      const entry = dismissals.add(noticeId, notice.revision, at);
      update({});
      tabs?.dismissed(entry);
      await restore();
      await dismissals.persist(at);
    },
    async refresh() {
      await restore();
      // A leading stream is as fresh as it gets; otherwise ask now, and the cycle restarts from this answer.
      await scheduler.refresh();
    },
    destroy() {
      destroyed = true;
      scheduler.halt();
      pause();
      tabs?.close();
      listeners.clear();
      state = { ...state, status: 'stopped' };
    },
  };
}
