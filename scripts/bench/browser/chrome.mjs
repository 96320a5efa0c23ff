// The lab's Chromium (the system one, driven by puppeteer-core over the DevTools protocol) and what the lab reads
// from it: the network log, Chrome's trace of the page's main thread, and its heap.

import puppeteer from 'puppeteer-core';

export const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/** Launches Chromium; `args` are added to the usual flags. */
export function launch(args = []) {
  return puppeteer.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', ...args],
  });
}

/**
 * A new page of a fresh browser context (cold HTTP cache and storage), or of `context`, with its DevTools
 * session: `cpu` throttles its main thread that many times, `latency` adds that many ms to every request's
 * round trip. `network: false` leaves the network domain off (and `log` empty): while on, DevTools keeps every
 * response's data in the page's renderer, which a heap measurement would count.
 */
export async function openPage(browser, { context, cpu = 1, latency = 0, network = true } = {}) {
  const owner = context ?? (await browser.createBrowserContext());
  const page = await owner.newPage();
  const cdp = await page.createCDPSession();
  if (network || latency) await cdp.send('Network.enable');
  if (cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  if (latency) {
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency, downloadThroughput: -1, uploadThroughput: -1 });
  }
  return { page, cdp, context: owner, log: networkLog(cdp) };
}

/**
 * Every response the page receives: its URL, when it finished (ms, the protocol's monotonic clock) and the
 * bytes of its body on the wire (compressed), which is the whole transfer less the header bytes; `failed` for
 * one the page cancelled.
 */
export function networkLog(cdp) {
  const open = new Map();
  const done = [];
  cdp.on('Network.requestWillBeSent', ({ requestId, request }) => {
    if (/^https?:/.test(request.url)) open.set(requestId, { url: request.url, headerBytes: 0 });
  });
  cdp.on('Network.responseReceived', ({ requestId, response }) => {
    const entry = open.get(requestId);
    if (!entry) return;
    entry.headerBytes = response.encodedDataLength;
    const length = Object.entries(response.headers).find(([name]) => name.toLowerCase() === 'content-length')?.[1];
    if (length !== undefined) entry.length = Number(length);
  });
  cdp.on('Network.dataReceived', ({ requestId, encodedDataLength }) => {
    const entry = open.get(requestId);
    if (entry) entry.bodyBytes = (entry.bodyBytes ?? 0) + encodedDataLength;
  });
  // A response cancelled after its bytes arrived (net::ERR_ABORTED) still cost them. Chromium reports one now and
  // then for a fetch whose body the page read to the end (the client had the whole answer, no byte was counted
  // here): its Content-Length, all the lab's origins send, is then what it cost.
  cdp.on('Network.loadingFailed', ({ requestId, timestamp, errorText }) => {
    const entry = open.get(requestId);
    open.delete(requestId);
    const bytes = entry?.bodyBytes || entry?.length;
    if (bytes) done.push({ url: entry.url, bytes, finished: timestamp * 1000, failed: errorText });
  });
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength, timestamp }) => {
    const entry = open.get(requestId);
    if (!entry) return;
    open.delete(requestId);
    done.push({ url: entry.url, bytes: encodedDataLength - entry.headerBytes, finished: timestamp * 1000 });
  });
  return {
    entries: done,
    /** Body bytes of the responses whose URL passes `test`. */
    bytes: (test) => done.filter((entry) => test(entry.url)).reduce((sum, entry) => sum + entry.bytes, 0),
    /** Requests sent but not yet finished (a stream stays here while open). */
    pending: () => open.size,
  };
}

/** The built files of the banner, by URL. */
export const isBannerFile = (url) => /\/status-banner\.[\w.-]+\.js(\?|$)/.test(url);

/** Resolves once `log` has had no response in flight, and none new, for `quietMs`. */
export async function networkQuiet(log, quietMs, timeout = 20_000) {
  const start = Date.now();
  let seen = -1;
  let since = Date.now();
  for (;;) {
    const count = log.entries.length;
    if (count !== seen || log.pending()) {
      seen = count;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) return;
    if (Date.now() - start > timeout) throw new Error(`the network did not go quiet in ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Resolves with `check()`'s value once truthy, polling every 25 ms; fails after `timeout` ms naming `what`. */
export async function until(check, timeout, what) {
  const start = Date.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() - start > timeout) throw new Error(`waited ${timeout} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The JS heap in use after a full garbage collection, in bytes. */
export async function heapAfterGc(cdp) {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

/** The kinds of heap snapshot node that hold what the page's scripts keep. */
const DATA = new Set(['object', 'closure', 'array', 'string', 'concatenated string', 'sliced string', 'number', 'bigint', 'symbol', 'regexp', 'object shape']);

/**
 * The JS heap, from a heap snapshot (which collects garbage first), by what holds it: `code`, the compiled code
 * the engine keeps for the functions that ran (its optimizing tiers grow it while a page warms up, then it levels
 * off), and `data`, everything the page's scripts keep (objects, arrays, strings, numbers, closures and their
 * shapes). Bytes.
 */
export async function heapByKind(cdp) {
  const chunks = [];
  const collect = ({ chunk }) => chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', collect);
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', collect);
  }
  const { snapshot, nodes } = JSON.parse(chunks.join(''));
  const fields = snapshot.meta.node_fields;
  const types = snapshot.meta.node_types[0];
  const [type, size] = [fields.indexOf('type'), fields.indexOf('self_size')];
  const kinds = { code: 0, data: 0 };
  for (let i = 0; i < nodes.length; i += fields.length) {
    const kind = types[nodes[i + type]];
    if (kind === 'code') kinds.code += nodes[i + size];
    else if (DATA.has(kind)) kinds.data += nodes[i + size];
  }
  return kinds;
}

/** The median of `values`. */
export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
