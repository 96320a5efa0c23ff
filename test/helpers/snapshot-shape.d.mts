/** What is wrong with `s` as a StatusSnapshot, or undefined when nothing is. */
export declare function snapshotProblem(s: unknown): string | undefined;
/** What is wrong with `text` as a title (`line`) or a message: markup, a character reference, a run of whitespace. */
export declare function plainTextProblem(text: unknown, line: boolean): string | undefined;
