// Status bodies are untrusted markup: Statuspage sends HTML fragments (`<br />`), incident.io sends Markdown.
// A banner renders text only, so both are flattened here. Every pattern below is bounded by the next `<`, `>`,
// bracket, parenthesis or line end, so no match attempt rescans text another has scanned: linear time.

import { LIMITS, truncate } from './normalize.js';

/** Markup can be dense; read this much of a body at most. The output is capped at LIMITS.message anyway. */
const MAX_INPUT = LIMITS.message * 16;

const BLOCK = /^(p|div|h[1-6]|[ou]l|blockquote|pre|table|hr|section|article|header|footer)$/i;
const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};
// A Markdown link or image: text without brackets, a destination with at most one level of parentheses, and
// an optional quoted title.
const LINK = /!?\[([^[\]]*)\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+"[^"\n]*")?\)/g;
// Backslash-escaped punctuation is parked in the Private Use Area while Markdown is read (`\*` stays an
// asterisk); PUA characters of that range already in the input are dropped first.
const PARK = 0xe000;

/**
 * Turns a status update body (Statuspage HTML or incident.io Markdown) into plain text: tags and Markdown
 * syntax removed with their text kept, entities decoded, paragraph breaks kept as `\n\n`, whitespace tidied,
 * capped at {@link LIMITS.message} characters. An entity such as `&lt;b&gt;` becomes the literal text `<b>`,
 * as its author meant; render the result as text, never as HTML.
 *
 * @param text - The raw body; anything but a string gives `''`.
 */
export function toPlainText(text: string): string {
  if (typeof text !== 'string') return '';
  let out = text.slice(0, MAX_INPUT).replace(/\r\n?/g, '\n');
  // A tag cut open by the input limit is dropped rather than shown half.
  if (text.length > MAX_INPUT) out = out.replace(/<[a-z/!?][^<>]*$/i, '');
  out = out
    .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
    .replace(/<(script|style|template|noscript|iframe|object|svg|math)\b[^<>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi, '')
    .replace(/<((?:https?|mailto):[^\s<>]+)>/gi, '$1')
    .replace(/<(\/?)([a-z][a-z\d-]*)\b[^<>]*>|<[!?][^<>]*>/gi, (_, close: string, name = '') => {
      const tag = name.toLowerCase();
      return tag === 'br' || tag === 'tr' ? '\n' : tag === 'li' ? (close ? '' : '\n• ') : BLOCK.test(tag) ? '\n\n' : '';
    })
    .replace(/&(#\d{1,8}|#x[\da-f]{1,7}|[a-z][a-z\d]{1,9});/gi, (entity, body: string) => {
      if (body[0] !== '#') return ENTITIES[body.toLowerCase()] ?? entity;
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : +body.slice(1);
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
    })
    // Control characters and bidi overrides (which make text read backwards) have no place in a banner.
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f\u2028\u2029\u202a-\u202e\u2066-\u2069\ue000-\ue07f]/g, '')
    .replace(/\\([!-/:-@[-`{-~])/g, (_, ch: string) => String.fromCharCode(PARK + ch.charCodeAt(0)));
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
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return truncate(out, LIMITS.message);
}

/** Unwraps `**strong**`, `__strong__`, `*em*`, `_em_`; `_` and single `*` only at word boundaries. */
function emphasis(input: string): string {
  return input
    .replace(/\*\*(?=[^\s*])([^*\n]*[^\s*])\*\*/g, '$1')
    .replace(/(^|[^\w])__(?=[^\s_])([^_\n]*[^\s_])__(?!\w)/g, '$1$2')
    .replace(/(^|[^\w*])\*(?=[^\s*])([^*\n]*[^\s*])\*(?![\w*])/g, '$1$2')
    .replace(/(^|[^\w])_(?=[^\s_])([^_\n]*[^\s_])_(?!\w)/g, '$1$2');
}
