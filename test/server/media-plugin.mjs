// A web-test-runner command that emulates CSS media features in the test's page, any of them: the built-in
// emulateMedia command goes through Puppeteer, which refuses `forced-colors`. Straight to the DevTools
// protocol instead. Each call replaces every emulated feature; `{}` clears them.
//
//   await executeServerCommand('emulate-media-features', { 'prefers-reduced-motion': 'reduce' });

const sessions = new WeakMap();

export function mediaFeaturesPlugin() {
  return {
    name: 'emulate-media-features',
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-media-features') return undefined;
      const page = session.browser.getPage(session.id);
      if (!sessions.has(page)) sessions.set(page, await page.createCDPSession());
      const features = Object.entries(payload ?? {}).map(([name, value]) => ({ name, value: String(value) }));
      await sessions.get(page).send('Emulation.setEmulatedMedia', { features });
      return true;
    },
  };
}
