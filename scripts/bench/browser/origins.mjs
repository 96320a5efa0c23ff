// The performance lab's two origins, plain node:http on loopback: the host app (its page, with or without the
// script tag, and the built files of packages/element/dist) and the status origin (a recorded Statuspage
// summary, and a native stream the lab writes to). Both gzip what they send when asked, as a CDN or a status
// host does, so the browser's network log counts the bytes a visitor's connection carries.

import { readFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { fixturePath } from '../../../test/helpers/fixtures.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const DIST = path.join(root, 'packages/element/dist');

/** The status answers the lab serves: a quiet page and a major incident, both recorded from githubstatus.com. */
export const PAYLOADS = {
  quiet: fixturePath('real/statuspage/githubstatus-summary-all-operational-2019-12-30.json'),
  incident: fixturePath('real/statuspage/githubstatus-summary-major-outage-investigating-2020-04-02.json'),
};

const CORS = { 'Access-Control-Allow-Origin': '*', 'Timing-Allow-Origin': '*' };

/** Writes `body`, gzipped when the request accepts it. */
function send(req, res, status, headers, body) {
  const zipped = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
  const bytes = zipped ? gzipSync(body) : Buffer.from(body);
  res.writeHead(status, { ...headers, ...(zipped && { 'Content-Encoding': 'gzip' }), 'Content-Length': bytes.length, Vary: 'Accept-Encoding' });
  res.end(bytes);
}

function listen(server) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${server.address().port}`));
  });
}

function closer(server) {
  return () =>
    new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
}

/** A native snapshot (docs/protocol.md) with one major incident: what the lab streams. */
export const nativeSnapshot = (version, id, title) => ({
  provider: 'native',
  version,
  page: { name: 'Lab status' },
  indicator: 'major',
  notices: [{ id, kind: 'incident', title, severity: 'major', phase: 'investigating', revision: title }],
  components: [],
});

/**
 * The status origin. `GET /status.json` answers the payload named by `mode` (changeable); `GET /stream` is a
 * server-sent event stream the lab writes to with `publish`.
 */
export async function startStatusOrigin({ mode = 'quiet' } = {}) {
  const bodies = { quiet: await readFile(PAYLOADS.quiet, 'utf8'), incident: await readFile(PAYLOADS.incident, 'utf8') };
  const streams = new Set();
  const state = { mode };
  const server = http.createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    if (pathname === '/status.json') {
      send(req, res, 200, { ...CORS, 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }, bodies[state.mode]);
    } else if (pathname === '/stream') {
      // Never gzipped: a compressing proxy would hold events back until its buffer fills.
      res.writeHead(200, { ...CORS, 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache, no-transform' });
      res.write('retry: 1000\n\n');
      streams.add(res);
      res.on('close', () => streams.delete(res));
    } else {
      res.writeHead(404, CORS).end();
    }
  });
  const url = await listen(server);
  return {
    url,
    /** Serves the quiet page or the incident from now on. */
    serve(next) {
      state.mode = next;
    },
    /** Writes `snapshots` to every open stream, in one write. */
    publish(snapshots) {
      const text = snapshots.map((s) => `event: snapshot\nid: ${s.version}\ndata: ${JSON.stringify(s)}\n\n`).join('');
      for (const res of streams) res.write(text);
    },
    openStreams: () => streams.size,
    close: closer(server),
  };
}

/**
 * The least any status banner does on a quiet page, the lab's control: ask for the status and read the answer.
 * Served from the host app as the banner is, tagged the same way (async, `data-src`).
 */
const FLOOR_SCRIPT = `fetch(document.currentScript.dataset.src).then((r) => r.json()).then((answer) => { window.labFloor = answer.status?.indicator; });\n`;

/**
 * The host app: `/` a plain page of its own (a heading and some paragraphs), with the script tag when `tag=1`,
 * or the lab's control (`/floor.js`, FLOOR_SCRIPT above) when `tag=floor`, the tag's data-* from the other query
 * parameters; `/status-banner.*.js` the built files, gzipped, with `no-cache` as a CDN serving a moving version
 * would.
 */
export async function startAppOrigin({ statusUrl }) {
  const server = http.createServer(async (req, res) => {
    const { pathname, searchParams } = new URL(req.url ?? '/', 'http://localhost');
    if (pathname === '/') {
      send(req, res, 200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }, hostPage(searchParams, statusUrl));
    } else if (pathname === '/floor.js') {
      send(req, res, 200, { 'Content-Type': 'application/javascript; charset=utf-8', 'Cache-Control': 'no-cache' }, FLOOR_SCRIPT);
    } else if (/^\/status-banner\.[\w.-]+\.js$/.test(pathname)) {
      try {
        const script = await readFile(path.join(DIST, pathname.slice(1)));
        send(req, res, 200, { 'Content-Type': 'application/javascript; charset=utf-8', 'Cache-Control': 'no-cache' }, script);
      } catch {
        res.writeHead(404).end();
      }
    } else {
      res.writeHead(404).end();
    }
  });
  const url = await listen(server);
  return {
    url,
    /** The host page's URL: `tag` adds the script tag (`'floor'`: the control instead), `stream` its data-stream. */
    page: ({ tag = true, stream = false, run = 0 } = {}) =>
      `${url}/?${new URLSearchParams({ tag: tag === 'floor' ? 'floor' : tag ? '1' : '0', stream: stream ? '1' : '0', run: String(run) })}`,
    close: closer(server),
  };
}

function hostPage(query, statusUrl) {
  const stream = query.get('stream') === '1' ? ` data-stream="${statusUrl}/stream"` : '';
  const file = { 1: '/status-banner.min.js', floor: '/floor.js' }[query.get('tag')];
  const tag = file ? `<script async src="${file}" data-src="${statusUrl}/status.json"${stream}></script>` : '';
  const paragraphs = Array.from({ length: 30 }, (_, i) => `<p>Paragraph ${i + 1} of the host app's own content.</p>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Lab host page</title>
<link rel="icon" href="data:,">
${tag}
</head>
<body>
<main><h1>Host app</h1>
${paragraphs}
</main>
</body>
</html>
`;
}
