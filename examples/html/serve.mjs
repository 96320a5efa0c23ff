// The demo "app" server: index.html with the status server's URL filled in, and the element's script-tag
// bundle. Plain node:http, no framework. `npm start` runs it next to the status server (scripts/start.mjs).
//
// Run alone: STATUS_URL=http://127.0.0.1:8081 node examples/html/serve.mjs   (env PORT, default 8080)

import { readFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { escapeAttribute, listen, send } from '../http.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The port the page server asks for when none is given. */
export const DEFAULT_PAGE_PORT = 8080;

/** Where `npm run build` writes the self-registering script-tag bundle. */
export const DEFAULT_SCRIPT_FILE = path.resolve(here, '../../packages/element/dist/status-banner.min.js');

const DEFAULT_PAGE_FILE = path.join(here, 'index.html');
/** Every state, theme and position of the banner, in preview: examples/gallery. */
const GALLERY_FILE = path.resolve(here, '../gallery/index.html');
const repoRoot = path.resolve(here, '../..');

/**
 * @typedef {object} PageServerOptions
 * @property {string} statusUrl Base URL of the status server, written into the page's `data-src`.
 * @property {number} [port] Port to listen on (default 8080). 0 asks the OS for one; a taken port falls back to
 *   an OS-assigned one.
 * @property {string} [host] Interface to bind (default `127.0.0.1`).
 * @property {string} [scriptFile] The bundle served as `/status-banner.min.js` (default the element's dist build);
 *   the files it loads on demand (`status-banner.view.js`, `status-banner.sse.js`) are served from beside it.
 * @property {string} [pageFile] The page served as `/` (default `examples/html/index.html`).
 */

/**
 * Starts the demo page server. `GET /` answers the page with every `%STATUS_URL%` replaced by `statusUrl`,
 * `GET /gallery/` the gallery of every state of the banner (examples/gallery);
 * `GET /status-banner.min.js` answers the built bundle, or a 500 saying to run `npm run build` when it is missing.
 * Both files are read on every request, so a rebuild or an edit shows on reload.
 *
 * @param {PageServerOptions} options
 * @returns {Promise<{ url: string, close: () => Promise<void> }>} Resolves once the server is listening.
 *
 * @example
 * const page = await createPageServer({ port: 0, statusUrl: 'http://127.0.0.1:8081' });
 * console.log(`open ${page.url}/`);
 */
export async function createPageServer({
  statusUrl,
  port = DEFAULT_PAGE_PORT,
  host = '127.0.0.1',
  scriptFile = DEFAULT_SCRIPT_FILE,
  pageFile = DEFAULT_PAGE_FILE,
}) {
  if (typeof statusUrl !== 'string' || !/^https?:\/\//.test(statusUrl)) {
    throw new TypeError(`statusUrl must be an http(s) URL, not ${statusUrl}`);
  }
  // The script-tag file and, from the same folder, the chunks it loads on demand and their source maps.
  const asset = (pathname) => {
    const name = /^\/(status-banner\.[\w-]+\.js)(\.map)?$/.exec(pathname);
    if (!name) return undefined;
    const file = name[1] === 'status-banner.min.js' ? scriptFile : path.join(path.dirname(scriptFile), name[1]);
    return name[2] ? { file: `${file}.map`, type: 'application/json; charset=utf-8' } : { file, type: 'application/javascript; charset=utf-8' };
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error) => {
      if (!res.headersSent) send(req, res, 500, 'text/plain; charset=utf-8', `Internal error: ${error.message}\n`);
      else res.destroy();
    });
  });

  async function handle(req, res) {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      send(req, res, 405, 'text/plain; charset=utf-8', `${req.method} is not supported\n`);
      return;
    }
    if (pathname === '/gallery' || pathname === '/gallery/' || pathname === '/gallery/index.html') {
      send(req, res, 200, 'text/html; charset=utf-8', await readFile(GALLERY_FILE, 'utf8'));
      return;
    }
    if (pathname === '/' || pathname === '/index.html') {
      const html = await readFile(pageFile, 'utf8');
      send(req, res, 200, 'text/html; charset=utf-8', html.replaceAll('%STATUS_URL%', escapeAttribute(statusUrl)));
      return;
    }
    const found = asset(pathname);
    if (!found) {
      send(req, res, 404, 'text/plain; charset=utf-8', `Not found: ${pathname}\n`);
      return;
    }
    let body;
    try {
      body = await readFile(found.file);
    } catch (error) {
      if (error.code !== 'ENOENT') throw error;
      if (pathname.endsWith('.map')) {
        send(req, res, 404, 'text/plain; charset=utf-8', `Not found: ${pathname}\n`);
        return;
      }
      if (pathname !== '/status-banner.min.js') {
        send(req, res, 404, 'text/plain; charset=utf-8', `Not found: ${pathname}\n`);
        return;
      }
      const relative = path.relative(repoRoot, found.file);
      send(req, res, 500, 'text/plain; charset=utf-8', `${relative} is missing. Run \`npm run build\` first, then reload.\n`);
      return;
    }
    send(req, res, 200, found.type, body);
  }

  const boundPort = await listen(server, port, host);
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${boundPort}`,
    close() {
      return new Promise((resolve, reject) => {
        if (!server.listening) {
          resolve();
          return;
        }
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}

async function main() {
  const raw = process.env.PORT;
  const port = raw ? Number(raw) : DEFAULT_PAGE_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT=${raw} is not valid`);
  const page = await createPageServer({ port, statusUrl: process.env.STATUS_URL ?? 'http://127.0.0.1:8081' });
  console.log(`demo page ${page.url}/ (status from ${process.env.STATUS_URL ?? 'http://127.0.0.1:8081'})`);
  const stop = () => page.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error.message);
    process.exitCode = 1;
  });
}
