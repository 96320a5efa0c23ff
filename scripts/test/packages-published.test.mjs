// What `npm publish` would ship: `npm pack --dry-run` for every package, checked against what a user needs (the
// built modules, their declarations and maps, the manifest, a README and the licence) and against each package's
// own exports map; and the dependencies it declares, against what the lockfile pins and the tests run.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PACKAGES = ['core', 'element', 'react', 'vue'];
// The repository's own condition: its tools read the TypeScript sources, which are not shipped. No user's
// bundler sets it.
const SOURCE_CONDITION = 'status-banner-source';

const LICENSE = readFileSync(path.join(root, 'LICENSE'), 'utf8');
const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8'));

const packed = JSON.parse(
  execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts', ...PACKAGES.flatMap((name) => ['-w', `packages/${name}`])], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }),
);

/** Every file an exports map points at, with the conditions that lead to it. */
function targets(exports, conditions = []) {
  if (typeof exports === 'string') return [{ file: exports, conditions }];
  return Object.entries(exports).flatMap(([key, value]) => targets(value, [...conditions, key]));
}

describe('npm pack', () => {
  for (const name of PACKAGES) {
    const manifest = JSON.parse(readFileSync(path.join(root, 'packages', name, 'package.json'), 'utf8'));
    const result = packed.find((entry) => entry.name === manifest.name);
    const files = result?.files.map((file) => file.path).sort() ?? [];

    describe(manifest.name, () => {
      it('ships only built modules, their declarations and maps, and the manifest', () => {
        assert.ok(result, `npm pack gave nothing for ${manifest.name}`);
        const allowed = /^(package\.json|README\.md|LICENSE|CHANGELOG\.md|custom-elements\.json|dist\/[\w/.-]+\.(js|js\.map|d\.ts))$/;
        assert.deepEqual(files.filter((file) => !allowed.test(file)), []);
        assert.ok(!files.some((file) => /(^|\/)(src|test)\//.test(file)), 'no sources or tests');
      });

      it('has a declaration for every module, and no declaration that nothing uses', () => {
        // status-banner.*.js are the script-tag file and the chunks it loads: plain files, not modules to import.
        const modules = files.filter((file) => file.endsWith('.js') && !/^dist\/status-banner\.[\w.-]+\.js$/.test(file));
        const declarations = files.filter((file) => file.endsWith('.d.ts'));
        assert.deepEqual(modules.filter((file) => !declarations.includes(file.replace(/\.js$/, '.d.ts'))), []);
        // A declaration without a module is a type-only one (types.ts), which another declaration imports.
        const text = declarations.map((file) => readFileSync(path.join(root, 'packages', name, file), 'utf8')).join('\n');
        const orphans = declarations.filter((file) => !modules.includes(file.replace(/\.d\.ts$/, '.js')));
        assert.deepEqual(orphans.filter((file) => !text.includes(`'./${path.posix.basename(file, '.d.ts')}.js'`)), []);
      });

      it('ships a README and the MIT licence', () => {
        assert.ok(files.includes('README.md'), 'README.md');
        assert.ok(files.includes('LICENSE'), 'LICENSE');
        assert.equal(readFileSync(path.join(root, 'packages', name, 'LICENSE'), 'utf8'), LICENSE, 'the project’s licence');
        assert.match(LICENSE, /^MIT License\n/);
        assert.equal(manifest.license, 'MIT');
        const readme = readFileSync(path.join(root, 'packages', name, 'README.md'), 'utf8');
        assert.ok(readme.startsWith(`# ${manifest.name}\n`), 'the README is titled with the package name');
        assert.match(readme, new RegExp(`npm install ${manifest.name}\\b`));
      });

      it('ships source maps that need nothing it does not ship', () => {
        const maps = files.filter((file) => file.endsWith('.js.map'));
        for (const file of files.filter((f) => f.endsWith('.js'))) {
          const comment = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(readFileSync(path.join(root, 'packages', name, file), 'utf8'));
          if (comment) assert.ok(maps.includes(path.posix.join(path.posix.dirname(file), comment[1])), `${file} names ${comment[1]}, which is not shipped`);
        }
        for (const file of maps) {
          const map = JSON.parse(readFileSync(path.join(root, 'packages', name, file), 'utf8'));
          // The sources (src/**/*.ts) are not shipped: a map must carry their text.
          const missing = map.sources.filter((_, i) => typeof map.sourcesContent?.[i] !== 'string');
          assert.deepEqual(missing, [], `${file}: sources without their text`);
          assert.ok(map.sources.every((source) => !/(^|\/)test\//.test(source)), `${file} maps a test`);
        }
      });

      it('declares its runtime dependencies as caret ranges whose floor is what the lockfile pins and the tests run', () => {
        for (const [dependency, range] of Object.entries(manifest.dependencies ?? {})) {
          const floor = /^\^(\d+\.\d+\.\d+)$/.exec(range)?.[1];
          assert.ok(floor, `${dependency}: "${range}" is not a caret range`);
          const sibling = PACKAGES.map((p) => JSON.parse(readFileSync(path.join(root, 'packages', p, 'package.json'), 'utf8'))).find((m) => m.name === dependency);
          // The packages depend on each other's current versions (the workspace links them).
          const pinned = sibling ? sibling.version : lock.packages[`node_modules/${dependency}`]?.version;
          assert.equal(pinned, floor, `${dependency}: the range ${range} starts at ${floor}, the repository tests ${pinned}`);
        }
        assert.deepEqual(lock.packages[`packages/${name}`]?.dependencies, manifest.dependencies, 'the lockfile records the same ranges');
      });

      it('resolves every export, as Node resolves it for an app, to a shipped file', () => {
        for (const [subpath, entry] of Object.entries(manifest.exports)) {
          const specifier = `${manifest.name}${subpath.slice(1)}`;
          const resolved = fileURLToPath(import.meta.resolve(specifier, pathToFileURL(path.join(root, 'package.json'))));
          const target = targets(entry).find(({ conditions }) => !conditions.includes(SOURCE_CONDITION) && !conditions.includes('types'));
          assert.equal(path.relative(path.join(root, 'packages', name), resolved), target.file.replace(/^\.\//, ''), specifier);
        }
      });

      it('is ESM with an exports map whose every target ships, types first', () => {
        assert.equal(manifest.type, 'module');
        assert.ok(files.includes('dist/index.js') && files.includes('dist/index.d.ts'));
        for (const [subpath, entry] of Object.entries(manifest.exports)) {
          if (typeof entry === 'object') {
            const keys = Object.keys(entry).filter((key) => key !== SOURCE_CONDITION);
            assert.equal(keys[0], 'types', `${subpath}: "types" must come first`);
            assert.equal(keys.at(-1), 'default', `${subpath}: "default" must come last`);
          }
          for (const { file, conditions } of targets(entry)) {
            if (conditions.includes(SOURCE_CONDITION)) continue;
            assert.ok(files.includes(file.replace(/^\.\//, '')), `${subpath} -> ${file} is not shipped`);
          }
        }
        for (const field of ['main', 'module', 'types', 'customElements']) {
          if (manifest[field]) assert.ok(files.includes(manifest[field].replace(/^\.\//, '')), `${field}: ${manifest[field]} is not shipped`);
        }
      });
    });
  }

  it('ships the element with its custom-elements.json and the script-tag file', () => {
    const element = packed.find((entry) => entry.name === '@status-banner/element').files.map((file) => file.path);
    assert.ok(element.includes('custom-elements.json'));
    assert.ok(element.includes('dist/status-banner.min.js'));
    const manifest = JSON.parse(readFileSync(path.join(root, 'packages/element/custom-elements.json'), 'utf8'));
    const declaration = manifest.modules.flatMap((module) => module.declarations ?? []).find((d) => d.tagName === 'status-banner');
    assert.equal(declaration?.name, 'StatusBannerElement');
    assert.ok(declaration.attributes.some((a) => a.name === 'maintenance-lead' && a.fieldName === 'maintenanceLead'));
    assert.deepEqual(
      declaration.events.map((event) => event.name),
      ['status-banner-change', 'status-banner-dismiss'],
    );
    for (const module of manifest.modules) assert.ok(element.includes(module.path), `the manifest names ${module.path}, which is not shipped`);
  });

  it("marks every React module 'use client', for React Server Components", () => {
    const react = packed.find((entry) => entry.name === '@status-banner/react').files.map((file) => file.path);
    for (const file of react.filter((f) => f.endsWith('.js'))) {
      assert.match(readFileSync(path.join(root, 'packages/react', file), 'utf8'), /^'use client';\n/, file);
    }
  });

  it('keeps the framework packages free of side effects, and the element not (it registers itself)', () => {
    const read = (name) => JSON.parse(readFileSync(path.join(root, 'packages', name, 'package.json'), 'utf8'));
    assert.equal(read('react').sideEffects, false);
    assert.equal(read('vue').sideEffects, false);
    assert.equal(read('element').sideEffects, undefined);
  });
});
