// What each package adds to an app's bundle on the npm path: a minimal app built with esbuild (minified,
// production, code splitting as an app's bundler does it) from the installed packages, once with the package and
// once without, gzipped per file as a server sends them. React and Vue apps are measured against the same app
// without the banner, so the framework's own size is not counted.

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Minimal apps: each package's usual first lines, and for the frameworks the same app without the banner. */
const APPS = {
  // Issue 14's figure: the headless client reading one provider's page, named so nothing is discovered.
  'core-one-provider': `import { createStatusClient } from '@status-banner/core';
createStatusClient({ src: 'https://status.example.com', provider: 'statuspage' }).subscribe(({ notices }) => { document.title = notices[0]?.title ?? 'ok'; });`,
  'core': `import { createStatusClient } from '@status-banner/core';
createStatusClient({ src: 'https://status.example.com' }).subscribe(({ notices }) => { document.title = notices[0]?.title ?? 'ok'; });`,
  'element': `import '@status-banner/element';
document.body.insertAdjacentHTML('beforeend', '<status-banner src="https://status.example.com"></status-banner>');`,
  'react-base': `import { createRoot } from 'react-dom/client';
createRoot(document.getElementById('root')).render(<main>App</main>);`,
  'react': `import { createRoot } from 'react-dom/client';
import { StatusBanner } from '@status-banner/react';
createRoot(document.getElementById('root')).render(<main><StatusBanner src="https://status.example.com" />App</main>);`,
  'vue-base': `import { createApp, h } from 'vue';
createApp({ render: () => h('main', 'App') }).mount('#app');`,
  'vue': `import { createApp, h } from 'vue';
import { StatusBanner } from '@status-banner/vue';
createApp({ render: () => h('main', [h(StatusBanner, { src: 'https://status.example.com' }), 'App']) }).mount('#app');`,
};

/**
 * Builds one app; returns the gzipped bytes of what its page loads at once (the entry chunk and the chunks it
 * imports), and of that plus the chunks of the banner's view (what it has loaded once the banner shows a notice).
 */
async function measure(dir, name) {
  const entry = path.join(dir, `${name}.jsx`);
  writeFileSync(entry, APPS[name]);
  const result = await build({
    entryPoints: [entry],
    absWorkingDir: root,
    outdir: path.join(dir, 'out', name),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2021',
    minify: true,
    jsx: 'automatic',
    write: false,
    metafile: true,
    logLevel: 'silent',
    define: {
      'process.env.NODE_ENV': '"production"',
      __VUE_OPTIONS_API__: 'true',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
  });
  const outputs = result.metafile.outputs;
  const gzip = (key) => gzipSync(result.outputFiles.find((file) => path.relative(root, file.path) === key).contents, { level: 9 }).length;
  /** A chunk and every chunk it imports statically: what loads with it. */
  const closure = (key, seen = new Set()) => {
    if (seen.has(key)) return seen;
    seen.add(key);
    for (const dependency of outputs[key].imports) if (dependency.kind === 'import-statement') closure(dependency.path, seen);
    return seen;
  };
  const sum = (keys) => [...keys].reduce((total, key) => total + gzip(key), 0);
  // Chunks of dynamic imports name their module as `entryPoint` too.
  const entryKey = Object.keys(outputs).find((key) => outputs[key].entryPoint === path.relative(root, entry));
  const viewKey = Object.keys(outputs).find((key) => Object.keys(outputs[key].inputs).some((input) => input.endsWith('element/dist/banner-view.js')));
  const initial = closure(entryKey);
  return { entry: sum(initial), incident: sum(viewKey ? closure(viewKey, new Set(initial)) : initial) };
}

/**
 * `core_app_bundle_gzip_bytes` (what a page whose app reads one provider with the headless client loads up front:
 * the providers and the stream reader it may load later are not counted), then
 * `npm_<package>_app_gzip_bytes` (what the page loads at once) and `npm_<package>_app_incident_gzip_bytes` (with the view
 * chunk a page loads once there is something to show), each what the package adds to a minimal app.
 *
 * @returns {Promise<[string, number, string][]>} Figures as `[name, value, unit]`.
 */
export async function npmBundleFigures() {
  const dir = path.join(root, '.bench/npm-apps');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const sizes = {};
  for (const name of Object.keys(APPS)) sizes[name] = await measure(dir, name);
  const none = { entry: 0, incident: 0 };
  const figures = [['core_app_bundle_gzip_bytes', sizes['core-one-provider'].entry, 'bytes']];
  for (const [name, base] of [['core', none], ['element', none], ['react', sizes['react-base']], ['vue', sizes['vue-base']]]) {
    figures.push([`npm_${name}_app_gzip_bytes`, sizes[name].entry - base.entry, 'bytes']);
    figures.push([`npm_${name}_app_incident_gzip_bytes`, sizes[name].incident - base.incident, 'bytes']);
  }
  rmSync(dir, { recursive: true, force: true });
  return figures;
}
