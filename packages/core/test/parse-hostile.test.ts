import { expect } from '@open-wc/testing';
import { StatusFormatError, type StatusSnapshot } from '@status-banner/core';
import { parseStatus } from '@status-banner/core/providers';
import { statuspage } from '../src/sources/statuspage.js';
import { loadFixture } from '../../../test/helpers/status-server.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const REAL = [
  'cloudamqp-summary-maintenance-in-progress-2020-07-16.json',
  'emma-incidents-22-resolved-america-chicago-offsets-2019-02-21.json',
  'githubstatus-components-trimmed-2024-09-17.json',
  'githubstatus-incidents-two-resolved-with-html-br-2024-09-16.json',
  'githubstatus-summary-all-operational-2019-12-30.json',
  'githubstatus-summary-major-outage-investigating-2020-04-02.json',
  'htx-summary-upcoming-maintenance-and-investigating-incident-2020-02-11.json',
  'twilio-summary-large-73-components-2-incidents-9-maintenances-2020-06-16.json',
  'docs-examples/statuspage-docs-example-summary-with-github-page-header-2020-07-12.json',
].map((name) => `real/statuspage/${name}`);
const LOCAL = [
  'docs/incidentio-statuspage-compat-summary-outage-from-docs.json',
  'docs/incidentio-statuspage-compat-summary-operational-from-docs.json',
];
const HTX = REAL[6]!;

const SEVERITIES = new Set(['none', 'minor', 'major', 'critical', 'maintenance']);
const RANK: Record<string, number> = { none: 0, maintenance: 1, minor: 2, major: 3, critical: 4 };
const PHASES = new Set([
  'investigating',
  'identified',
  'monitoring',
  'resolved',
  'postmortem',
  'scheduled',
  'in_progress',
  'verifying',
  'completed',
  'cancelled',
  'unknown',
]);
const COMPONENT_STATUSES = new Set(['operational', 'degraded', 'partial_outage', 'major_outage', 'maintenance', 'unknown']);
const ERROR_TYPES = new Set(['not-json', 'not-object', 'unknown-provider', 'invalid-payload']);
const NOTICE_KEYS = new Set([
  'id',
  'kind',
  'title',
  'severity',
  'phase',
  'message',
  'updatedAt',
  'startedAt',
  'scheduledStart',
  'scheduledEnd',
  'url',
  'componentIds',
  'revision',
]);
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const LINK_SYNTAX = /\[[^\]]*\]\([^)]*\)/;

// Plain throws rather than chai: the fuzz runs this tens of thousands of times.
function check(condition: unknown, what: string): void {
  if (!condition) throw new Error(`invalid snapshot: ${what}`);
}

function isText(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= max && value.trim() === value;
}

function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string' || value.length > 2048) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

function isUtc(value: unknown): boolean {
  return typeof value === 'string' && ISO_UTC.test(value) && new Date(value).toISOString() === value;
}

