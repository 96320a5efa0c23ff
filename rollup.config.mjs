// One config for every package: each package's ESM build (dependencies external) and the element's
// self-contained, minified script-tag file.
import { readdirSync } from 'node:fs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';

// ES2022 keeps `#private` fields native; transpiled, each becomes a WeakMap and costs bytes in every file.
const typescript = () => esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' });
const external = (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0');

/**
 * Collapses the whitespace of the element's css`` and html`` templates, which no JS minifier touches. Only
 * runs of whitespace that contain a line break are touched in templates, so inline spacing is kept.
 */
const minifyTemplates = () => ({
  name: 'minify-templates',
  transform(code, id) {
    if (!id.includes('/packages/element/src/')) return null;
    const minified = code
      .replace(/css`([^`]*)`/g, (_, body) =>
        `css\`${body
          .replace(/\/\*[\s\S]*?\*\//g, '')
          .replace(/\s+/g, ' ')
          .replace(/\s*([{};:,>])\s*/g, '$1')
          .replace(/;}/g, '}')
          .trim()}\``,
      )
      .replace(/(html|svg)`([^`]*)`/g, (_, tag, body) => `${tag}\`${body.replace(/>\s*\n\s*</g, '><').replace(/\s*\n\s*/g, ' ')}\``);
    return { code: minified, map: null };
  },
});

/**
 * Lit's templates register their version on the page (`globalThis.litHtmlVersions`), a global the banner must
 * not add to someone else's page: removed from the files that bundle Lit. The build fails if the line is not
 * found, so a Lit upgrade that moves it is noticed.
 */
const noLitGlobals = () => ({
  name: 'no-lit-globals',
  transform(code, id) {
    if (!/\/lit-html\/lit-html\.js$/.test(id)) return null;
    const without = code.replace(/\(\s*(\w+)\.litHtmlVersions\s*\?\?=\s*\[\]\s*\)\.push\([^)]*\)/, 'void 0');
    if (without === code) this.error('lit-html no longer registers litHtmlVersions as expected: check no-lit-globals');
    return { code: without, map: null };
  },
});

/**
 * The magic comment of V8's explicit compile hints (Chromium 136 and later; other engines read a comment): every
 * function of the file is compiled with it, on the background thread that parses the downloaded script, instead of
 * one by one on the page's main thread the first time each is called. For a file whose code nearly all runs once
 * it loads: the script-tag file. (Not the standalone file, whose view and providers a quiet page never runs; nor
 * the view chunk, where the lab measured no gain: time_to_banner_after_status_ms 199 without, 205 with.)
 */
const COMPILE_ALL = '//# allFunctionsCalledOnLoad';

const minify = (module, preamble) =>
  // ascii_only: a page that serves the file without a charset must not garble "…" or "·".
  terser({ ecma: 2022, module, compress: { passes: 3 }, format: { comments: false, ascii_only: true, ...(preamble && { preamble }) } });

/**
 * A package's ESM build: one file per module, its dependencies left to the user's bundler. `entries` are the
 * package's subpath entries beside index.ts (its package.json "exports").
 */
const esm = (pkg, banner, entries = []) => ({
  input: ['index.ts', ...entries].map((file) => `packages/${pkg}/src/${file}`),
  external,
  output: {
    dir: `packages/${pkg}/dist`,
    format: 'es',
    sourcemap: true,
    preserveModules: true,
    preserveModulesRoot: `packages/${pkg}/src`,
    ...(banner && { banner }),
  },
  plugins: [typescript()],
});

/**
 * The script tag's classic script (IIFE), so `document.currentScript` can read its data-* attributes. The banner
 * goes outside the IIFE, before the bundled Lit: a second copy hands its <script> to the first and never
 * evaluates Lit again (Lit's Trusted Types policy "lit-html" cannot be created twice). No global variable: the
 * test reads the one namespaced symbol the first copy set.
 */
const scriptTag = (input, file, { output = {}, preamble } = {}) => ({
  input: `packages/element/src/${input}`,
  output: {
    file: `packages/element/dist/${file}`,
    format: 'iife',
    sourcemap: true,
    // (Anything but a function under the symbol, a host page's own value, is ignored.)
    banner: "if (typeof globalThis[Symbol.for('status-banner.mount')] == 'function') globalThis[Symbol.for('status-banner.mount')](document.currentScript); else",
    plugins: [minify(false, preamble)],
    ...output,
  },
  plugins: [nodeResolve({ browser: true, exportConditions: ['status-banner-source'] }), noLitGlobals(), minifyTemplates(), typescript()],
});

export default [
  esm('core', undefined, ['providers.ts', 'shared.ts', 'transports/sse.ts']),
  esm('element'),
  // React Server Components (Next.js's app router) may import the component and hook only as client modules.
  esm('react', "'use client';"),
  esm('vue'),
  {
    // The relay (a Node server): its library, its command line, and the console's browser script.
    input: ['packages/relay/src/index.ts', 'packages/relay/src/cli.ts', 'packages/relay/src/console/console-app.ts'],
    external,
    output: { dir: 'packages/relay/dist', format: 'es', sourcemap: true, preserveModules: true, preserveModulesRoot: 'packages/relay/src' },
    plugins: [typescript()],
  },
  // The script tag: the element, the client and the Statuspage and native readers, registered on load; the
  // rest its loaders fetch from beside it when needed (the next entry).
  scriptTag('script-tag.ts', 'status-banner.min.js', { preamble: COMPILE_ALL }),
  // The same in one self-contained file, for those who want a single file: its loaders are the npm build's, and
  // what they import is bundled in.
  scriptTag('script-tag-standalone.ts', 'status-banner.standalone.min.js', { output: { inlineDynamicImports: true } }),
  {
    // What the script-tag file loads on demand, as ES modules beside it: the banner's view (Lit, templates,
    // styles) once there is something to show, the stream reader when a stream is configured, every
    // provider's source when a payload or page is not Statuspage's or native, and the words of the banner's
    // language when it is not English; and the tiny file it loads once a day to check that they are served.
    input: {
      view: 'packages/element/src/script-tag-view.ts',
      check: 'packages/element/src/script-tag-check.ts',
      sse: 'packages/core/src/transports/sse.ts',
      providers: 'packages/core/src/sources/index.ts',
      ...Object.fromEntries(
        readdirSync('packages/element/src/locales').map((file) => [`locale-${file.replace(/\.ts$/, '')}`, `packages/element/src/locales/${file}`]),
      ),
    },
    output: {
      dir: 'packages/element/dist',
      format: 'es',
      sourcemap: true,
      entryFileNames: 'status-banner.[name].js',
      chunkFileNames: 'status-banner.[name]-[hash].js',
      plugins: [minify(true)],
    },
    plugins: [nodeResolve({ browser: true, exportConditions: ['status-banner-source'] }), noLitGlobals(), minifyTemplates(), typescript()],
  },
];
