// A host page of its own, in an iframe, with only what a test puts in it (its head, its body, and the script
// tag with `data-*` attributes), recording what the banner must never do to a page: uncaught errors, unhandled
// rejections, and its console warnings and errors.

/** The test page's own origin for the files it serves; another origin (`127.0.0.1` for `localhost`) for cross-origin cases. */
export const otherOrigin = () => location.origin.replace('//localhost:', '//127.0.0.1:');

/** The built script-tag files. */
export const SCRIPT = '/packages/element/dist/status-banner.min.js';

export type FramedWindow = Window & { __errors: string[]; __warnings: string[]; __consoleErrors: string[] };

export interface FramedPageOptions {
  /** `data-*` attributes of the script tag (without the prefix). */
  data?: Record<string, string>;
  /** The script tag's URL. Default {@link SCRIPT}; `null` for no script tag. */
  file?: string | null;
  /** Markup before the recorder and the script (a CSP `<meta>`, styles, patches of the page's APIs). */
  head?: string;
  /** Markup after the script tag. */
  body?: string;
  /** `type="module"` on the script tag. */
  module?: boolean;
  /** The iframe's `sandbox` attribute (`allow-scripts` gives an opaque origin). */
  sandbox?: string;
  /** The iframe's size, in px. Default 800 × 600. */
  width?: number;
  height?: number;
}

/** Escapes an attribute value. */
const attr = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** Opens the page and resolves once it has loaded. */
export async function framedPage({ data = {}, file = SCRIPT, head = '', body = '', module = false, sandbox, width = 800, height = 600 }: FramedPageOptions = {}) {
  const frame = document.createElement('iframe');
  Object.assign(frame.style, { width: `${width}px`, height: `${height}px`, border: '0' });
  if (sandbox !== undefined) frame.setAttribute('sandbox', sandbox);
  const attributes = Object.entries(data)
    .map(([key, value]) => ` data-${key}="${attr(value)}"`)
    .join('');
  const src = file && new URL(file, location.href).href;
  frame.srcdoc = `<!doctype html><html><head>${head}<script>
    window.__errors = []; window.__warnings = []; window.__consoleErrors = [];
    addEventListener('error', (e) => __errors.push(String(e.message)));
    addEventListener('unhandledrejection', (e) => __errors.push(String(e.reason)));
    const warn = console.warn; console.warn = (...args) => (__warnings.push(args.map(String).join(' ')), warn(...args));
    const error = console.error; console.error = (...args) => (__consoleErrors.push(args.map(String).join(' ')), error(...args));
  </script>${src ? `<script${module ? ' type="module"' : ''} src="${src}"${attributes}></script>` : ''}</head><body>${body}</body></html>`;
  const ready = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await ready;
  const inner = frame.contentWindow as FramedWindow;
  return {
    frame,
    window: inner,
    /** The first banner on the page. */
    banner: () => inner.document.querySelector('status-banner') as (HTMLElement & { state: { status: string; notices: unknown[] }; updateComplete: Promise<boolean>; severity?: string }) | null,
    /** The files of ours the page has fetched, by name (`status-banner.view.js`), in order. */
    loaded: () =>
      inner.performance
        .getEntriesByType('resource')
        .map((entry) => new URL(entry.name).pathname.split('/').pop()!)
        .filter((name) => name.startsWith('status-banner.')),
    close: () => frame.remove(),
  };
}
