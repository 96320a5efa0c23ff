// The script tag in one self-contained file (status-banner.standalone.min.js), for those who want a single file:
// the loaders are the npm build's, whose imports the build bundles in, so nothing loads from beside it.

// The core's main entry installs its own loader (the stream reader and every provider, bundled in here).
import '@status-banner/core';
import { bundledLoader } from './bundled-loader.js';
import { installElementLoader } from './lazy.js';
import { startScriptTag } from './script-tag-start.js';

installElementLoader(bundledLoader);
startScriptTag();
