import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
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

/**
 * Every test file imports the host rule first (test/helpers/host-rule.ts): no uncaught error or unhandled rejection
 * reaches the page, and the banner never says the same thing twice on the console. No file can forget it.
 */
const hostRule = {
  name: 'host-rule',
  transform(context) {
    if (/\.test\.ts$/.test(context.path)) return { body: `import '/test/helpers/host-rule.ts';\n${context.body}` };
    return undefined;
  },
};

/**
 * With STATUS_BANNER_REPORT=<file>, a summary of the run as JSON (tests, failures, and failures of the host rule),
 * for `npm run bench`.
 */
const summaryReporter = (file) => ({
  async onTestRunFinished({ sessions }) {
    const tests = [];
    const walk = (suite, prefix) => {
      for (const test of suite?.tests ?? []) tests.push({ name: `${prefix}${test.name}`, passed: test.passed, error: test.error?.message });
      for (const child of suite?.suites ?? []) walk(child, `${prefix}${child.name} > `);
    };
    for (const session of sessions) walk(session.testResults, `${session.testFile}: `);
    const { writeFile } = await import('node:fs/promises');
    // A failing hook (the host rule's afterEach) is an error of the file, not of a test.
    const errors = sessions.flatMap((s) => [...(s.errors ?? []), ...(s.testResults?.errors ?? [])]).map((e) => e.message);
    await writeFile(file, JSON.stringify({ tests, errors }));
  },
});

const HOSTILE = 'packages/*/test/hostile-*.test.ts';

export default {
  rootDir: '.',
  nodeResolve: { exportConditions: ['status-banner-source', 'browser'] },
  groups: [
    { name: 'core', files: ['packages/core/test/**/*.test.ts', `!${HOSTILE}`] },
    { name: 'element', files: ['packages/element/test/**/*.test.ts', `!${HOSTILE}`] },
    // The host pages that fight the banner: run with the rest, and alone by `npm run bench` (hostile_cases).
    { name: 'hostile', files: HOSTILE },
    // The same React tests, against React 19 and React 18.
    { name: 'react', files: 'packages/react/test/**/*.test.ts', testRunnerHtml: page(reactImportMap(19)) },
    { name: 'react18', files: 'packages/react/test/**/*.test.ts', testRunnerHtml: page(reactImportMap(18)) },
    { name: 'vue', files: 'packages/vue/test/**/*.test.ts', testRunnerHtml: page(vueGlobals) },
  ],
  // TypeScript only: a `target` would make the plugin re-transpile every .js file too, and the tests would run
  // something other than the files the build made (the script tag's private fields turned into helpers on window).
  plugins: [hostRule, reactEsm(), esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json' }), mediaFeaturesPlugin()],
  ...(process.env.STATUS_BANNER_REPORT && { reporters: [defaultReporter(), summaryReporter(process.env.STATUS_BANNER_REPORT)] }),
  middleware: [statusMiddleware],
  browsers: [
    chromeLauncher({
      launchOptions: {
        // Scrollbars take room, as on Windows and Linux desktops (headless hides them by default).
        ignoreDefaultArgs: ['--hide-scrollbars'],
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
