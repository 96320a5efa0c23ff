// What the tabs of one browser say to each other about one status (tabs.ts elects the leader and carries the
// messages): the leader shares each snapshot it confirms, any tab shares what it dismisses, and a tab that has
// just been shown asks the leader for what it knows. A follower takes what it hears like any answer.

import { ownCopy } from '../own.js';
import { isRecord } from '../sources/normalize.js';
import { createTabs } from '../tabs.js';

/** What tabs tell each other: a snapshot with when it was fetched and last confirmed, or dismissals. */
export interface TabMessage {
  /** A tab that has just been shown asks the leader for what it knows. */
  hello?: boolean;
  snapshot?: unknown;
  fetchedAt?: number;
  checkedAt?: number;
  dismissals?: unknown;
}

/** What a tab does with what it hears; called in this order for one message. */
export interface TabSyncHandlers {
  /** This tab became the leader (true) or stopped being it (false). */
  lead(leading: boolean): void;
  /** Dismissals another tab made, unvalidated. */
  dismissals(value: unknown): void;
  /** A tab was shown and asks; called only while this tab leads. */
  hello(): void;
  /** A snapshot the leader confirmed at `checkedAt` (> 0), unvalidated. */
  snapshot(value: unknown, checkedAt: number, fetchedAt: number): void;
}

export interface TabSync {
  /** Whether one tab leads for the whole browser: Web Locks and a channel both work. */
  readonly shared: boolean;
  /** Whether this tab leads now. */
  readonly leading: boolean;
  /** Asks to lead, or steps down. */
  want(lead: boolean): void;
  /** Opens or closes the channel (closed while hidden, so the page stays eligible for the back/forward cache). */
  listen(on: boolean): void;
  /** Asks the leader for what it knows. */
  hello(): void;
  /** Tells the other tabs a snapshot, confirmed at `checkedAt`. */
  share(snapshot: unknown, fetchedAt: number | undefined, checkedAt: number): void;
  /** Tells the other tabs of dismissals. */
  dismissed(dismissals: unknown): void;
  /** Steps down and closes everything; nothing heard afterwards is passed on. */
  close(): void;
}

/** @param name - What is shared: one name per status endpoint. */
export function createTabSync(name: string, handlers: TabSyncHandlers): TabSync {
  let leading = false;
  let closed = false;
  const tabs = createTabs(
    name,
    (lead) => handlers.lead((leading = lead)),
    (data) => {
      if (!isRecord(data) || closed) return;
      const message = ownCopy(data) as TabMessage;
      if (message.dismissals) handlers.dismissals(message.dismissals);
      if (message.hello && leading) handlers.hello();
      const at = Number(message.checkedAt);
      if (message.snapshot && at > 0) handlers.snapshot(message.snapshot, at, Number(message.fetchedAt) || at);
    },
  );
  const post = (message: TabMessage) => tabs.post(message);
  return {
    get shared() {
      return tabs.shared;
    },
    get leading() {
      return leading;
    },
    want: (lead) => tabs.want(lead),
    listen: (on) => tabs.listen(on),
    hello: () => post({ hello: true }),
    share: (snapshot, fetchedAt, checkedAt) => post({ snapshot, fetchedAt, checkedAt }),
    dismissed: (dismissals) => post({ dismissals }),
    close() {
      closed = true;
      tabs.close();
    },
  };
}
