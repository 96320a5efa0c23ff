// Every fixture (the real captures, and those written from vendor docs), mutated 10 000 times each with a seeded
// fuzzer: every case must give a snapshot valid in every field, or a StatusFormatError, and never anything else.
// Each mutated payload must also be claimed by one built-in source at most, so detection order decides nothing.
// A failure names its fixture and case; `fuzzCase(base, seedOf(ref), index)` rebuilds it exactly.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { FIXTURES, fixturePath } from '../helpers/fixtures.mjs';
import { fuzzCase, seedOf } from '../helpers/fuzz.mjs';
import { snapshotProblem } from '../helpers/snapshot-shape.mjs';

const CASES = 10_000;

const core = await import('@status-banner/core');
// The built module list, to ask every source at once (not part of the public API).
const { builtInSources } = await import('../../packages/core/dist/sources/index.js');

/** A fixture's parsed JSON. */
export function readFixture(ref) {
  return JSON.parse(readFileSync(fixturePath(ref), 'utf8'));
}

describe('fuzz: mutated payloads give a valid snapshot or a StatusFormatError', () => {
  it('the checker itself rejects what is invalid', () => {
    const good = { provider: 'x', page: {}, indicator: 'none', notices: [], components: [] };
    assert.equal(snapshotProblem(good), undefined);
    const notice = { id: 'a', kind: 'incident', title: 'T', severity: 'minor', phase: 'unknown', componentIds: [], revision: 'r' };
    assert.equal(snapshotProblem({ ...good, notices: [notice] }), undefined);
    for (const bad of [
      { ...good, indicator: 'purple' },
      { ...good, page: { url: 'javascript:alert(1)' } },
      { ...good, notices: [{ ...notice, updatedAt: '2020-01-01T00:00:00+01:00' }] },
      { ...good, notices: [{ ...notice, title: ' padded ' }] },
      { ...good, notices: [{ ...notice, severity: 'minor' }, { ...notice, id: 'b', severity: 'critical' }] },
      { ...good, components: [{ id: 'c', name: 'C', status: 'purple' }] },
      { ...good, extra: 1 },
    ]) {
      assert.notEqual(snapshotProblem(bad), undefined, JSON.stringify(bad).slice(0, 120));
    }
  });

  for (const { ref, provider, now } of FIXTURES) {
    it(`${ref} × ${CASES}`, () => {
      const base = readFixture(ref);
      const seed = seedOf(ref);
      const at = new Date(now);
      const outcomes = { snapshot: 0, error: 0 };
      for (let index = 0; index < CASES; index += 1) {
        const payload = fuzzCase(base, seed, index);
        const claims = builtInSources.filter((source) => source.detect(payload)).map((source) => source.id);
        assert.ok(claims.length <= 1, `case ${index}: claimed by ${claims.join(' and ')}`);
        // A quarter named, as a client with `provider` reads them: the source's own checks, not detection.
        const options = index % 4 === 3 ? { now: at, provider } : { now: at };
        let snapshot;
        try {
          snapshot = core.parseStatus(payload, options);
        } catch (error) {
          assert.ok(error instanceof core.StatusFormatError, `case ${index} threw ${error?.name}: ${error?.message}`);
          outcomes.error += 1;
          continue;
        }
        const problem = snapshotProblem(snapshot);
        assert.equal(problem, undefined, `case ${index}: ${problem}`);
        outcomes.snapshot += 1;
      }
      // The fuzzer must not be so rough that nothing parses. A one-field payload (OpenStatus) survives about one
      // mutation in ten; every other fixture, most of them.
      assert.ok(outcomes.snapshot > CASES / 20, `only ${outcomes.snapshot} snapshots`);
    });
  }
});
