// What the banner costs a page where all is well: the same host page loaded with the script tag and without it,
// in turns, each in a fresh browser context (cold cache and storage) under 4x CPU throttling, Chrome's trace
// recording the page's main thread from before navigation until the network has been quiet for a second (the
// status answer handled and the once-a-day folder check done). The banner's cost is the difference.
//
// A third page, the control, carries the least any banner does (origins.mjs: a script that fetches the status
// answer and reads it) in place of the tag. What the control costs is the floor no status banner goes below on
// this machine; what the banner costs above it is the part its own design decides.

import { isBannerFile, median, networkQuiet, openPage, until } from './chrome.mjs';
import { CATEGORIES, readTrace } from './trace.mjs';

const QUIET_MS = 1000;

async function loadOnce(browser, app, { tag, run }) {
  const { page, context, log } = await openPage(browser, { cpu: 4 });
  try {
    const url = app.page({ tag, run });
    await page.tracing.start({ categories: CATEGORIES });
    await page.goto(url, { waitUntil: 'load' });
    // The status answer can come well after the load event: the quiet second is counted from its arrival.
    if (tag) await until(() => log.entries.some((e) => e.url.includes('/status.json')), 20_000, 'the status answer');
    await networkQuiet(log, QUIET_MS);
    const trace = readTrace(Buffer.from(await page.tracing.stop()).toString('utf8'), url.split('?')[0]);
    return { ...trace, bannerBytes: log.bytes(isBannerFile), statusBytes: log.bytes((u) => u.includes('/status.json')), files: log.entries.filter((e) => isBannerFile(e.url)).map((e) => e.url) };
  } finally {
    await context.close();
  }
}

/** Sums the `key` maps of `runs` into medians per entry. */
function medianMap(runs, key) {
  const names = new Set(runs.flatMap((r) => Object.keys(r[key])));
  return Object.fromEntries([...names].map((name) => [name, median(runs.map((r) => r[key][name] ?? 0))]));
}

/**
 * `runs` loads of each page. Returns the figures, and for the analysis the medians of the self time by kind of
 * work and by file on the page with the tag, less those of the page without.
 */
export async function loadCost(browser, app, status, { runs }) {
  status.serve('quiet');
  const withTag = [];
  const without = [];
  const floor = [];
  for (let run = 0; run < runs; run += 1) {
    without.push(await loadOnce(browser, app, { tag: false, run }));
    floor.push(await loadOnce(browser, app, { tag: 'floor', run }));
    withTag.push(await loadOnce(browser, app, { tag: true, run }));
  }
  const busyOf = (loads) => median(loads.map((r) => r.busyMs));
  const busy = busyOf(withTag) - busyOf(without);
  const self = medianMap(withTag, 'self');
  const base = medianMap(without, 'self');
  for (const name of Object.keys(self)) self[name] -= base[name] ?? 0;
  return {
    figures: [
      ['load_main_thread_ms', busy.toFixed(1), 'ms'],
      // The thread's own CPU time, still under the throttling (which keeps the thread busy): the time it spent
      // waiting, for a core on a busy machine or for another process, is not in it.
      // The control less the page without a script: what asking for the status and reading it costs any banner.
      ['load_main_thread_floor_ms', (busyOf(floor) - busyOf(without)).toFixed(1), 'ms'],
      // The banner less the control: what the banner does beyond that (storage, tabs, the element, its code).
      ['load_main_thread_above_floor_ms', (busy - (busyOf(floor) - busyOf(without))).toFixed(1), 'ms'],
      ['load_main_thread_cpu_ms', (median(withTag.map((r) => r.cpuMs)) - median(without.map((r) => r.cpuMs))).toFixed(1), 'ms'],
      ['load_long_tasks', Math.max(0, median(withTag.map((r) => r.longTasks)) - median(without.map((r) => r.longTasks))), 'count'],
      ['load_long_tasks_without_tag', median(without.map((r) => r.longTasks)), 'count'],
      // The tasks that ran script, which on the lab's page (no script of its own) are the banner's: counted
      // directly, not as a difference of two noisy medians. Without the tag the longest is ~0.
      ['load_long_script_tasks', median(withTag.map((r) => r.longScriptTasks)), 'count'],
      ['load_longest_script_task_ms', median(withTag.map((r) => r.scriptTaskMs)).toFixed(1), 'ms'],
      ['load_longest_script_task_without_tag_ms', median(without.map((r) => r.scriptTaskMs)).toFixed(1), 'ms'],
      ['bytes_quiet_gzip', median(withTag.map((r) => r.bannerBytes)), 'bytes'],
      ['bytes_quiet_status_gzip', median(withTag.map((r) => r.statusBytes)), 'bytes'],
    ],
    analysis: { self, byFile: medianMap(withTag, 'byFile'), files: withTag[0].files, busyWith: withTag.map((r) => r.busyMs), busyWithout: without.map((r) => r.busyMs), busyFloor: floor.map((r) => r.busyMs), cpuWith: withTag.map((r) => r.cpuMs), cpuWithout: without.map((r) => r.cpuMs) },
  };
}
