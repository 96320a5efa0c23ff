// Versions and changelogs are written by changesets (@changesets/cli), from the changesets in .changeset/. The
// test runs `changeset version` on a copy of the workspace's manifests, as `npm run version-packages` would on
// the repository, and checks what a release would then publish.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const PUBLIC = ['core', 'element', 'react', 'vue'];
const read = (dir, file) => JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
const workspace = read(root, 'package.json');
const config = read(root, '.changeset/config.json');
const changesets = readdirSync(path.join(root, '.changeset')).filter((file) => file.endsWith('.md') && file !== 'README.md');

/** The packages a changeset releases, with their bumps, from its front matter. */
function releases(file) {
  const front = /^---\n([\s\S]*?)\n---\n/.exec(readFileSync(path.join(root, '.changeset', file), 'utf8'));
  assert.ok(front, `${file} has no front matter`);
  return Object.fromEntries(front[1].split('\n').map((line) => /^'([^']+)': (major|minor|patch)$/.exec(line).slice(1)));
}

describe('releases with changesets', () => {
  it('versions the four public packages together, and no private workspace', () => {
    const names = PUBLIC.map((name) => read(root, `packages/${name}/package.json`).name);
    assert.deepEqual(config.fixed, [names]);
    assert.equal(config.access, 'public');
    assert.deepEqual(config.privatePackages, { version: false, tag: false });
    assert.equal(workspace.devDependencies['@changesets/cli'], require('@changesets/cli/package.json').version, 'pinned and installed');
    assert.equal(workspace.scripts.changeset, 'changeset');
    assert.match(workspace.scripts['version-packages'], /^changeset version && npm install --package-lock-only\b/);
    for (const file of changesets) for (const name of Object.keys(releases(file))) assert.ok(names.includes(name), `${file} releases ${name}`);
  });

  describe('npm run version-packages, on a copy', () => {
    let dir;
    let result;
    before(async () => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'status-banner-release-'));
      for (const manifest of ['package.json', ...workspace.workspaces.map((w) => `${w}/package.json`)]) {
        cpSync(path.join(root, manifest), path.join(dir, manifest));
      }
      cpSync(path.join(root, '.changeset'), path.join(dir, '.changeset'), { recursive: true });
      const cli = path.join(path.dirname(require.resolve('@changesets/cli/package.json')), 'bin.js');
      result = await new Promise((resolve) =>
        execFile(process.execPath, [cli, 'version'], { cwd: dir }, (error, stdout, stderr) => resolve({ code: error?.code ?? 0, output: stdout + stderr })),
      );
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('bumps every public package to one version, with the changesets in each CHANGELOG.md, and consumes them', () => {
      assert.equal(result.code, 0, result.output);
      assert.ok(changesets.length > 0, 'a release is pending');
      const before = PUBLIC.map((name) => read(root, `packages/${name}/package.json`).version);
      const after = PUBLIC.map((name) => read(dir, `packages/${name}/package.json`).version);
      assert.equal(new Set(after).size, 1, `one version: ${after}`);
      assert.notEqual(after[0], before[0]);
      for (const name of PUBLIC) {
        const log = readFileSync(path.join(dir, `packages/${name}/CHANGELOG.md`), 'utf8');
        assert.ok(log.startsWith(`# @status-banner/${name}\n\n## ${after[0]}\n`), log.slice(0, 200));
        for (const file of changesets) {
          const summary = readFileSync(path.join(root, '.changeset', file), 'utf8').split(/\n---\n/)[1].trim();
          if (`@status-banner/${name}` in releases(file)) assert.ok(log.includes(summary.split('\n')[0]), `${name}: ${file}`);
        }
      }
      assert.deepEqual(readdirSync(path.join(dir, '.changeset')).filter((file) => changesets.includes(file)), []);
    });

    it('moves the packages’ ranges on each other to the new version', () => {
      const version = read(dir, 'packages/core/package.json').version;
      for (const name of PUBLIC) {
        for (const [dependency, range] of Object.entries(read(dir, `packages/${name}/package.json`).dependencies)) {
          if (dependency.startsWith('@status-banner/')) assert.equal(range, `^${version}`, `${name} -> ${dependency}`);
        }
      }
    });
  });
});
