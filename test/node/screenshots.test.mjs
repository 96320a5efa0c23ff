// Screenshots of every severity × theme × position in Chromium, compared with the baselines committed in
// test/screenshots/. Each is the gallery page (examples/gallery) showing one preview banner over a plain host
// page, at a fixed size, clock, time zone and language, without motion, so the pictures only change when the
// banner's look does.
//
// A difference fails the test and leaves the new picture and a diff in .bench/screenshots/ to look at. After a
// deliberate change of look: UPDATE_SCREENSHOTS=1 node --test test/node/screenshots.test.mjs, then review
// and commit the new baselines.

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { createPageServer } from '../../examples/html/serve.mjs';
import { launch, skipBrowser } from './helpers/browser.mjs';
import { galleryQuery, shootBanner } from './helpers/screenshot.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BASELINES = path.join(root, 'test/screenshots');
const OUT = path.join(root, '.bench/screenshots');
const UPDATE = process.env.UPDATE_SCREENSHOTS === '1';
/** Of the pixels of a picture, how many may differ (anti-aliasing of text on another machine). */
const TOLERANCE = 0.002;

const SEVERITIES = ['none', 'minor', 'major', 'critical', 'maintenance'];
// `auto` is photographed under a dark colour scheme, so it proves it follows the viewer's preference.
const THEMES = ['light', 'dark', 'auto'];
const POSITIONS = ['top', 'bottom', 'inline', 'corner'];
const SIZE = { width: 640, height: 320 };

describe('screenshots', { skip: skipBrowser }, () => {
  let browser;
  let server;
  before(async () => {
    browser = await launch(['--lang=en-US', '--font-render-hinting=none']);
    // The gallery needs no status server: every banner is a preview.
    server = await createPageServer({ port: 0, statusUrl: 'http://127.0.0.1:9' });
    mkdirSync(OUT, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The picture of one banner. */
  const shoot = async (severity, theme, position) =>
    PNG.sync.read(
      await shootBanner(browser, `${server.url}/gallery/?${galleryQuery({ preview: severity, theme, position })}`, {
        ...SIZE,
        // `auto` under a dark scheme: it must follow the viewer's preference.
        scheme: theme === 'auto' ? 'dark' : 'light',
      }),
    );

  for (const severity of SEVERITIES) {
    for (const theme of THEMES) {
      test(`${severity}, theme ${theme}, every position`, async () => {
        for (const position of POSITIONS) {
          const name = `${severity}-${theme}-${position}.png`;
          const actual = await shoot(severity, theme, position);
          const file = path.join(BASELINES, name);
          if (UPDATE) {
            mkdirSync(BASELINES, { recursive: true });
            writeFileSync(file, PNG.sync.write(actual));
            continue;
          }
          assert.ok(existsSync(file), `no baseline ${path.relative(root, file)}: run with UPDATE_SCREENSHOTS=1 and commit it`);
          const expected = PNG.sync.read(readFileSync(file));
          assert.deepEqual([actual.width, actual.height], [expected.width, expected.height], name);
          const diff = new PNG({ width: actual.width, height: actual.height });
          const changed = pixelmatch(expected.data, actual.data, diff.data, actual.width, actual.height, { threshold: 0.1 });
          if (changed > TOLERANCE * actual.width * actual.height) {
            writeFileSync(path.join(OUT, name), PNG.sync.write(actual));
            writeFileSync(path.join(OUT, name.replace('.png', '.diff.png')), PNG.sync.write(diff));
            assert.fail(`${name}: ${changed} pixels differ from the baseline; see ${path.relative(root, OUT)}`);
          }
        }
      });
    }
  }
});
