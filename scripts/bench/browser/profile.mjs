// For the lab's analysis only: which of the banner's own functions the quiet page's main thread spends its
// time in. V8's sampling profiler over one load, its samples mapped back to the sources through the script-tag
// file's source map (a small decoder of the map's Base64 VLQ mappings, so the lab needs no extra package).

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { networkQuiet, openPage, until } from './chrome.mjs';
import { DIST } from './origins.mjs';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Segments of one generated line: [column, source, line, column] with the map's running deltas applied. */
function decodeMappings(mappings) {
  const lines = [];
  let source = 0;
  let line = 0;
  let column = 0;
  for (const text of mappings.split(';')) {
    const segments = [];
    let generated = 0;
    for (const segment of text.split(',')) {
      if (!segment) continue;
      const values = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        const digit = BASE64.indexOf(char);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >> 1) : value >> 1);
          value = 0;
          shift = 0;
        }
      }
      generated += values[0];
      if (values.length >= 4) {
        source += values[1];
        line += values[2];
        column += values[3];
        segments.push([generated, source, line, column]);
      }
    }
    lines.push(segments);
  }
  return lines;
}

/** A function `(line, column) => 'file.ts:line'` over the source map of `file` in the dist folder. */
function sourceMapper(file) {
  const map = JSON.parse(readFileSync(path.join(DIST, `${file}.map`), 'utf8'));
  const lines = decodeMappings(map.mappings);
  return (line, column) => {
    const segments = lines[line] ?? [];
    let found;
    for (const segment of segments) if (segment[0] <= column) found = segment;
    if (!found) return undefined;
    const source = map.sources[found[1]].replace(/^(\.\.\/)+/, '').replace(/^node_modules\//, '');
    return `${source}:${found[2] + 1}`;
  };
}

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
