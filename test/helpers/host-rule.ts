// The rule every browser test keeps, whatever it tests: the banner never lets an uncaught error or an unhandled
// rejection reach the host page, and never says the same thing on the console twice. The test runner imports
// this module at the top of every test file (web-test-runner.config.mjs), so no file can forget it.

/** What leaked during the current test. */
const leaked: string[] = [];
/** Each console line of ours, by its text, and how often it was said in this page. */
const said = new Map<string, number>();

/** The marker of a failure of this rule, which the bench counts (host_errors_leaked). */
export const HOST_RULE = '[host rule]';

const describe = (value: unknown) => (value instanceof Error ? `${value.name}: ${value.message}` : String(value));

addEventListener('error', (event) => leaked.push(describe(event.error ?? event.message)));
addEventListener('unhandledrejection', (event) => leaked.push(`unhandled rejection: ${describe(event.reason)}`));

for (const level of ['warn', 'error'] as const) {
  const original = console[level];
  console[level] = (...args: unknown[]) => {
    const text = args.map(String).join(' ');
    if (text.startsWith('[status-banner]')) said.set(text, (said.get(text) ?? 0) + 1);
    original.apply(console, args);
  };
}

afterEach(function (this: Mocha.Context) {
  const errors = leaked.splice(0);
  const repeated = [...said].filter(([, times]) => times > 1).map(([text]) => text);
  said.forEach((times, text) => times > 1 && said.set(text, 1));
  if (errors.length) throw new Error(`${HOST_RULE} errors reached the page during "${this.currentTest?.title}": ${errors.join(' | ')}`);
  if (repeated.length) throw new Error(`${HOST_RULE} the banner said the same thing twice on the console: ${repeated.join(' | ')}`);
});
