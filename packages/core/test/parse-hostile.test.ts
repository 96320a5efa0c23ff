// parseStatus against hostile input: wrong types in every field of a real summary, prototype keys, cycles and
// oversized values; each answer a valid snapshot or a StatusFormatError.

import { expect } from '@open-wc/testing';
import { type StatusSnapshot } from '@status-banner/core';
import { parseStatus } from '@status-banner/core/providers';
import { statuspage } from '../src/sources/statuspage.js';
import { loadFixture } from '../../../test/helpers/status-server.js';
import { type Json, HTX, outcome, expectError, CONTEXT } from './parse-checks.js';

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
