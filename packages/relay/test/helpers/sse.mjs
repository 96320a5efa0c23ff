// Reads an event stream item by item: `{ retry }`, `{ comment }`, `{ event, id, data }` (data parsed as JSON)
// and `{ end: true }` when the server closes it.

import { within } from './wait.mjs';

/** Opens `url` as an event stream; aborted when `t` ends. */
export async function openStream(t, url, headers = {}) {
  const abort = new AbortController();
  t?.after(() => abort.abort());
  const res = await fetch(url, { headers: { Accept: 'text/event-stream', ...headers }, signal: abort.signal });
  const reader = res.body?.getReader();
  const decoder = new TextDecoder();
  const items = [];
  let buffer = '';
  let fields = {};
  let ended = false;

  function readLine(line) {
    if (line === '') {
      if (fields.data !== undefined) items.push({ event: fields.event ?? 'message', id: fields.id, data: JSON.parse(fields.data) });
      fields = {};
      return;
    }
    if (line.startsWith(':')) {
      items.push({ comment: line.slice(1).trim() });
      return;
    }
    const colon = line.indexOf(':');
    const name = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (name === 'retry') items.push({ retry: Number(value) });
    else fields[name] = value;
  }

  /** The next item, within `ms`. */
  async function next(ms = 3000) {
    while (items.length === 0) {
      const newline = buffer.indexOf('\n');
      if (newline !== -1) {
        readLine(buffer.slice(0, newline));
        buffer = buffer.slice(newline + 1);
        continue;
      }
      if (ended) return { end: true };
      // A connection cut (a killed server) ends the stream as a clean close does; a silence past `ms` fails.
      const chunk = await within(reader.read().catch(() => ({ done: true })), ms, `reading ${url}`);
      if (chunk.done) {
        ended = true;
        continue;
      }
      buffer += decoder.decode(chunk.value, { stream: true });
    }
    return items.shift();
  }

  /** The next event, skipping heartbeats and retry fields. */
  async function nextEvent(ms) {
    for (;;) {
      const item = await next(ms);
      if (item.event || item.end) return item;
    }
  }

  return { res, next, nextEvent, close: () => abort.abort() };
}
