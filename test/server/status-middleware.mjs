// A status server for the browser tests, mounted in web-test-runner's dev server. Real HTTP, real faults:
// tests configure named endpoints over HTTP and the browser fetches them like any status page.
//
//   GET  /__fixtures/<path>        a fixture file: real/… (real captures) or docs/… (written from vendor docs)
//   PUT  /__status/<name>          configure endpoint <name> (JSON body, see `EndpointConfig` in helpers)
//   GET  /__status/<name>          answer as configured, and log the request
//   GET  /__status/<name>/log      the requests it saw: [{ at, headers, closedAt? }]; with ?count=N, once it
//                                  has seen N; with ?closed=I, once the I-th (from 0) has closed (a test on a
//                                  virtual clock waits for what the server sees, not for time)
//   POST /__status/<name>/push     write the body, as is, to every stream of <name> still open
//   GET  /__status/<name>/open     how many of its streams are open now, and the most ever open at once; with
//                                  ?open=N, once exactly N are open
//   DELETE /__status/<name>        forget it
//   PUT  /__site/<name>            configure a status page's site: { routes: { "<path>[?query]": step | [steps] },
//                                  missing?: <status> } (what unrouted paths answer instead of the HTML page)
//   GET  /__site/<name>/<path>     the route's step (a path with a query matches that query only, a path without
//                                  one any query), else an HTML 200, as a status page's own site or an unclaimed
//                                  host answers; every request is logged
//   GET  /__site-log/<name>        the requests it saw: [{ at, path, headers }]; with ?count=N, once it has seen N
//   GET  /__lonely/<file>          the built script-tag file (status-banner.min.js) or the self-contained one
//                                  (status-banner.standalone.min.js) alone: the chunks the first loads from
//                                  beside itself answer 404 here, as on a CDN where only that file was uploaded
//
// A step with `sse` answers as an event stream and plays that script: { raw } writes text, { hex } writes
// bytes (to split a character across chunks), { wait } pauses (ms), { close: true } ends the response,
// { destroy: true } drops the connection without ending it. After the script the stream stays open.

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../..');
const fixturesDir = path.join(repoRoot, 'test/fixtures');

const endpoints = new Map();

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

function safeJoin(dir, rel) {
  const file = path.resolve(dir, rel);
  return file.startsWith(dir + path.sep) ? file : undefined;
}

async function fixtureBody(ref) {
  const file = safeJoin(fixturesDir, ref);
  if (!file) throw new Error(`bad fixture reference ${ref}`);
  return readFile(file, 'utf8');
}

async function answer(ctx, name) {
  const endpoint = endpoints.get(name);
  if (!endpoint) {
    ctx.status = 404;
    ctx.body = 'no such test endpoint';
    return;
  }
  const entry = { at: Date.now(), headers: { ...ctx.request.headers } };
  endpoint.log.push(entry);
  changed(endpoint);
  // A script of responses, one per request, the last one repeating.
  const step = endpoint.steps[Math.min(endpoint.log.length - 1, endpoint.steps.length - 1)];
  if (step.hang) {
    // Never answer; the client must time out on its own.
    ctx.respond = false;
    return;
  }
  if (step.sse && (step.status ?? 200) === 200) return stream(ctx, endpoint, step, entry);
  await send(ctx, step);
}

/** Answers one non-streaming step: status, headers, CORS, body, and an ETag when asked. */
async function send(ctx, step) {
  const body = step.fixture ? await fixtureBody(step.fixture) : typeof step.body === 'string' ? step.body : JSON.stringify(step.body ?? null);
  if (step.cors !== false) ctx.set('Access-Control-Allow-Origin', '*');
  for (const [key, value] of Object.entries(step.headers ?? {})) ctx.set(key, value);
  if (!step.headers?.['Content-Type']) ctx.set('Content-Type', 'application/json; charset=utf-8');
  const status = step.status ?? 200;
  if (step.etag && status === 200) {
    const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
    ctx.set('ETag', etag);
    ctx.set('Cache-Control', step.cacheControl ?? 'no-cache');
    if (ctx.request.headers['if-none-match'] === etag) {
      ctx.status = 304;
      return;
    }
  } else {
    ctx.set('Cache-Control', step.cacheControl ?? 'no-store');
  }
  ctx.status = status;
  ctx.body = status === 204 || status === 304 ? null : body;
}

const sites = new Map();
const UNCLAIMED = '<!DOCTYPE html><html><head><title>Status</title></head><body><div id="app">Loading…</div></body></html>';

/**
 * Writes a site's answer to the raw response: the dev server would otherwise mark a path that ends in `.json` as
 * a static file and cache it for a year, and a status page's `summary.json` must be asked again on every poll.
 */
