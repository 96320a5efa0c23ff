/**
 * One network consumer per browser: of all the tabs showing the same status, the one holding a Web Lock leads
 * and is the only one that polls or streams; the others hear what it learns over a BroadcastChannel.
 *
 * Only a tab that can be seen asks for the lock, and it lets go as soon as it is hidden or leaves, so the
 * lock always moves to a visible tab, and a page that keeps no lock stays eligible for the back/forward cache.
 * Locks and channels are scoped to the host's origin (and storage partition): each site has its own leader.
 */
export interface Tabs {
  /** Whether a Web Lock elects one leader; without (insecure pages, old browsers) every tab leads. */
  readonly locks: boolean;
  /** Whether messages reach the other tabs. */
  readonly channel: boolean;
  /** Asks to lead (true) or steps down (false). Idempotent. */
  want(lead: boolean): void;
  /** Tells the other tabs (and the other clients of this page on the same name). */
  post(message: unknown): void;
  /** Opens (true) or closes (false) the channel: closed while the page sits in the back/forward cache. */
  listen(on: boolean): void;
  /** Steps down and closes everything. */
  close(): void;
}

/**
 * @param name - What is led: one name per status endpoint.
 * @param onLead - Called with `true` when this tab becomes the leader, `false` when it stops being it.
 * @param onMessage - Called with each message another tab posted.
 */
export function createTabs(name: string, onLead: (leading: boolean) => void, onMessage: (message: unknown) => void): Tabs {
  const locks = globalThis.navigator?.locks;
  const Channel = globalThis.BroadcastChannel;
  let channel: BroadcastChannel | undefined;
  /** Aborts the pending request, or releases the held lock. */
  let letGo: (() => void) | undefined;
  let leading = false;

  const lead = (on: boolean) => {
    if (on !== leading) onLead((leading = on));
  };

  const tabs: Tabs = {
    locks: !!locks,
    channel: !!Channel,
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
      locks
        .request(`status-banner:${name}`, { signal: request.signal }, () =>
          // Held until released: stepping down resolves this promise, and closing the tab frees it at once.
          new Promise<void>((resolve) => {
            release = resolve;
            if (letGo === mine) lead(true);
            else resolve();
          }),
        )
        // An aborted request rejects with an AbortError: that is how stepping down while waiting looks.
        .catch(() => {});
    },
    post(message) {
      try {
        channel?.postMessage(message);
      } catch {
        // A closed channel, or a value that cannot be cloned: the other tabs catch up on their next read.
      }
    },
    listen(on) {
      if (on && !channel && Channel) {
        channel = new Channel(`status-banner:${name}`);
        channel.onmessage = (event) => onMessage(event.data);
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
