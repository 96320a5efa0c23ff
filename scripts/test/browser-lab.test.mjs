// The performance lab (scripts/bench/browser, docs/performance.md) run once in its quick mode: every figure is
// printed, each is a number in the range the measurement allows, and every goal the lab says it missed is one
// of its figures. Whether the goals are met is the bench's business, not this test's.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { skipBrowser } from '../../test/helpers/browser.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const scriptTag = path.join(root, 'packages/element/dist/status-banner.min.js');

function runLab() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'scripts/bench/browser/run.mjs'), '--quick'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

test('the performance lab prints every figure, each sane, and names the goals it misses', { skip: skipBrowser }, async () => {
  const { code, stdout, stderr } = await runLab();
  const figures = {};
  for (const line of stdout.trim().split('\n')) {
    const match = /^([a-z0-9_]+): (-?[\d.]+) (\w+)$/.exec(line);
    assert.ok(match, `a figure line: ${line}`);
    figures[match[1]] = Number(match[2]);
  }
  assert.ok(code === 0 || code === 1, `the lab ran to its end (exit ${code}): ${stderr.slice(-2000)}`);

  const scriptGzip = gzipSync(readFileSync(scriptTag)).length;
  const within = (name, low, high) => {
    assert.ok(name in figures, `${name} is printed`);
    assert.ok(Number.isFinite(figures[name]) && figures[name] >= low && figures[name] <= high, `${name} = ${figures[name]}, expected ${low} to ${high}`);
  };
  // Time and heap figures depend on the machine: only the impossible is ruled out.
  within('load_main_thread_ms', -60_000, 60_000);
  within('load_main_thread_cpu_ms', -60_000, 60_000);
  within('load_main_thread_floor_ms', -60_000, 60_000);
  within('load_main_thread_above_floor_ms', -60_000, 60_000);
  // The banner's cost splits into the control's and what the banner adds to it (each printed to 0.1 ms).
  assert.ok(Math.abs(figures.load_main_thread_floor_ms + figures.load_main_thread_above_floor_ms - figures.load_main_thread_ms) <= 0.15, 'floor + above floor = load_main_thread_ms');
  within('load_long_tasks', 0, 1000);
  within('load_long_tasks_without_tag', 0, 1000);
  within('load_long_script_tasks', 0, figures.load_long_tasks + figures.load_long_tasks_without_tag + 1000);
  within('load_longest_script_task_ms', 0, 60_000);
  // The host page runs no script of its own: only the banner's tasks run any (the browser's own, a few ms at most).
  within('load_longest_script_task_without_tag_ms', 0, 10);
  // The script tag itself is fetched on every page, gzipped on the wire (within what headers and framing add).
  within('bytes_quiet_gzip', scriptGzip - 200, 200_000);
  within('bytes_quiet_status_gzip', 1, 100_000);
  within('bytes_banner_gzip', figures.bytes_quiet_gzip, 500_000);
  // A cold page needs at least three round trips of 150 ms: the page, the script and the status answer.
  within('time_to_banner_ms', 450, 60_000);
  within('time_to_banner_stored_ms', 0, 60_000);
  within('time_to_banner_after_status_ms', 0, 60_000);
  within('renders_per_100_events', 1, 100);
  within('renders_frames', 1, 100);
  within('renders_frames_with_more_than_one', 0, figures.renders_frames);
  within('heap_growth_kib_1k_updates', -1_000_000, 1_000_000);
  within('heap_growth_data_kib_1k_updates', -1_000_000, 1_000_000);
  within('heap_growth_code_kib_1k_updates', -1_000_000, 1_000_000);
  within('heap_growth_kib_next_1k_updates', -1_000_000, 1_000_000);
  within('heap_growth_data_kib_next_1k_updates', -1_000_000, 1_000_000);
  for (const framework of ['react', 'vue']) {
    within(`${framework}_app_delta_gzip_bytes`, 1000, 1_000_000);
    within(`${framework}_app_delta_initial_gzip_bytes`, 1000, figures[`${framework}_app_delta_gzip_bytes`]);
  }

  const missed = stderr.split('\n').filter((line) => line.startsWith('goal missed: '));
  assert.equal(code === 1, missed.length > 0, 'the exit code says whether a goal was missed');
  for (const line of missed) assert.ok(line.split(' ')[2] in figures, `a missed goal is a printed figure: ${line}`);
});

test('the network log counts a response Chromium reports cancelled after it arrived, by its Content-Length', async () => {
  const { EventEmitter } = await import('node:events');
  const { networkLog } = await import('../bench/browser/chrome.mjs');
  const cdp = new EventEmitter();
  const log = networkLog(cdp);
  const url = 'http://127.0.0.1:1/status.json';
  // The sequence seen for a fetch whose body the page had read to the end: data, but no bytes counted, then
  // net::ERR_ABORTED instead of loadingFinished.
  cdp.emit('Network.requestWillBeSent', { requestId: 'a', request: { url } });
  cdp.emit('Network.responseReceived', { requestId: 'a', response: { encodedDataLength: 160, headers: { 'content-length': '915' } } });
  cdp.emit('Network.dataReceived', { requestId: 'a', encodedDataLength: 0 });
  cdp.emit('Network.loadingFailed', { requestId: 'a', timestamp: 2, errorText: 'net::ERR_ABORTED' });
  // One cancelled before any answer cost nothing, and is not an answer.
  cdp.emit('Network.requestWillBeSent', { requestId: 'b', request: { url: 'http://127.0.0.1:1/other.json' } });
  cdp.emit('Network.loadingFailed', { requestId: 'b', timestamp: 3, errorText: 'net::ERR_ABORTED' });
  assert.deepEqual(log.entries, [{ url, bytes: 915, finished: 2000, failed: 'net::ERR_ABORTED' }]);
  assert.equal(log.pending(), 0);
});
