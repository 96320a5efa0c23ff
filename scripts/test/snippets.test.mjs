// Every code block of the README, the docs and the packages' READMEs, compiled in the setting it claims
// (test/snippets/snippets.mjs has the convention, CONTRIBUTING.md explains it): read from the Markdown now, so a
// block can never drift from the packages. One app per setting, every block of that setting in it, built from the
// workspace packages as an app resolves them (their built dist/ and exports, never their sources):
//
//   core    plain strict TypeScript (tsc), and the JavaScript blocks (tsc --checkJs)
//   react   a Vite React + TypeScript app, tsconfig as Vite's react-ts template writes it (tsc)
//   vue     a Vite vue-ts app, tsconfig as Vite's vue-ts template writes it (vue-tsc, then vite build)
//   next    a Next.js app-router app (next build, then next start: each page answers 200 and shows the banner)
//   browser the HTML blocks as pages and the CSS blocks on a page with the banner, in Chromium
//
// The apps are scaffolded from test/snippets/apps/ into test/snippets/.build/ (ignored by git); Next's build cache
// is kept in the user's cache folder between runs. The settings build at the same time; each one's wall time is
// reported.

import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import vue from '@vitejs/plugin-vue';
import { launch, skipBrowser, until } from '../../test/helpers/browser.mjs';
import { allSnippets, root, where } from '../../test/snippets/snippets.mjs';

const require = createRequire(import.meta.url);
const APPS = path.join(root, 'test/snippets/apps');
const BUILD = path.join(root, 'test/snippets/.build');
const ELEMENT_DIST = path.join(root, 'packages/element/dist');

const snippets = allSnippets();
const of = (setting) => snippets.filter((snippet) => snippet.setting === setting);

/** The executable of a package's bin. */
function bin(name, command = name) {
  const manifest = require.resolve(`${name}/package.json`);
  const { bin: bins } = JSON.parse(readFileSync(manifest, 'utf8'));
  return path.join(path.dirname(manifest), typeof bins === 'string' ? bins : bins[command]);
}

/** Runs a package's bin with Node; resolves with its exit code and output, never rejects. */
function run(file, args, cwd) {
  return new Promise((resolve) => {
    execFile(process.execPath, [file, ...args], { cwd, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NO_COLOR: '1' }, maxBuffer: 64 << 20 }, (error, stdout, stderr) =>
      resolve({ code: error ? (error.code ?? 1) : 0, output: `${stdout}${stderr}` }),
    );
  });
}

/** `ms` and the value of `work()`, timed; a throw becomes `{ error }`. */
async function timed(work) {
  const start = Date.now();
  try {
    return { ...(await work()), ms: Date.now() - start };
  } catch (error) {
    return { error, ms: Date.now() - start };
  }
}

/** A fresh copy of the app scaffold `name`. */
function scaffold(name) {
  const dir = path.join(BUILD, name);
  rmSync(dir, { recursive: true, force: true });
  cpSync(path.join(APPS, name), dir, { recursive: true });
  return dir;
}

/**
 * Next.js's build cache (its compiler's and TypeScript's), kept between runs and between clones on one machine, as
 * npm keeps its own: a build with it is several times faster, and one without it only slower.
 */
const NEXT_CACHE = path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'status-banner', `snippets-next-${require('next/package.json').version}`);

const write = (file, text) => {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
};

/** Compiler output, with the generated files named after the blocks they hold. */
function explain(output) {
  return output.replace(/(?:[\w./-]*\/)?((?:readme|docs|packages)[\w-]*-l(\d+))\.(tsx?|js|vue)/g, (match, id) => {
    const snippet = snippets.find((s) => s.id === id);
    return snippet ? `${where(snippet)} (${match})` : match;
  });
}

// --- The settings ------------------------------------------------------------------------------------------

/** Plain TypeScript and JavaScript, in one folder: two tsc programs. */
async function buildCore() {
  const dir = scaffold('core');
  for (const s of of('core')) write(path.join(dir, 'src', `${s.id}.${s.lang === 'js' ? 'js' : 'ts'}`), s.code);
  const tsc = bin('typescript', 'tsc');
  const [ts, js] = await Promise.all([run(tsc, ['-p', 'tsconfig.json'], dir), run(tsc, ['-p', 'tsconfig.js.json'], dir)]);
  return { code: ts.code || js.code, output: `${ts.output}${js.output}` };
}

