/** The file of a fixture reference (`real/…` or `docs/…`, relative to test/fixtures/). */
export declare function fixturePath(ref: string): string;
/** When every from-docs fixture is set. */
export declare const DOCS_NOW: string;
/** A fixture: `real/<folder>/<file>` or `docs/<file>` (a path under test/fixtures/), its provider, the moment to judge it at, and the key a list capture is handed over under. */
export interface Fixture {
  ref: string;
  provider: string;
  now: string;
  wrap?: string;
}
/** Every fixture. */
export declare const FIXTURES: readonly Fixture[];
/** The reference of a fixture's expected reading, kept beside it: `x.json` → `x.expected.json`. */
export declare function expectedRef(ref: string): string;
/** A component as an expected reading lists it: `[id, name, status]`, then the group a child names, or a group's children. */
export declare function componentRow(component: { id: string; name: string; status: string; groupId?: string; childIds?: string[] }): unknown[];
/** What an expected reading holds of a snapshot. */
export declare function readingOf(snapshot: unknown): { indicator: string; page: unknown; notices: unknown[]; components: unknown[] };
/** Whether a file under test/fixtures is an expected reading rather than a payload. */
export declare function isExpected(file: unknown): boolean;
/** The payload a fixture stands for: its parsed JSON, handed over under `wrap` when it has one. */
export declare function payloadOf(fixture: Fixture, data: unknown): unknown;
/** Whether a fixture is a recorded live response rather than one written from documentation. */
export declare function isReal(fixture: Fixture): boolean;
