// The expected readings beside the fixtures (x.expected.json) are what core's source reads now, and each belongs
// to a fixture the provider tests list: the browser tests compare against them, so a stale or stray one would
// pass or fail for the wrong reason.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

test('every expected reading beside a fixture is current, and none is without its fixture', async () => {
  const { stdout } = await promisify(execFile)(process.execPath, ['scripts/update-snapshots.mjs', '--check'], { cwd: root }).catch((error) => error);
  assert.equal(stdout.trim(), '', 'run npm run snapshots:update and review the diff');
});
