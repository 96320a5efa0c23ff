// The custom-elements manifest lists <status-banner>'s properties and attributes as the property table
// (packages/element/src/properties.ts) has them: read on the built files, after `npm run build`.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const { PROPERTIES } = await import(pathToFileURL(path.join(root, 'packages/element/dist/properties.js')).href);
const manifest = JSON.parse(readFileSync(path.join(root, 'packages/element/custom-elements.json'), 'utf8'));
const element = manifest.modules.flatMap((module) => module.declarations ?? []).find((d) => d.tagName === 'status-banner');
const rows = Object.entries(PROPERTIES);

describe('the manifest and the property table', () => {
  it('lists one public field per row, in the table\'s order, linked to the row\'s attribute', () => {
    const fields = element.members.filter((member) => member.kind === 'field' && !member.privacy && !member.static && !member.readonly && !member.inheritedFrom);
    assert.deepEqual(
      fields.map((field) => [field.name, field.attribute]),
      rows.map(([name, row]) => [name, row.attribute ?? undefined]),
    );
    for (const field of fields) {
      assert.ok(field.type?.text, `${field.name} has a type`);
      assert.ok(field.description, `${field.name} has a description`);
    }
  });

  it('lists the attributes of the rows that have one, and the defaults the rows give', () => {
    assert.deepEqual(
      element.attributes.map((attribute) => [attribute.name, attribute.fieldName]),
      rows.filter(([, row]) => row.attribute).map(([name, row]) => [row.attribute, name]),
    );
    const defaults = Object.fromEntries(element.members.filter((member) => member.default && !member.name.startsWith('#') && !member.static).map((m) => [m.name, m.default]));
    assert.deepEqual(defaults, Object.fromEntries(rows.filter(([, row]) => 'default' in row).map(([name, row]) => [name, JSON.stringify(row.default).replace(/"/g, "'")])));
  });
});
