import { defineStatusBanner } from './define.js';

export { StatusBannerElement } from './status-banner-element.js';
export type { StatusBannerPosition } from './status-banner-element.js';
export { StatusBannerChangeEvent, StatusBannerDismissEvent } from './events.js';
export { defineStatusBanner } from './define.js';
export { StatusController } from './status-controller.js';
export { en } from './strings.js';
export { palette } from './styles.js';
export type { StatusBannerStrings } from './strings.js';

defineStatusBanner();
