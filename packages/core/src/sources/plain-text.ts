// Status bodies are untrusted markup: Statuspage sends HTML fragments (`<br />`), incident.io sends Markdown.
// A banner renders text only, so both are flattened here. Every step is a forward scan or a regex whose
// match attempts cannot overlap, so the cost stays linear in the (bounded) input.

import { LIMITS, truncate } from './normalize.js';

/** Markup can be dense; read this much of a body at most. The output is capped at LIMITS.message anyway. */
const MAX_INPUT = LIMITS.message * 16;

/** Tags that end a paragraph. */
const BLOCK_TAGS = new Set([
  'p',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'blockquote',
  'pre',
  'table',
  'hr',
  'section',
  'article',
  'header',
  'footer',
]);
/** Tags whose content is never text. */
const RAW_TEXT_TAGS = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'svg', 'math']);

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '\u2013',
  mdash: '\u2014',
  hellip: '\u2026',
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201c',
  rdquo: '\u201d',
  bull: '\u2022',
  middot: '\u00b7',
  copy: '\u00a9',
  reg: '\u00ae',
  trade: '\u2122',
  euro: '\u20ac',
};

// Backslash-escaped punctuation is parked in the Private Use Area while Markdown is read, so `\*` stays a
// literal asterisk. Any PUA characters of this range already in the input are dropped first.
const ESCAPE_BASE = 0xe000;
const ESCAPE_RANGE = /[\ue000-\ue07f]/g;
const ESCAPED = /\\([!-/:-@[-`{-~])/g;
const PARKED = /[\ue021-\ue07e]/g;

/**
 * Turns a status update body (Statuspage HTML or incident.io Markdown) into plain text: tags and Markdown
 * syntax removed with their text kept, entities decoded, paragraph breaks kept as `\n\n`, whitespace tidied,
 * capped at {@link LIMITS.message} characters. The result is text to render as text, never as HTML: an
 * entity such as `&lt;b&gt;` becomes the literal characters `<b>`, as its author meant.
 *
 * @param text - The raw body; anything but a string gives `''`.
 */
export function toPlainText(text: string): string {
  if (typeof text !== 'string' || text.length === 0) return '';
  const clipped = text.length > MAX_INPUT;
  let out = clipped ? text.slice(0, MAX_INPUT) : text;
  out = out.replace(/\r\n?/g, '\n');
  out = stripTags(out, clipped);
  out = decodeEntities(out).replace(ESCAPE_RANGE, '');
  // Control characters (NUL, escapes, form feeds) and bidi overrides, which can make text read backwards, have
  // no place in a banner.
  out = out.replace(/[\u0000-\u0008\u000b-\u001f\u007f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, '');
  out = out.replace(ESCAPED, (_, ch: string) => String.fromCharCode(ESCAPE_BASE + ch.charCodeAt(0)));
  out = markdown(out);
  out = out.replace(PARKED, (ch) => String.fromCharCode(ch.charCodeAt(0) - ESCAPE_BASE));
  // Restoring `\]` and `\(` could have rebuilt link syntax; a space keeps it inert.
  out = out.replace(/\]\(/g, '] (');
  out = out
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\ufeff]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return truncate(out, LIMITS.message);
}

/**
 * Removes HTML tags and comments, keeping their text. `<br>` becomes a newline, block boundaries a blank line,
 * `<li>` a bullet, and a Markdown autolink `<https://…>` its URL. A `<` that opens no tag stays text.
 */
function stripTags(input: string, clipped: boolean): string {
  const lower = input.toLowerCase();
  const parts: string[] = [];
  let last = 0;
  let i = input.indexOf('<');
  // Cached so that many `<` before one far `>` (or none at all) cost one scan, not one each.
  let nextGt = -2;
  while (i !== -1) {
    if (nextGt !== -1 && nextGt < i) nextGt = input.indexOf('>', i);
    const next = input.charAt(i + 1);
    if (lower.startsWith('<!--', i)) {
      const end = input.indexOf('-->', i + 4);
      parts.push(input.slice(last, i));
      last = end === -1 ? input.length : end + 3;
      i = input.indexOf('<', last);
      continue;
    }
    const isTagStart = /[a-zA-Z/!?]/.test(next);
    if (!isTagStart) {
      i = input.indexOf('<', i + 1);
      continue;
    }
    const nextLt = input.indexOf('<', i + 1);
    if (nextGt === -1 || (nextLt !== -1 && nextLt < nextGt)) {
      // No `>` before the next `<`: not a tag, unless the input was cut inside one.
      if (nextGt === -1 && clipped) {
        parts.push(input.slice(last, i));
        last = input.length;
        break;
      }
      i = nextLt;
      continue;
    }
    const inner = input.slice(i + 1, nextGt);
    parts.push(input.slice(last, i));
    last = nextGt + 1;
    if (/^(?:https?:\/\/|mailto:)[^\s<>]+$/i.test(inner)) {
      parts.push(inner);
    } else {
      const match = /^\/?([a-zA-Z][a-zA-Z0-9-]*)/.exec(inner);
      const name = match?.[1]?.toLowerCase() ?? '';
      const closing = inner.startsWith('/');
      if (name === 'br') parts.push('\n');
      else if (name === 'li') parts.push(closing ? '' : '\n• ');
      else if (name === 'tr') parts.push('\n');
      else if (BLOCK_TAGS.has(name)) parts.push('\n\n');
      else if (!closing && RAW_TEXT_TAGS.has(name) && !inner.endsWith('/')) {
        const end = lower.indexOf(`</${name}`, last);
        if (end === -1) {
          last = input.length;
          break;
        }
        last = end;
      }
    }
    i = input.indexOf('<', last);
  }
  parts.push(input.slice(last));
  return parts.join('');
}

function decodeEntities(input: string): string {
  return input.replace(/&(#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,7}|[a-zA-Z][a-zA-Z0-9]{1,9});/g, (entity, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
        return '\ufffd';
      }
      return String.fromCodePoint(code);
    }
    return NAMED_ENTITIES[body] ?? NAMED_ENTITIES[body.toLowerCase()] ?? entity;
  });
}

/** Flattens the Markdown that status bodies use: links, images, emphasis, code, headings, quotes, lists. */
function markdown(input: string): string {
  let out = input;
  // A link's text can itself hold link syntax (`[[a](b)](c)`); a few passes unwrap real-world nesting and the
  // caller's final `](` guard covers the rest.
  for (let pass = 0; pass < 3; pass += 1) {
    const next = unlink(out);
    if (next === out) break;
    out = next;
  }
  const lines = out.split('\n').map((line) =>
    line
      // A thematic break (`---`, `***`, `___`) is decoration.
      .replace(/^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$/, '')
      .replace(/^[ \t]*(?:>[ \t]?)+/, '')
      .replace(/^[ \t]{0,3}#{1,6}(?:[ \t]+|$)/, '')
      .replace(/^([ \t]*)[-*+][ \t]+/, '$1• '),
  );
  out = lines.join('\n');
  // Odd segments between backticks are code: kept verbatim, without the backticks, and without emphasis.
  const segments = out.split('`');
  const closed = segments.length % 2 === 1;
  return segments
    .map((segment, index) => (index % 2 === 1 && (closed || index < segments.length - 1) ? segment : emphasis(segment)))
    .join('');
}

/**
 * `[text](url "title")` → `text`, `![alt](url)` → `alt`. A forward scan: each `[` looks for the first `]`
 * after it, which must be followed by `(` and a matching `)`.
 */
function unlink(input: string): string {
  if (input.indexOf('](') === -1) return input;
  const parts: string[] = [];
  let last = 0;
  let i = input.indexOf('[');
  let nextClose = -2;
  while (i !== -1) {
    if (nextClose < i) nextClose = input.indexOf('](', i);
    if (nextClose === -1) break;
    const end = closingParen(input, nextClose + 2);
    if (end === -1) {
      i = input.indexOf('[', nextClose + 2);
      continue;
    }
    // The innermost `[` before this `](` opens the link text.
    const open = input.lastIndexOf('[', nextClose);
    const start = open > 0 && input[open - 1] === '!' ? open - 1 : open;
    parts.push(input.slice(last, start), input.slice(open + 1, nextClose));
    last = end + 1;
    i = input.indexOf('[', last);
  }
  parts.push(input.slice(last));
  return parts.join('');
}

/**
 * The index of the `)` closing a link destination that starts at `from`, allowing balanced parentheses. The
 * scan gives up at a bracket or a blank line, so a failed scan never overlaps the next one.
 */
function closingParen(input: string, from: number): number {
  let depth = 0;
  const limit = Math.min(input.length, from + LIMITS.url + 512);
  for (let j = from; j < limit; j += 1) {
    const ch = input.charCodeAt(j);
    if (ch === 0x28) depth += 1;
    else if (ch === 0x29) {
      if (depth === 0) return j;
      depth -= 1;
    } else if (ch === 0x5b || ch === 0x5d || (ch === 0x0a && input.charCodeAt(j + 1) === 0x0a)) return -1;
  }
  return -1;
}

/**
 * Removes `**strong**`, `__strong__`, `*em*` and `_em_` markers. Underscores and single asterisks must sit at
 * word boundaries, so `snake_case_name`, `2 * 3` and `a*b` are left alone.
 */
function emphasis(input: string): string {
  if (input.indexOf('*') === -1 && input.indexOf('_') === -1) return input;
  // Bare URLs (`https://x.example/_a_/`) are left whole: odd segments of this split are URLs.
  return input
    .split(/(https?:\/\/[^\s]+)/i)
    .map((segment, index) => (index % 2 === 1 ? segment : unemphasise(segment)))
    .join('');
}

function unemphasise(input: string): string {
  return input
    .replace(/\*\*(?=[^\s*])([^*\n]*[^\s*])\*\*/g, '$1')
    .replace(/(^|[^\w])__(?=[^\s_])([^_\n]*[^\s_])__(?!\w)/g, '$1$2')
    .replace(/(^|[^\w*])\*(?=[^\s*])([^*\n]*[^\s*])\*(?![\w*])/g, '$1$2')
    .replace(/(^|[^\w])_(?=[^\s_])([^_\n]*[^\s_])_(?!\w)/g, '$1$2');
}
