// The core's main entry installs where its clients load the stream reader and other providers from.
import '@status-banner/core';
import type { Notice, StatusClient, StatusClientOptions, StatusState } from '@status-banner/core';
import { IDLE_STATE as IDLE, releaseStatusClient as release, retainStatusClient as retain, statusClientKey as keyOf } from '@status-banner/core/shared';
import { computed, getCurrentInstance, onMounted, onScopeDispose, shallowRef, toRaw, toValue, watch, type ComputedRef, type MaybeRefOrGetter, type ShallowRef } from 'vue';

/** What {@link useStatus} returns. */
export interface UseStatusReturn {
  /** The client's state: a new object on every change. */
  state: Readonly<ShallowRef<StatusState>>;
  /** The notices to show, most severe first (`state.notices`). */
  notices: ComputedRef<Notice[]>;
  /** Hides a notice until it has news, across reloads and tabs. Resolves once stored. */
  dismiss(noticeId: string): Promise<void>;
  /** Asks the status endpoint now. Resolves when done; never rejects. */
  refresh(): Promise<void>;
}

/**
 * The live status of a source, for rendering your own UI. Every component that asks for the same options
 * shares one client (one request or stream), which starts with the first and stops with the last, when its
 * scope is disposed. In a component it starts once mounted, so server rendering fetches nothing and renders
 * `{ status: 'loading', notices: [] }`.
 *
 * `options` may be a ref or a getter: a change of value (compared by value; functions and objects in it by
 * identity) moves to the matching client. Without a `src` it stays idle.
 *
 * @param options - The client's options ({@link StatusClientOptions}), a ref or getter of them, or undefined.
 * @example
 * ```ts
 * const { notices, dismiss } = useStatus({ src: 'https://www.githubstatus.com' });
 * // template: <p v-if="notices[0]">{{ notices[0].title }} <button @click="dismiss(notices[0].id)">Hide</button></p>
 * ```
 */
export function useStatus(options: MaybeRefOrGetter<StatusClientOptions | undefined>): UseStatusReturn {
  const state = shallowRef<StatusState>(IDLE);
  let held: { key: string; client: StatusClient; stop: () => void } | undefined;
  let unwatch: (() => void) | undefined;

  const letGo = () => {
    if (held) (held.stop(), release(held.key));
    held = undefined;
  };
  // The key reads the options through Vue's proxies, so a deep change of reactive options is seen; the client
  // gets the raw object, never proxies of its storage or fetch.
  const read = () => toRaw(toValue(options));
  const hold = (key: string) => {
    if (key === (held?.key ?? '')) return;
    letGo();
    if (!key) return void (state.value = IDLE);
    const client = retain(key, read()!);
    held = { key, client, stop: client.subscribe((next) => (state.value = next)) };
    state.value = client.getSnapshot();
  };
  const start = () => (unwatch = watch(() => keyOf(toValue(options)), hold, { immediate: true }));

  // Mounted hooks never run on the server; outside a component (a bare effect scope) start at once.
  if (getCurrentInstance()) onMounted(start);
  else start();
  onScopeDispose(() => {
    unwatch?.();
    letGo();
  });

  return {
    state,
    notices: computed(() => state.value.notices),
    dismiss: (noticeId) => held?.client.dismiss(noticeId) ?? Promise.resolve(),
    refresh: () => held?.client.refresh() ?? Promise.resolve(),
  };
}
