import { createComponent, type EventName } from '@lit/react';
import { StatusBannerElement, type StatusBannerChangeEvent, type StatusBannerDismissEvent, type StatusBannerProperties } from '@status-banner/element';
import * as React from 'react';

/** The props of {@link StatusBanner}: the element's properties, its two events, and any HTML attribute. */
export type StatusBannerProps = StatusBannerProperties &
  Omit<React.HTMLAttributes<StatusBannerElement>, 'onChange'> & {
    /** A new snapshot arrived: `event.snapshot`. */
    onChange?: (event: StatusBannerChangeEvent) => void;
    /** The user dismissed a notice: `event.notice`. Call `event.preventDefault()` to keep it shown. */
    onDismiss?: (event: StatusBannerDismissEvent) => void;
  } & React.RefAttributes<StatusBannerElement>;

/**
 * `<status-banner>` as a React component. Props that are element properties are set as properties (objects
 * such as `strings` included); others become attributes. On the server it renders an empty
 * `<status-banner>` that fetches nothing until it is hydrated in the browser.
 *
 * @example
 * ```tsx
 * <StatusBanner src="https://www.githubstatus.com" position="bottom" onDismiss={(e) => log(e.notice.id)} />
 * ```
 */
export const StatusBanner: React.ForwardRefExoticComponent<StatusBannerProps> = createComponent({
  react: React,
  tagName: 'status-banner',
  elementClass: StatusBannerElement,
  events: {
    onChange: 'status-banner-change' as EventName<StatusBannerChangeEvent>,
    onDismiss: 'status-banner-dismiss' as EventName<StatusBannerDismissEvent>,
  },
  displayName: 'StatusBanner',
}) as React.ForwardRefExoticComponent<StatusBannerProps>;
