// `npm start`: the local demo. Two servers, so the status source lives on another origin as it does in real life:
// the status server (examples/status-server/server.mjs) and the site (scripts/site/serve-site.mjs): an index page
// linking the script-tag demo, the React and Vue examples (built by `npm start` before this runs) and the docs.
// `npm run publish` (scripts/publish.mjs) posts an update by hand while it runs.
//
// Env: PORT (page, default 8080), STATUS_PORT (status, default 8081), STEP_SECONDS (default 6). A taken port
// falls back to a free one.

import { existsSync } from 'node:fs';
import { DEFAULT_PAGE_PORT, DEFAULT_SCRIPT_FILE } from '../examples/html/serve.mjs';
import { createStatusServer, statusOptionsFromEnv } from '../examples/status-server/server.mjs';
import { createCustomSourceServer } from '../examples/custom-source/serve.mjs';
import { createSiteServer } from './site/serve-site.mjs';

async function main() {
  const { port: statusPort, stepSeconds } = statusOptionsFromEnv();
  const pagePort = process.env.PORT ? Number(process.env.PORT) : DEFAULT_PAGE_PORT;
  if (!Number.isInteger(pagePort) || pagePort < 0 || pagePort > 65535) throw new Error(`PORT=${process.env.PORT} is not valid`);

  const status = await createStatusServer({
    port: statusPort,
    stepSeconds,
    onPhase: (phase, state) => console.log(line(phase, state.status.description)),
    onPublish: (action, snapshot) => console.log(line(action, headline(snapshot))),
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

  console.log('status-banner demo');
  console.log(`  open  ${display(page.url)}/${moved(page.url, pagePort)}`);
  console.log(
    `  status server ${display(status.url)}/api/v2/summary.json (timeline advances every ${stepSeconds} s)${moved(status.url, statusPort)}`,
  );
  console.log(`  stream        ${display(status.url)}/api/stream (the banner's live updates)`);
  // scripts/publish.mjs finds the server on port 8081 unless told otherwise.
  const publishUrl = new URL(status.url).port === '8081' ? '' : ` --url ${status.url}`;
  console.log(`  publish       npm run publish -- "Something broke" --severity major${publishUrl}`);
  if (!existsSync(DEFAULT_SCRIPT_FILE)) {
    console.log('  warning: packages/element/dist/status-banner.min.js is missing; run `npm run build`');
  }
  for (const name of ['react', 'vue']) {
    if (!existsSync(new URL(`../examples/${name}/dist/index.html`, import.meta.url))) {
      console.log(`  warning: examples/${name} is not built; run \`npm run build:examples\``);
    }
  }
  console.log('  Ctrl+C to stop');
  console.log(line(status.phase(), status.state().status.description));

  let stopping = false;
  const stop = (signal) => {
    // A second Ctrl+C while closing means "now".
    if (stopping) process.exit(130);
    stopping = true;
    console.log(`${signal}: stopping`);
    Promise.all([page.close(), status.close(), customSource.close()]).then(
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

function headline(snapshot) {
  return snapshot.notices.map((notice) => `${notice.severity}: ${notice.title}`).join('; ') || 'all clear';
}

// Both servers bind 127.0.0.1; print the friendlier name, which browsers resolve to loopback.
function display(url) {
  return url.replace('://127.0.0.1:', '://localhost:');
}

function moved(url, asked) {
  const port = Number(new URL(url).port);
  return asked !== 0 && port !== asked ? `  (port ${asked} was taken)` : '';
}

main().catch((error) => {
  console.error(`status-banner demo: ${error.message}`);
  process.exitCode = 1;
});
