// docs/reliability.md lists every catalogue case (SSE-01, STO-04, ENV-12 …) with the file whose test proves it.
// This keeps that list true: every ID it gives names a test in the file it gives, and every ID a test names is
// in the list.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ID = /\b(?:SSE|POLL|TAB|STO|ENV|DATA|LIFE|PERF)-\d{2}\b/g;
/** A line that opens a test: `it('…`, `test(\`…`, with the title on that line. */
const TITLE = /\b(?:it|test)\(\s*['"`]/;

/** The IDs each test file names in its test titles. */
function idsInTests() {
  // Tests sit in subfolders too (test/node/, test/providers/), so each folder is read recursively.
  const folders = [...['core', 'element', 'react', 'vue'].map((pkg) => `packages/${pkg}/test`), 'examples/test', 'scripts/test'];
  const files = folders
    .flatMap((folder) => readdirSync(path.join(root, folder), { recursive: true }).map((f) => `${folder}/${String(f).split(path.sep).join('/')}`))
    .filter((file) => /\.test\.(ts|mjs)$/.test(file));
  return new Map(files.map((file) => [file, new Set(readFileSync(path.join(root, file), 'utf8').split('\n').filter((line) => TITLE.test(line)).flatMap((line) => line.match(ID) ?? []))]));
}

/** The rows of the docs' catalogue tables: an ID and the files given for it. */
function listed() {
  const rows = [];
  for (const line of readFileSync(path.join(root, 'docs/reliability.md'), 'utf8').split('\n')) {
    const match = /^\| ((?:SSE|POLL|TAB|STO|ENV|DATA|LIFE|PERF)-\d{2}) \|(.*)$/.exec(line);
    if (match) rows.push({ id: match[1], files: [...match[2].matchAll(/`((?:packages|examples|scripts|test)\/[^`]+\.test\.(?:ts|mjs))`/g)].map((m) => m[1]), measured: match[2].includes('measured, not tested') });
  }
  return rows;
}

test('every catalogue case listed in docs/reliability.md names a test in the file it gives', () => {
  const tests = idsInTests();
  const rows = listed();
  assert.ok(rows.length > 70, `${rows.length} cases listed`);
  const missing = rows.flatMap(({ id, files, measured }) =>
    measured ? [] : files.length ? files.filter((file) => !tests.get(file)?.has(id)).map((file) => `${id} in ${file}`) : [`${id}: no file`],
  );
  assert.deepEqual(missing, []);
});

test('every catalogue ID a test names is listed in docs/reliability.md', () => {
  const documented = new Set(listed().map((row) => row.id));
  const unlisted = [...idsInTests()].flatMap(([file, ids]) => [...ids].filter((id) => !documented.has(id)).map((id) => `${id} (${file})`));
  assert.deepEqual(unlisted, []);
});
