// The core's main entry installs where its clients load the stream reader and other providers from.
import '@status-banner/core';
import { bundledLoader } from './bundled-loader.js';
import { defineStatusBanner } from './define.js';
import { installElementLoader } from './lazy.js';

export { StatusBannerElement } from './status-banner-element.js';
export type { StatusBannerCorner, StatusBannerPosition, StatusBannerProperties, StatusBannerTheme } from './status-banner-element.js';
export { StatusBannerChangeEvent, StatusBannerDismissEvent } from './events.js';
export { defineStatusBanner } from './define.js';
export { StatusController } from './status-controller.js';
export { en } from './strings.js';
export { LOCALES } from './locale.js';
export type { Locale } from './locale.js';
export { palette } from './palette.js';
export type { StatusBannerStrings } from './strings.js';

installElementLoader(bundledLoader);
defineStatusBanner();
