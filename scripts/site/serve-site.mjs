// The site `npm start` opens: an index page, the live examples and the docs, from one local server. Plain
// node:http, no framework.
//
//   /                          the index: what to open, and the commands
//   /examples/html/            the script-tag demo (examples/html/index.html, status server filled in), and the
//                              script-tag files at /status-banner.*.js
//   /examples/react/, /vue/    the Vite builds of examples/react and examples/vue (`npm start` builds them)
//   /examples/custom-source/   a redirect to the custom-source example's own server (it bundles its page itself)
//   /gallery/                  examples/gallery: the theme studio (every state, theme and position of the banner, in
//                              preview, restyled live), or one banner alone with ?preview=...
//   /docs/, /README.md, ...    every Markdown file of the repository that the docs can link to, rendered
//   /packages/*/src/..., ...   the repository's other files the docs link to (sources, tests, fixtures, scripts,
//                              examples, LICENSE), read-only, as text; never dot files, node_modules or builds

import { realpathSync } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SCRIPT_FILE } from '../../examples/html/serve.mjs';
import { escapeAttribute as escape, listen, send } from '../../examples/http.mjs';
import { renderMarkdown } from './render-markdown.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const realRoot = realpathSync(root);

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};
/** Files of the repository the docs link to, served as text. */
const TEXT = /(\.(ts|tsx|mts|vue|mjs|js|json|css|html|txt)|^LICENSE)$/;
/** Where those files may be: the docs, examples, scripts, tests, and the packages' sources, tests and manifests. */
const REPOSITORY = /^((README|CONTRIBUTING)\.md|LICENSE|package\.json|(docs|examples|scripts|test)\/.+|packages\/[\w-]+\/((src|test)\/.+|README\.md|CHANGELOG\.md|LICENSE|package\.json))$/;

/**
 * @typedef {object} SiteOptions
 * @property {string} statusUrl The demo status server, written into every example page.
 * @property {number} [port] Default 8080; 0 asks the OS; a taken port falls back to an OS-assigned one.
 * @property {string} [host] Default `127.0.0.1`.
 * @property {{ react?: string, vue?: string }} [builds] Where the examples' Vite builds are (default their `dist/`).
 * @property {string} [customSourceUrl] Where examples/custom-source/serve.mjs runs; /examples/custom-source/ leads there.
 */

/**
 * Starts the site server.
 *
 * @param {SiteOptions} options
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 * @example
 * const site = await createSiteServer({ port: 0, statusUrl: 'http://127.0.0.1:8081' });
 */
