// What <StatusBanner> adds to a React or a Vue app: a minimal app built for production by Vite, as
// examples/react and examples/vue are (base './', Vue's own plugin), once with the component and once without;
// the gzip of every JavaScript file the build emits, the banner's on-demand chunks included.

import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
// Inside the repository, so the apps import the workspace's packages as an app imports installed ones.
const work = path.join(root, 'node_modules/.cache/status-banner-lab');

const SRC = 'https://status.example.com/api/v2/summary.json';

/** Each app's entry module, without and with the banner. */
const APPS = {
  react: (banner) => `import { createElement as h, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
${banner ? "import { StatusBanner } from '@status-banner/react';" : ''}
createRoot(document.getElementById('app')).render(h(StrictMode, null, h('main', null, ${banner ? `h(StatusBanner, { src: '${SRC}' }), ` : ''}h('h1', null, 'App'))));
`,
  vue: (banner) => `import { createApp, h } from 'vue';
${banner ? "import { StatusBanner } from '@status-banner/vue';" : ''}
createApp({ render: () => h('main', [${banner ? `h(StatusBanner, { src: '${SRC}' }), ` : ''}h('h1', 'App')]) }).mount('#app');
`,
};

const gzip = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

/**
 * Gzipped bytes of every .js file under `dir` (`all`), and of those the page loads at once (`initial`: the
 * entry and what it imports statically, from Vite's manifest).
 */
function gzipOfScripts(dir) {
  const all = readdirSync(dir, { recursive: true }).filter((entry) => String(entry).endsWith('.js'));
  const manifest = JSON.parse(readFileSync(path.join(dir, '.vite/manifest.json'), 'utf8'));
  const initial = new Set();
  const visit = (key) => {
    const chunk = manifest[key];
    if (!chunk || initial.has(chunk.file)) return;
    initial.add(chunk.file);
    chunk.imports?.forEach(visit);
  };
  visit('index.html');
  return {
    all: all.reduce((sum, entry) => sum + gzip(path.join(dir, String(entry))), 0),
    initial: [...initial].reduce((sum, file) => sum + gzip(path.join(dir, file)), 0),
  };
}

async function buildApp(framework, banner) {
  const { build } = await import('vite');
  const dir = path.join(work, `${framework}-${banner ? 'banner' : 'base'}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><div id="app"></div><script type="module" src="./main.js"></script>\n');
  writeFileSync(path.join(dir, 'main.js'), APPS[framework](banner));
  const plugins = framework === 'vue' ? [(await import('@vitejs/plugin-vue')).default()] : [];
  await build({ root: dir, base: './', configFile: false, logLevel: 'silent', plugins, build: { outDir: 'dist', emptyOutDir: true, manifest: true } });
  return gzipOfScripts(path.join(dir, 'dist'));
}

/**
 * `[name, value, unit]` figures: each framework's app with the banner less the same app without, for all it
 * emits and for what its page loads at once.
 */
export async function appDeltas() {
  const figures = [];
  try {
    for (const framework of ['react', 'vue']) {
      const base = await buildApp(framework, false);
      const banner = await buildApp(framework, true);
      figures.push([`${framework}_app_delta_gzip_bytes`, banner.all - base.all, 'bytes']);
      figures.push([`${framework}_app_delta_initial_gzip_bytes`, banner.initial - base.initial, 'bytes']);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return figures;
}
