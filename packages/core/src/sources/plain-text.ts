// Status text is untrusted markup: Statuspage and Slack send HTML fragments (`<p>`, `<br />`, `&nbsp;`),
// incident.io and Uptime Kuma send Markdown, and any provider may send either where plain text was expected. A
// banner renders text only, so every title and message is flattened here, by the shared builder, whatever its
// source. Every pattern below is bounded by the next `<`, `>`, `&`, bracket, parenthesis or line end, so no match
// attempt rescans text another has scanned: linear time.

import { LIMITS, truncate } from './normalize.js';

const BLOCK = /^(p|div|h[1-6]|[ou]l|blockquote|pre|table|hr|section|article|header|footer)$/i;
// The named references status editors write, as `name hex` pairs (the script tag carries this table, so it is
// kept to what editors use; every character can still come as a numeric reference). HTML names are
// case-sensitive; an upper-case spelling such as `&AMP;` is found through its lower-case one.
const NAMED = new Map<string, string>();
const PAIRS =
  'amp 26 lt 3c gt 3e quot 22 apos 27 nbsp a0 shy ad lsquo 2018 rsquo 2019 sbquo 201a ldquo 201c rdquo 201d bdquo 201e laquo ab raquo bb ndash 2013 mdash 2014 hellip 2026 bull 2022 middot b7 copy a9 reg ae trade 2122 deg b0 euro 20ac pound a3 szlig df'.split(' ');
