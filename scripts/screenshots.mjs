// `npm run screenshots`: the pictures of the banner in README.md and docs/ (docs/images/), taken from the
// gallery (examples/gallery) in Chromium. Run it after a change of look, and commit the pictures.

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPageServer } from '../examples/html/serve.mjs';
import { launch } from '../test/helpers/browser.mjs';
import { galleryQuery, shootBanner } from '../test/helpers/screenshot.mjs';

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../docs/images');
const PICTURES = [
  ['major-top', { preview: 'major', position: 'top' }, 'light', 720, 150],
  ['minor-inline', { preview: 'minor', position: 'inline' }, 'light', 720, 170],
  ['several-open', { preview: 'critical several', position: 'inline', open: '' }, 'light', 720, 260],
  ['maintenance-scheduled', { preview: 'maintenance scheduled', position: 'inline' }, 'light', 720, 170],
  ['resolved', { preview: 'critical resolved', position: 'inline' }, 'light', 720, 130],
  ['stale', { preview: 'minor stale', position: 'inline' }, 'light', 720, 170],
  ['compact', { preview: 'major', position: 'inline', compact: '' }, 'light', 720, 110],
  ['dark-corner', { preview: 'maintenance', position: 'corner', theme: 'dark' }, 'light', 720, 260],
  ['dark-bottom', { preview: 'critical', position: 'bottom', theme: 'dark' }, 'light', 720, 200],
  ['arabic', { preview: 'major', position: 'inline', lang: 'ar' }, 'light', 720, 170],
  ['japanese', { preview: 'maintenance', position: 'inline', lang: 'ja' }, 'light', 720, 170],
];

const browser = await launch(['--lang=en-US', '--font-render-hinting=none']);
const server = await createPageServer({ port: 0, statusUrl: 'http://127.0.0.1:9' });
try {
  mkdirSync(out, { recursive: true });
  for (const [name, query, scheme, width, height] of PICTURES) {
    writeFileSync(path.join(out, `${name}.png`), await shootBanner(browser, `${server.url}/gallery/?${galleryQuery(query)}`, { width, height, scheme }));
    console.log(`docs/images/${name}.png`);
  }
} finally {
  await browser.close();
  await server.close();
}
