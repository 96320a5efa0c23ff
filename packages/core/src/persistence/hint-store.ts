// Hints: small strings a page reads synchronously, before any asynchronous storage could answer (the height a
// push banner reserves as it connects, the day the script tag last checked its folder). Losing one costs a
// layout shift or a repeated check, never a wrong banner, so every failure of storage reads as "no hint".

/** One remembered string, read and written synchronously. */
export interface HintStore {
  /** The hint, or undefined when none is kept or storage cannot be read. */
  get(): string | undefined;
  /** Keeps `value`; undefined or `''` forgets the hint. Never throws. */
  set(value: string | undefined): void;
}

/**
 * A hint kept under `key` in `localStorage` (or in the storage `storage` returns, for tests). The storage is
 * looked up on every call, never at creation: merely reading `localStorage` throws where storage is blocked
 * (third-party iframes, some privacy modes), and a full or blocked storage must not break the page.
 *
 * @param key - The storage key, namespaced by the caller (`status-banner:push-height:<src>`).
 * @param storage - Returns the storage to use. Default: the page's `localStorage`.
 *
 * @example
 * ```ts
 * const height = createHintStore(`status-banner:push-height:${src}`);
 * height.set('48');
 * height.get(); // '48'
 * ```
 */
export function createHintStore(key: string, storage: () => Storage | undefined = () => globalThis.localStorage): HintStore {
  return {
    get() {
      try {
        return storage()?.getItem(key) ?? undefined;
      } catch {
        return undefined;
      }
    },
    set(value) {
      try {
        if (value) storage()?.setItem(key, value);
        else storage()?.removeItem(key);
      } catch {
        // Full (QuotaExceededError) or blocked: the hint is simply not kept.
      }
    },
  };
}
