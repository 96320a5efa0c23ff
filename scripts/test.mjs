// `npm test` after the build: every suite, in three lanes side by side, so that a 2-core machine is kept busy.
// Each suite alone leaves a core idle much of the time (web-test-runner runs one page at a time; many Node tests
// wait on Chromium or on a server), but some tests count real time (20 tabs show the news within 1 s), so:
//
// - browser:   the browser suites (web-test-runner), then the relay's tests;
// - real time: the Node tests that measure real time in real Chromium (tabs, lifecycle, the performance lab), then
//              two long Node tests that count no time (the screenshots, the examples' build), so that the lanes
//              end at about the same time;
// - the rest:  the type check, then every other Node test.
//
// A lane's output is printed whole when it ends, so lanes never interleave; the exit code is the first failure's.
// `npm run test:node`, `test:relay` and `test:browser` still run one suite alone.

import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The Node test files `npm run test:node` runs, relative to the root: its own glob patterns,
 * read from package.json and expanded here, so the two never disagree.
 */
function nodeTestFiles() {
  const { scripts } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const patterns = scripts['test:node'].split(/\s+/).filter((word) => word.includes('*'));
  const expand = (dir, [segment, ...rest]) => {
    const names = segment.includes('*')
      ? readdirSync(path.join(root, dir)).filter((name) => new RegExp(`^${segment.replaceAll('.', '\\.').replaceAll('*', '.*')}$`).test(name))
      : [segment];
    return names.flatMap((name) => {
      const next = dir ? `${dir}/${name}` : name;
      if (!rest.length) return [next];
      return existsSync(path.join(root, next)) ? expand(next, rest) : [];
    });
  };
  return patterns.flatMap((pattern) => expand('', pattern.split('/')));
}

/** Node tests that assert on real time in a real browser: they run beside the browser suites, not beside builds. */
const REAL_TIME = ['packages/element/test/node/tabs.test.mjs', 'packages/element/test/node/lifecycle.test.mjs', 'scripts/test/browser-lab.test.mjs'];

/** Node tests that run after the real-time ones, in their lane, to even out the lanes' lengths. */
const AFTER_REAL_TIME = ['packages/element/test/node/screenshots.test.mjs', 'examples/test/examples.test.mjs'];

const node = process.execPath;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const others = nodeTestFiles().filter((file) => !REAL_TIME.includes(file) && !AFTER_REAL_TIME.includes(file));

const lanes = [
  { name: 'browser', steps: [[npm, ['run', '-s', 'test:browser']], [npm, ['run', '-s', 'test:relay']]] },
  { name: 'real time', steps: [[node, ['--test', ...REAL_TIME]], [node, ['--test', ...AFTER_REAL_TIME]]] },
  { name: 'the rest', steps: [[npm, ['run', '-s', 'typecheck']], [node, ['--test', ...others]]] },
];

/** Runs `command`, appending what it prints to `out`; resolves with its exit code. */
function run([command, args], out) {
  return new Promise((resolve) => {
    out.push(`$ ${[path.basename(command), ...args].join(' ')}\n`);
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk) => out.push(chunk));
    child.stderr.on('data', (chunk) => out.push(chunk));
    child.on('error', (error) => (out.push(`${error.message}\n`), resolve(1)));
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function runLane({ name, steps }) {
  const started = Date.now();
  const out = [];
  let code = 0;
  // Every step runs even after one fails: a failure in one suite hides nothing in the next.
  for (const step of steps) code = (await run(step, out)) || code;
  const seconds = Math.round((Date.now() - started) / 1000);
  process.stdout.write(`\n── ${name}: ${code ? `FAILED (exit ${code})` : 'passed'} in ${seconds} s ──\n`);
  const text = out.join('');
  process.stdout.write(text);
  return { name, code, seconds, failures: code ? failures(text) : [] };
}

/**
 * The lines that name a failed test in a lane's output, with the first lines of each error: Node's runner writes
 * `not ok N - name` (for a test and for each suite around it), web-test-runner `❌ name` under the file's path.
 * They are printed again at the very end, where a log cut to its last lines still shows them.
 */
function failures(text) {
  const lines = text.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '').split('\n');
  const picked = [];
  lines.forEach((line, index) => {
    if (/^\s*not ok \d+ - /.test(line)) {
      const block = lines.slice(index + 1, index + 40);
      const end = block.findIndex((next) => /^\s*\.\.\.\s*$/.test(next));
      const said = block.slice(0, end < 0 ? block.length : end).filter((next) => /^\s*(location|error):/.test(next));
      picked.push(line.trim(), ...said.map((next) => `  ${next.trim()}`));
    } else if (/^\s*❌/.test(line)) {
      const file = lines.slice(0, index).reverse().find((previous) => /^\S.*\.test\.(ts|js|mjs):\s*$/.test(previous));
      picked.push(`${file ? `${file.trim()} ` : ''}${line.trim()}`, ...lines.slice(index + 1, index + 3).map((next) => `  ${next.trim()}`));
    }
  });
  return picked;
}

const started = Date.now();
console.log(`npm test: ${lanes.map((lane) => lane.name).join(', ')}, side by side; each lane's output follows when it ends`);
const results = await Promise.all(lanes.map(runLane));
console.log(`\n${results.map(({ name, code, seconds }) => `${name} ${code ? 'FAILED' : 'passed'} (${seconds} s)`).join(', ')}; ${Math.round((Date.now() - started) / 1000)} s in all`);
for (const { name, failures: lines } of results.filter((result) => result.failures.length)) {
  console.log(`\nfailed in ${name}:\n${lines.map((line) => `  ${line}`).join('\n')}`);
}
process.exitCode = results.find((result) => result.code)?.code ?? 0;
