// Two real origins for multi-tab tests in a real browser: a status origin that counts every request and stream
// and fails on demand, and an app origin serving the host page with the built script tag. Plain node:http, one
// process, HTTP/1.1 (so the browser's six-connections-per-host limit applies, as on most status hosts).
//
// Requests are told apart by tab through the Referer: the host page sets `referrer=unsafe-url`, so even a
// cross-origin fetch carries the page's full URL, and every tab's URL has its own `?tab=` name.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import http2 from 'node:http2';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Where `npm run build` writes the self-registering script-tag bundle. */
export const SCRIPT_FILE = path.resolve(here, '../../packages/element/dist/status-banner.min.js');

const CORS = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'Retry-After' };

/**
 * A native snapshot (docs/protocol.md) with one major incident titled `title`. The revision stays the same
 * across titles, so a dismissal holds while the test changes the words.
 */
export function snapshotOf(title, version, { id = 'inc-1', severity = 'major', revision = 'r1' } = {}) {
  return {
    provider: 'native',
    version,
    page: { name: 'Test status' },
    indicator: severity,
    notices: [{ id, kind: 'incident', title, severity, phase: 'investigating', revision }],
    components: [],
  };
}

/**
 * A throwaway self-signed certificate for 127.0.0.1, made with the system's openssl (the browser is told to
 * accept it); `undefined` when there is no openssl.
 */
export function selfSignedCertificate() {
  const dir = mkdtempSync(path.join(tmpdir(), 'status-banner-cert-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=127.0.0.1',
      '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')], { stdio: 'ignore' });
    return { key: readFileSync(path.join(dir, 'key.pem')), cert: readFileSync(path.join(dir, 'cert.pem')) };
  } catch {
    return undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `server` listening on a free loopback port; resolves with the port. */
function listen(server, host = '127.0.0.1') {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve(server.address().port));
  });
}

/** Closes `server`, dropping kept-alive and streaming connections instead of waiting for them. */
function shut(server, sockets) {
  return new Promise((resolve) => {
    server.close(() => resolve());
    if (server.closeAllConnections) server.closeAllConnections();
    else for (const socket of sockets) socket.destroy();
  });
}

/** The `tab` query parameter of the page that made a request, from its Referer; `?` when there is none. */
function tabOf(req) {
  try {
    return new URL(req.headers.referer).searchParams.get('tab') ?? '?';
  } catch {
    return '?';
  }
}

/**
 * @typedef {object} StatusRequest
 * @property {number} at `Date.now()` when the request arrived.
 * @property {string} path `/status.json`, `/stream`, `/ping` ...
 * @property {string} tab The requesting tab's name.
 * @property {string} http The HTTP version the browser spoke (`1.1`, `2.0`).
 * @property {number} [version] For `/status.json`, the version answered (absent on a failure).
 */

/**
 * The status origin: `GET /status.json` (the snapshot to poll), `GET /stream` (server-sent events), `GET /ping`
 * (a stand-in for the host app's own API on the same origin), and CORS preflights.
 *
 * With `http2` (`{ key, cert, maxConcurrentStreams }`) it is an HTTPS origin speaking only HTTP/2, whose
 * connection admits at most `maxConcurrentStreams` streams at once: every tab of a browser shares that one
 * connection, and a request beyond the limit waits.
 *
 * @param {{ title?: string, version?: number, heartbeatMs?: number, http2?: { key: Buffer, cert: Buffer, maxConcurrentStreams: number } }} [options]
 */
