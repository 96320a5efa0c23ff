// What every source shares: times to UTC, safe links, and, across all fixtures, detection by one source, plain
// text only, and a snapshot that reads back as itself. Each provider's own fixtures are read in full in its file.

import { expect } from '@open-wc/testing';
import { parseStatus } from '@status-banner/core/providers';
import { safeUrl, toUtc } from '../../src/sources/normalize.js';
import { toUtcIn } from '../../src/sources/time-zones.js';
import { builtInSources } from '../../src/sources/index.js';
import { FIXTURES, payloadOf } from '../../../../test/helpers/fixtures.mjs';
import { plainTextProblem } from '../../../../test/helpers/snapshot-shape.mjs';
import { loadFixture } from '../../../../test/helpers/status-server.js';
import { loadExpected, type Json } from './read.js';

describe('toUtc', () => {
  it('converts page-local offsets to UTC', () => {
    expect(toUtc('2020-06-16T10:05:00.000-07:00')).to.equal('2020-06-16T17:05:00.000Z');
    expect(toUtc('2019-02-21T23:30:00-06:00')).to.equal('2019-02-22T05:30:00.000Z');
    expect(toUtc('2020-01-01T00:00:00+0530')).to.equal('2019-12-31T18:30:00.000Z');
    expect(toUtc('2020-01-01T00:00:00+05')).to.equal('2019-12-31T19:00:00.000Z');
    expect(toUtc('2024-09-16T12:34:56.789Z')).to.equal('2024-09-16T12:34:56.789Z');
  });

  it('reads a time without a zone at the offset given (UTC by default)', () => {
    expect(toUtc('2026-09-30 12:00:00')).to.equal('2026-09-30T12:00:00.000Z');
    expect(toUtc('2026-09-30 12:00:00', 120)).to.equal('2026-09-30T10:00:00.000Z');
    expect(toUtc('2026-09-30')).to.equal('2026-09-30T00:00:00.000Z');
  });

  it('keeps years below 100 as written (Date.UTC would make 0050 into 1950)', () => {
    expect(toUtc('0050-01-01T00:00:00Z')).to.equal('0050-01-01T00:00:00.000Z');
  });

  it('remembers readings without mixing offsets or zones, and forgets nothing it must not', () => {
    const naive = '2026-03-29 01:30:00';
    // Read in every order: a remembered reading for one offset or zone is never the answer for another.
    for (let round = 0; round < 2; round += 1) {
      expect(toUtc(naive)).to.equal('2026-03-29T01:30:00.000Z');
      expect(toUtc(naive, 60)).to.equal('2026-03-29T00:30:00.000Z');
      expect(toUtcIn(naive, 'Europe/Paris')).to.equal('2026-03-29T00:30:00.000Z');
      // Not a zone: read as UTC, though "60" is also an offset toUtc remembers readings for.
      expect(toUtcIn(naive, '60')).to.equal('2026-03-29T01:30:00.000Z');
      expect(toUtcIn('2026-07-01 12:00:00', 'Europe/Paris')).to.equal('2026-07-01T10:00:00.000Z');
    }
    // More distinct times than it remembers: each still read right.
    for (let minute = 0; minute < 600; minute += 1) {
      const hh = String(Math.floor(minute / 60)).padStart(2, '0');
      const mm = String(minute % 60).padStart(2, '0');
      expect(toUtc(`2026-01-01T${hh}:${mm}:00+01:00`)).to.equal(new Date(Date.UTC(2025, 11, 31, 23, minute)).toISOString());
    }
  });

  it('refuses impossible dates and results outside the years 0–9999', () => {
    for (const value of ['2020-02-30T00:00:00Z', '2020-13-01T00:00:00Z', '2020-01-01T25:00:00Z', '2020-01-01T10:60:00Z',
      '9999-12-31T23:00:00-99:00', '0000-01-01T00:00:00+99:00', 'yesterday', '', 42, null, `2020-01-01T00:00:00Z${' '.repeat(100)}`]) {
      expect(toUtc(value), String(value)).to.equal(undefined);
    }
  });
});

