// The "never break the host" oracle: everything that reaches window.onerror or unhandledrejection.

export interface PageErrorTrap {
  readonly errors: unknown[];
  stop(): void;
}

/** Records uncaught errors and unhandled rejections until `stop()`. */
export function trapPageErrors(): PageErrorTrap {
  const errors: unknown[] = [];
  const onError = (event: ErrorEvent) => errors.push(event.error ?? event.message);
  const onRejection = (event: PromiseRejectionEvent) => errors.push(event.reason);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    errors,
    stop() {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

/** Resolves when `predicate` holds, polling each animation frame; rejects after `timeout` ms. */
export async function waitFor(predicate: () => boolean | Promise<boolean>, timeout = 4000, what = 'condition'): Promise<void> {
  const start = performance.now();
  while (!(await predicate())) {
    // The page's visibility in the message: a hidden page's clients wait to be shown, by design.
    if (performance.now() - start > timeout) throw new Error(`timed out waiting for ${what} (the page is ${document.visibilityState})`);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

// A failed assertion that holds a DOM node (`expect(node).to.equal(null)`) would make the runner serialize the
// node's whole document for its report, which never finishes: report such nodes by their markup instead.
// (A root hook: every test file that traps page errors gets it.)
afterEach(function (this: Mocha.Context) {
  const error = this.currentTest?.err as { actual?: unknown; expected?: unknown } | undefined;
  for (const key of ['actual', 'expected'] as const) {
    const value = error?.[key];
    if (value instanceof Node) error![key] = value instanceof Element ? value.outerHTML.slice(0, 500) : String(value.textContent).slice(0, 500);
  }
});