async function buildReact() {
  const dir = scaffold('react');
  for (const s of of('react')) write(path.join(dir, 'src', `${s.id}.tsx`), s.code);
  return run(bin('typescript', 'tsc'), ['-p', 'tsconfig.json'], dir);
}

/** The Vue blocks: components, and `ts vue` modules (a main.ts); main.ts imports them all, so Vite builds them. */
async function buildVue() {
  const dir = scaffold('vue');
  const sfcs = of('vue').filter((s) => s.lang === 'vue');
  const modules = of('vue').filter((s) => s.lang === 'ts');
  for (const s of of('vue')) write(path.join(dir, 'src', `${s.id}.${s.lang}`), s.code);
  write(
    path.join(dir, 'src/main.ts'),
    [
      ...modules.map((s) => `import './${s.id}.ts';`),
      ...sfcs.map((s, i) => `import Snippet${i} from './${s.id}.vue';`),
      `export const snippets = [${sfcs.map((_, i) => `Snippet${i}`).join(', ')}];`,
      '',
    ].join('\n'),
  );
  const checked = await run(bin('vue-tsc'), ['--noEmit', '-p', 'tsconfig.json'], dir);
  if (checked.code) return checked;
  await viteBuild({ root: dir, configFile: false, logLevel: 'silent', plugins: [vue()], build: { outDir: path.join(dir, 'dist'), emptyOutDir: true } });
  return { code: 0, output: '' };
}

/** `// app/<path>` on a Next block's first line: where the file goes, under a folder of its document. */
const NEXT_FILE = /^\/\/ app\/([\w.[\]()/-]+\.tsx?)\b/;
const nextRoute = (s) => s.id.replace(/-l\d+$/, '');

async function buildNext() {
  const dir = scaffold('next');
  const cache = path.join(dir, '.next/cache');
  if (existsSync(NEXT_CACHE)) cpSync(NEXT_CACHE, cache, { recursive: true });
  const pages = [];
  for (const s of of('next')) {
    const file = NEXT_FILE.exec(s.code)[1];
    write(path.join(dir, 'app', nextRoute(s), file), s.code);
    if (/(^|\/)page\.tsx$/.test(file)) pages.push({ snippet: s, route: `/${path.posix.join(nextRoute(s), path.posix.dirname(file))}`.replace(/\/\.$/, '') });
  }
  const built = await run(bin('next'), ['build'], dir);
  if (!built.code && existsSync(cache)) {
    rmSync(NEXT_CACHE, { recursive: true, force: true });
    cpSync(cache, NEXT_CACHE, { recursive: true });
  }
  return { ...built, dir, pages };
}

// --- A status page for every banner in the browser --------------------------------------------------------

const INCIDENT = 'Elevated error rates on the API';
const COMPONENTS = [
  { id: 'cmp-api', name: 'API', status: 'partial_outage' },
  { id: 'cmp-webhooks', name: 'Webhooks', status: 'degraded_performance' },
  { id: 'cmp-dashboard', name: 'Dashboard', status: 'degraded_performance' },
];
const STATUSPAGE = {
  page: { id: 'snippets', name: 'Snippet status', url: 'https://status.example.com', time_zone: 'Etc/UTC', updated_at: '2030-01-01T10:00:00Z' },
  status: { indicator: 'major', description: 'Partial System Outage' },
  components: COMPONENTS.map((c) => ({ ...c, group: false, group_id: null })),
  incidents: [
    {
      id: 'inc-snippets',
      name: INCIDENT,
      status: 'investigating',
      impact: 'major',
      created_at: '2030-01-01T09:58:00Z',
      updated_at: '2030-01-01T10:00:00Z',
      shortlink: 'https://status.example.com/incidents/inc-snippets',
      components: COMPONENTS,
      incident_updates: [{ id: 'upd-1', status: 'investigating', body: 'We are looking into it.', created_at: '2030-01-01T10:00:00Z', display_at: '2030-01-01T10:00:00Z' }],
    },
  ],
  scheduled_maintenances: [],
};
const NATIVE = {
  provider: 'native',
  version: 1,
  page: { name: 'Snippet status' },
  indicator: 'major',
  notices: [{ id: 'inc-snippets', kind: 'incident', title: INCIDENT, severity: 'major', phase: 'investigating', componentIds: ['cmp-api'], revision: 'r1' }],
  components: [{ id: 'cmp-api', name: 'API', status: 'partial_outage' }],
};
const CORS = { 'access-control-allow-origin': '*' };

