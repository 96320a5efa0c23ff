// The page's module: the custom format first, then the element, which reads whatever `src` serves.
import './acme-source.js';
import '@status-banner/element';
