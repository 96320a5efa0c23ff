// React in the browser tests. React ships CommonJS only, which the dev server cannot serve as modules: each
// React install (19 at the root, 18 in test/react18) is bundled once to ESM with esbuild, and each entry point
// gets a small facade module whose named exports are read by loading that entry in a child Node process (React's
// development build patches `console` as it loads, which would break the test runner's own console).
//
// Test files keep importing `react`, `react-dom/client` ... : the plugin leaves those specifiers bare, and the
// group's test page maps them with an import map, so the same test files run against either version.

import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';
import path from 'node:path';
import { repoRoot } from './status-middleware.mjs';

/** The entry points tests and packages import, and the file whose exports a browser sees for each. */
const ENTRIES = {
  react: 'react',
  'react/jsx-runtime': 'react/jsx-runtime',
  'react-dom': 'react-dom',
  'react-dom/client': 'react-dom/client',
  'react-dom/server': 'react-dom/server.browser',
};

/** Where each React version is installed. */
const INSTALLS = { 19: repoRoot, 18: path.join(repoRoot, 'test/react18') };

const prefix = (version) => `/__react/${version}/`;
const fileOf = (specifier) => `${specifier.replaceAll('/', '__')}.js`;

/** The test page's import map for React `version`. */
export function reactImportMap(version) {
  const imports = Object.fromEntries(Object.keys(ENTRIES).map((specifier) => [specifier, prefix(version) + fileOf(specifier)]));
  return `<script type="importmap">${JSON.stringify({ imports })}</script>`;
}

const bundles = new Map();

/** One ESM bundle of every entry of an install, so they share one copy of React. */
function bundle(version) {
  if (!bundles.has(version)) {
    const names = Object.keys(ENTRIES);
    const contents = names.map((name, i) => `import e${i} from '${ENTRIES[name]}';`).join('\n') + `\nexport { ${names.map((_, i) => `e${i}`).join(', ')} };`;
    bundles.set(
      version,
      build({
        stdin: { contents, resolveDir: INSTALLS[version], loader: 'js' },
        bundle: true,
        write: false,
        format: 'esm',
        platform: 'browser',
        define: { 'process.env.NODE_ENV': '"development"' },
        logLevel: 'silent',
      }).then((result) => result.outputFiles[0].text),
    );
  }
  return bundles.get(version);
}

const exportNames = new Map();

/** The export names of every entry of an install, by specifier. */
function namesOf(version) {
  if (!exportNames.has(version)) {
    // It exits by itself: a MessageChannel of react-dom/server would keep it alive.
    const script = `const names = {}; for (const [name, file] of Object.entries(${JSON.stringify(ENTRIES)})) names[name] = Object.keys(require(file)); require('fs').writeSync(1, JSON.stringify(names)); process.exit(0);`;
    exportNames.set(version, JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: INSTALLS[version], encoding: 'utf8' })));
  }
  return exportNames.get(version);
}

/** A module re-exporting one entry of the bundle under its own names. */
function facade(version, specifier) {
  const names = namesOf(version)[specifier].filter((name) => /^[A-Za-z_$][\w$]*$/.test(name) && name !== 'default');
  const index = Object.keys(ENTRIES).indexOf(specifier);
  return `import { e${index} as m } from './bundle.js';\nexport const { ${names.join(', ')} } = m;\nexport default m;\n`;
}

/** The dev-server plugin. */
export function reactEsm() {
  return {
    name: 'react-esm',
    resolveImport({ source }) {
      // Left bare for the page's import map; every other import resolves as usual.
      if (Object.hasOwn(ENTRIES, source)) return source;
      return undefined;
    },
    async serve(context) {
      const match = /^\/__react\/(18|19)\/(.+)$/.exec(context.path);
      if (!match) return undefined;
      const [, version, file] = match;
      if (file === 'bundle.js') return { body: await bundle(version), type: 'js' };
      const specifier = Object.keys(ENTRIES).find((name) => fileOf(name) === file);
      return specifier ? { body: facade(version, specifier), type: 'js' } : undefined;
    },
  };
}