export async function createSiteServer({ statusUrl, port = 8080, host = '127.0.0.1', builds = {}, customSourceUrl }) {
  if (typeof statusUrl !== 'string' || !/^https?:\/\//.test(statusUrl)) throw new TypeError(`statusUrl must be an http(s) URL, not ${statusUrl}`);
  const dirs = {
    react: builds.react ?? path.join(root, 'examples/react/dist'),
    vue: builds.vue ?? path.join(root, 'examples/vue/dist'),
  };
  const withStatus = (html) =>
    html
      .replaceAll('%STATUS_URL%', escape(statusUrl))
      .replace(/(<meta name="status-server" content=")[^"]*(")/, `$1${escape(statusUrl)}$2`);

  async function handle(req, res) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(req, res, 405, 'text/plain; charset=utf-8', `${req.method} is not supported\n`, { Allow: 'GET, HEAD' });
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      return notFound(req, res, req.url);
    }
    if (pathname === '/' || pathname === '/index.html') return send(req, res, 200, TYPES['.html'], indexPage());
    // The script-tag file, and the chunks it loads on demand from beside it, with their maps.
    const script = /^\/(status-banner\.[\w-]+\.js)(\.map)?$/.exec(pathname);
    if (script) {
      const target = path.join(path.dirname(DEFAULT_SCRIPT_FILE), script[1]) + (script[2] ?? '');
      return file(req, res, target, pathname === '/status-banner.min.js' ? 'Run `npm run build` first.' : undefined);
    }
    // Directories without their slash: relative links inside them need it.
    if (/^\/(examples\/[\w-]+|docs(\/api)?)$/.test(pathname)) return redirect(res, `${pathname}/`);
    if (pathname === '/examples/html/') return send(req, res, 200, TYPES['.html'], withStatus(await readFile(path.join(root, 'examples/html/index.html'), 'utf8')));
    // Where examples/html/serve.mjs serves it too, so a link from the script-tag demo reaches it either way.
    if (pathname === '/gallery' || pathname === '/gallery/') return file(req, res, path.join(root, 'examples/gallery/index.html'));
    if (pathname === '/examples/custom-source/') {
      if (customSourceUrl) return redirect(res, `${customSourceUrl}/`, 302);
      const hint = 'It runs on a server of its own: node examples/custom-source/serve.mjs (npm start runs it).';
      return send(req, res, 404, TYPES['.html'], page('examples/custom-source', `<h1>examples/custom-source</h1><p>${escape(hint)}</p><p><a href="/">Back to the index</a></p>`));
    }
    const example = /^\/examples\/(react|vue)\/(.*)$/.exec(pathname);
    if (example) {
      const [, name, rest] = example;
      const target = inside(dirs[name], rest || 'index.html');
      if (target?.endsWith('.html') || !rest) {
        const html = await readFile(target ?? '', 'utf8').catch(() => undefined);
        if (html !== undefined) return send(req, res, 200, TYPES['.html'], withStatus(html));
        const hint = 'Not built yet: `npm start` builds it (or `npm run build:examples`).';
        return send(req, res, 404, TYPES['.html'], page(`examples/${name}`, `<h1>examples/${name}</h1><p>${escape(hint)}</p><p><a href="/">Back to the index</a></p>`));
      }
      return file(req, res, target);
    }
    if (pathname === '/docs/') return markdown(req, res, path.join(root, 'docs/README.md'));
    if (pathname === '/docs/api/') return markdown(req, res, path.join(root, 'docs/api/README.md'));
    const target = await repositoryFile(pathname.slice(1));
    if (!target) return notFound(req, res, pathname);
    if (target.endsWith('.md')) return markdown(req, res, target);
    if (/^docs\//.test(path.relative(root, target)) && !TEXT.test(target)) return file(req, res, target);
    if (TEXT.test(path.basename(target))) return file(req, res, target, undefined, TYPES['.txt']);
    return notFound(req, res, pathname);
  }

  async function markdown(req, res, target) {
    const text = await readFile(target, 'utf8').catch(() => undefined);
    if (text === undefined) return notFound(req, res, path.relative(root, target));
    const { html, title } = renderMarkdown(text);
    send(req, res, 200, TYPES['.html'], page(title, `<article>${html}</article>`));
  }

  async function file(req, res, target, missing, type) {
    const info = target && (await stat(target).catch(() => undefined));
    if (!info?.isFile()) {
      if (missing) return send(req, res, 500, 'text/plain; charset=utf-8', `${path.relative(root, target)} is missing. ${missing}\n`);
      return notFound(req, res, target ? path.relative(root, target) : '');
    }
    send(req, res, 200, type ?? TYPES[path.extname(target)] ?? 'application/octet-stream', await readFile(target));
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error) => {
      if (!res.headersSent) send(req, res, 500, 'text/plain; charset=utf-8', `Internal error: ${error.message}\n`);
      else res.destroy();
    });
  });
  const bound = await listen(server, port, host);
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${bound}`,
    close: () =>
      new Promise((resolve, reject) => {
        if (!server.listening) return resolve();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/**
 * The file of the repository at `relative` that the site may show, or undefined: inside the repository once links
 * are followed, in the places REPOSITORY names, no segment a dot file or node_modules, and a file.
 */
async function repositoryFile(relative) {
  const target = inside(root, relative);
  const real = target && (await realpath(target).catch(() => undefined));
  const rel = real && inside(realRoot, real) && path.relative(realRoot, real).split(path.sep).join('/');
  if (!rel || !REPOSITORY.test(rel) || rel.split('/').some((segment) => segment.startsWith('.') || segment === 'node_modules' || segment === 'dist')) return undefined;
  return (await stat(real).catch(() => undefined))?.isFile() ? real : undefined;
}

/** `rel` inside `dir`, or undefined when it would leave it. */
function inside(dir, rel) {
  const target = path.resolve(dir, rel);
  return target === dir || target.startsWith(dir + path.sep) ? target : undefined;
}

function indexPage() {
  const card = (href, title, text) => `<li><a href="${href}"><strong>${title}</strong></a><span>${text}</span></li>`;
  return page(
    'status-banner demo',
    `<h1>status-banner</h1>
