// What `npm publish` would ship: `npm pack --dry-run` for every package, checked against what a user needs (the
// built modules, their declarations and maps, the manifest) and against each package's own exports map.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PACKAGES = ['core', 'element', 'react', 'vue'];
// The repository's own condition: its tools read the TypeScript sources, which are not shipped. No user's
// bundler sets it.
const SOURCE_CONDITION = 'status-banner-source';

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
        const allowed = /^(package\.json|README\.md|LICENSE|custom-elements\.json|dist\/[\w/.-]+\.(js|js\.map|d\.ts))$/;
        assert.deepEqual(files.filter((file) => !allowed.test(file)), []);
        assert.ok(!files.some((file) => /(^|\/)(src|test)\//.test(file)), 'no sources or tests');
      });

      it('has a declaration for every module, and no declaration that nothing uses', () => {
        // status-banner.*.js are the script-tag file and the chunks it loads: plain files, not modules to import.
        const modules = files.filter((file) => file.endsWith('.js') && !/^dist\/status-banner\.[\w-]+\.js$/.test(file));
        const declarations = files.filter((file) => file.endsWith('.d.ts'));
        assert.deepEqual(modules.filter((file) => !declarations.includes(file.replace(/\.js$/, '.d.ts'))), []);
        // A declaration without a module is a type-only one (types.ts), which another declaration imports.
        const text = declarations.map((file) => readFileSync(path.join(root, 'packages', name, file), 'utf8')).join('\n');
        const orphans = declarations.filter((file) => !modules.includes(file.replace(/\.d\.ts$/, '.js')));
        assert.deepEqual(orphans.filter((file) => !text.includes(`'./${path.posix.basename(file, '.d.ts')}.js'`)), []);
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
