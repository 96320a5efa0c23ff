// Server rendering of @status-banner/react in plain Node, shared by the React 19 run (packages-in-node) and the
// React 18 run (react18-in-node, which points `react` at test/react18 first).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PassThrough } from 'node:stream';

/** The suite, for the React that `import('react')` gives this process. */
export function describeReactSsr() {
  describe('@status-banner/react with react-dom/server', async () => {
    const [{ createElement, version }, { renderToString, renderToPipeableStream }, { StatusBanner, useStatus }] = await Promise.all([
      import('react'),
      import('react-dom/server'),
      import('@status-banner/react'),
    ]);
    const requests = [];
    const fetch = (...args) => {
      requests.push(args);
      return Promise.reject(new Error('no network on the server'));
    };

    function Panel() {
      const { status, notices } = useStatus({ src: 'https://status.example.com', fetch });
      return createElement('p', null, `${status}: ${notices.length}`);
    }
    const app = createElement(
      'main',
      null,
      createElement(StatusBanner, { src: 'https://status.example.com', position: 'inline', strings: { dismiss: 'Hide' }, interval: 5, id: 'status', className: 'wide' }),
      createElement(Panel),
    );

    it(`renders an empty <status-banner> and an idle hook on React ${version}, touching no window`, async () => {
      const html = renderToString(app);
      assert.equal(html, '<main><status-banner id="status" class="wide"></status-banner><p>loading: 0</p></main>');
      // Every promise and timer the render could have started has had its turn.
      for (let i = 0; i < 3; i += 1) await new Promise((resolve) => setImmediate(resolve));
      assert.deepEqual(requests, [], 'nothing fetched while rendering');
      assert.equal(typeof globalThis.window, 'undefined');
      assert.equal(typeof globalThis.document, 'undefined');
    });

    it(`streams the same markup on React ${version}`, async () => {
      const sink = new PassThrough();
      const chunks = [];
      sink.on('data', (chunk) => chunks.push(chunk));
      const ended = new Promise((resolve) => sink.on('end', resolve));
      await new Promise((resolve, reject) => {
        const { pipe } = renderToPipeableStream(app, { onAllReady: () => resolve(pipe(sink)), onShellError: reject, onError: reject });
      });
      await ended;
      assert.match(Buffer.concat(chunks).toString(), /<status-banner id="status" class="wide"><\/status-banner><p>loading: 0<\/p>/);
    });
  });
}
