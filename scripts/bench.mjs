// `npm run bench`: the project's figures, one per line as `name: value unit`. Exits non-zero when a budget is
// exceeded. Runs on the built packages (`npm run bench` builds first).

import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import * as coreMain from '../packages/core/dist/index.js';
// The parse figures read every provider's payloads: the parseStatus that knows them all.
import { parseStatus } from '../packages/core/dist/providers.js';
import { contrastAndAxe, layoutShiftOverlay, locales } from './bench/banner.mjs';
import { requestsPerInterval, ssePublishToDom } from './bench/browser.mjs';
import { hostileFigures } from './bench/hostile.mjs';
import { naiveOutageRequests, outageRequests } from './bench/outage.mjs';
import { npmBundleFigures } from './bench/npm-bundle.mjs';
import { median, parseFigures } from './bench/parse.mjs';
import { relayFigures } from './bench/relay.mjs';
import { testSleepCalls } from './bench/test-sleeps.mjs';
import { fixturePath } from '../test/helpers/fixtures.mjs';

const core = { ...coreMain, parseStatus };

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUNDLE_GZIP_BUDGET = 12 * 1024;

const failures = [];
const report = (name, value, unit) => console.log(`${name}: ${value} ${unit}`);

// The script-tag file, as a CDN would serve it, and the files it loads from beside itself only when needed:
// the view (Lit and the banner's templates) once there is something to show, the stream reader with a stream.
const dist = path.join(root, 'packages/element/dist');
const sizes = (file) => {
  const bytes = readFileSync(path.join(dist, file));
  return { min: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length };
};
const main = sizes('status-banner.min.js');
report('bundle_min_bytes', main.min, 'bytes');
report('bundle_gzip_bytes', main.gzip, 'bytes');
report('bundle_brotli_bytes', main.brotli, 'bytes');
report('bundle_gzip_budget_bytes', BUNDLE_GZIP_BUDGET, 'bytes');
if (main.gzip > BUNDLE_GZIP_BUDGET) failures.push(`bundle_gzip_bytes ${main.gzip} > ${BUNDLE_GZIP_BUDGET}`);
const chunks = readdirSync(dist).filter((file) => /^status-banner\.(?!min\.)[\w-]+\.js$/.test(file));
let total = main.gzip;
for (const file of chunks) {
  const { gzip } = sizes(file);
  total += gzip;
  report(`chunk_${file.replace(/^status-banner\.|\.js$/g, '').replace(/-/g, '_')}_gzip_bytes`, gzip, 'bytes');
}
// Everything a page with an incident and a stream loads (the script-tag file and every chunk).
report('bundle_all_chunks_gzip_bytes', total, 'bytes');
// The one self-contained file, for those who serve a single file.
report('standalone_gzip_bytes', sizes('status-banner.standalone.min.js').gzip, 'bytes');

// The tests' waits for real time to pass (rather than for something to happen): goal at most 5.
const SLEEPS_GOAL = 5;
const sleeps = testSleepCalls(root);
report('test_sleep_calls', sleeps.length, 'count');
if (sleeps.length > SLEEPS_GOAL) failures.push(`test_sleep_calls ${sleeps.length} > ${SLEEPS_GOAL} (${sleeps.join(', ')})`);

// The npm path: what each package adds to a minimal app built with esbuild, at once and once a notice shows.
for (const figure of await npmBundleFigures()) report(...figure);

const twilioText = readFileSync(
  fixturePath('real/statuspage/twilio-summary-large-73-components-2-incidents-9-maintenances-2020-06-16.json'),
  'utf8',
);
const twilio = JSON.parse(twilioText);
const now = new Date('2020-06-16T12:00:00Z');
report('parse_twilio_median_ms', median(() => parseStatus(twilio, { now })).toFixed(3), 'ms');
report('parse_twilio_with_json_median_ms', median(() => parseStatus(twilioText, { now })).toFixed(3), 'ms');
report('twilio_payload_bytes', Buffer.byteLength(twilioText), 'bytes');
// Each provider's largest fixture, and what a seeded fuzz run lets escape as anything but a StatusFormatError.
for (const figure of parseFigures(core)) report(...figure);

// A pushed update, from the server's write to the banner's DOM, in a real Chromium: 200 titles, 50 ms apart.
// sse_updates counts those that reached the DOM: renders coalesce per frame, so of two events that land in one
// frame only the later is painted.
const sse = await ssePublishToDom({ count: 200, spacing: 50 });
report('sse_publish_to_dom_p50_ms', sse.p50, 'ms');
report('sse_publish_to_dom_p95_ms', sse.p95, 'ms');
report('sse_updates', sse.updates, 'count');

