import type { Notice, StatusSnapshot } from '@status-banner/core';

/** Fired when the banner receives a new snapshot. Bubbles and crosses shadow roots. */
export class StatusBannerChangeEvent extends Event {
  static readonly type = 'status-banner-change';
  constructor(readonly snapshot: StatusSnapshot) {
    super(StatusBannerChangeEvent.type, { bubbles: true, composed: true });
  }
}

/**
 * Fired when the user dismisses a notice, before it is hidden. Cancelable: `preventDefault()` keeps it shown.
 * Bubbles and crosses shadow roots.
 */
export class StatusBannerDismissEvent extends Event {
  static readonly type = 'status-banner-dismiss';
  constructor(readonly notice: Notice) {
    super(StatusBannerDismissEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'status-banner-change': StatusBannerChangeEvent;
    'status-banner-dismiss': StatusBannerDismissEvent;
  }
}
