// The docs' Markdown as HTML, for `npm start`: the subset the docs use (headings with GitHub's anchors, fenced
// code, lists, tables, quotes, links, images, emphasis), and nothing else. Every piece of text is escaped: raw
// HTML in a doc shows as text, never as markup; HTML comments outside code (`<!-- Generated … -->`) show as
// nothing, as on any Markdown host.

const escape = (text) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
export function slug(text) {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .trim()
    .replace(/\s/g, '-');
}

/** Plain text of inline Markdown, for anchors and titles. */
const plain = (text) => text.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[`*_]/g, '');

/** Inline Markdown: code spans first (their content is literal), then links, images and emphasis. */
function inline(text) {
  const codes = [];
  let out = escape(text.replace(/`([^`]+)`/g, (_, code) => `\u0000${codes.push(code) - 1}\u0000`));
  out = out
    .replace(/!\[([^\]]*)\]\(([^)\s]+)\)/g, (_, alt, src) => `<img src="${src}" alt="${alt}" loading="lazy">`)
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_, label, href) => `<a href="${/^(https?:|#|\.|\/|[\w-]+(\.|\/|#|$))/.test(href) ? href : '#'}">${label}</a>`)
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^\w*])\*([^*\s][^*]*)\*(?!\w)/g, '$1<em>$2</em>')
    .replace(/(^|[^\w])_([^_\s][^_]*)_(?!\w)/g, '$1<em>$2</em>');
  return out.replace(/\u0000(\d+)\u0000/g, (_, i) => `<code>${escape(codes[i])}</code>`);
}

const cells = (row) => row.trim().replace(/^\||\|$/g, '').split(/(?<!\\)\|/).map((cell) => inline(cell.trim().replace(/\\\|/g, '|')));

/** `markdown` without its HTML comments, except inside fenced code and code spans. */
export function withoutComments(markdown) {
  const lines = markdown.split('\n');
  const out = [];
  let text = [];
  const flush = () => {
    // Code spans keep their text: `<!--` in backticks is shown, not removed.
    const joined = text.join('\n').replace(/(`+)[\s\S]*?\1|<!--[\s\S]*?-->/g, (match, ticks) => (ticks ? match : ''));
    if (text.length) out.push(...joined.split('\n'));
    text = [];
  };
  for (let i = 0; i < lines.length; i += 1) {
    if (!lines[i].startsWith('```')) {
      text.push(lines[i]);
      continue;
    }
    flush();
    out.push(lines[i]);
    for (i += 1; i < lines.length && !lines[i].startsWith('```'); i += 1) out.push(lines[i]);
    if (i < lines.length) out.push(lines[i]);
  }
  flush();
  return out.join('\n');
}

/**
 * Renders a Markdown document to an HTML fragment; returns it with the first heading's text (the title).
 *
 * @param {string} markdown
 * @returns {{ html: string, title: string }}
 */
export function renderMarkdown(markdown) {
  const lines = withoutComments(markdown.replace(/\r\n?/g, '\n')).split('\n');
  const out = [];
  const anchors = new Map();
  let title = '';
  let i = 0;

  /** Lines up to the next blank one that are not the start of another block. */
  const paragraph = () => {
    const text = [];
    while (i < lines.length && lines[i].trim() && !/^(#{1,6}\s|```|>|\s*([-*+]|\d+\.)\s|\|)/.test(lines[i])) text.push(lines[i++].trim());
    return text.join(' ');
  };

  /** A list starting at line i, whose items are indented by `indent`. */
  const list = (indent) => {
    const ordered = /^\s*\d+\./.test(lines[i]);
    const items = [];
    while (i < lines.length) {
      const match = /^(\s*)([-*+]|\d+\.)\s+(.*)$/.exec(lines[i]);
      if (!match || match[1].length !== indent) break;
      i += 1;
      let body = match[3];
      const nested = [];
      // Continuation lines and nested lists, until a blank line that does not lead to more of this item.
      while (i < lines.length) {
        const line = lines[i];
        const sub = /^(\s*)([-*+]|\d+\.)\s/.exec(line);
        if (sub && sub[1].length > indent) nested.push(list(sub[1].length));
        else if (line.trim() && !sub && /^\s/.test(line)) body += ` ${lines[i++].trim()}`;
        else if (line.trim() && !sub && !/^(#|```|>|\|)/.test(line) && !nested.length) body += ` ${lines[i++].trim()}`;
        else break;
      }
      items.push(`<li>${inline(body)}${nested.join('')}</li>`);
    }
    return ordered ? `<ol>${items.join('')}</ol>` : `<ul>${items.join('')}</ul>`;
  };

  while (i < lines.length) {
    const line = lines[i];
    if (!line.trim()) {
      i += 1;
    } else if (line.startsWith('```')) {
      // The info string's first word is the language; a second one is for the docs' tests (CONTRIBUTING.md).
      const [lang = ''] = line.slice(3).trim().split(/\s+/);
      const code = [];
      for (i += 1; i < lines.length && !lines[i].startsWith('```'); i += 1) code.push(lines[i]);
      i += 1;
      out.push(`<pre${lang ? ` data-lang="${escape(lang)}"` : ''}><code>${escape(code.join('\n'))}</code></pre>`);
    } else if (/^#{1,6}\s/.test(line)) {
      const [, hashes, text] = /^(#{1,6})\s+(.*?)\s*#*$/.exec(line);
      const base = slug(plain(text));
      const seen = anchors.get(base) ?? 0;
      anchors.set(base, seen + 1);
      const id = seen ? `${base}-${seen}` : base;
      title ||= plain(text);
      out.push(`<h${hashes.length} id="${id}"><a class="anchor" href="#${id}" aria-hidden="true">#</a>${inline(text)}</h${hashes.length}>`);
      i += 1;
    } else if (/^(-{3,}|\*{3,})\s*$/.test(line)) {
      out.push('<hr>');
      i += 1;
    } else if (line.startsWith('>')) {
      const quoted = [];
      while (i < lines.length && lines[i].startsWith('>')) quoted.push(lines[i++].replace(/^>\s?/, ''));
      out.push(`<blockquote>${renderMarkdown(quoted.join('\n')).html}</blockquote>`);
    } else if (line.startsWith('|') && /^\|?\s*:?-+/.test(lines[i + 1] ?? '')) {
      const head = cells(line);
      i += 2;
      const rows = [];
      while (i < lines.length && lines[i].startsWith('|')) rows.push(cells(lines[i++]));
      out.push(
        `<div class="table"><table><thead><tr>${head.map((c) => `<th>${c}</th>`).join('')}</tr></thead><tbody>${rows
          .map((row) => `<tr>${row.map((c) => `<td>${c}</td>`).join('')}</tr>`)
          .join('')}</tbody></table></div>`,
      );
    } else if (/^\s*([-*+]|\d+\.)\s/.test(line)) {
      out.push(list(/^\s*/.exec(line)[0].length));
    } else {
      out.push(`<p>${inline(paragraph() || lines[i++])}</p>`);
    }
  }
  return { html: out.join('\n'), title };
}
