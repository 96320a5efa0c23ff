/**
 * What a client needs to know about the page it runs in. Swappable, so tests (and workers, and server
 * rendering) can say "hidden" or "offline" without a real tab.
 */
export interface StatusEnvironment {
  /** Whether the page can be seen; hidden tabs make no requests. */
  isVisible(): boolean;
  /** Whether the device believes it is online. Only a hint: `true` proves nothing. */
  isOnline(): boolean;
  /** Calls `onChange` whenever visibility or connectivity changes; returns the function that stops it. */
  subscribe(onChange: () => void): () => void;
}

/**
 * The real page's visibility and connectivity, read on demand and listened to only while subscribed. Outside
 * a browser document (Node, server rendering, workers) it reports visible and online and listens to nothing.
 */
export function browserEnvironment(): StatusEnvironment {
  const doc = globalThis.document;
  // `pageshow` (when `persisted`): a page restored from the back/forward cache may have missed every other event.
  const events = ['visibilitychange', 'online', 'offline', 'pageshow'];
  return {
    isVisible: () => doc?.visibilityState !== 'hidden',
    isOnline: () => globalThis.navigator?.onLine !== false,
    subscribe(onChange) {
      // `pageshow` also fires on every ordinary load; only a restore from the back/forward cache is news.
      const listener = (event: Event) => (event as PageTransitionEvent).persisted !== false && onChange();
      const each = (method: 'addEventListener' | 'removeEventListener') =>
        doc && events.forEach((type, i) => (i ? window : doc)[method](type, listener));
      each('addEventListener');
      return () => each('removeEventListener');
    },
  };
}
