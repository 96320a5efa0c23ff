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
 *
 * A page that is leaving (`pagehide`, perhaps into the back/forward cache) or frozen (`freeze`) counts as
 * hidden until `pageshow` or `resume`, so the client lets go of its stream and lock before the page is stored.
 * No `unload` or `beforeunload` listener: either would keep the page out of the back/forward cache.
 */
export function browserEnvironment(): StatusEnvironment {
  const doc = globalThis.document;
  const events = ['visibilitychange', 'freeze', 'resume', 'online', 'offline', 'pagehide', 'pageshow'];
  let away = false;
  return {
    isVisible: () => !away && doc?.visibilityState !== 'hidden',
    isOnline: () => globalThis.navigator?.onLine !== false,
    subscribe(onChange) {
      // Every `pageshow`, restored or not: a mobile browser may show the page again without `persisted`, and
      // the client's reaction is idempotent.
      const listener = ({ type }: Event) => {
        if (type === 'pagehide' || type === 'freeze') away = true;
        if (type === 'pageshow' || type === 'resume') away = false;
        onChange();
      };
      const each = (method: 'addEventListener' | 'removeEventListener') =>
        doc && events.forEach((type, i) => (i < 3 ? doc : window)[method](type, listener));
      each('addEventListener');
      return () => each('removeEventListener');
    },
  };
}