/** Throws unless `snapshot` is a StatusSnapshot in every field, down to the type of each array item. */
function assertValidSnapshot(snapshot: unknown): asserts snapshot is StatusSnapshot {
  check(typeof snapshot === 'object' && snapshot !== null && !Array.isArray(snapshot), 'not an object');
  const s = snapshot as Json;
  check(isText(s.provider, 50), 'provider');
  check(typeof s.page === 'object' && s.page !== null && !Array.isArray(s.page), 'page');
  for (const key of Object.keys(s.page)) check(key === 'name' || key === 'url', `page.${key}`);
  if ('name' in s.page) check(isText(s.page.name, 300), 'page.name');
  if ('url' in s.page) check(isHttpUrl(s.page.url), `page.url ${s.page.url}`);
  check(SEVERITIES.has(s.indicator), `indicator ${s.indicator}`);
  check(s.version === undefined || (Number.isSafeInteger(s.version) && s.version >= 0), 'version');

  check(Array.isArray(s.notices) && s.notices.length <= 50, 'notices');
  let previous = Infinity;
  for (const n of s.notices) {
    check(typeof n === 'object' && n !== null, 'notice');
    for (const key of Object.keys(n)) check(NOTICE_KEYS.has(key), `notice.${key}`);
    check(isText(n.id, 200), 'notice.id');
    check(n.kind === 'incident' || n.kind === 'maintenance', 'notice.kind');
    check(isText(n.title, 300), 'notice.title');
    check(SEVERITIES.has(n.severity), 'notice.severity');
    check(PHASES.has(n.phase), 'notice.phase');
    check(RANK[n.severity]! <= previous, 'notice order');
    previous = RANK[n.severity]!;
    if ('message' in n) {
      check(isText(n.message, 4000), 'notice.message');
      check(!LINK_SYNTAX.test(n.message), 'link syntax left in message');
    }
    for (const key of ['updatedAt', 'startedAt', 'scheduledStart', 'scheduledEnd']) {
      if (key in n) check(isUtc(n[key]), `notice.${key} ${n[key]}`);
    }
    if ('url' in n) check(isHttpUrl(n.url), `notice.url ${n.url}`);
    check(Array.isArray(n.componentIds), 'notice.componentIds');
    check(new Set(n.componentIds).size === n.componentIds.length, 'duplicate componentIds');
    for (const id of n.componentIds) check(isText(id, 200), 'componentId');
    check(typeof n.revision === 'string' && n.revision.length <= 300, 'notice.revision');
  }

  check(Array.isArray(s.components) && s.components.length <= 2000, 'components');
  for (const c of s.components) {
    check(typeof c === 'object' && c !== null, 'component');
    for (const key of Object.keys(c)) {
      check(['id', 'name', 'status', 'groupId', 'childIds'].includes(key), `component.${key}`);
    }
    check(isText(c.id, 200), 'component.id');
    check(isText(c.name, 300), 'component.name');
    check(COMPONENT_STATUSES.has(c.status), 'component.status');
    if ('groupId' in c) check(isText(c.groupId, 200), 'component.groupId');
    if ('childIds' in c) {
      check(Array.isArray(c.childIds), 'component.childIds');
      for (const id of c.childIds) check(isText(id, 200), 'childId');
    }
  }
}

/** A snapshot that passes the checker, or a StatusFormatError with a known `type`; anything else fails. */
function outcome(run: () => StatusSnapshot): StatusSnapshot | StatusFormatError {
  let result: StatusSnapshot;
  try {
    result = run();
  } catch (error) {
    if (error instanceof StatusFormatError && ERROR_TYPES.has(error.type)) return error;
    throw new Error(`threw something other than a StatusFormatError: ${String(error)}`);
  }
  assertValidSnapshot(result);
  return result;
}

function expectError(run: () => unknown, type: string): void {
  try {
    run();
  } catch (error) {
    expect(error).to.be.instanceOf(StatusFormatError);
    expect((error as StatusFormatError).type).to.equal(type);
    return;
  }
  expect.fail(`expected a ${type} StatusFormatError`);
}

const CONTEXT = { now: new Date('2020-02-11T03:16:31.530Z'), maintenanceLead: 86_400_000 };

