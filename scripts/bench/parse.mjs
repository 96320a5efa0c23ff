// The parse figures of `npm run bench`: how many real captures the tests read, per provider; per provider, the
// median time to parse its largest fixture (already parsed JSON, on the built package); and a seeded fuzz run that
// counts what escapes parseStatus as anything but a StatusFormatError (goal 0). Fixtures and fuzzer are the tests'
// own (test/helpers).

import { readFileSync, statSync } from 'node:fs';
import { FIXTURES, fixturePath, isReal, payloadOf } from '../../test/helpers/fixtures.mjs';
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
 * The real captures the tests read (responses recorded from live pages, test/fixtures/real/SOURCES.md), as
 * `fixtures_real` and `fixtures_real_<provider>` for every provider the fixtures cover, those with none included.
 *
 * @param {readonly string[]} providers - The provider ids.
 */
function realFixtureFigures(providers) {
  const real = FIXTURES.filter(isReal);
  return [
    ['fixtures_real', real.length, 'count'],
    ...[...providers].sort().map((provider) => [`fixtures_real_${provider}`, real.filter((f) => f.provider === provider).length, 'count']),
  ];
}

/**
 * The figures, as `[name, value, unit]`: `fixtures_real` and `fixtures_real_<provider>` (native, the project's own
 * format, has nothing to capture), `parse_<provider>_median_ms` for each provider's largest fixture, then
 * `fuzz_cases` and `fuzz_untyped_throws`.
 *
 * @param {typeof import('@status-banner/core')} core - The built core.
 * @param {{ runs?: number, casesPerFixture?: number }} options
 */
export function parseFigures(core, { runs = 400, casesPerFixture = 1000 } = {}) {
  const figures = realFixtureFigures([...new Set(FIXTURES.map((f) => f.provider))]);
  const largest = new Map();
  for (const fixture of FIXTURES) {
    const size = statSync(fixturePath(fixture.ref)).size;
    if (!(largest.get(fixture.provider)?.size >= size)) largest.set(fixture.provider, { ...fixture, size });
  }
  for (const [provider, fixture] of [...largest].sort(([a], [b]) => a.localeCompare(b))) {
    const { ref, now } = fixture;
    const payload = payloadOf(fixture, JSON.parse(readFileSync(fixturePath(ref), 'utf8')));
    const at = new Date(now);
    figures.push([`parse_${provider}_median_ms`, median(() => core.parseStatus(payload, { now: at }), runs).toFixed(3), 'ms']);
  }
  let cases = 0;
  let untyped = 0;
  for (const fixture of FIXTURES) {
    const { ref, now } = fixture;
    const base = payloadOf(fixture, JSON.parse(readFileSync(fixturePath(ref), 'utf8')));
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
