// custom-elements.json, generated from the element's source and JSDoc by `npm run build` (build:manifest).
//
// Facts the analyzer cannot read from this element by itself, recovered from the source so they follow it:
// - the tag: registration goes through defineStatusBanner(), not a literal customElements.define(), so the tag
//   comes from that function's default `tag` parameter (unless the class documents its own `@tagname`);
// - the properties and attributes: the element takes them from its one table (src/properties.ts), where each row
//   `name: property<Type>(attribute, convert, { default })` under its TSDoc becomes a field of that type, default
//   and description, and an attribute linked to it when it has one.

import { posix } from 'node:path';

/** The name of `defineStatusBanner`'s default tag, read from define.ts. */
let defaultTag;

/** A row of the property table: the field the manifest gives the class, and its attribute. */
function row(ts, assignment) {
  const call = assignment.initializer;
  if (!ts.isCallExpression(call) || call.expression.getText() !== 'property') return undefined;
  const [attribute, , more] = call.arguments;
  const initial = more && ts.isObjectLiteralExpression(more) && more.properties.find((p) => p.name?.getText() === 'default');
  const description = ts
    .getJSDocCommentsAndTags(assignment)
    .filter(ts.isJSDoc)
    .map((doc) => ts.getTextOfJSDocComment(doc.comment))
    .join('\n');
  return {
    name: assignment.name.getText(),
    type: call.typeArguments?.[0]?.getText(),
    ...(initial && { default: initial.initializer.getText() }),
    ...(description && { description }),
    ...(attribute && ts.isStringLiteral(attribute) && { attribute: attribute.text }),
  };
}

/** @type {import('@custom-elements-manifest/analyzer').Plugin} */
function propertyTable() {
  /** The tables (rows by the name of their constant), and which table each class passes to `this.reactive`. */
  const tables = new Map();
  const uses = new Map();
  return {
    name: 'status-banner-property-table',
    analyzePhase({ ts, node }) {
      if (ts.isFunctionDeclaration(node) && node.name?.text === 'defineStatusBanner') {
        const tag = node.parameters.find((p) => p.name.getText() === 'tag');
        if (tag?.initializer && ts.isStringLiteral(tag.initializer)) defaultTag = tag.initializer.text;
      }
      if (ts.isVariableDeclaration(node) && node.initializer && ts.isObjectLiteralExpression(node.initializer)) {
        const rows = node.initializer.properties.filter(ts.isPropertyAssignment).map((p) => row(ts, p));
        if (rows.length && rows.every(Boolean)) tables.set(node.name.getText(), rows);
      }
      if (!ts.isClassDeclaration(node) || !node.name) return;
      for (const member of node.members) {
        if (!ts.isClassStaticBlockDeclaration(member)) continue;
        member.forEachChild(function visit(child) {
          if (ts.isCallExpression(child) && child.expression.getText() === 'this.reactive' && child.arguments[0]) uses.set(node.name.text, child.arguments[0].getText());
          child.forEachChild(visit);
        });
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          const rows = tables.get(uses.get(declaration.name));
          if (declaration.kind !== 'class' || !rows) continue;
          const fields = rows.map(({ name, type, default: initial, description, attribute }) => ({
            kind: 'field',
            name,
            ...(type && { type: { text: type } }),
            ...(initial && { default: initial }),
            ...(description && { description }),
            ...(attribute && { attribute }),
          }));
          declaration.members = [...fields, ...(declaration.members ?? []).filter((member) => !rows.some((r) => r.name === member.name))];
          declaration.attributes = rows
            .filter((r) => r.attribute && !r.name.startsWith('_'))
            .map(({ name, type, description, attribute }) => ({
              name: attribute,
              fieldName: name,
              ...(type && { type: { text: type } }),
              ...(description && { description }),
            }));
          // The analyzer also infers an event from each `dispatchEvent(new SomeEvent(value))`, named after the
          // argument (`notice`). The class's `@fires` tags name the real ones: keep those alone.
          if (declaration.events?.some((event) => event.description)) declaration.events = declaration.events.filter((event) => event.description);
          if (!declaration.tagName && defaultTag) {
            declaration.customElement = true;
            declaration.tagName = defaultTag;
            module.exports = [...(module.exports ?? []), { kind: 'custom-element-definition', name: defaultTag, declaration: { name: declaration.name, module: module.path } }];
          }
        }
      }
    },
  };
}

/** Points the manifest at the files the package ships (dist/*.js), not at its sources. */
function shippedPaths() {
  // Relative references ("./define.js" in a re-export) are resolved against their module first.
  const shipped = (ref, from) => posix.normalize(ref.startsWith('.') ? posix.join(posix.dirname(from), ref) : ref).replace(/^\/?src\/(.+)\.[jt]s$/, 'dist/$1.js');
  const visit = (value, from) => {
    if (Array.isArray(value)) return value.forEach((child) => visit(child, from));
    if (!value || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value)) {
      if ((key === 'path' || key === 'module') && typeof child === 'string') value[key] = shipped(child, from);
      else visit(child, from);
    }
  };
  return {
    name: 'status-banner-shipped-paths',
    packageLinkPhase: ({ customElementsManifest }) => customElementsManifest.modules.forEach((module) => visit(module, module.path)),
  };
}

export default {
  // The script-tag entry and its chunk loader are bundled into status-banner.*.js, not shipped as modules.
  globs: ['src/**/*.ts', '!src/script-tag*.ts'],
  outdir: '.',
  plugins: [propertyTable(), shippedPaths()],
};
