// @status-banner/vue rendered by vue/server-renderer in plain Node, no DOM.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

describe('@status-banner/vue with vue/server-renderer', () => {
  it('renders an empty <status-banner> and an idle composable, touching no window', async () => {
    const [{ createSSRApp, h }, { renderToString }, { StatusBanner, useStatus }] = await Promise.all([
      import('vue'),
      import('vue/server-renderer'),
      import('@status-banner/vue'),
    ]);
    const requests = [];
    const fetch = (...args) => {
      requests.push(args);
      return Promise.reject(new Error('no network on the server'));
    };
    const app = createSSRApp({
      setup() {
        const { state, notices } = useStatus({ src: 'https://status.example.com', fetch });
        return () =>
          h('main', [
            h(StatusBanner, { src: 'https://status.example.com', position: 'inline', strings: { dismiss: 'Hide' }, id: 'status', class: 'wide' }),
            h('p', `${state.value.status}: ${notices.value.length}`),
          ]);
      },
    });
    const html = await renderToString(app);
    assert.equal(html, '<main><status-banner id="status" class="wide"></status-banner><p>loading: 0</p></main>');
    // Every promise and timer the render could have started has had its turn.
    for (let i = 0; i < 3; i += 1) await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(requests, [], 'nothing fetched while rendering');
    assert.equal(typeof globalThis.window, 'undefined');
    assert.equal(typeof globalThis.document, 'undefined');
  });
});