<p class="lead">A live, accessible status banner for your product. The status server behind these pages plays a scripted
incident and maintenance timeline: each example below shows it as it happens.</p>
<h2>Examples</h2>
<ul class="cards">
${card('/examples/html/', 'Script tag', 'A plain HTML page with one <code>&lt;script&gt;</code> tag: the whole integration.')}
${card('/examples/react/', 'React', '<code>&lt;StatusBanner&gt;</code> and a panel of your own from <code>useStatus()</code> (Vite).')}
${card('/examples/vue/', 'Vue', 'The same in Vue: the component and the <code>useStatus()</code> composable (Vite).')}
${card('/examples/custom-source/', 'Custom source', 'A provider you write yourself, for a status format the banner does not know.')}
${card('/gallery/', 'Theme studio', 'Every state, theme and position at once: edit the custom properties live, read each palette’s contrast, copy the CSS.')}
</ul>
<h2>Docs</h2>
<ul class="cards">
${card('/README.md', 'README', 'What it is, the commands, the snippets.')}
${card('/docs/getting-started.md', 'Getting started', 'Script tag, npm, React and Vue, in that order.')}
${card('/docs/frameworks.md', 'React and Vue', 'The components and hooks in depth: server rendering, one client per source.')}
${card('/docs/api/', 'API reference', 'Every export and the element, generated from the sources.')}
${card('/docs/', 'All docs', 'Theming, providers, reliability, the protocol ...')}
</ul>
<h2>While it runs</h2>
<p>Post an update by hand from another terminal, and watch every open example show it at once:</p>
<pre><code>npm run publish -- "Something broke" --severity major</code></pre>`,
  );
}

/** A page of the site: the shared header and styles around `body`. */
function page(title, body) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<link rel="icon" href="data:,">
<style>
  :root { color-scheme: light dark; --line: #8884; --accent: #4f46e5; font: 16px/1.6 system-ui, sans-serif; }
  body { margin: 0; }
  header { display: flex; gap: 1.25rem; align-items: center; padding: 0.75rem 1.5rem; border-bottom: 1px solid var(--line); }
  header a { color: inherit; text-decoration: none; font-weight: 600; }
  main { max-width: 52rem; margin: 0 auto; padding: 1.5rem; }
  a { color: var(--accent); overflow-wrap: anywhere; }
  @media (prefers-color-scheme: dark) { :root { --accent: #9b96ff; } }
  pre { overflow-x: auto; padding: 0.75rem 1rem; border: 1px solid var(--line); border-radius: 8px; background: #8881; }
  code { font: 0.9em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
  :not(pre) > code { background: #8882; padding: 0.1em 0.3em; border-radius: 4px; overflow-wrap: anywhere; }
  .table { overflow-x: auto; }
  table { border-collapse: collapse; margin: 1rem 0; }
  th, td { border: 1px solid var(--line); padding: 0.35rem 0.6rem; text-align: left; vertical-align: top; }
  blockquote { margin: 1rem 0; padding: 0 1rem; border-left: 4px solid var(--line); }
  img { max-width: 100%; }
  h1, h2, h3, h4 { line-height: 1.25; position: relative; }
  .anchor { position: absolute; left: -1em; opacity: 0; text-decoration: none; }
  h1:hover .anchor, h2:hover .anchor, h3:hover .anchor, h4:hover .anchor { opacity: 0.6; }
  .lead { font-size: 1.1rem; }
  .cards { list-style: none; padding: 0; display: grid; gap: 0.75rem; grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); }
  .cards li { border: 1px solid var(--line); border-radius: 10px; padding: 0.75rem 1rem; display: grid; gap: 0.25rem; }
</style>
</head>
<body>
<header><a href="/">status-banner</a><a href="/docs/">Docs</a><a href="/docs/api/">API</a><a href="/examples/html/">Demo</a></header>
<main>
${body}
</main>
</body>
</html>
`;
}

function notFound(req, res, what) {
  send(req, res, 404, TYPES['.html'], page('Not found', `<h1>Not found</h1><p><code>${escape(String(what))}</code></p><p><a href="/">Back to the index</a></p>`));
}

function redirect(res, location, status = 301) {
  res.writeHead(status, { Location: location }).end();
}

