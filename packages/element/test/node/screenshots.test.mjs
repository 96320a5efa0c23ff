// Screenshots of every severity × theme × position in Chromium, compared with the baselines committed in
// test/screenshots/. Each is the gallery page (examples/gallery) showing one preview banner over a plain host
// page, at a fixed size, clock, time zone and language, without motion, so the pictures only change when the
// banner's look does.
//
// Both builds must look the same: the script-tag file, and the npm build (packages/element/dist, unminified)
// bundled as an app's bundler does it. Both are compared with the same baselines: the script-tag file in every
// severity × theme × position, the npm build in every severity × theme inline and in every position once (what
// a build can change, its templates and styles, shows the same in every combination).
//
// A difference fails the test and leaves the new picture and a diff in .bench/screenshots/ to look at. After a
// deliberate change of look: UPDATE_SCREENSHOTS=1 node --test packages/element/test/node/screenshots.test.mjs, then review
// and commit the new baselines.

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { build } from 'esbuild';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { createPageServer } from '../../../../examples/html/serve.mjs';
import { launch, skipBrowser } from '../../../../test/helpers/browser.mjs';
import { galleryQuery, shootBanner } from '../../../../test/helpers/screenshot.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
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
  /** Per build: the gallery, served with that build as its `/status-banner.min.js`. */
  const servers = {};
  before(async () => {
    mkdirSync(OUT, { recursive: true });
    // The npm build as an app bundles it: its entry, Lit and core resolved from node_modules, one classic script.
    const npmBuild = path.join(OUT, 'npm-build.js');
    await build({ entryPoints: [path.join(root, 'packages/element/dist/index.js')], bundle: true, format: 'iife', outfile: npmBuild, logLevel: 'warning' });
    // The gallery needs no status server: every banner is a preview.
    servers['script tag'] = await createPageServer({ port: 0, statusUrl: 'http://127.0.0.1:9' });
    servers['npm build'] = await createPageServer({ port: 0, statusUrl: 'http://127.0.0.1:9', scriptFile: npmBuild });
    browser = await launch(['--lang=en-US', '--font-render-hinting=none']);
  });
  after(async () => {
    await Promise.all([browser, ...Object.values(servers)].map((closable) => closable?.close()));
  });

  /** The picture of one banner. */
  const shoot = async (build, severity, theme, position) =>
    PNG.sync.read(
      await shootBanner(browser, `${servers[build].url}/gallery/?${galleryQuery({ preview: severity, theme, position })}`, {
        ...SIZE,
        // `auto` under a dark scheme: it must follow the viewer's preference.
        scheme: theme === 'auto' ? 'dark' : 'light',
      }),
    );

  /** Compares one picture with its baseline (or, updating, writes it); returns the failure, if any. */
  const compare = (build, name, actual) => {
    const file = path.join(BASELINES, name);
    if (UPDATE) {
      mkdirSync(BASELINES, { recursive: true });
      if (build === 'script tag') writeFileSync(file, PNG.sync.write(actual));
      return undefined;
    }
    if (!existsSync(file)) return `no baseline ${path.relative(root, file)}: run with UPDATE_SCREENSHOTS=1 and commit it`;
    const expected = PNG.sync.read(readFileSync(file));
    if (actual.width !== expected.width || actual.height !== expected.height) return `${name}: ${actual.width}×${actual.height}, not the baseline's size`;
    const diff = new PNG({ width: actual.width, height: actual.height });
    const changed = pixelmatch(expected.data, actual.data, diff.data, actual.width, actual.height, { threshold: 0.1 });
    if (changed <= TOLERANCE * actual.width * actual.height) return undefined;
    const out = `${build.replace(' ', '-')}-${name}`;
    writeFileSync(path.join(OUT, out), PNG.sync.write(actual));
    writeFileSync(path.join(OUT, out.replace('.png', '.diff.png')), PNG.sync.write(diff));
    return `${build}, ${name}: ${changed} pixels differ from the baseline; see ${path.relative(root, OUT)}/${out}`;
  };

  /** Shoots and compares each `[severity, theme, position]`, and fails with every difference at once. */
  const check = async (build, cases) => {
    const failures = [];
    for (const [severity, theme, position] of cases) failures.push(compare(build, `${severity}-${theme}-${position}.png`, await shoot(build, severity, theme, position)));
    assert.deepEqual(failures.filter(Boolean), []);
  };

  for (const severity of SEVERITIES) {
    for (const theme of THEMES) {
      test(`script tag: ${severity}, theme ${theme}, every position`, () => check('script tag', POSITIONS.map((position) => [severity, theme, position])));
    }
  }
  test('npm build: every severity and theme, inline', () => check('npm build', SEVERITIES.flatMap((severity) => THEMES.map((theme) => [severity, theme, 'inline']))));
  test('npm build: every position', () => check('npm build', POSITIONS.map((position) => ['major', 'light', position])));
});
