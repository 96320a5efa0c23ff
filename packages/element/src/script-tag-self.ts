// Which <script> tags ran the script-tag file, read while it first runs. A classic script is
// `document.currentScript`. A `type="module"` tag has none (and runs once however many tags name the file), so
// there it is every tag in the document whose URL names a status-banner file.

const doc = globalThis.document;
const current = doc?.currentScript as HTMLScriptElement | null | undefined;

/** The tags to mount banners from: the running classic script, or every module tag of ours. */
export const scripts: HTMLScriptElement[] = current
  ? [current]
  : [...(doc?.querySelectorAll<HTMLScriptElement>('script[src]') ?? [])].filter((script) => /\/status-banner[\w.-]*\.js(\?|#|$)/.test(script.src));

/** The URL the files loaded on demand are found beside. */
export const base = scripts[0]?.src || doc?.baseURI;