export async function startStatusOrigin({ title = 'Elevated error rates', version = 1000, heartbeatMs = 5000, http2: h2 } = {}) {
  let snapshot = snapshotOf(title, version);
  /** Failures answered to polls (not streams) while set: `{ status, retryAfter? }`. */
  let failure;
  /** @type {StatusRequest[]} */
  const requests = [];
  /** Every stream ever opened: when, by which tab, and when it closed. */
  const streams = [];
  const open = new Set();
  let peak = 0;

  const event = () => `event: snapshot\nid: ${snapshot.version}\ndata: ${JSON.stringify(snapshot)}\n\n`;

  const handle = (req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...CORS, 'Access-Control-Allow-Headers': 'Last-Event-ID', 'Access-Control-Max-Age': '86400' }).end();
      return;
    }
    const entry = { at: Date.now(), path: pathname, tab: tabOf(req), http: req.httpVersion };
    requests.push(entry);
    if (pathname === '/status.json') {
      if (failure) {
        const headers = { ...CORS, 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' };
        if (failure.retryAfter !== undefined) headers['Retry-After'] = String(failure.retryAfter);
        res.writeHead(failure.status, headers).end('unavailable');
        return;
      }
      entry.version = snapshot.version;
      // no-store: these tests count what clients ask for, so the browser's HTTP cache must not answer for them.
      res.writeHead(200, { ...CORS, 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(JSON.stringify(snapshot));
    } else if (pathname === '/stream') {
      res.writeHead(200, {
        ...CORS,
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-cache, no-transform',
        'X-Accel-Buffering': 'no',
      });
      res.write('retry: 1000\n\n');
      if (req.headers['last-event-id'] !== String(snapshot.version)) res.write(event());
      const record = { opened: Date.now(), tab: entry.tab, closed: undefined };
      streams.push(record);
      open.add(res);
      peak = Math.max(peak, open.size);
      const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), heartbeatMs);
      res.on('close', () => {
        clearInterval(heartbeat);
        open.delete(res);
        record.closed = Date.now();
      });
    } else if (pathname === '/ping') {
      res.writeHead(200, { ...CORS, 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' }).end('pong');
    } else {
      res.writeHead(404, CORS).end();
    }
  };
  const server = h2
    ? http2.createSecureServer({ key: h2.key, cert: h2.cert, settings: { maxConcurrentStreams: h2.maxConcurrentStreams } }, handle)
    : http.createServer(handle);
  const sockets = new Set();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const port = await listen(server);
  const url = `${h2 ? 'https' : 'http'}://127.0.0.1:${port}`;

  return {
    url,
    port,
    requests,
    streams,
    /** Requests to `path` (default the snapshot) since `since` (ms). */
    polls(since = 0, path = '/status.json') {
      return requests.filter((r) => r.path === path && r.at >= since);
    },
    /** How many streams are open now. */
    openStreams: () => open.size,
    /** The most streams open at once since the start, or since the last `resetPeak()`. */
    peakStreams: () => peak,
    resetPeak() {
      peak = open.size;
    },
    /** The snapshot served now. */
    snapshot: () => snapshot,
    /**
     * Serves a new snapshot titled `title` under the next version and writes it to every open stream.
     * Returns the version and when it was written.
     */
    publish(title, options) {
      snapshot = snapshotOf(title, snapshot.version + 1, options);
      const text = event();
      const at = Date.now();
      for (const res of open) res.write(text);
      return { version: snapshot.version, at };
    },
    /** Answers polls with `status` (and a Retry-After when given) until called again with no argument. */
    fail(status, retryAfter) {
      failure = status ? { status, retryAfter } : undefined;
    },
    close: () => shut(server, sockets),
  };
}

/**
 * The page the host app serves at `/?tab=<name>`: an error recorder for the oracle ("the SDK throws nothing at
 * the host"), then the script tag. Options in the query:
 * - `interval` (seconds, default 1); `stream=1` adds `data-stream`;
 * - `copies=2` pastes the script tag twice (the second copy from another URL, as a second version would be);
 * - `markup=1` also puts a `<status-banner>` with the same `src` in the markup;
 * - `long=1` fills the page with paragraphs, for layout-shift measurements.
 * `/blank?tab=<name>` is a page of the same origin without the banner.
 */
function hostPage(query, statusUrl) {
  const interval = query.get('interval') ?? '1';
  const src = `${statusUrl}/status.json`;
  const stream = query.get('stream') === '1' ? ` data-stream="${statusUrl}/stream"` : '';
  const tag = (file) => `<script src="${file}" data-src="${src}" data-interval="${interval}"${stream}></script>`;
  const copies = Number(query.get('copies') ?? 1);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="referrer" content="unsafe-url">
<title>Host app, tab ${query.get('tab') ?? ''}</title>
<link rel="icon" href="data:,">
<script>
  window.__errors = [];
  addEventListener('error', (e) => __errors.push('error: ' + e.message));
  addEventListener('unhandledrejection', (e) => __errors.push('unhandledrejection: ' + (e.reason && e.reason.message || e.reason)));
</script>
</head>
<body>
<main><h1>Host app</h1>${query.get('long') === '1' ? Array.from({ length: 80 }, (_, i) => `<p>Host paragraph ${i}: the app's own content, which the banner must never move.</p>`).join('') : ''}</main>
${Array.from({ length: copies }, (_, i) => tag(i ? `/status-banner.min.js?copy=${i + 1}` : '/status-banner.min.js')).join('\n')}
${query.get('markup') === '1' ? `<status-banner src="${src}" interval="${interval}"${stream.replace('data-', '')}></status-banner>` : ''}
</body>
</html>
`;
}

/**
 * The host app's origin: `/` (the page above), `/blank`, and the built script tag.
 *
 * @param {{ statusUrl: string, host?: string }} options `statusUrl` is the status origin as the page names it
 *   (it may be a host name mapped by the browser's resolver rules rather than 127.0.0.1).
 */
export async function startAppOrigin({ statusUrl, host = '127.0.0.1' }) {
  const server = http.createServer(async (req, res) => {
    const { pathname, searchParams } = new URL(req.url ?? '/', 'http://localhost');
    try {
      if (pathname === '/') {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(hostPage(searchParams, statusUrl));
      } else if (pathname === '/blank') {
        res
          .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' })
          .end(
            '<!doctype html><meta charset="utf-8"><meta name="referrer" content="unsafe-url"><link rel="icon" href="data:,">' +
              '<title>Elsewhere</title><p>Another page',
          );
      } else if (/^\/status-banner\.[\w-]+\.js$/.test(pathname)) {
        // The script-tag file, and the chunks it loads from beside itself.
        const script = await readFile(path.join(path.dirname(SCRIPT_FILE), pathname.slice(1)));
        res.writeHead(200, { 'Content-Type': 'application/javascript; charset=utf-8', 'Cache-Control': 'no-cache' }).end(script);
      } else {
        res.writeHead(404).end();
      }
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  });
  const port = await listen(server, host);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    /**
     * The host page for tab `tab`, with the options of `hostPage`; `host` names this origin otherwise than
     * 127.0.0.1 (a name the browser maps to it).
     */
    page(tab, { host: name = '127.0.0.1', ...options } = {}) {
      const query = new URLSearchParams({ tab: String(tab), ...Object.fromEntries(Object.entries(options).map(([k, v]) => [k, String(v)])) });
      return `http://${name}:${port}/?${query}`;
    },
    /** A page of this origin without the banner. */
    blank: (tab, name = '127.0.0.1') => `http://${name}:${port}/blank?tab=${tab}`,
    close: () => shut(server),
  };
}
