import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { mediaFeaturesPlugin } from './test/server/media-plugin.mjs';
import { statusMiddleware } from './test/server/status-middleware.mjs';

const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export default {
  rootDir: '.',
  nodeResolve: { exportConditions: ['status-banner-source', 'browser'] },
  groups: [
    { name: 'core', files: 'packages/core/test/**/*.test.ts' },
    { name: 'element', files: 'packages/element/test/**/*.test.ts' },
  ],
  plugins: [esbuildPlugin({ ts: true, target: 'es2021', tsconfig: 'tsconfig.json' }), mediaFeaturesPlugin()],
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
