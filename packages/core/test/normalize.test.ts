import { expect } from '@open-wc/testing';
import { safeUrl, toUtc } from '../src/sources/normalize.js';

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
