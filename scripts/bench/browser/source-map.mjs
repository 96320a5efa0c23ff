// For the lab's analysis: the built files' source maps, read with a small decoder of their Base64 VLQ mappings
// (so the lab needs no extra package), to say which source line a profiler sample ran and which sources a
// file's bytes come from.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST } from './origins.mjs';

const shortName = (source) => source.replace(/^(\.\.\/)+/, '').replace(/^node_modules\//, '');

function readMap(file) {
  const map = JSON.parse(readFileSync(path.join(DIST, `${file}.map`), 'utf8'));
  return { map, lines: decodeMappings(map.mappings) };
}

/**
 * Which sources the bytes of `file` (in the dist folder) come from: each mapped span of generated code counted
 * to its source, and each source's share of the file's gzip estimated in proportion (gzip compresses unevenly,
 * so the shares are estimates; the total is exact).
 */
export function bytesBySource(file) {
  const code = readFileSync(path.join(DIST, file), 'utf8').split('\n');
  const { map, lines } = readMap(file);
  const raw = {};
  lines.forEach((segments, line) => {
    segments.forEach((segment, i) => {
      const end = segments[i + 1]?.[0] ?? code[line]?.length ?? segment[0];
      const name = shortName(map.sources[segment[1]]).replace(/^(packages\/\w+\/)?(src\/)?/, '$1');
      raw[name] = (raw[name] ?? 0) + end - segment[0];
    });
  });
  const total = Object.values(raw).reduce((sum, n) => sum + n, 0);
  const gzip = gzipSync(readFileSync(path.join(DIST, file)), { level: 9 }).length;
  return Object.fromEntries(Object.entries(raw).map(([name, n]) => [name, (gzip * n) / total]));
}

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
export function sourceMapper(file) {
  const { map, lines } = readMap(file);
  return (line, column) => {
    const segments = lines[line] ?? [];
    let found;
    for (const segment of segments) if (segment[0] <= column) found = segment;
    if (!found) return undefined;
    return `${shortName(map.sources[found[1]])}:${found[2] + 1}`;
  };
}

