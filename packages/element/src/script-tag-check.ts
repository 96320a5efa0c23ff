// status-banner.check.js: the smallest file of the script-tag build's folder. The script-tag file imports it
// once a day to learn that the files it loads on demand are served beside it (script-tag-loader.ts).

/** Always true: that the module loaded is the answer. */
export const served = true;
