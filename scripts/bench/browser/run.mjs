// `npm run bench:browser`, the performance lab (docs/performance.md): the built script tag in the system's
// Chromium on local origins, several runs of each measurement, medians printed as `name: value unit`. Exits 1
// when a figure misses its goal, each miss on stderr as `goal missed: ...` (scripts/bench.mjs counts them).
//
//   node scripts/bench/browser/run.mjs [--quick] [--analysis]
//
// --quick: one run of each, 1 000 updates instead of 10 000 (a check that the lab works, not figures).
// --analysis: also prints, on stderr, where the quiet page's main-thread time goes, which files load and what
// their bytes are made of.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { appDeltas } from './app-delta.mjs';
import { executablePath, launch } from './chrome.mjs';
import { loadCost } from './load-cost.mjs';
import { heapGrowth, rendersPerEvents } from './long-visit.mjs';
import { DIST, startAppOrigin, startStatusOrigin } from './origins.mjs';
import { profileQuietLoad } from './profile.mjs';
import { bytesBySource } from './source-map.mjs';
import { timeToBanner } from './time-to-banner.mjs';

const quick = process.argv.includes('--quick');
const analysis = process.argv.includes('--analysis');
const RUNS = quick ? 1 : 5;
const UPDATES = quick ? 1000 : 10_000;

/** The goals of issue 15: a figure and the test it must pass. */
const GOALS = {
  load_main_thread_ms: (v) => v <= 30,
  load_long_tasks: (v) => v === 0,
  time_to_banner_after_status_ms: (v) => v <= 200,
  bytes_quiet_gzip: (v) => v <= 10_000,
  bytes_banner_gzip: (v) => v <= 18_000,
  [`heap_growth_kib_${UPDATES / 1000}k_updates`]: (v) => v <= 256,
  renders_frames_with_more_than_one: (v) => v === 0,
};

if (!existsSync(executablePath)) throw new Error(`no Chromium at ${executablePath} (set CHROME_PATH)`);
if (!existsSync(path.join(DIST, 'status-banner.min.js'))) throw new Error('no built script tag: run `npx rollup -c --silent` first');

const missed = [];
const report = (name, value, unit) => {
  console.log(`${name}: ${value} ${unit}`);
  if (GOALS[name] && !GOALS[name](Number(value))) missed.push(`${name} ${value} ${unit}`);
};
const top = (map, count = 12, unit = 'ms') =>
  Object.entries(map)
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, value]) => `  ${value.toFixed(unit === 'ms' ? 1 : 0).padStart(7)} ${unit}  ${name}`)
    .join('\n');

const browser = await launch();
const status = await startStatusOrigin();
const app = await startAppOrigin({ statusUrl: status.url });
try {
  const load = await loadCost(browser, app, status, { runs: RUNS });
  for (const figure of load.figures) report(...figure);
  if (analysis) {
    console.error(`quiet page, main thread with the tag less without, self time by event (medians):\n${top(load.analysis.self)}`);
    console.error(`quiet page, self time inside each script (medians):\n${top(load.analysis.byFile)}`);
    console.error(`quiet page, busy ms with the tag ${load.analysis.busyWith.map(Math.round)}, with the control ${load.analysis.busyFloor.map(Math.round)}, without ${load.analysis.busyWithout.map(Math.round)}`);
    console.error(`quiet page, thread CPU ms with the tag ${load.analysis.cpuWith.map(Math.round)}, without ${load.analysis.cpuWithout.map(Math.round)}`);
    console.error(`quiet page, files fetched: ${load.analysis.files.map((url) => url.split('/').pop()).join(', ')}`);
    console.error(`quiet page, one unthrottled load, sampled self time by source line:\n${top(await profileQuietLoad(browser, app, status), 25)}`);
  }
  for (const figure of await timeToBanner(browser, app, status, { runs: RUNS, analysis })) report(...figure);
  const renders = await rendersPerEvents(browser, app, status, { count: 100, spanMs: 1000 });
  report('renders_per_100_events', renders.renders, 'renders');
  report('renders_frames', renders.frames, 'frames');
  report('renders_frames_with_more_than_one', renders.framesWithMoreThanOne, 'frames');
  const heap = await heapGrowth(browser, app, status, { updates: UPDATES, again: true });
  report(`heap_growth_kib_${UPDATES / 1000}k_updates`, heap.total.toFixed(1), 'KiB');
  // Of that growth, what the page's scripts keep, and the compiled code of the engine's optimizing tiers.
  report(`heap_growth_data_kib_${UPDATES / 1000}k_updates`, heap.data.toFixed(1), 'KiB');
  report(`heap_growth_code_kib_${UPDATES / 1000}k_updates`, heap.code.toFixed(1), 'KiB');
  // What the same number of updates more adds once the page is warm: a leak grows here, warm-up does not.
  report(`heap_growth_kib_next_${UPDATES / 1000}k_updates`, heap.next.total.toFixed(1), 'KiB');
  report(`heap_growth_data_kib_next_${UPDATES / 1000}k_updates`, heap.next.data.toFixed(1), 'KiB');
} finally {
  await browser.close();
  await app.close();
  await status.close();
}
for (const figure of await appDeltas()) report(...figure);
if (analysis) {
  for (const file of ['status-banner.min.js', 'status-banner.view.js']) {
    console.error(`${file}, estimated gzip bytes by source:\n${top(bytesBySource(file), 20, 'B')}`);
  }
}

if (missed.length) {
  for (const line of missed) console.error(`goal missed: ${line}`);
  process.exitCode = 1;
}
