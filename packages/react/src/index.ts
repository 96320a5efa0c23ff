export { StatusBanner } from './status-banner.js';
export type { StatusBannerProps } from './status-banner.js';
export { useStatus } from './use-status.js';
export type { UseStatusResult } from './use-status.js';
export { StatusBannerChangeEvent, StatusBannerDismissEvent, StatusBannerElement } from '@status-banner/element';
// Every type of the layers below, so an app needs no direct dependency on them to type its code.
export type * from '@status-banner/element';
export type * from '@status-banner/core';
