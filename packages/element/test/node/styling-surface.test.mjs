// The styling surface is documented from the code: every custom property the stylesheet reads, every part and
// every slot the templates have, is declared in the element's JSDoc (which the custom-elements manifest and the
// API reference are generated from) and listed in docs/theming.md, and nothing is documented that is not there.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const read = (file) => readFileSync(path.join(root, file), 'utf8');
const element = read('packages/element/src/status-banner-element.ts');
// The stylesheet, and the palette it writes its colour rules from.
const styles = read('packages/element/src/styles.ts') + read('packages/element/src/palette.ts');
const template = read('packages/element/src/banner-template.ts');
const theming = read('docs/theming.md');

const tagged = (tag) => new Set([...element.matchAll(new RegExp(`@${tag} ([\\w-]+)`, 'g'))].map((m) => m[1]));
const sorted = (set) => [...set].sort();

test('every custom property the stylesheet reads is documented, and only those', () => {
  const states = [...styles.matchAll(/^\s{4}(\w+): \['#/gm)].map((m) => m[1]);
  const used = new Set([...styles.matchAll(/var\((--status-banner-[\w-]+)/g)].map((m) => m[1]));
  // The palette's properties are written from its keys: `--status-banner-${name}-background`.
  assert.match(styles, /--status-banner-\$\{name\}-background/);
  for (const state of states) used.add(`--status-banner-${state}-background`).add(`--status-banner-${state}-color`);
  assert.deepEqual(sorted(tagged('cssproperty')), sorted(used));
  for (const property of used) {
    const generic = property.replace(new RegExp(`-(${states.join('|')})-(background|color)$`), '-<state>-$2');
    assert.ok(theming.includes(property) || theming.includes(generic), `docs/theming.md does not list ${property}`);
  }
});

test('every part the templates have is documented, and only those', () => {
  // In the templates' markup (`part="title"`), and set on the live region by code (`part: 'base'`).
  const used = new Set([...template.matchAll(/part(?:="|: ')([\w -]+)["']/g)].flatMap((m) => m[1].split(' ')));
  assert.deepEqual(sorted(tagged('csspart')), sorted(used));
  for (const part of used) assert.ok(theming.includes(`| \`${part}\` |`), `docs/theming.md does not list the part ${part}`);
});

test('every slot the templates have is documented, and only those', () => {
  const used = new Set([...template.matchAll(/<slot name="([\w-]+)"/g)].map((m) => m[1]));
  assert.deepEqual(sorted(tagged('slot')), sorted(used));
  for (const slot of used) assert.ok(theming.includes(`| \`${slot}\` |`), `docs/theming.md does not list the slot ${slot}`);
});
