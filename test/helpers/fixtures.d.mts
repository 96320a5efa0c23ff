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
/** The payload a fixture stands for: its parsed JSON, handed over under `wrap` when it has one. */
export declare function payloadOf(fixture: Fixture, data: unknown): unknown;
/** Whether a fixture is a recorded live response rather than one written from documentation. */
export declare function isReal(fixture: Fixture): boolean;
