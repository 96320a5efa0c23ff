// What `/console` serves: the page, its script and styles, and the element's script-tag files (from the
// @status-banner/element package) for the live previews.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONSOLE_CSS, consoleHtml } from './page.js';

/** One file to serve. */
export interface ConsoleAsset {
  type: string;
  body: Buffer;
  headers: Record<string, string>;
}

/** The console's files, by path. */
export interface ConsoleAssets {
  get(pathname: string): Promise<ConsoleAsset | undefined>;
}

// Only this page, its own files and the banner's: no inline script, no other origin, no framing.
const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  // blob: is the preview's snapshot, handed to the banner as a URL.
  "connect-src 'self' blob:",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
const PAGE_HEADERS = {
  'Content-Security-Policy': CSP,
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
};

/** The folder of the element's built script-tag files, found through the package. */
function elementDist(): string {
  return path.dirname(fileURLToPath(import.meta.resolve('@status-banner/element/status-banner.min.js')));
}

/**
 * The console's files. `title` names the page.
 */
export function createConsoleAssets({ title = 'Status console' }: { title?: string } = {}): ConsoleAssets {
  const cache = new Map<string, Promise<ConsoleAsset | undefined>>();
  const html: ConsoleAsset = { type: 'text/html; charset=utf-8', body: Buffer.from(consoleHtml(title)), headers: PAGE_HEADERS };
  const css: ConsoleAsset = { type: 'text/css; charset=utf-8', body: Buffer.from(CONSOLE_CSS), headers: { 'Cache-Control': 'no-cache' } };
  const file = (target: string, type: string) =>
    readFile(target).then(
      (body): ConsoleAsset => ({ type, body, headers: { 'Cache-Control': 'no-cache' } }),
      () => undefined,
    );
  /** Files read once and kept; a name that is not there is not kept (anyone can ask for any number of them). */
  const cached = (key: string, load: () => Promise<ConsoleAsset | undefined>) => {
    let entry = cache.get(key);
    if (!entry) {
      entry = load().then((asset) => {
        if (!asset) cache.delete(key);
        return asset;
      });
      cache.set(key, entry);
    }
    return entry;
  };
  return {
    async get(pathname) {
      if (pathname === '/console' || pathname === '/console/') return html;
      if (pathname === '/console/app.css') return css;
      if (pathname === '/console/app.js') {
        return cached(pathname, () => file(fileURLToPath(new URL('./console-app.js', import.meta.url)), 'text/javascript; charset=utf-8'));
      }
      // The modules app.js imports, from the folder beside it in the build; names only, never a path.
      const part = /^\/console\/app\/([\w-]+\.js)$/.exec(pathname)?.[1];
      if (part) {
        return cached(pathname, () => file(fileURLToPath(new URL(`./app/${part}`, import.meta.url)), 'text/javascript; charset=utf-8'));
      }
      // The script-tag file and the chunks it loads from beside itself.
      const name = /^\/console\/assets\/(status-banner\.[\w-]+\.js)$/.exec(pathname)?.[1];
      if (name) {
        return cached(name, () => file(path.join(elementDist(), name), 'text/javascript; charset=utf-8'));
      }
      return undefined;
    },
  };
}
