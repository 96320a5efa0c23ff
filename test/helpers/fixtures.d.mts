/** When every from-docs fixture is set. */
export declare const DOCS_NOW: string;
/** Every fixture: `real/<folder>/<file>` or `local/<file>`, its provider, and the moment to judge it at. */
export declare const FIXTURES: readonly { ref: string; provider: string; now: string }[];
