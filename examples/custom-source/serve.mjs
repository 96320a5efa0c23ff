// The custom-source example: the page, its module bundled with esbuild (the workspace's built core and element,
// so run `npm run build` first), and a made-up status feed at /status/acme.json. Plain node:http.
//
// Run: node examples/custom-source/serve.mjs   (env PORT, default 8082), then open the URL it prints.

import { readFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The feed the page's banner reads: one open incident, in Acme's own format. */
export function acmeStatus(now = new Date()) {
  return {
    format: 'acme-status/1',
    service: 'Acme Shop',
    link: 'https://status.acme.example',
    parts: [
      { key: 'checkout', label: 'Checkout', ok: false },
      { key: 'search', label: 'Search', ok: true },
    ],
    events: [
      {
        ref: 'evt-42',
        headline: 'Checkout is failing for some cards',
        level: 2,
        details: 'We are rolling back the latest payment release.',
        updated: new Date(now.getTime() - 4 * 60_000).toISOString(),
        parts: ['checkout'],
      },
    ],
  };
}

/**
 * Starts the example's server. Resolves with its URL once listening (port 0 asks the OS for one).
 *
 * @param {{ port?: number, host?: string }} [options]
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function createCustomSourceServer({ port = 8082, host = '127.0.0.1' } = {}) {
  // Bundled once at start: the element's lazy parts (its view) come along in the one file.
  const { outputFiles } = await build({
    entryPoints: [path.join(here, 'app.js')],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const script = outputFiles[0].text;
  const server = http.createServer(async (req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    const send = (status, type, body) => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (pathname === '/' || pathname === '/index.html') send(200, 'text/html; charset=utf-8', await readFile(path.join(here, 'index.html'), 'utf8'));
    else if (pathname === '/app.js') send(200, 'application/javascript; charset=utf-8', script);
    else if (pathname === '/status/acme.json') send(200, 'application/json; charset=utf-8', JSON.stringify(acmeStatus()));
    else send(404, 'text/plain; charset=utf-8', `Not found: ${pathname}\n`);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const url = `http://${host}:${server.address().port}`;
  return {
    url,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { url } = await createCustomSourceServer({ port: Number(process.env.PORT ?? 8082) });
  console.log(`custom-source example: open ${url}/`);
}
