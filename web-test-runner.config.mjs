import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { mediaFeaturesPlugin } from './test/server/media-plugin.mjs';
import { reactEsm, reactImportMap } from './test/server/react-esm.mjs';
import { statusMiddleware } from './test/server/status-middleware.mjs';

const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/** A test page with `head` before the test framework loads. */
const page = (head) => (testFramework) =>
  `<!doctype html><html><head>${head}</head><body><script type="module" src="${testFramework}"></script></body></html>`;

// Vue's esm-bundler build reads `process.env.NODE_ENV` and its compile-time flags, which a bundler would define.
const vueGlobals = `<script>
  window.process = { env: { NODE_ENV: 'development' } };
  Object.assign(window, { __VUE_OPTIONS_API__: true, __VUE_PROD_DEVTOOLS__: false, __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: false });
</script>`;

export default {
  rootDir: '.',
  nodeResolve: { exportConditions: ['status-banner-source', 'browser'] },
  groups: [
    { name: 'core', files: 'packages/core/test/**/*.test.ts' },
    { name: 'element', files: 'packages/element/test/**/*.test.ts' },
    // The same React tests, against React 19 and React 18.
    { name: 'react', files: 'packages/react/test/**/*.test.ts', testRunnerHtml: page(reactImportMap(19)) },
    { name: 'react18', files: 'packages/react/test/**/*.test.ts', testRunnerHtml: page(reactImportMap(18)) },
    { name: 'vue', files: 'packages/vue/test/**/*.test.ts', testRunnerHtml: page(vueGlobals) },
  ],
  // TypeScript only: a `target` would make the plugin re-transpile every .js file too, and the tests would run
  // something other than the files the build made (the script tag's private fields turned into helpers on window).
  plugins: [reactEsm(), esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json' }), mediaFeaturesPlugin()],
  middleware: [statusMiddleware],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        // --no-sandbox: CI runs as root. The rest keep Chromium off the (closed) network.
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      },
    }),
  ],
  testFramework: { config: { timeout: 15000 } },
  testsFinishTimeout: 300000,
};
