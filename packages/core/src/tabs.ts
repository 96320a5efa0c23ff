/**
 * One network consumer per browser: of all the tabs showing the same status, the one holding a Web Lock leads
 * and is the only one that polls or streams; the others hear what it learns over a BroadcastChannel.
 *
 * Only a tab that can be seen asks for the lock, and it lets go as soon as it is hidden or leaves, so the
 * lock always moves to a visible tab, and a page that keeps no lock stays eligible for the back/forward cache.
 * Locks and channels are scoped to the host's origin (and storage partition): each site has its own leader.
 *
 * Where either is missing or denied (an insecure page has no Web Locks; an opaque-origin sandboxed iframe gets a
 * `SecurityError` from `locks.request`; Firefox with cookies blocked throws from `new BroadcastChannel()`), the
 * tab cannot share, so it leads on its own, as every tab of such a browser does.
 */
export interface Tabs {
  /** Whether one tab leads for the whole browser and tells the others: Web Locks and a channel both work. */
  readonly shared: boolean;
  /** Asks to lead (true) or steps down (false). Idempotent. */
  want(lead: boolean): void;
  /** Tells the other tabs (and the other clients of this page on the same name). */
  post(message: unknown): void;
  /** Opens (true) or closes (false) the channel: closed while the page sits in the back/forward cache. */
  listen(on: boolean): void;
  /** Steps down and closes everything. */
  close(): void;
}

/** `navigator.locks`, or undefined where it is missing or its getter throws. */
function lockManager(): LockManager | undefined {
  try {
    return globalThis.navigator?.locks;
  } catch {
    return undefined;
  }
}

/**
 * @param name - What is led: one name per status endpoint.
 * @param onLead - Called with `true` when this tab becomes the leader, `false` when it stops being it.
 * @param onMessage - Called with each message another tab posted.
 */
export function createTabs(name: string, onLead: (leading: boolean) => void, onMessage: (message: unknown) => void): Tabs {
  let locks = lockManager();
  const Channel = globalThis.BroadcastChannel;
  let channel: BroadcastChannel | undefined;
  /** Aborts the pending request, or releases the held lock. */
  let letGo: (() => void) | undefined;
  let leading = false;
  let shared = !!locks && !!Channel;

  const lead = (on: boolean) => {
    if (on !== leading) onLead((leading = on));
  };

  /** Sharing failed (a lock or a channel was denied): from now on this tab leads on its own. */
  const alone = () => {
    if (!shared) return;
    shared = false;
    locks = undefined;
    const wanted = !!letGo;
    letGo?.();
    if (wanted) tabs.want(true);
  };

  const tabs: Tabs = {
    get shared() {
      return shared;
    },
    want(want) {
      if (want === !!letGo) return;
      if (!want) {
        letGo!();
        return;
      }
      if (!locks) {
        letGo = () => {
          letGo = undefined;
          lead(false);
        };
        return lead(true);
      }
      const request = new AbortController();
      let release: (() => void) | undefined;
      const mine = (letGo = () => {
        if (letGo === mine) letGo = undefined;
        request.abort();
        release?.();
        lead(false);
      });
      try {
        locks
          .request(`status-banner:${name}`, { signal: request.signal }, () =>
            // Held until released: stepping down resolves this promise, and closing the tab frees it at once.
            new Promise<void>((resolve) => {
              release = resolve;
              if (letGo === mine) lead(true);
              else resolve();
            }),
          )
          // Stepping down while waiting rejects with an AbortError; any other rejection is a denial.
          .catch(() => request.signal.aborted || alone());
      } catch {
        // A patched or broken `request` that throws instead of rejecting.
        alone();
      }
    },
    post(message) {
      try {
        channel?.postMessage(message);
      } catch {
        // A closed channel, or a value that cannot be cloned: the other tabs catch up on their next read.
      }
    },
    listen(on) {
      if (on && !channel && Channel && shared) {
        try {
          channel = new Channel(`status-banner:${name}`);
          channel.onmessage = (event) => onMessage(event.data);
        } catch {
          alone();
        }
      } else if (!on && channel) {
        channel.close();
        channel = undefined;
      }
    },
    close() {
      tabs.want(false);
      tabs.listen(false);
    },
  };
  return tabs;
}
