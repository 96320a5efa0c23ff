// `test_sleep_calls`: how many times the tests wait for real time to pass rather than for something to happen.
// Counted in every test file and test helper: a call to a sleep-like helper with a duration, or a promise that
// resolves on a bare timer. A wait that polls for a condition (inside a loop that checks something) is not
// counted: it ends when the thing happens. Helpers' own definitions are not calls.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const SKIP = new Set(['node_modules', 'dist', '.git', 'fixtures']);
const TIMED = /\b(?:sleep|quiet)\(\s*[\w.]+\s*\)|setTimeout\(\s*(?:resolve|r)\s*,/;
const DEFINITION = /(?:const|function)\s+(?:sleep|quiet)\b/;
const LOOP = /\b(?:for|while)\s*\(/;
const CHECKED = /\breturn\b|\bbreak\b|&&|!\w|<\s*\w+\.length|\bpredicate\b|\bcheck\(/;

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (/\.(?:ts|mjs|js)$/.test(entry.name) && /(?:^|\/)test(?:\/|$)|\.test\./.test(full)) yield full;
  }
}

/** Every timed wait in the tests under `root`, as `file:line`. */
export function testSleepCalls(root) {
  const found = [];
  for (const top of ['packages', 'test', 'examples', 'scripts']) {
    for (const file of files(path.join(root, top))) {
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, i) => {
        if (!TIMED.test(line) || DEFINITION.test(line)) return;
        // A wait inside a loop that checks something on each turn (the loop's header within fifteen lines).
        const around = lines.slice(Math.max(0, i - 15), i + 2).join('\n');
        if (LOOP.test(lines.slice(Math.max(0, i - 15), i + 1).join('\n')) && CHECKED.test(around)) return;
        found.push(`${path.relative(root, file)}:${i + 1}`);
      });
    }
  }
  return found;
}