function raw(ctx, status, headers, body) {
  ctx.respond = false;
  ctx.res.writeHead(status, { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-store', ...headers });
  ctx.res.end(body);
}

/** A request below `/__site/<name>/`: the route it matches, or the site's HTML page (or its `missing` status). */
async function site(ctx, name, rest, search) {
  const config = sites.get(name);
  if (!config) {
    ctx.status = 404;
    return;
  }
  const path = `/${rest}`;
  config.log.push({ at: Date.now(), path: path + search, headers: { ...ctx.request.headers } });
  changed(config);
  const key = Object.hasOwn(config.routes, path + search) ? path + search : Object.hasOwn(config.routes, path) ? path : undefined;
  if (key === undefined) {
    if (config.missing) return raw(ctx, config.missing, { 'Content-Type': 'text/plain' }, 'not found');
    return raw(ctx, 200, { 'Content-Type': 'text/html; charset=utf-8' }, UNCLAIMED);
  }
  const steps = [].concat(config.routes[key]);
  const count = (config.counts[key] = (config.counts[key] ?? 0) + 1);
  const step = steps[Math.min(count - 1, steps.length - 1)];
  const body = step.fixture ? await fixtureBody(step.fixture) : typeof step.body === 'string' ? step.body : JSON.stringify(step.body ?? null);
  const status = step.status ?? 200;
  raw(ctx, status, { 'Content-Type': 'application/json; charset=utf-8', ...step.headers }, status === 204 ? undefined : body);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves once `holds()` is true of the endpoint: at once, or at the change that makes it so. */
function whenever(endpoint, holds) {
  if (!endpoint || holds()) return undefined;
  return new Promise((resolve) => (endpoint.waiting ??= []).push({ holds, resolve }));
}

/** Something the tests may be waiting for happened: a request, a stream opened or closed. */
function changed(endpoint) {
  endpoint.waiting = endpoint.waiting?.filter((waiter) => !waiter.holds() || void waiter.resolve());
}

/** Plays an `sse` script on the raw response (Koa would buffer it), then holds the stream open for pushes. */
async function stream(ctx, endpoint, step, entry) {
  ctx.respond = false;
  const res = ctx.res;
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-transform',
    ...(step.cors !== false && { 'Access-Control-Allow-Origin': '*' }),
    ...step.headers,
  });
  res.flushHeaders();
  endpoint.open.add(res);
  endpoint.maxOpen = Math.max(endpoint.maxOpen, endpoint.open.size);
  changed(endpoint);
  res.on('close', () => {
    endpoint.open.delete(res);
    entry.closedAt = Date.now();
    changed(endpoint);
  });
  for (const action of step.sse) {
    if (res.destroyed || res.writableEnded) return;
    if (action.wait) await sleep(action.wait);
    if (action.raw !== undefined) res.write(action.raw);
    if (action.hex !== undefined) res.write(Buffer.from(action.hex, 'hex'));
    if (action.close) return res.end();
    if (action.destroy) return res.destroy();
  }
}

/** Koa middleware for @web/dev-server. */
export async function statusMiddleware(ctx, next) {
  const url = new URL(ctx.url, 'http://localhost');
  if (url.pathname.startsWith('/__lonely/')) {
    const file = url.pathname.slice('/__lonely/'.length);
    if (file === 'status-banner.min.js' || file === 'status-banner.standalone.min.js') {
      ctx.body = await readFile(path.join(repoRoot, 'packages/element/dist', file), 'utf8');
      ctx.type = 'application/javascript';
    } else {
      ctx.status = 404;
    }
    return;
  }
  if (url.pathname.startsWith('/__site/')) {
    const [name, ...rest] = url.pathname.slice('/__site/'.length).split('/');
    if (ctx.method === 'PUT' && !rest.length) {
      const config = JSON.parse(await readBody(ctx.req));
      sites.set(name, { routes: config.routes ?? {}, missing: config.missing, counts: {}, log: [] });
      ctx.status = 204;
    } else if (ctx.method === 'DELETE' && !rest.length) {
      sites.delete(name);
      ctx.status = 204;
    } else {
      await site(ctx, name, rest.join('/'), url.search);
    }
    return;
  }
  if (url.pathname.startsWith('/__site-log/')) {
    const config = sites.get(url.pathname.slice('/__site-log/'.length));
    const count = Number(url.searchParams.get('count')) || 0;
    await whenever(config, () => config.log.length >= count);
    ctx.body = config?.log ?? [];
    return;
  }
  if (url.pathname.startsWith('/__fixtures/')) {
    try {
      ctx.body = await fixtureBody(decodeURIComponent(url.pathname.slice('/__fixtures/'.length)));
      ctx.type = 'application/json';
    } catch {
      ctx.status = 404;
    }
    return;
  }
  if (!url.pathname.startsWith('/__status/')) return next();
  const [name, sub] = url.pathname.slice('/__status/'.length).split('/');
  if (ctx.method === 'PUT') {
    const config = JSON.parse(await readBody(ctx.req));
    const previous = endpoints.get(name);
    endpoints.set(name, { steps: Array.isArray(config.steps) ? config.steps : [config], log: [], open: previous?.open ?? new Set(), maxOpen: 0 });
    ctx.status = 204;
  } else if (ctx.method === 'DELETE') {
    endpoints.delete(name);
    ctx.status = 204;
  } else if (sub === 'log') {
    const endpoint = endpoints.get(name);
    const count = Number(url.searchParams.get('count')) || 0;
    const closed = url.searchParams.get('closed');
    await whenever(endpoint, () => endpoint.log.length >= count && (closed === null || !!endpoint.log[+closed]?.closedAt));
    ctx.body = endpoints.get(name)?.log ?? [];
  } else if (sub === 'push') {
    const text = await readBody(ctx.req);
    for (const res of endpoints.get(name)?.open ?? []) res.write(text);
    ctx.body = { streams: endpoints.get(name)?.open.size ?? 0 };
  } else if (sub === 'open') {
    // With ?open=N, once exactly N streams are open.
    const open = url.searchParams.get('open');
    const endpoint = endpoints.get(name);
    await whenever(endpoint, () => open === null || endpoint.open.size === +open);
    ctx.body = { open: endpoints.get(name)?.open.size ?? 0, max: endpoints.get(name)?.maxOpen ?? 0 };
  } else if (ctx.method === 'OPTIONS') {
    ctx.set('Access-Control-Allow-Origin', '*');
    ctx.set('Access-Control-Allow-Headers', 'Last-Event-ID');
    ctx.status = 204;
  } else if (sub !== undefined && sub !== '') {
    // A path below an endpoint is not that endpoint: discovery must not see it answer (or count it).
    ctx.status = 404;
  } else {
    await answer(ctx, name);
  }
}