// Status requests per poll interval (2 s, ten intervals after a warm-up) in a real Chromium. Goals: 1 for any
// number of visible tabs, 0 for hidden ones.
report('requests_per_interval_1_tab', await requestsPerInterval({ tabs: 1, intervals: 10 }), 'requests');
report('requests_per_interval_20_tabs', await requestsPerInterval({ tabs: 20, intervals: 10 }), 'requests');
report('requests_hidden_tabs', await requestsPerInterval({ tabs: 20, hidden: true, intervals: 10 }), 'requests');

// One client during a 10-minute outage of 503s, in virtual time (mean of 20 seeded runs), beside a naive client
// that retries every second.
report('outage_requests_10min', (await outageRequests(core, { minutes: 10 })).toFixed(1), 'requests');
report('outage_requests_10min_retry_after_120', (await outageRequests(core, { minutes: 10, retryAfter: 120 })).toFixed(1), 'requests');
report('outage_requests_10min_fixed_1s', await naiveOutageRequests({ minutes: 10 }), 'requests');

// The hostile lab: the hostile browser suite alone (cases, failures, errors that leaked to the host page) and the
// requests of the worst failure shape of a server in its first minute, against the backoff schedule's.
const hostile = await hostileFigures();
for (const figure of hostile.figures) report(...figure);
failures.push(...hostile.missed);

// The banner on the page: layout shift of a top banner coming and going on a long page (goal 0), the lowest
// text contrast over every palette (goal at least 4.5), axe violations over every state x theme x position
// (goal 0), and the languages it speaks (goal at least 12).
report('layout_shift_overlay', (await layoutShiftOverlay()).toFixed(4), 'score');
const { lowest, violations, failing } = await contrastAndAxe();
report('contrast_min_ratio', lowest.toFixed(2), 'ratio');
report('axe_violations', violations, 'count');
for (const line of failing) console.error(`axe: ${line}`);
report('locales', await locales(), 'count');

// The relay (packages/relay), as real processes on loopback: SSE connections held by one process (goal 10 000),
// publish-to-client latency at 1k and 10k, memory per connection, upstream requests whatever the clients and
// nodes, notices lost when a node of two is killed with -9 mid-post (with Redis), forged writes accepted.
const relay = Object.fromEntries((await relayFigures({ clients: Number(process.env.RELAY_BENCH_CLIENTS ?? 10_000) })).map(([name, value, unit]) => (report(name, value, unit), [name, Number(value)])));
for (const [name, ok] of [
  ['relay_sse_clients_held', relay.relay_sse_clients_held >= 10_000],
  ['relay_publish_to_client_p95_ms_1k', relay.relay_publish_to_client_p95_ms_1k <= 50],
  ['relay_publish_to_client_p95_ms_10k', relay.relay_publish_to_client_p95_ms_10k <= 250],
  ['relay_rss_per_client_kib', relay.relay_rss_per_client_kib <= 16],
  ['relay_upstream_requests_per_min', relay.relay_upstream_requests_per_min_10_clients === relay.relay_upstream_requests_per_min_10k_clients && relay.relay_upstream_requests_per_min_10k_clients === relay.relay_upstream_requests_per_min_2_nodes],
  ['relay_failover_lost_notices', relay.relay_failover_lost_notices === 0],
  ['relay_forged_writes_accepted', relay.relay_forged_writes_accepted === 0],
]) {
  if (!ok) failures.push(`${name} missed its goal`);
}

// The performance lab (`npm run bench:browser`, docs/performance.md): load cost, time to banner, bytes from the
// network log, heap over a long visit, renders per frame, and what the framework components add to an app. Its
// figures are printed as they come; each goal it misses is a failure here too.
const lab = spawn(process.execPath, [path.join(root, 'scripts/bench/browser/run.mjs')], { stdio: ['ignore', 'inherit', 'pipe'] });
let labErrors = '';
lab.stderr.on('data', (chunk) => (labErrors += chunk));
const labCode = await new Promise((resolve) => lab.on('close', resolve));
const labMissed = labErrors.split('\n').filter((line) => line.startsWith('goal missed: '));
failures.push(...labMissed.map((line) => line.slice('goal missed: '.length)));
if (labCode !== 0 && !labMissed.length) failures.push(`the performance lab failed: ${labErrors.trim().split('\n').at(-1)}`);

if (failures.length) {
  console.error(`over budget: ${failures.join('; ')}`);
  process.exitCode = 1;
}
