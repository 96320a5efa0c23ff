// `npm start`: the local demo. The status side lives on other origins, as it does in real life: the relay
// (packages/relay), which every banner reads, in front of the scripted timeline (examples/status-server) as its
// upstream status page (scripts/demo-status.mjs); and the site (scripts/site/serve-site.mjs): an index page
// linking the script-tag demo, the React and Vue examples (built by `npm start` before this runs) and the docs.
// `npm run publish` (scripts/publish.mjs) posts a notice to the relay while it runs; the relay's console does too.
//
// Env: PORT (site, default 8080), STATUS_PORT (relay, default 8081), TIMELINE_PORT (default any), STEP_SECONDS
// (default 6). A taken port falls back to a free one.

import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_PAGE_PORT, DEFAULT_SCRIPT_FILE } from '../examples/html/serve.mjs';
import { createCustomSourceServer } from '../examples/custom-source/serve.mjs';
import { startDemoStatus } from './demo-status.mjs';
import { createSiteServer } from './site/serve-site.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Where the running demo leaves its relay's URL and token for `npm run publish`. */
export const demoStateDir = (env = process.env) => env.STATUS_BANNER_DEMO_DIR ?? path.join(root, 'node_modules/.cache/status-banner-demo');

function envPort(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${name}=${raw} is not valid`);
  return port;
}

async function main() {
  const pagePort = envPort('PORT', DEFAULT_PAGE_PORT);
  const statusPort = envPort('STATUS_PORT', 8081);
  const timelinePort = envPort('TIMELINE_PORT', 0);
  const stepSeconds = Number(process.env.STEP_SECONDS ?? 6);
  if (!(stepSeconds > 0) || !Number.isFinite(stepSeconds)) throw new Error(`STEP_SECONDS=${process.env.STEP_SECONDS} is not valid`);

  const status = await startDemoStatus({
    port: statusPort,
    timelinePort,
    stepSeconds,
    onPhase: (phase, state) => console.log(line(phase, state.status.description)),
    log: (level, message) => {
      // Notices posted by hand, and anything going wrong; not every upstream read.
      if (level !== 'info' || /^(create|update|resolve|delete) /.test(message)) console.log(line(level === 'info' ? 'relay' : `relay ${level}`, message));
    },
  });
  let page;
  let customSource;
  try {
    // The custom-source example bundles its own page and serves its own feed: a server of its own, on any free
    // port, that the index links to.
    customSource = await createCustomSourceServer({ port: 0 });
    page = await createSiteServer({ port: pagePort, statusUrl: status.url, customSourceUrl: customSource.url });
  } catch (error) {
    await Promise.all([status.close(), customSource?.close()]);
    throw error;
  }
  const stateDir = demoStateDir();
  await mkdir(stateDir, { recursive: true });
  const stateFile = path.join(stateDir, 'relay.json');
  await writeFile(stateFile, `${JSON.stringify({ url: status.url, token: status.token }, null, 2)}\n`, { mode: 0o600 });

  console.log('status-banner demo');
  console.log(`  open  ${display(page.url)}/${moved(page.url, pagePort)}`);
  console.log(`  relay         ${display(status.url)}/status.json and /stream (what the banners read)${moved(status.url, statusPort)}`);
  console.log(`  console       ${display(status.url)}/console (sign in with the token ${status.token})`);
  console.log(`  status page   ${display(status.timeline.url)}/api/v2/summary.json (the relay's upstream; timeline advances every ${stepSeconds} s)`);
  console.log('  publish       npm run publish -- "Something broke" --severity major');
  if (!existsSync(DEFAULT_SCRIPT_FILE)) {
    console.log('  warning: packages/element/dist/status-banner.min.js is missing; run `npm run build`');
  }
  for (const name of ['react', 'vue']) {
    if (!existsSync(new URL(`../examples/${name}/dist/index.html`, import.meta.url))) {
      console.log(`  warning: examples/${name} is not built; run \`npm run build:examples\``);
    }
  }
  console.log('  Ctrl+C to stop');
  console.log(line(status.timeline.phase(), status.timeline.state().status.description));

  let stopping = false;
  const stop = (signal) => {
    // A second Ctrl+C while closing means "now".
    if (stopping) process.exit(130);
    stopping = true;
    console.log(`${signal}: stopping`);
    Promise.all([page.close(), status.close(), customSource.close(), rm(stateFile, { force: true })]).then(
      () => process.exit(0),
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function line(what, description) {
  return `${new Date().toTimeString().slice(0, 8)}  ${what.padEnd(24)} ${description}`;
}

// The servers bind 127.0.0.1; print the friendlier name, which browsers resolve to loopback.
function display(url) {
  return url.replace('://127.0.0.1:', '://localhost:');
}

function moved(url, asked) {
  const port = Number(new URL(url).port);
  return asked !== 0 && port !== asked ? `  (port ${asked} was taken)` : '';
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`status-banner demo: ${error.message}`);
    process.exitCode = 1;
  });
}