describe('safeUrl', () => {
  it('keeps absolute http(s) links only', () => {
    expect(safeUrl('https://stspg.io/abc')).to.equal('https://stspg.io/abc');
    expect(safeUrl(' http://status.example.com ')).to.equal('http://status.example.com/');
    for (const value of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', '\u0001javascript:x', 'data:text/html,x', 'vbscript:x', '//evil.example', '/relative', 'mailto:a@b.c', 42]) {
      expect(safeUrl(value), String(value)).to.equal(undefined);
    }
  });
});

describe('providers: every fixture, read in full', () => {
  it('lists every fixture once, and every fixture has its expectation', async () => {
    expect(new Set(FIXTURES.map((f) => f.ref)).size).to.equal(FIXTURES.length);
    // Each beside its fixture; `npm run snapshots:update -- --check` finds one that no fixture reads.
    const expected = new Map(await Promise.all(FIXTURES.map(async (f) => [f.ref, await loadExpected(f.ref)] as const)));
    // Every provider is covered, each by a fixture with a notice and one without.
    const ids = builtInSources.map((s) => s.id).filter((id) => id !== 'native');
    for (const id of ids) {
      const own = FIXTURES.filter((f) => f.provider === id);
      expect(own.some((f) => expected.get(f.ref)!.notices.length), `${id} with a notice`).to.equal(true);
      expect(own.some((f) => !expected.get(f.ref)!.notices.length), `${id} all clear`).to.equal(true);
    }
  });

  it('every source: markup, references and whitespace planted in every sentence of every fixture leave only text', async () => {
    // Every string with a space in it (titles, messages, and names and naive times too, which then read as none).
    const plant = (value: Json): Json =>
      typeof value === 'string' && value.includes(' ')
        ? `<p>${value}&nbsp;&amp;amp; <b>x</b>\r\n\r\n\r\n\t</p><script>alert(1)</script>&lt;i&gt;`
        : Array.isArray(value)
          ? value.map(plant)
          : value && typeof value === 'object'
            ? Object.fromEntries(Object.entries(value).map(([key, v]) => [key, plant(v)]))
            : value;
    let read = 0;
    for (const fixture of FIXTURES) {
      const snapshot = parseStatus(plant(payloadOf(fixture, await loadFixture(fixture.ref))), { now: new Date(fixture.now) });
      for (const { id, title, message } of snapshot.notices) {
        read += 1;
        expect(plainTextProblem(title, true), `${fixture.ref} ${id} title`).to.equal(undefined);
        if (message !== undefined) expect(plainTextProblem(message, false), `${fixture.ref} ${id} message`).to.equal(undefined);
      }
    }
    expect(read).to.be.above(40);
    const htx = parseStatus(plant(await loadFixture('real/statuspage/htx-summary-upcoming-maintenance-and-investigating-incident-2020-02-11.json')), {
      now: new Date('2020-02-11T03:16:31Z'),
    });
    expect(htx.notices[0]).to.include({ title: 'Market data is delayed & x <\u2060i>', message: 'Market data is delayed & x\n\n<\u2060i>' });
  });

  it('every snapshot, read back as a client stores and shares it (the native format), is the same snapshot', async () => {
    // Its titles and messages are plain text already: flattening them again changes nothing.
    for (const fixture of FIXTURES) {
      const at = { now: new Date(fixture.now) };
      const snapshot = parseStatus(payloadOf(fixture, await loadFixture(fixture.ref)), at);
      const reread = parseStatus(JSON.parse(JSON.stringify(snapshot)), { ...at, provider: 'native' });
      expect({ ...reread, provider: snapshot.provider }, fixture.ref).to.deep.equal(snapshot);
    }
  });
});
