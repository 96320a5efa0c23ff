// parseStatus under a seeded mutation fuzzer over every real Statuspage payload, and against exotic objects.

import { expect } from '@open-wc/testing';
import { StatusFormatError } from '@status-banner/core';
import { parseStatus } from '@status-banner/core/providers';
import { statuspage } from '../src/sources/statuspage.js';
import { loadFixture } from '../../../test/helpers/status-server.js';
import { type Json, LOCAL, outcome, REAL } from './parse-checks.js';

// Mulberry32: a tiny seeded PRNG, so a failing case can be replayed from its seed.
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Path = (string | number)[];

function collectPaths(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  if (typeof value !== 'object' || value === null) return out;
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((item, index) => [index, item])
    : Object.entries(value);
  for (const [key, child] of entries) {
    const childPath = [...path, key];
    out.push(childPath);
    collectPaths(child, childPath, out);
  }
  return out;
}

const HUGE = 'Ω<b>x</b>&amp;[y](z) '.repeat(120_000);
const HOSTILE_STRINGS = [
  '',
  '   ',
  HUGE,
  'javascript:alert(1)',
  ' JaVaScRiPt:alert(1)',
  '//evil.example',
  'data:text/html,x',
  '<img src=x onerror=alert(1)>',
  '[x](javascript:alert(1))',
  '\u0000\u202e',
  '9999-12-31T23:59:59-23:59',
  '0000-01-01T00:00:00+14:00',
  '2020-02-30T00:00:00Z',
  '2020-02-11T03:15:02.000+05:30',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  '[3, 6, 12, 24]',
];
const ENUMS = [
  'none',
  'minor',
  'major',
  'critical',
  'maintenance',
  'investigating',
  'identified',
  'monitoring',
  'resolved',
  'postmortem',
  'scheduled',
  'in_progress',
  'verifying',
  'completed',
  'operational',
  'degraded_performance',
  'partial_outage',
  'major_outage',
  'under_maintenance',
  'zzz_unknown',
];
const ODD_VALUES: unknown[] = [
  null,
  undefined,
  0,
  -1,
  42,
  1e308,
  Infinity,
  NaN,
  true,
  false,
  [],
  {},
  [null],
  { id: {} },
  10n,
  Symbol('s'),
  () => 1,
  new Date(0),
  Object.create(null),
];

function pickFrom<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** Applies one random mutation at `path`, copying each container on the way (the fixture stays intact). */
function mutateAt(root: Json, path: Path, random: () => number, copied: Set<unknown>): Json {
  let parent = root;
  for (let i = 0; i < path.length - 1; i += 1) {
    const child = parent[path[i]!];
    if (typeof child !== 'object' || child === null) return root;
    let copy = child;
    if (!copied.has(child)) {
      copy = Array.isArray(child) ? [...child] : { ...child };
      copied.add(copy);
      parent[path[i]!] = copy;
    }
    parent = copy;
  }
  const key = path[path.length - 1]!;
  const value = parent[key];
  switch (Math.floor(random() * 8)) {
    case 0:
      if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
      else delete parent[key];
      break;
    case 1:
      parent[key] = null;
      break;
    case 2:
      // Swap the type: strings become numbers, numbers strings, containers the other kind or a string.
      parent[key] =
        typeof value === 'string'
          ? random() < 0.5
            ? value.length
            : [value]
          : typeof value === 'number'
            ? String(value)
            : Array.isArray(value)
              ? random() < 0.5
                ? { ...value }
                : JSON.stringify(value).slice(0, 100)
              : typeof value === 'object' && value !== null
                ? random() < 0.5
                  ? Object.values(value)
                  : '[object Object]'
                : pickFrom(random, ODD_VALUES);
      break;
    case 3:
      parent[key] = pickFrom(random, HOSTILE_STRINGS);
      break;
    case 4:
      parent[key] = pickFrom(random, ENUMS);
      break;
    case 5:
      parent[key] = random() < 0.5 ? [value] : { [String(key)]: value, id: value, name: value };
      break;
    case 6:
      if (Array.isArray(parent)) parent.push(value, value);
      else parent[key] = pickFrom(random, ODD_VALUES);
      break;
    default:
      parent[key] = pickFrom(random, ODD_VALUES);
  }
  return root;
}

