// The hostile lab's figures for `npm run bench`: the hostile browser suite (packages/*/test/hostile-*.test.ts, in
// Chromium, with the host rule in every test) run alone, and every failure shape of a server measured against
// the backoff schedule on a virtual clock (test/helpers/request-budget.mjs).

import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { answer } from '../../test/helpers/shape-server.mjs';
import { ENDPOINT_SHAPES, measure, SCHEDULE, SEARCH } from '../../test/helpers/request-budget.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Runs the hostile group of the browser tests; its summary (tests, and errors of files such as the host rule's). */
async function hostileSuite() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'status-banner-hostile-'));
  const file = path.join(dir, 'summary.json');
  try {
    await new Promise((resolve) => {
      const child = spawn(process.execPath, [path.join(root, 'node_modules/@web/test-runner/dist/bin.js'), '--group', 'hostile'], {
        cwd: root,
        env: { ...process.env, STATUS_BANNER_REPORT: file },
        stdio: 'ignore',
      });
      child.on('exit', resolve);
    });
    return JSON.parse(await readFile(file, 'utf8'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The figures, as `[name, value, unit]`, and what missed its goal: `hostile_cases`, `hostile_failures` (goal 0),
 * `host_errors_leaked` (goal 0), `requests_per_min_worst_failure` (goal: the schedule's first minute, 7) and the
 * same for a base URL answering HTML everywhere (goal: one search of 16 at most, plus the schedule).
 */
export async function hostileFigures() {
  const suite = await hostileSuite();
  const leaked = [...suite.errors, ...suite.tests.map((test) => test.error ?? '')].filter((text) => text.includes('[host rule] errors reached')).length;
  let worst = 0;
  let over = 0;
  for (const shape of Object.values(ENDPOINT_SHAPES)) {
    const { minute, tenMinutes } = await measure(shape);
    worst = Math.max(worst, minute);
    if (minute > SCHEDULE.minute || tenMinutes > SCHEDULE.tenMinutes) over += 1;
  }
  const everywhere = await measure((req, res) => answer.html(res), { path: '/' });
  const cases = suite.tests.length + Object.keys(ENDPOINT_SHAPES).length + 1;
  const failures = suite.tests.filter((test) => !test.passed).length + suite.errors.length + over + (everywhere.minute > SEARCH + SCHEDULE.minute ? 1 : 0);
  return {
    figures: [
      ['hostile_cases', cases, 'count'],
      ['hostile_failures', failures, 'count'],
      ['host_errors_leaked', leaked, 'count'],
      ['requests_per_min_worst_failure', worst, 'requests'],
      ['requests_per_min_schedule', SCHEDULE.minute, 'requests'],
      ['requests_first_min_base_url_html_everywhere', everywhere.minute, 'requests'],
    ],
    missed: [
      ...(failures ? [`hostile_failures ${failures}`] : []),
      ...(leaked ? [`host_errors_leaked ${leaked}`] : []),
      ...(worst > SCHEDULE.minute ? [`requests_per_min_worst_failure ${worst} > ${SCHEDULE.minute}`] : []),
    ],
  };
}
