// The one-line script tag (status-banner.min.js):
//   <script async src="status-banner.min.js" data-src="https://status.example.com"></script>
// Everything beyond the element, the client and the Statuspage and native readers (the view, the stream reader,
// the other providers, the languages) loads from the files beside it, through the loaders installed here.

import { installLoader } from '@status-banner/core/shared';
import { installElementLoader } from './lazy.js';
import { besideCore, besideElement } from './script-tag-loader.js';
import { startScriptTag } from './script-tag-start.js';

installLoader(besideCore);
installElementLoader(besideElement);
startScriptTag();