/** What any status URL a block names answers: Statuspage's summary, a native snapshot, or 404 (streams too). */
function statusAnswer(pathname) {
  if (pathname.endsWith('/summary.json')) return { status: 200, headers: CORS, contentType: 'application/json', body: JSON.stringify(STATUSPAGE) };
  if (pathname.endsWith('/status.json')) return { status: 200, headers: CORS, contentType: 'application/json', body: JSON.stringify(NATIVE) };
  return { status: 404, headers: CORS, contentType: 'text/plain', body: 'not found' };
}

/** Answers requests for other origins (every status page a block names) from `statusAnswer`. */
async function answerStatusPages(page, local) {
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (local.some((origin) => url.origin === origin) || url.protocol === 'data:') return request.continue();
    return request.respond(statusAnswer(url.pathname));
  });
}

/** Each banner of the page: defined, and what it shows. */
const banners = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('status-banner')].map((banner) => ({
      upgraded: banner instanceof (customElements.get('status-banner') ?? class {}),
      text: banner.shadowRoot?.querySelector('[part="base"]')?.textContent.replace(/\s+/g, ' ').trim() ?? null,
    })),
  );

/** Records uncaught errors, unhandled rejections and console errors other than failed loads of pictures. */
function watchErrors(page, problems, label) {
  page.on('pageerror', (error) => problems.push(`${label}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) problems.push(`${label}: console.error ${message.text()}`);
  });
}

/** The top-level rules of a stylesheet's text: selector and declarations. */
function cssRules(css) {
  const rules = [];
  for (const [, selector, body] of css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const declarations = body.split(';').map((d) => d.trim()).filter(Boolean).map((d) => d.slice(0, d.indexOf(':')).trim());
    rules.push({ selector: selector.trim(), declarations });
  }
  return rules;
}

/** A page for an HTML or CSS block: the element importable as a bundler would resolve it, and the block. */
function pageOf(snippet) {
  const importMap = '<script type="importmap">{ "imports": { "@status-banner/element": "/modules/element.js" } }</script>';
  const register = '<script type="module">import \'@status-banner/element\';</script>';
  if (snippet.lang === 'css') {
    return `<!doctype html><html lang="en"><head><meta charset="utf-8">${importMap}<style id="snippet">\n${snippet.code}</style></head>
<body><header>Header</header>${register}<status-banner src="/status.json" position="inline"></status-banner></body></html>`;
  }
  // A block of markup alone is meant for a page that imports the element once, as the docs say.
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${snippet.id}</title>${importMap}</head>
<body>${/<script\b/.test(snippet.code) ? '' : register}\n${snippet.code}</body></html>`;
}

function startSnippetServer(elementModule) {
  const server = http.createServer((req, res) => {
    const { pathname } = new URL(req.url, 'http://localhost');
    const snippet = /^\/([\w-]+)\.html$/.exec(pathname) && of('browser').find((s) => `/${s.id}.html` === pathname);
    const script = /^\/(status-banner\.[\w.-]+\.js)$/.exec(pathname);
    if (snippet) return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(pageOf(snippet));
    if (pathname === '/modules/element.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(elementModule);
    if (script && existsSync(path.join(ELEMENT_DIST, script[1]))) {
      return res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(path.join(ELEMENT_DIST, script[1])));
    }
    const answer = statusAnswer(pathname);
    res.writeHead(answer.status, { ...answer.headers, 'content-type': answer.contentType }).end(answer.body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${server.address().port}` })));
}

/** `next start` on a free port; resolves once it is ready. */
function startNext(dir) {
  return new Promise((resolve, reject) => {
    const probe = http.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => {
        const child = spawn(process.execPath, [bin('next'), 'start', '--hostname', '127.0.0.1', '--port', String(port)], {
          cwd: dir,
          env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let output = '';
        const onData = (chunk) => {
          output += chunk;
          if (/Ready/.test(output)) resolve({ child, url: `http://127.0.0.1:${port}` });
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.once('exit', (code) => reject(new Error(`next start exited (${code}): ${output}`)));
      });
    });
  });
}

// --- The tests -----------------------------------------------------------------------------------------------