describe('parseStatus: hostile input', () => {
  it('DATA-04: rejects what is not a JSON object, each with its type', () => {
    expectError(() => parseStatus(null), 'not-object');
    expectError(() => parseStatus(undefined), 'not-object');
    expectError(() => parseStatus([]), 'not-object');
    expectError(() => parseStatus([{ page: {}, status: {} }]), 'not-object');
    expectError(() => parseStatus(42), 'not-object');
    expectError(() => parseStatus(true), 'not-object');
    expectError(() => parseStatus(false), 'not-object');
    expectError(() => parseStatus('null'), 'not-object');
    expectError(() => parseStatus('[1,2]'), 'not-object');
    expectError(() => parseStatus('"a string"'), 'not-object');
    expectError(() => parseStatus('<!DOCTYPE html><html>Marketing page</html>'), 'not-json');
    expectError(() => parseStatus(''), 'not-json');
    expectError(() => parseStatus('{"page":'), 'not-json');
    expectError(() => parseStatus({}), 'unknown-provider');
    expectError(() => parseStatus({ page: null }), 'unknown-provider');
    expectError(() => parseStatus({ page: null, status: { indicator: 'major' } }), 'unknown-provider');
    expectError(() => parseStatus({ page: 'GitHub', components: [] }), 'unknown-provider');
  });

  it('the source itself throws only StatusFormatError, whatever it is handed', () => {
    for (const payload of [null, undefined, [], 'x', 42, {}, { page: null }, { page: {} }, { page: {}, status: 'x' }]) {
      expectError(() => statuspage.parse(payload, CONTEXT), 'invalid-payload');
    }
    const getter = {
      page: {},
      get incidents(): unknown {
        throw new TypeError('boom');
      },
    };
    expectError(() => statuspage.parse(getter, CONTEXT), 'invalid-payload');
    const trap = new Proxy(
      { page: {}, status: {} },
      {
        get() {
          throw new Error('trap');
        },
      },
    );
    expect(statuspage.detect(trap)).to.equal(false);
    expectError(() => statuspage.parse(trap, CONTEXT), 'invalid-payload');
  });

  it('accepts a minimal JSON string', () => {
    const snap = outcome(() => parseStatus('{"page":{},"status":{}}')) as StatusSnapshot;
    expect(snap).to.deep.equal({ provider: 'statuspage', page: {}, indicator: 'none', notices: [], components: [] });
  });

  describe('wrong types in every field of a real summary (HTX)', () => {
    let base: Json;
    before(async () => {
      base = await loadFixture(HTX);
    });
    const parse = (payload: Json, now = CONTEXT.now) => outcome(() => parseStatus(payload, { now })) as StatusSnapshot;
    const mutate = (change: (p: Json) => void): Json => {
      const copy = structuredClone(base);
      change(copy);
      return copy;
    };

    it('incidents as an object, scheduled_maintenances as a string, components as a number', () => {
      const snap = parse(
        mutate((p) => {
          p.incidents = { 0: p.incidents[0] };
          p.scheduled_maintenances = 'none';
          p.components = 7;
        }),
      );
      expect(snap.notices).to.deep.equal([]);
      expect(snap.components).to.deep.equal([]);
      expect(snap.indicator).to.equal('minor');
    });

    it('incident_updates as a string: no message, updated_at stands in', () => {
      const snap = parse(mutate((p) => (p.incidents[0].incident_updates = '[{"body":"x"}]')));
      const notice = snap.notices[0]!;
      expect(notice).not.to.have.property('message');
      expect(notice.updatedAt).to.equal('2020-02-11T03:15:02.003Z');
      expect(notice.revision).to.equal('2020-02-11T03:15:02.003Z:minor');
    });

    it('impact as a number, status as a number, name as a number', () => {
      const snap = parse(
        mutate((p) => {
          p.incidents[0].impact = 3;
          p.incidents[0].status = 1;
          p.incidents[0].name = 404;
        }),
      );
      expect(snap.notices[0]).to.include({ severity: 'minor', phase: 'unknown', title: '404', kind: 'incident' });
    });

    it('ids as objects or arrays: the notice or component is skipped', () => {
      const snap = parse(
        mutate((p) => {
          p.incidents[0].id = { $oid: 'rclfxz2g21ly' };
          p.components[0].id = ['h028tnzw1n5l'];
          p.incidents.push({ ...p.incidents[0], id: 'ok1' });
          p.incidents[1].incident_updates[0].id = { nested: true };
          p.incidents[1].components = [{ id: {} }, { id: 'kept' }];
          p.incidents[1].incident_updates[0].affected_components = [{ code: [] }, { code: 'also' }];
        }),
      );
      expect(snap.components).to.deep.equal([]);
      expect(snap.notices.map((n) => [n.id, n.revision, n.componentIds])).to.deep.equal([
        ['ok1', '2020-02-11T03:15:02.000Z:minor', ['kept', 'also']],
      ]);
    });

    it('nulls inside every array are skipped', () => {
      // Within a day of the maintenance, so both the incident and the maintenance are read.
      const soon = new Date('2020-02-14T06:00:00Z');
      const original = parse(structuredClone(base), soon);
      expect(original.notices.map((n) => n.id)).to.deep.equal(['rclfxz2g21ly', 'k7g299zl765l']);
      const snap = parse(
        mutate((p) => {
          p.components.unshift(null);
          p.incidents.unshift(null);
          p.incidents.push(null);
          p.scheduled_maintenances.unshift(null);
          for (const item of [...p.incidents, ...p.scheduled_maintenances]) {
            if (!item) continue;
            item.incident_updates.unshift(null);
            item.components.unshift(null);
            item.incident_updates[1].affected_components.unshift(null);
          }
        }),
        soon,
      );
      expect(snap).to.deep.equal(original);
    });

    it('hostile shortlinks never become the url', () => {
      for (const shortlink of [
        'javascript:alert(1)',
        ' JaVaScRiPt:alert(1)',
        '\tjavascript:alert(1)',
        '//evil.example',
        'data:text/html,x',
        'vbscript:msgbox(1)',
        'file:///etc/passwd',
        '/incidents/relative',
        42,
        { href: 'https://evil.example' },
      ]) {
        const withPage = parse(mutate((p) => (p.incidents[0].shortlink = shortlink)));
        // The page's own link replaces it, when the page URL is safe…
        expect(withPage.notices[0]!.url, String(shortlink)).to.equal('https://status.huobigroup.com/incidents/rclfxz2g21ly');
        // …and nothing does when it is not.
        const withoutPage = parse(
          mutate((p) => {
            p.incidents[0].shortlink = shortlink;
            p.page.url = shortlink;
          }),
        );
        expect(withoutPage.notices[0], String(shortlink)).not.to.have.property('url');
        expect(withoutPage.page, String(shortlink)).not.to.have.property('url');
      }
    });

    it('a 2 MB title is capped; a title of markup alone is no title, and markup around words goes', () => {
      const huge = parse(mutate((p) => (p.incidents[0].name = `${'A'.repeat(2 * 1024 * 1024)}`)));
      expect(huge.notices[0]!.title).to.have.length(300);
      expect(huge.notices[0]!.title.endsWith('A…')).to.equal(true);
      // Before, the markup was the title, shown as its characters.
      const markup = parse(mutate((p) => (p.incidents[0].name = '<img src=x onerror=alert(1)>')));
      expect(markup.notices).to.deep.equal([]);
      const around = parse(mutate((p) => (p.incidents[0].name = 'Market <img src=x onerror=alert(1)>data')));
      expect(around.notices[0]!.title).to.equal('Market data');
    });

    it('a 2 MB body of markup gives a capped plain message', () => {
      const snap = parse(
        mutate((p) => (p.incidents[0].incident_updates[0].body = '<b>x</b> [y](javascript:z) '.repeat(80_000))),
      );
      const message = snap.notices[0]!.message!;
      expect(message.length).to.be.at.most(4000);
      expect(message.startsWith('x y x y')).to.equal(true);
      expect(message).not.to.match(/<b>|\]\(/);
    });

    it('unknown enums: indicator derived, phases unknown, component status unknown', () => {
      const snap = parse(
        mutate((p) => {
          p.status.indicator = 'apocalyptic';
          p.components[0].status = 'melting';
          p.incidents[0].status = 'escalated';
          p.scheduled_maintenances[0].status = 'rescheduled';
        }),
      );
      expect(snap.indicator).to.equal('minor');
      expect(snap.components[0]!.status).to.equal('unknown');
      // An unknown maintenance phase is not `scheduled`, so the lead window does not hide it.
      expect(snap.notices.map((n) => [n.id, n.phase])).to.deep.equal([
        ['rclfxz2g21ly', 'unknown'],
        ['k7g299zl765l', 'unknown'],
      ]);
    });

    it('impossible and out-of-range times are dropped, not guessed', () => {
      const snap = parse(
        mutate((p) => {
          const incident = p.incidents[0];
          incident.started_at = '2020-02-30T03:15:01Z';
          incident.created_at = 'yesterday';
          incident.updated_at = 1581390902;
          incident.incident_updates[0].display_at = '9999-12-31T23:59:59-23:59';
          incident.incident_updates[0].created_at = { $date: 1 };
        }),
      );
      const notice = snap.notices[0]!;
      expect(notice).not.to.have.property('startedAt');
      expect(notice).not.to.have.property('updatedAt');
      expect(notice.revision).to.equal('dwfsk5ttyvtb:minor');
    });

    it('an unreadable started_at falls back to created_at', () => {
      const snap = parse(mutate((p) => (p.incidents[0].started_at = 'soon')));
      expect(snap.notices[0]!.startedAt).to.equal('2020-02-11T03:15:01.913Z');
    });

    it('the page: a number name, an array url, missing entirely', () => {
      expect(parse(mutate((p) => (p.page = { name: 42, url: ['https://x.example'] }))).page).to.deep.equal({ name: '42' });
      expectError(() => parseStatus(mutate((p) => delete p.page)), 'unknown-provider');
    });

    it('JSON prototype keys change nothing and pollute nothing', () => {
      const text = JSON.stringify(base).replace(
        '"page":{',
        '"__proto__":{"status":{"indicator":"critical"},"polluted":true},"constructor":{"prototype":{"polluted":true}},"page":{"__proto__":{"url":"javascript:alert(1)"},',
      );
      const snap = parse(text);
      expect(snap.indicator).to.equal('minor');
      expect(snap.page).to.deep.equal({ name: 'HTX', url: 'https://status.huobigroup.com/' });
      expect(({} as Json).polluted).to.equal(undefined);
      expect((Object.prototype as Json).status).to.equal(undefined);
    });

    it('DATA-03: huge arrays are capped: 100 000 incidents, 100 000 components', () => {
      const started = performance.now();
      const snap = parse(
        mutate((p) => {
          p.incidents = Array.from({ length: 100_000 }, (_, i) => ({ ...p.incidents[0], id: `i${i}` }));
          p.components = Array.from({ length: 100_000 }, (_, i) => ({ ...p.components[0], id: `c${i}` }));
        }),
      );
      expect(snap.notices).to.have.length(50);
      expect(snap.components).to.have.length(2000);
      expect(performance.now() - started).to.be.below(2000);
    });

    it('cycles and deep nesting', () => {
      const cyclic = mutate((p) => {
        p.incidents[0].self = p.incidents[0];
        p.incidents[0].components.push(p.incidents[0]);
        p.components[0].components = p.components;
        p.components[0].group = true;
      });
      let deep: Json = { id: 'x', name: 'deep' };
      for (let i = 0; i < 10_000; i += 1) deep = [deep];
      cyclic.incidents.push(deep);
      cyclic.scheduled_maintenances[0].incident_updates = deep;
      const snap = parse(cyclic);
      expect(snap.notices.map((n) => n.id)).to.deep.equal(['rclfxz2g21ly']);
      expect(snap.notices[0]!.componentIds).to.deep.equal(['nctwm9tghxh6', 'rclfxz2g21ly']);
      expect(snap.components[0]!.childIds).to.deep.equal([]);
    });

    it('values JSON cannot hold: undefined, symbols, bigints, functions, NaN, dates', () => {
      const snap = parse(
        mutate((p) => {
          p.incidents[0].id = Symbol('id');
          p.incidents.push({ ...structuredClone(base.incidents[0]), id: 10n, name: () => 'x' });
          p.incidents.push({ ...structuredClone(base.incidents[0]), id: NaN });
          p.incidents.push({ ...structuredClone(base.incidents[0]), id: 'dated', updated_at: new Date(0), incident_updates: undefined });
          p.components[0].name = Symbol('name');
          p.status.indicator = Symbol('none');
        }),
      );
      expect(snap.notices.map((n) => n.id)).to.deep.equal(['dated']);
      expect(snap.components[0]!.name).to.equal('h028tnzw1n5l');
      expect(snap.indicator).to.equal('minor');
    });
  });
});

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
