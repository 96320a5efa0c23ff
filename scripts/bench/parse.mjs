// The parse figures of `npm run bench`: per provider, the median time to parse its largest fixture (already
// parsed JSON, on the built package), and a seeded fuzz run that counts what escapes parseStatus as anything
// but a StatusFormatError (goal 0). Fixtures and fuzzer are the tests' own (test/helpers).

import { readFileSync, statSync } from 'node:fs';
import { FIXTURES, fixturePath } from '../../test/helpers/fixtures.mjs';
import { fuzzCase, seedOf } from '../../test/helpers/fuzz.mjs';


/** Median milliseconds of `fn` over `runs` runs, after a warm-up. */
export function median(fn, runs = 400) {
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

/**
 * The figures, as `[name, value, unit]`: `parse_<provider>_median_ms` for each provider's largest fixture, then
 * `fuzz_cases` and `fuzz_untyped_throws`.
 *
 * @param {typeof import('@status-banner/core')} core - The built core.
 * @param {{ runs?: number, casesPerFixture?: number }} options
 */
export function parseFigures(core, { runs = 400, casesPerFixture = 1000 } = {}) {
  const figures = [];
  const largest = new Map();
  for (const fixture of FIXTURES) {
    const size = statSync(fixturePath(fixture.ref)).size;
    if (!(largest.get(fixture.provider)?.size >= size)) largest.set(fixture.provider, { ...fixture, size });
  }
  for (const [provider, { ref, now }] of [...largest].sort(([a], [b]) => a.localeCompare(b))) {
    const payload = JSON.parse(readFileSync(fixturePath(ref), 'utf8'));
    const at = new Date(now);
    figures.push([`parse_${provider}_median_ms`, median(() => core.parseStatus(payload, { now: at }), runs).toFixed(3), 'ms']);
  }
  let cases = 0;
  let untyped = 0;
  for (const { ref, now } of FIXTURES) {
    const base = JSON.parse(readFileSync(fixturePath(ref), 'utf8'));
    const seed = seedOf(ref);
    const at = new Date(now);
    for (let index = 0; index < casesPerFixture; index += 1) {
      cases += 1;
      try {
        core.parseStatus(fuzzCase(base, seed, index), { now: at });
      } catch (error) {
        if (!(error instanceof core.StatusFormatError)) untyped += 1;
      }
    }
  }
  figures.push(['fuzz_cases', cases, 'count'], ['fuzz_untyped_throws', untyped, 'count']);
  return figures;
}