describe('the code blocks of the README and the docs', () => {
  it('every block is compiled in a setting, or marked as not for pasting (or is commands, output or data)', () => {
    assert.ok(snippets.length > 50, `found ${snippets.length} blocks`);
    assert.deepEqual(snippets.filter((s) => s.problem).map((s) => `${where(s)}: ${s.problem}`), []);
    // A Next.js block says which file of the app it is.
    assert.deepEqual(of('next').filter((s) => !NEXT_FILE.test(s.code)).map((s) => `${where(s)}: the first line must name the file, as // app/page.tsx`), []);
    const files = of('next').map((s) => `${nextRoute(s)}/${NEXT_FILE.exec(s.code)?.[1]}`);
    assert.deepEqual(files.filter((file, i) => files.indexOf(file) !== i), [], 'two blocks of one document name the same file');
  });

  it('parses every JSON block', () => {
    for (const s of of('json')) assert.doesNotThrow(() => JSON.parse(s.code), where(s));
  });

  it('shows React in a Next.js server component without handlers, and handlers in a client component', () => {
    // A server component cannot pass functions to a client component (React would answer 500): the README and the
    // frameworks guide say so, and show both sides, which the Next.js build below compiles and serves.
    const handlers = /\son[A-Z]\w*=\{/;
    for (const file of ['README.md', 'docs/frameworks.md']) {
      const next = of('next').filter((s) => s.file === file);
      const client = next.filter((s) => /^'use client';$/m.test(s.code));
      const server = next.filter((s) => !/^'use client';$/m.test(s.code));
      assert.ok(client.some((s) => /<StatusBanner\b/.test(s.code) && handlers.test(s.code)), `${file}: a client component passes handlers`);
      const imports = (s, c) => s.code.includes(`from './${path.posix.basename(NEXT_FILE.exec(c.code)[1], '.tsx')}'`);
      assert.ok(server.some((s) => client.some((c) => imports(s, c))), `${file}: a server component renders the client component`);
      assert.ok(server.every((s) => !handlers.test(s.code)), `${file}: no server component passes a function`);
    }
    const direct = of('next').filter((s) => s.file === 'docs/frameworks.md' && !/^'use client';$/m.test(s.code) && /<StatusBanner\s[^>]*src=/.test(s.code));
    assert.ok(direct.length, 'docs/frameworks.md: a server component renders <StatusBanner src=…> itself');
  });

  // The apps resolve the packages' built dist/, as an app does.
  const unbuilt = ['core', 'element', 'react', 'vue'].some((name) => !existsSync(path.join(root, 'packages', name, 'dist/index.d.ts'))) && 'run `npm run build` first';

  describe('compiled in their settings', { skip: unbuilt }, () => {
    const results = {};
    const times = {};
    before(() => {
      const settle = (name, work) => (results[name] = timed(work).then((result) => ((times[name] = result.ms), result)));
      mkdirSync(BUILD, { recursive: true });
      settle('core', buildCore);
      settle('react', buildReact);
      settle('vue', buildVue);
      settle('next', buildNext);
    });
    after(async () => {
      const settled = await Promise.all(Object.values(results));
      console.log(`# snippet builds (wall ms, concurrent): ${Object.entries(times).map(([name, ms]) => `${name} ${ms}`).join(', ')}`);
      // The apps are output, not sources (Next's build cache lives elsewhere): gone once every one built, kept to
      // be read when one did not.
      if (settled.every((result) => !result.error && result.code === 0)) rmSync(BUILD, { recursive: true, force: true });
      else console.log(`# the apps that failed are left in ${path.relative(root, BUILD)}`);
    });

    const passes = async (name) => {
      const result = await results[name];
      if (result.error) throw result.error;
      assert.equal(result.code, 0, explain(result.output));
      return result;
    };

    // First what needs no build, in the browser, while the apps build.
    describe('browser', { skip: skipBrowser }, () => {
      let server;
      let browser;
      before(async () => {
        // The element as an app's bundler would resolve `import '@status-banner/element'`: from node_modules.
        const bundle = await esbuild({ stdin: { contents: "export * from '@status-banner/element';", resolveDir: root }, bundle: true, format: 'esm', write: false, logLevel: 'silent' });
        server = await startSnippetServer(bundle.outputFiles[0].text);
        browser = await launch();
      });
      after(async () => {
        await browser?.close();
        server?.server.close();
      });

      it(`${of('browser').filter((s) => s.lang === 'html').length} HTML blocks as pages: every banner defined and showing the incident`, async () => {
        const problems = [];
        // One at a time (it overlaps the builds anyway), each in a browser context of its own: its own storage,
        // and a window of its own, so it is visible (a hidden tab makes no requests).
        for (const s of of('browser').filter((b) => b.lang === 'html')) {
          const context = await browser.createBrowserContext();
          const page = await context.newPage();
          watchErrors(page, problems, where(s));
          await answerStatusPages(page, [server.url]);
          await page.goto(`${server.url}/${s.id}.html`);
          await until(async () => {
            const shown = await banners(page);
            return shown.length > 0 && shown.every((b) => b.upgraded && b.text?.includes(INCIDENT)) && shown;
          }, 20000, `${where(s)}: every banner to show the incident`);
          await context.close();
        }
        assert.deepEqual(problems, []);
      });

      it(`${of('browser').filter((s) => s.lang === 'css').length} CSS blocks: every rule and declaration kept by Chromium`, async () => {
        const problems = [];
        for (const s of of('browser').filter((b) => b.lang === 'css')) {
          const context = await browser.createBrowserContext();
          const page = await context.newPage();
          watchErrors(page, problems, where(s));
          await answerStatusPages(page, [server.url]);
          await page.goto(`${server.url}/${s.id}.html`);
          const expected = cssRules(s.code);
          const kept = await page.evaluate((rules) => {
            const sheet = document.getElementById('snippet').sheet;
            // The style rules in source order, those inside @media and other grouping rules included.
            const flat = (list) => [...list].flatMap((rule) => (rule.style ? [rule] : rule.cssRules ? flat(rule.cssRules) : [rule]));
            return flat(sheet.cssRules).map((rule, i) => ({
              selector: rule.selectorText,
              dropped: (rules[i]?.declarations ?? []).filter((name) => !rule.style?.getPropertyValue(name)),
            }));
          }, expected);
          assert.equal(kept.length, expected.length, `${where(s)}: Chromium kept ${kept.map((r) => r.selector).join(' | ')}`);
          assert.deepEqual(kept.flatMap((r) => r.dropped.map((name) => `${r.selector} { ${name} }`)), [], `${where(s)}: declarations Chromium dropped`);
          await context.close();
        }
        assert.deepEqual(problems, []);
      });
    });

    it(`core: ${of('core').length} TypeScript and JavaScript blocks, with tsc`, async () => {
      assert.ok(of('core').length >= 5);
      await passes('core');
    });

    it(`react: ${of('react').length} blocks in a Vite React + TypeScript app, with tsc`, async () => {
      assert.ok(of('react').length >= 4);
      await passes('react');
    });

    it(`vue: ${of('vue').length} blocks in a Vite vue-ts app, with vue-tsc and vite build`, async () => {
      assert.ok(of('vue').filter((s) => s.lang === 'vue').length >= 4);
      await passes('vue');
    });

    describe('next', { skip: skipBrowser }, () => {
      let next;
      let browser;
      after(async () => {
        await browser?.close();
        next?.child.kill();
      });

      it(`${of('next').length} blocks in a Next.js app-router app: next build, then every page served and hydrated`, async () => {
        const { dir, pages } = await passes('next');
        assert.ok(pages.length >= 2, 'the docs have Next.js pages');
        next = await startNext(dir);
        browser = await launch();
        const problems = [];
        for (const { snippet, route } of pages) {
          const res = await fetch(`${next.url}${route}`);
          assert.equal(res.status, 200, `${where(snippet)}: ${route}`);
          assert.match(await res.text(), /<status-banner[\s>]/, `${where(snippet)}: the server renders the element`);
          const context = await browser.createBrowserContext();
          const page = await context.newPage();
          watchErrors(page, problems, where(snippet));
          await answerStatusPages(page, [next.url]);
          await page.goto(`${next.url}${route}`);
          await until(async () => {
            const shown = await banners(page);
            return shown.length > 0 && shown.every((b) => b.upgraded && b.text?.includes(INCIDENT));
          }, 20000, `${where(snippet)}: every banner of ${route} to show the incident`);
          await context.close();
        }
        assert.deepEqual(problems, []);
      });
    });

  });
});
