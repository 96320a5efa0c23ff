/** The file of a fixture reference (`real/…` or `docs/…`, relative to test/fixtures/). */
export declare function fixturePath(ref: string): string;
/** When every from-docs fixture is set. */
export declare const DOCS_NOW: string;
/** Every fixture: `real/<folder>/<file>` or `docs/<file>` (a path under test/fixtures/), its provider, and the moment to judge it at. */
export declare const FIXTURES: readonly { ref: string; provider: string; now: string }[];
