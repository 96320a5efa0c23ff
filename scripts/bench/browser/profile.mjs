// For the lab's analysis only: which of the banner's own functions the quiet page's main thread spends its
// time in. V8's sampling profiler over one load, its samples mapped back to the sources through the script-tag
// file's source map.

import { networkQuiet, openPage, until } from './chrome.mjs';
import { sourceMapper } from './source-map.mjs';

/**
 * One load of the quiet page, unthrottled, under the sampling profiler: milliseconds of samples by original
 * source location for the script-tag file, and by kind for everything else ((program), (garbage collector),
 * native functions such as fetch).
 */
export async function profileQuietLoad(browser, app, status) {
  status.serve('quiet');
  const { page, cdp, log, context } = await openPage(browser);
  try {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await page.goto(app.page({ run: 'profile' }), { waitUntil: 'load' });
    await until(() => log.entries.some((e) => e.url.includes('/status.json')), 20_000, 'the status answer');
    await networkQuiet(log, 1000);
    const { profile } = await cdp.send('Profiler.stop');
    const map = sourceMapper('status-banner.min.js');
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
    const spent = {};
    profile.samples.forEach((id, i) => {
      const { functionName, url, lineNumber, columnNumber } = nodes.get(id).callFrame;
      if (functionName === '(idle)') return;
      const where = url.endsWith('/status-banner.min.js') ? (map(lineNumber, columnNumber) ?? 'status-banner.min.js') : url ? url.split('/').pop() : functionName;
      const name = `${url && functionName ? `${functionName} ` : ''}${where}`;
      spent[name] = (spent[name] ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000;
    });
    return spent;
  } finally {
    await context.close();
  }
}