const CAPTURE_TIMES: Record<string, string> = {
  cloudamqp: '2020-07-16T21:10:37.516Z',
  emma: '2019-02-21T14:31:24.239Z',
  'githubstatus-components': '2024-09-17T08:08:17.044Z',
  'githubstatus-incidents': '2024-09-17T08:08:17.044Z',
  'githubstatus-summary-all': '2019-12-30T08:15:33.297Z',
  'githubstatus-summary-major': '2020-04-02T20:37:08.838Z',
  htx: '2020-02-14T06:00:00Z',
  twilio: '2020-06-16T21:00:29.031Z',
  'docs-examples': '2014-05-17T12:00:00Z',
  incidentio: '2025-06-10T14:35:00Z',
};

function captureTime(ref: string): Date {
  const name = ref.replace(/^(real\/statuspage\/|local\/)/, '');
  const key = Object.keys(CAPTURE_TIMES).find((prefix) => name.startsWith(prefix));
  return new Date(CAPTURE_TIMES[key!]!);
}

const ROUNDS = 2000;

describe('parse: seeded mutation fuzz over every real Statuspage payload', () => {
  [...REAL, ...LOCAL].forEach((ref, index) => {
    it(`${ref}: ${ROUNDS} mutations, each a valid snapshot or a StatusFormatError`, async () => {
      const fixture = await loadFixture(ref);
      const before = JSON.stringify(fixture);
      const paths = collectPaths(fixture);
      const seed = 0x5eed + index;
      const random = prng(seed);
      const now = captureTime(ref);
      let snapshots = 0;
      for (let round = 0; round < ROUNDS; round += 1) {
        const copied = new Set<unknown>();
        let payload: Json = { ...(fixture as Json) };
        copied.add(payload);
        const count = 1 + Math.floor(random() * 4);
        const applied: string[] = [];
        for (let m = 0; m < count; m += 1) {
          const path = random() < 0.05 ? [pickFrom(random, ['page', 'status', 'components', 'incidents', 'scheduled_maintenances'])] : pickFrom(random, paths);
          applied.push(path.join('.'));
          payload = mutateAt(payload, path, random, copied);
        }
        const lead = pickFrom(random, [0, 86_400_000, 60 * 86_400_000]);
        try {
          const claimed = statuspage.detect(payload);
          const direct = outcome(() => statuspage.parse(payload, { now, maintenanceLead: lead }));
          // A payload the source claims must read: an error here would be a bug hidden by the source's own net.
          if (claimed !== !(direct instanceof StatusFormatError)) {
            throw new Error(`detect() said ${claimed} but parse ${direct instanceof StatusFormatError ? 'threw' : 'read it'}`);
          }
          if (!(direct instanceof StatusFormatError)) snapshots += 1;
          if (round % 10 === 0) outcome(() => parseStatus(payload, { now, maintenanceLead: lead / 1000 }));
        } catch (error) {
          throw new Error(`seed ${seed}, round ${round}, mutated ${applied.join(' | ')}: ${(error as Error).message}`);
        }
      }
      // The copy-on-write mutation left the fixture as it was, so each round started from the real payload.
      expect(JSON.stringify(fixture)).to.equal(before);
      // Most mutations leave a readable payload; the fuzz is not just exercising the rejection path.
      expect(snapshots).to.be.above(ROUNDS * 0.5);
    });
  });
});

describe('parseStatus and exotic objects', () => {
  it('turns a getter that throws anything, even a Symbol, into a StatusFormatError', () => {
    for (const thrown of [Symbol('boom'), new Error('boom'), null, { toString: () => { throw new Error('nested'); } }]) {
      const payload = { page: { name: 'x' }, status: { indicator: 'none' }, get incidents(): unknown[] { throw thrown; } };
      let caught: unknown;
      try {
        parseStatus(payload);
      } catch (error) {
        caught = error;
      }
      expect(caught, String(typeof thrown)).to.be.instanceOf(StatusFormatError);
      expect((caught as StatusFormatError).type).to.equal('invalid-payload');
    }
  });
});
