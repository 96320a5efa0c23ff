// The project's own scripts (`npm run bench`, `npm start`, the site, the screenshots) run rarely in CI, so a
// broken one would go unseen until someone needs its figures: every script must compile, and every module of the
// bench must load with what it imports. (`npm run bench` once failed on a name declared twice.)

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const scripts = path.join(root, 'scripts');

/** Every .mjs under `dir`, tests left out (the runner loads those). */
function* modules(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'test') yield* modules(full);
    } else if (entry.name.endsWith('.mjs')) yield full;
  }
}

// Entry points run their work when loaded: compiled only. The rest are libraries of the bench, loaded for real.
const ENTRY_POINTS = new Set(['bench.mjs', 'start.mjs', 'screenshots.mjs', 'publish.mjs', 'update-snapshots.mjs', 'run.mjs', 'relay-load-worker.mjs']);

describe("the project's scripts", () => {
  const all = [...modules(scripts)];

  it('all compile', async () => {
    assert.ok(all.length > 10, `${all.length} scripts found`);
    for (const file of all) {
      await run(process.execPath, ['--check', file]).catch((error) => assert.fail(`${path.relative(root, file)}: ${error.stderr}`));
    }
  });

  it("the bench's modules load, with every name they import", async () => {
    const libraries = all.filter((file) => file.includes(`${path.sep}bench${path.sep}`) && !ENTRY_POINTS.has(path.basename(file)));
    assert.ok(libraries.length > 5, `${libraries.length} bench modules found`);
    for (const file of libraries) await import(pathToFileURL(file).href);
  });
});
