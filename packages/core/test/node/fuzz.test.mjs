// Every fixture (the real captures, and those written from vendor docs), mutated 10 000 times each with a seeded
// fuzzer: every case must give a snapshot valid in every field, or a StatusFormatError, and never anything else;
// every title and message in it must be plain text (no markup, no character reference, no run of whitespace).
// Each mutated payload must also be claimed by one built-in source at most, so detection order decides nothing.
// A failure names its fixture and case; `fuzzCase(base, seedOf(ref), index)` rebuilds it exactly.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { FIXTURES, fixturePath, payloadOf } from '../../../../test/helpers/fixtures.mjs';
import { fuzzCase, seedOf } from '../../../../test/helpers/fuzz.mjs';
import { plainTextProblem, snapshotProblem } from '../../../../test/helpers/snapshot-shape.mjs';

const CASES = 10_000;

// The parser that knows every provider (the main entry's knows Statuspage, native and what has loaded).
const core = { ...(await import('@status-banner/core')), ...(await import('@status-banner/core/providers')) };
// The built module list, to ask every source at once (not part of the public API).
const { builtInSources } = await import('../../../../packages/core/dist/sources/index.js');

/** A fixture's parsed JSON. */
export function readFixture(ref) {
  return JSON.parse(readFileSync(fixturePath(ref), 'utf8'));
}

describe('fuzz: mutated payloads give a valid snapshot or a StatusFormatError', () => {
  it('the plain-text checker rejects markup, references and runs of whitespace, and takes plain text', () => {
    assert.equal(plainTextProblem('We’re on it: <3, a < b > c.', true), undefined);
    assert.equal(plainTextProblem('First.\n\nSecond line.\nThird & <\u2060b> as text.', false), undefined);
    for (const [text, line] of [
      ['a <b>bold</b> title', true],
      ['a <img src=x>', false],
      ['<!-- c -->', false],
      ['Tom &amp; Jerry', true],
      ['x&nbsp;y', false],
      ['&#60;', false],
      ['two  spaces', true],
      ['a\nline', true],
      ['tab\there', false],
      ['space \nbefore', false],
      ['three\n\n\nbreaks', false],
      [' padded', false],
      ['non\u00a0breaking', false],
    ]) {
      assert.notEqual(plainTextProblem(text, line), undefined, JSON.stringify(text));
    }
  });

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

  for (const fixture of FIXTURES) {
    const { ref, provider, now } = fixture;
    it(`${ref} × ${CASES}`, () => {
      const base = payloadOf(fixture, readFixture(ref));
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
        for (const { id, title, message } of snapshot.notices) {
          const text = plainTextProblem(title, true) ?? (message === undefined ? undefined : plainTextProblem(message, false));
          assert.equal(text, undefined, `case ${index}, notice ${id}: ${text}`);
        }
        outcomes.snapshot += 1;
      }
      // The fuzzer must not be so rough that nothing parses. A one-field payload (OpenStatus) survives about one
      // mutation in ten; every other fixture, most of them.
      assert.ok(outcomes.snapshot > CASES / 20, `only ${outcomes.snapshot} snapshots`);
    });
  }
});
