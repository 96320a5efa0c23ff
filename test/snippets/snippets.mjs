// The code blocks of the README and the docs, read from the Markdown, and the setting each one is compiled in.
// The convention is in CONTRIBUTING.md ("Code blocks in the docs"): a block's info string is its language,
// optionally followed by one word naming another setting, or `excerpt` for a block that is not for pasting.
//
//   ```ts            a module of a plain strict TypeScript project (the core, the element)   tsc
//   ```ts node       the same, run by Node (Node's types)                                     tsc
//   ```ts vue        a module of the Vite vue-ts app (its main.ts)                            vue-tsc, vite build
//   ```js            a JavaScript module, checked as the plain project checks JavaScript      tsc --checkJs
//   ```js node       the same, run by Node                                                    tsc --checkJs
//   ```tsx           a module of a Vite React + TypeScript app                                 tsc
//   ```tsx next      a file of a Next.js app-router app; its first line names it: // app/…    next build
//   ```vue           a single-file component of a Vite vue-ts app                             vue-tsc, vite build
//   ```html          a page, loaded in Chromium                                                Chromium
//   ```css           a stylesheet on a page with the banner, in Chromium                       Chromium
//   ```json          a payload: parsed as JSON
//   ```sh, ```text, ```http    commands, output and exchanges: not compiled
//   ```nginx, ```ini           other programs' configuration: not compiled
//   ```<lang> excerpt           a signature, a fragment or rendered markup: not for pasting

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The Markdown files whose blocks a user may paste: the README, the docs (not the generated API reference), the packages' READMEs. */
export function documents() {
  const docs = readdirSync(path.join(root, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`);
  const packages = readdirSync(path.join(root, 'packages')).map((name) => `packages/${name}/README.md`);
  return ['README.md', ...docs, ...packages.filter((file) => exists(file))].sort();
}

const exists = (file) => {
  try {
    readFileSync(path.join(root, file));
    return true;
  } catch {
    return false;
  }
};

/** The setting a language is compiled in when its info string names none. */
const DEFAULTS = { ts: 'core', js: 'core', tsx: 'react', vue: 'vue', html: 'browser', css: 'browser', json: 'json' };
/** The settings a language may name instead. */
const NAMED = { ts: ['node', 'vue'], js: ['node'], tsx: ['next'] };
/** Languages that are never compiled: commands, output, HTTP exchanges, other programs' configuration. */
const NOT_CODE = new Set(['sh', 'text', 'http', 'nginx', 'ini']);

/**
 * @typedef {object} Snippet
 * @property {string} file The Markdown file, relative to the repository.
 * @property {number} line The line of the opening fence (1-based).
 * @property {string} lang
 * @property {string} setting `core`, `node`, `vue`, `react`, `next`, `browser`, `json`; `none` for commands and
 *   output; `excerpt` for blocks that are not for pasting.
 * @property {string} code
 * @property {string} id A name for its file: `<document>-l<line>`, e.g. `docs-frameworks-l30`.
 * @property {string} [problem] Why the block breaks the convention.
 */

/** Every fenced block of `file`, classified. */
export function snippetsOf(file) {
  const lines = readFileSync(path.join(root, file), 'utf8').replace(/\r\n?/g, '\n').split('\n');
  const out = [];
  for (let i = 0; i < lines.length; i += 1) {
    const open = /^(`{3,})(.*)$/.exec(lines[i]);
    if (!open) continue;
    const start = i;
    const body = [];
    for (i += 1; i < lines.length && !lines[i].startsWith(open[1]); i += 1) body.push(lines[i]);
    const [lang = '', word, ...rest] = open[2].trim().split(/\s+/).filter(Boolean);
    const id = `${file.replace(/\.md$/i, '').replace(/[^\w]+/g, '-').toLowerCase()}-l${start + 1}`;
    const snippet = { file, line: start + 1, lang, setting: '', code: `${body.join('\n')}\n`, id };
    if (!lang) snippet.problem = 'no language: name one (`text` for a listing that is not code)';
    else if (rest.length) snippet.problem = `one word may follow the language, not "${open[2].trim()}"`;
    else if (word === 'excerpt') snippet.setting = 'excerpt';
    else if (NOT_CODE.has(lang)) snippet.setting = word ? ((snippet.problem = `\`${lang}\` takes no setting`), '') : 'none';
    else if (!(lang in DEFAULTS)) snippet.problem = `\`${lang}\` is compiled in no setting: use one that is, or mark the block \`excerpt\``;
    else if (!word) snippet.setting = DEFAULTS[lang];
    else if (NAMED[lang]?.includes(word)) snippet.setting = word;
    else snippet.problem = `\`${lang} ${word}\` is no setting (${lang}: ${[DEFAULTS[lang], ...(NAMED[lang] ?? [])].join(', ')})`;
    out.push(snippet);
  }
  return out;
}

/** Every block of every document. */
export const allSnippets = () => documents().flatMap(snippetsOf);

/** Where a block is, for messages: `docs/frameworks.md:30`. */
export const where = (snippet) => `${snippet.file}:${snippet.line}`;
