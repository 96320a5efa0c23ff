// custom-elements.json, generated from the element's source and JSDoc by `npm run build` (build:manifest).
//
// Facts the analyzer cannot read from this element by itself, recovered from the source so they follow it:
// - the tag: registration goes through defineStatusBanner(), not a literal customElements.define(), so the tag
//   comes from that function's default `tag` parameter (unless the class documents its own `@tagname`);
// - the attributes: the element declares its reactive properties with `this.reactive({ ... })` in a static
//   block, where a converter (or `String`) means "also an attribute, in kebab-case" and `null` means none.
//   Each becomes an attribute linked to its field, whose type and description it takes.

import { posix } from 'node:path';

/** The name of `defineStatusBanner`'s default tag, read from define.ts. */
let defaultTag;

/** @type {import('@custom-elements-manifest/analyzer').Plugin} */
function reactiveProperties() {
  /** Attribute names by class name, gathered while analysing. */
  const found = new Map();
  return {
    name: 'status-banner-reactive-properties',
    analyzePhase({ ts, node }) {
      if (ts.isFunctionDeclaration(node) && node.name?.text === 'defineStatusBanner') {
        const tag = node.parameters.find((p) => p.name.getText() === 'tag');
        if (tag?.initializer && ts.isStringLiteral(tag.initializer)) defaultTag = tag.initializer.text;
      }
      if (!ts.isClassDeclaration(node) || !node.name) return;
      for (const member of node.members) {
        if (!ts.isClassStaticBlockDeclaration(member)) continue;
        member.forEachChild(function visit(child) {
          if (ts.isCallExpression(child) && child.expression.getText() === 'this.reactive' && ts.isObjectLiteralExpression(child.arguments[0])) {
            const attributes = child.arguments[0].properties
              .filter((p) => ts.isPropertyAssignment(p) && p.initializer.kind !== ts.SyntaxKind.NullKeyword)
              .map((p) => p.name.getText())
              .filter((name) => !name.startsWith('_'));
            found.set(node.name.text, attributes);
          }
          child.forEachChild(visit);
        });
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          const names = found.get(declaration.name);
          if (declaration.kind !== 'class' || !names) continue;
          declaration.attributes = names.map((fieldName) => {
            const field = declaration.members?.find((member) => member.name === fieldName);
            return {
              name: fieldName.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`),
              fieldName,
              ...(field?.type && { type: field.type }),
              ...(field?.description && { description: field.description }),
            };
          });
          for (const member of declaration.members ?? []) {
            const attribute = declaration.attributes.find((a) => a.fieldName === member.name);
            if (attribute) member.attribute = attribute.name;
          }
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
  plugins: [reactiveProperties(), shippedPaths()],
};
