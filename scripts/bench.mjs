// `npm run bench`: the project's figures, one per line as `name: value unit`. Exits non-zero when a budget is
// exceeded. Runs on the built packages (`npm run bench` builds first).

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { parseStatus } from '../packages/core/dist/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = path.resolve(process.env.STATUS_BANNER_FIXTURES ?? path.join(root, '../shared/fixtures/real'));
const BUNDLE_GZIP_BUDGET = 12 * 1024;

const failures = [];
const report = (name, value, unit) => console.log(`${name}: ${value} ${unit}`);

// The script-tag file, as a CDN would serve it.
const bundle = readFileSync(path.join(root, 'packages/element/dist/status-banner.min.js'));
const gzip = gzipSync(bundle, { level: 9 }).length;
const brotli = brotliCompressSync(bundle, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
report('bundle_min_bytes', bundle.length, 'bytes');
report('bundle_gzip_bytes', gzip, 'bytes');
report('bundle_brotli_bytes', brotli, 'bytes');
report('bundle_gzip_budget_bytes', BUNDLE_GZIP_BUDGET, 'bytes');
if (gzip > BUNDLE_GZIP_BUDGET) failures.push(`bundle_gzip_bytes ${gzip} > ${BUNDLE_GZIP_BUDGET}`);

/** Median milliseconds of `fn` over `runs` runs, after a warm-up. */
function median(fn, runs = 400) {
  for (let i = 0; i < 50; i += 1) fn();
  const times = [];
  for (let i = 0; i < runs; i += 1) {
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const twilioText = readFileSync(
  path.join(fixtures, 'statuspage/twilio-summary-large-73-components-2-incidents-9-maintenances-2020-06-16.json'),
  'utf8',
);
const twilio = JSON.parse(twilioText);
const now = new Date('2020-06-16T12:00:00Z');
report('parse_twilio_median_ms', median(() => parseStatus(twilio, { now })).toFixed(3), 'ms');
report('parse_twilio_with_json_median_ms', median(() => parseStatus(twilioText, { now })).toFixed(3), 'ms');
report('twilio_payload_bytes', Buffer.byteLength(twilioText), 'bytes');

if (failures.length) {
  console.error(`over budget: ${failures.join('; ')}`);
  process.exitCode = 1;
}
