// `npm run snapshots:update`: writes the expected reading of every fixture beside it (x.json → x.expected.json),
// as the provider tests in packages/core/test/providers/ compare it. Run it after a deliberate change to how a
// provider is read, then review the diff of the .expected.json files: that diff is the change, field by field.
//
// The parser is bundled from core's source (the `status-banner-source` condition, as the browser tests load it),
// so the files never lag behind an unbuilt dist. `--check` writes nothing and fails when a file would change.

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { expectedRef, FIXTURES, fixturePath, isExpected, payloadOf, readingOf } from '../test/helpers/fixtures.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');

const { outputFiles } = await build({
  stdin: { contents: "export { parseStatus } from '@status-banner/core/providers';", resolveDir: root, loader: 'js' },
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  conditions: ['status-banner-source'],
  write: false,
  logLevel: 'warning',
});
const { parseStatus } = await import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`);

const stale = [];
for (const fixture of FIXTURES) {
  const payload = payloadOf(fixture, JSON.parse(readFileSync(fixturePath(fixture.ref), 'utf8')));
  const text = `${JSON.stringify(readingOf(parseStatus(payload, { now: new Date(fixture.now) })), null, 2)}\n`;
  const file = fixturePath(expectedRef(fixture.ref));
  if (existsSync(file) && readFileSync(file, 'utf8') === text) continue;
  stale.push(path.relative(root, file));
  if (!check) writeFileSync(file, text);
}

// An expected reading whose fixture left the list would be compared by nothing.
const listed = new Set(FIXTURES.map((f) => fixturePath(expectedRef(f.ref))));
const fixtures = fixturePath('');
const orphans = readdirSync(fixtures, { recursive: true })
  .filter(isExpected)
  .map((file) => path.join(fixtures, String(file)))
  .filter((file) => !listed.has(file));

for (const file of stale) console.log(`${check ? 'would change' : 'wrote'} ${file}`);
for (const file of orphans) console.log(`no fixture reads ${path.relative(root, file)}`);
if (check && (stale.length || orphans.length)) process.exitCode = 1;
