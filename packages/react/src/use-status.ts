// The core's main entry installs where its clients load the stream reader and other providers from.
import '@status-banner/core';
import type { StatusClientOptions, StatusState } from '@status-banner/core';
import {
  IDLE_STATE as IDLE,
  peekStatusClient as peek,
  releaseStatusClient as release,
  retainStatusClient as retain,
  statusClientKey as keyOf,
} from '@status-banner/core/shared';
import { useCallback, useMemo, useSyncExternalStore } from 'react';

/** What {@link useStatus} returns: the client's state, and what you can do about it. */
export interface UseStatusResult extends StatusState {
  /** Hides a notice until it has news, across reloads and tabs. Resolves once stored. */
  dismiss(noticeId: string): Promise<void>;
  /** Asks the status endpoint now. Resolves when done; never rejects. */
  refresh(): Promise<void>;
}

/**
 * The live status of a source, for rendering your own UI. Every component that asks for the same options
 * shares one client (one request or stream), which starts with the first and stops with the last. On the
 * server, and until mounted, it is `{ status: 'loading', notices: [] }`: nothing is fetched during render.
 *
 * Options are compared by value, so an inline object is fine; functions and objects in them (`fetch`,
 * `storage`, `environment`) are compared by identity, so keep those stable. Without a `src` it stays idle.
 *
 * @param options - The client's options ({@link StatusClientOptions}), or undefined to stay idle.
 * @example
 * ```tsx
 * function StatusLine() {
 *   const { notices, dismiss } = useStatus({ src: 'https://www.githubstatus.com' });
 *   const notice = notices[0];
 *   return notice ? <p>{notice.title} <button onClick={() => dismiss(notice.id)}>Hide</button></p> : null;
 * }
 * ```
 */
export function useStatus(options: StatusClientOptions | undefined): UseStatusResult {
  const key = keyOf(options);
  // Same key, same options (by construction of the key): the first render's object stands for them all.
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!key) return () => {};
      const stop = retain(key, options!).subscribe(onChange);
      return () => {
        stop();
        release(key);
      };
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key],
  );
  const state = useSyncExternalStore(subscribe, () => peek(key)?.getSnapshot() ?? IDLE, () => IDLE);
  return useMemo(
    () => ({
      ...state,
      dismiss: (noticeId: string) => peek(key)?.dismiss(noticeId) ?? Promise.resolve(),
      refresh: () => peek(key)?.refresh() ?? Promise.resolve(),
    }),
    [state, key],
  );
}
