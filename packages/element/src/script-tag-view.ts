// status-banner.view.js, which the script-tag file loads beside itself: the banner's view, and its own loader for
// the words of other languages (status-banner.locale-fr.js and so on, chunks of the same build). This build's
// copy of the element's lazy.ts is not the script-tag file's, so the view installs what it needs in it.

import { bundledLocale } from './bundled-loader.js';
import { installElementLoader } from './lazy.js';

export { BannerView } from './banner-view.js';

installElementLoader({ locale: bundledLocale });
