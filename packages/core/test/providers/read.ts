// What the provider tests share: loading fixtures and their expected readings, the moment the from-docs fixtures
// are set at, finding a notice, and the test that reads each fixture of a provider in full.

import { expect } from '@open-wc/testing';
import { type Notice, type StatusSnapshot } from '@status-banner/core';
import { parseStatus } from '@status-banner/core/providers';
import { builtInSources } from '../../src/sources/index.js';
import { componentRow, DOCS_NOW, expectedRef, FIXTURES, payloadOf } from '../../../../test/helpers/fixtures.mjs';
import { loadFixture } from '../../../../test/helpers/status-server.js';

// Payloads are mutated freely in these tests; every test loads its own copy.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

/** `[id, name, status]`, then the group a child names, or a group's children. */
export type Row = [id: string, name: string, status: StatusSnapshot['components'][number]['status'], group?: string | string[]];

/** A fixture's expected reading (x.expected.json beside x.json, written by `npm run snapshots:update`). */
export interface Expected {
  indicator: StatusSnapshot['indicator'];
  page: StatusSnapshot['page'];
  notices: Notice[];
  components: Row[];
}

export const local = (name: string): Promise<Json> => loadFixture(`docs/${name}`);
export const real = (name: string): Promise<Json> => loadFixture(`real/${name}`);
export const now = { now: new Date(DOCS_NOW) };
export const ids = (snapshot: StatusSnapshot) => snapshot.notices.map((n) => n.id);
export const byId = (snapshot: StatusSnapshot, id: string) => {
  const notice = snapshot.notices.find((n) => n.id === id);
  if (!notice) throw new Error(`no notice ${id} in [${ids(snapshot)}]`);
  return notice;
};
export const hrefs = (urls: URL[]) => urls.map((u) => u.href);

/** The expected reading of a fixture, served beside it by the test server. */
export const loadExpected = (ref: string): Promise<Expected> => loadFixture(expectedRef(ref)) as Promise<Expected>;

export const rows = (snapshot: StatusSnapshot): Row[] => snapshot.components.map(componentRow) as Row[];

/**
 * Every fixture of `provider`, read at its moment, in full: the notices field by field (times in UTC), the
 * indicator, the page and every component, as its expected reading has them. The quirks behind each line have
 * tests of their own beside this call.
 */
export function describeFixtures(provider: string): void {
  describe('providers: every fixture, read in full', () => {
    for (const fixture of FIXTURES.filter((f) => f.provider === provider)) {
      const { ref, now: at } = fixture;
      it(`${ref}: detected as ${provider} by that source alone, read as expected`, async () => {
        const payload = payloadOf(fixture, await loadFixture(ref));
        // Exactly one source claims it, so detection order decides nothing.
        expect(builtInSources.filter((s) => s.detect(payload)).map((s) => s.id)).to.deep.equal([provider]);
        const snapshot = parseStatus(payload, { now: new Date(at) });
        const expected = await loadExpected(ref);
        expect(snapshot.provider).to.equal(provider);
        expect(snapshot.notices).to.deep.equal(expected.notices);
        expect(snapshot.indicator).to.equal(expected.indicator);
        expect(snapshot.page).to.deep.equal(expected.page);
        expect(rows(snapshot)).to.deep.equal(expected.components);
        // Named, the same.
        expect(parseStatus(payload, { now: new Date(at), provider })).to.deep.equal(snapshot);
        // From the JSON text too.
        expect(parseStatus(JSON.stringify(payload), { now: new Date(at) })).to.deep.equal(snapshot);
      });
    }
  });
}