for (let i = 0; i < PAIRS.length; i += 2) NAMED.set(PAIRS[i]!, String.fromCodePoint(parseInt(PAIRS[i + 1]!, 16)));
const ENTITY = /&(#\d{1,8}|#x[\da-f]{1,7}|[a-z][a-z\d]{1,9});/gi;
// A Markdown link or image: text without brackets, a destination with at most one level of parentheses, and
// an optional quoted title.
const LINK = /!?\[([^[\]]*)\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+"[^"\n]*")?\)/g;
// Backslash-escaped punctuation, and punctuation written as an entity (`&gt;`, `&#42;`), is parked in the
// Private Use Area while Markdown is read (`\*` stays an asterisk); PUA characters of that range already in the
// input are dropped first.
const PARK = 0xe000;
// U+2060 WORD JOINER: invisible, and it keeps a `<` that decoding produced from ever opening a tag (below).
const JOIN = '\u2060';
/** The parking range, dropped wherever the input brings it (as text or as an entity). */
const PLACEHOLDERS = /[\ue000-\ue07f]/g;

/** What an entity stands for; with `park`, punctuation (but `&`, which may begin another entity) parked. */
function decode(entity: string, body: string, park: boolean): string {
  let text = NAMED.get(body) ?? NAMED.get(body.toLowerCase()) ?? entity;
  if (body[0] === '#') {
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : +body.slice(1);
    // The parking range is dropped, written as an entity or not.
    if (code >= PARK && code <= PARK + 0x7f) return '';
    text = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
  }
  // Text written as entities is text, never Markdown: `&gt;50%` is "more than half", not a quote.
  return park && text.length === 1 && text !== '&' && /[!-/:-@[-`{-~]/.test(text) ? String.fromCharCode(PARK + text.charCodeAt(0)) : text;
}

/**
 * Turns a status title or update body (HTML, Markdown, or plain text) into plain text: tags and Markdown syntax
 * removed with their text kept, links kept as their text, entities decoded (double-encoded ones too), whitespace
 * tidied. A message keeps its paragraph breaks (`\n\n`) and line breaks and is capped at {@link LIMITS.message};
 * a title (`line`) becomes one line capped at {@link LIMITS.title}, in which only HTML and entities are read
 * (a title's `*`, `#` or `[` is not Markdown). Text its author wrote as entities, such as `&lt;b&gt;`, ends as
 * the literal text `<b>`, as they meant, with an invisible U+2060 after the `<` so that it never reads as markup
 * again, here or anywhere downstream: flattening its own output changes nothing. Render the result as text,
 * never as HTML.
 *
 * @param text - The raw text; anything but a string gives `''`.
 * @param line - One line (a title) rather than paragraphs (a message).
 */
export function toPlainText(text: string, line = false): string {
  if (typeof text !== 'string') return '';
  const max = line ? LIMITS.title : LIMITS.message;
  // Markup can be dense; read this much at most. The output is capped anyway.
  const input = max * 16;
  let out = text.slice(0, input).replace(/\r\n?/g, '\n').replace(PLACEHOLDERS, '');
  // A tag cut open by the input limit is dropped rather than shown half.
  if (text.length > input) out = out.replace(/<[a-z/!?][^<>]*$/i, '');
  out = out
    .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
    .replace(/<(script|style|template|noscript|iframe|object|svg|math)\b[^<>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi, '')
    .replace(/<((?:https?|mailto):[^\s<>]+)>/gi, '$1')
    .replace(/<(\/?)([a-z][a-z\d-]*)\b[^<>]*>|<[!?][^<>]*>/gi, (_, close: string, name = '') => {
      const tag = name.toLowerCase();
      return tag === 'br' || tag === 'tr' ? '\n' : tag === 'li' ? (close ? '' : '\n• ') : BLOCK.test(tag) ? '\n\n' : '';
    });
  // Entities are decoded after the tags are gone, so an encoded tag is text. Editors and relays encode twice
  // (`&amp;nbsp;`) or more: a few rounds decode what any page sends.
  for (let round = 0; round < 4; round += 1) out = out.replace(ENTITY, (entity, body: string) => decode(entity, body, !line));
  out = out
    // Control characters, soft hyphens and bidi overrides (which make text read backwards) have no place in a
    // banner. Line and paragraph separators are line feeds.
    .replace(/[\u2028\u2029]/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f\u00ad\u202a-\u202e\u2066-\u2069]/g, '');
  if (line) {
    // A title is not Markdown: its `*`, `_`, `#` and brackets are the author's characters.
    out = out.replace(/\s+/g, ' ');
  } else {
    out = out.replace(/\\([!-/:-@[-`{-~])/g, (_, ch: string) => String.fromCharCode(PARK + ch.charCodeAt(0)));
    // Links nest (`[[a](b)](c)`): unwrap from the inside out.
    for (let pass = 0; pass < 3; pass += 1) out = out.replace(LINK, '$1');
    out = out
      .replace(/^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$/gm, '')
      .replace(/^[ \t]*(?:>[ \t]?)+/gm, '')
      .replace(/^[ \t]{0,3}#{1,6}(?:[ \t]+|$)/gm, '')
      .replace(/^([ \t]*)[-*+][ \t]+/gm, '$1• ')
      // Between backticks is code, kept as written; emphasis is unwrapped elsewhere, except inside bare URLs.
      .split(/(`[^`]*`|https?:\/\/\S+)/i)
      .map((part, i) => (i % 2 ? (part[0] === '`' ? part.slice(1, -1) : part) : emphasis(part)))
      .join('')
      .replace(/[\ue021-\ue07e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - PARK))
      // Restoring `\]` and `\(` could have rebuilt link syntax; a space keeps it inert.
      .replace(/\]\(/g, '] (')
      .replace(/[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\ufeff]+/g, ' ')
      .replace(/ ?\n ?/g, '\n')
      .replace(/\n{3,}/g, '\n\n');
  }
  // What is left that would open a tag, a comment or an autolink is text (decoded from entities, say): defused.
  return truncate(out.trim().replace(/<(?=[a-z/!?][^<>]*>|!--)/gi, `<${JOIN}`), max);
}

/** Unwraps `**strong**`, `__strong__`, `*em*`, `_em_`; `_` and single `*` only at word boundaries. */
function emphasis(input: string): string {
  return input
    .replace(/\*\*(?=[^\s*])([^*\n]*[^\s*])\*\*/g, '$1')
    .replace(/(^|[^\w])__(?=[^\s_])([^_\n]*[^\s_])__(?!\w)/g, '$1$2')
    .replace(/(^|[^\w*])\*(?=[^\s*])([^*\n]*[^\s*])\*(?![\w*])/g, '$1$2')
    .replace(/(^|[^\w])_(?=[^\s_])([^_\n]*[^\s_])_(?!\w)/g, '$1$2');
}
