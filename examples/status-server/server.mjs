// A local status server for the demo: plain node:http, no framework. It serves the scripted timeline of
// ./timeline.mjs as Statuspage v2 JSON and, read through the real parser, in the project's own protocol
// (docs/protocol.md): a native snapshot to poll and a stream that pushes each change. It only does HTTP: routing,
// CORS, ETag / 304, caching headers, the stream, hand-published updates and the step timer.
//
// Run alone: node examples/status-server/server.mjs   (env STATUS_PORT, default 8081; STEP_SECONDS, default 6)
// It needs the built core (`npm run build`); `npm start` builds first.

import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listen, send } from '../http.mjs';
import { DEFAULT_STEP_SECONDS, ENDPOINTS, PHASES, renderEndpoint, renderIncidentText, timelineState } from './timeline.mjs';

/** The port the status server asks for when none is given. */
export const DEFAULT_STATUS_PORT = 8081;

// Short enough that a polling banner sees each phase, and must-revalidate so a stale copy is never shown
// without asking; the ETag makes the revalidation a cheap 304.
const JSON_CACHE_CONTROL = 'public, max-age=1, must-revalidate';
const CORE_BUILD = new URL('../../packages/core/dist/index.js', import.meta.url);
const SUMMARY_PATH = '/api/v2/summary.json';
const NATIVE_PATH = '/api/native.json';
const STREAM_PATH = '/api/stream';
const PUBLISH_PATH = '/api/publish';
const PUBLISH_SEVERITIES = ['minor', 'major', 'critical', 'maintenance'];
// A published snapshot goes out as one event, and clients drop events over 256 KiB.
const MAX_PUBLISH_BYTES = 256 * 1024;

/**
 * @typedef {object} StatusServerOptions
 * @property {number} [port] Port to listen on (default 8081). 0 asks the OS for one; a taken port falls back to
 *   an OS-assigned one.
 * @property {string} [host] Interface to bind (default `127.0.0.1`).
 * @property {number} [stepSeconds] Seconds between phases (default 6).
 * @property {() => Date} [now] The clock that dates each step (default the system clock).
 * @property {boolean} [autoAdvance] Advance on a timer every `stepSeconds` (default true). Off, only
 *   `advance()` moves the timeline.
 * @property {(phase: string, state: import('./timeline.mjs').TimelineState) => void} [onPhase] Called after each
 *   change of phase, whether by the timer or by `advance()`.
 * @property {number} [heartbeatSeconds] Seconds between heartbeat comments on each open stream (default 15).
 * @property {boolean} [stream] Serve the event stream (default true). False answers `204 No Content` on the stream
 *   URL, which tells clients to poll instead.
 * @property {(action: 'published' | 'cleared' | 'resumed', snapshot: NativeSnapshot) => void} [onPublish] Called
 *   after each accepted `POST /api/publish`, with the snapshot now served.
 */

/**
 * A snapshot in the native protocol, as `GET /api/native.json` and every stream event carry it.
 * @typedef {object} NativeSnapshot
 * @property {'native'} provider
 * @property {number} version Goes up by one whenever the content changes, and only then.
 * @property {{ name?: string, url?: string }} page
 * @property {string} indicator
 * @property {object[]} notices As `parseStatus` returns them.
 * @property {object[]} components As `parseStatus` returns them.
 * @property {number} pollAfterSeconds
 * @property {number} staleAfterSeconds
 */

/**
 * @typedef {object} StatusServer
 * @property {string} url Base URL, e.g. `http://127.0.0.1:8081`; the Statuspage endpoints live under `/api/v2/`,
 *   the native ones under `/api/`.
 * @property {() => string} phase The current phase, one of `PHASES`.
 * @property {() => import('./timeline.mjs').TimelineState} state The current state of the page.
 * @property {() => NativeSnapshot} snapshot The native snapshot now served: the timeline's, or one published by hand.
 * @property {() => string} advance Moves to the next phase now (restarting the step timer), ending any update
 *   published by hand, and returns it.
 * @property {() => Promise<void>} close Stops the timer and the server, dropping open connections.
 */

/**
 * Starts the demo status server: a scripted timeline that advances on its own, served as Statuspage v2 JSON and
 * in the native protocol of docs/protocol.md.
 *
 * Every JSON answer carries `Access-Control-Allow-Origin: *`, a strong ETag (a hash of the body, answered with
 * 304 on a matching `If-None-Match`) and `Cache-Control: public, max-age=1, must-revalidate`. `GET /api/native.json`
 * is the timeline's summary read by `parseStatus`, with a `version` and the `pollAfterSeconds` and
 * `staleAfterSeconds` hints; `GET /api/stream` pushes the same snapshots as server-sent events. `POST /api/publish`
 * (loopback only) replaces the timeline's snapshot by hand until its next step. `GET /` is a plain-text index;
 * unknown paths get a JSON 404.
 *
 * @param {StatusServerOptions} [options]
 * @returns {Promise<StatusServer>} Resolves once the server is listening.
 * @throws {Error} When the core package is not built.
 *
 * @example
 * const status = await createStatusServer({ port: 0, autoAdvance: false });
 * await fetch(`${status.url}/api/v2/summary.json`); // phase 'operational'
 * status.advance(); // 'investigating', pushed to every open /api/stream
 * await status.close();
 */
export async function createStatusServer({
  port = DEFAULT_STATUS_PORT,
  host = '127.0.0.1',
  stepSeconds = DEFAULT_STEP_SECONDS,
  now = () => new Date(),
  autoAdvance = true,
  onPhase,
  heartbeatSeconds = 15,
  stream = true,
  onPublish,
} = {}) {
  if (!(stepSeconds > 0) || !Number.isFinite(stepSeconds)) throw new RangeError(`stepSeconds must be > 0, not ${stepSeconds}`);
  if (!(heartbeatSeconds > 0) || !Number.isFinite(heartbeatSeconds)) {
    throw new RangeError(`heartbeatSeconds must be > 0, not ${heartbeatSeconds}`);
  }
  const parseStatus = await loadParseStatus();
  const hints = { pollAfterSeconds: Math.max(1, stepSeconds), staleAfterSeconds: Math.max(60, 10 * stepSeconds) };

  let step = 0;
  let state;
  /** The timeline's summary as `parseStatus` reads it. */
  let timeline;
  /** A snapshot published by hand, shown instead of the timeline's until the next step. */
  let override;
  /** The native snapshot served, the stream event that carries it, and its content without version or hints. */
  let snapshot;
  let event;
  let content;
  // The first snapshot's version is the start time in ms, so a restarted server does not go back behind a
  // version its clients still show (they ignore lower ones).
  let version = now().getTime() - 1;
  /** Open event streams. */
  const streams = new Set();
  /** Rendered bodies of the current step, by path: rendering and hashing happen once per step. */
  let rendered = new Map();
  let timer;
  let closed = false;

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error) => {
      if (res.headersSent) res.destroy();
      else sendJson(req, res, 500, { error: 'internal_error', message: String(error?.message ?? error) }, 'no-store');
    });
  });
  const boundPort = await listen(server, port, host);
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${boundPort}`;

  /** Serves a parsed snapshot as the native one, with a new version and a push to every stream, if it is news. */
  const show = ({ page, indicator, notices, components }) => {
    const next = JSON.stringify({ page, indicator, notices, components });
    if (next === content) return;
    content = next;
    version += 1;
    snapshot = { provider: 'native', version, page, indicator, notices, components, ...hints };
    event = `event: snapshot\nid: ${version}\ndata: ${JSON.stringify(snapshot)}\n\n`;
    rendered.delete(NATIVE_PATH);
    for (const res of streams) res.write(event);
  };
  const rebuild = () => {
    state = timelineState(step, now(), { stepSeconds, pageUrl: url });
    rendered = new Map();
    timeline = parseStatus(renderEndpoint(state, SUMMARY_PATH), { provider: 'statuspage', now: new Date(state.at) });
    show(override ?? timeline);
  };
  const schedule = () => {
    clearTimeout(timer);
    if (!autoAdvance || closed) return;
    timer = setTimeout(advance, stepSeconds * 1000);
    // The listening server keeps the process alive; the timer alone should not.
    timer.unref();
  };
  function advance() {
    step += 1;
    override = undefined;
    rebuild();
    schedule();
    onPhase?.(state.phase, state);
    return state.phase;
  }
  rebuild();
  schedule();

  async function handle(req, res) {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Expose-Headers', 'ETag, Retry-After, Date');

    if (req.method === 'OPTIONS') {
      const streaming = pathname === STREAM_PATH;
      res.writeHead(204, {
        'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
        // A reconnecting stream sends Last-Event-ID, which is not CORS-safelisted. Elsewhere, echo what the
        // preflight asks for: a banner may send If-None-Match or Cache-Control.
        'Access-Control-Allow-Headers': streaming
          ? 'Last-Event-ID'
          : (req.headers['access-control-request-headers'] ?? 'If-None-Match'),
        // Every reconnect of every stream would pay for a preflight otherwise; browsers cap it lower anyway.
        'Access-Control-Max-Age': streaming ? '86400' : '600',
        'Content-Length': '0',
      });
      res.end();
      return;
    }
    if (pathname === PUBLISH_PATH) {
      if (req.method === 'POST') {
        await publish(req, res);
        return;
      }
      res.setHeader('Allow', 'POST');
      sendJson(req, res, 405, { error: 'method_not_allowed', message: `${PUBLISH_PATH} takes POST` }, 'no-store');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD, OPTIONS');
      sendJson(req, res, 405, { error: 'method_not_allowed', message: `${req.method} is not supported` }, 'no-store');
      return;
    }
    if (pathname === '/') {
      sendText(req, res, 200, indexText());
      return;
    }
    if (pathname === STREAM_PATH) {
      openStream(req, res);
      return;
    }
    const incidentId = /^\/incidents\/([a-z0-9]+)$/.exec(pathname)?.[1];
    const text = incidentId ? renderIncidentText(state, incidentId) : undefined;
    if (text !== undefined) {
      sendText(req, res, 200, text);
      return;
    }
    if (pathname !== NATIVE_PATH && !Object.hasOwn(ENDPOINTS, pathname)) {
      sendJson(req, res, 404, { error: 'not_found', message: `No endpoint at ${pathname}; GET / lists them` }, 'no-store');
      return;
    }

    let entry = rendered.get(pathname);
    if (!entry) {
      const value = pathname === NATIVE_PATH ? snapshot : renderEndpoint(state, pathname);
      const body = `${JSON.stringify(value, null, 2)}\n`;
      entry = { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
      rendered.set(pathname, entry);
    }
    res.setHeader('ETag', entry.etag);
    if (matchesEtag(req.headers['if-none-match'], entry.etag)) {
      res.writeHead(304, { 'Cache-Control': JSON_CACHE_CONTROL });
      res.end();
      return;
    }
    sendRaw(req, res, 200, entry.body, 'application/json; charset=utf-8', JSON_CACHE_CONTROL);
  }

  function openStream(req, res) {
    if (!stream) {
      res.writeHead(204, { 'Cache-Control': 'no-store' });
      res.end();
      return;
    }
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      // no-transform and X-Accel-Buffering keep proxies (nginx among them) from buffering or compressing events.
      'Cache-Control': 'no-cache, no-transform',
      'X-Accel-Buffering': 'no',
      'Access-Control-Expose-Headers': 'Retry-After, Date',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    // A random part per connection spreads reconnects out, so a restart does not bring every client back at once.
    res.write(`retry: ${2000 + Math.floor(Math.random() * 1001)}\n\n`);
    // A client that already shows this version missed nothing; it hears from us at the next change.
    if (req.headers['last-event-id'] !== String(version)) res.write(event);
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), heartbeatSeconds * 1000);
    streams.add(res);
    res.on('close', () => {
      clearInterval(heartbeat);
      streams.delete(res);
    });
  }

  async function publish(req, res) {
    const refuse = (status, error, message) => sendJson(req, res, status, { error, message }, 'no-store');
    // Browsers always send Origin on a POST: refusing it keeps any web page open on this machine from posting.
    if (!isLoopback(req.socket.remoteAddress) || req.headers.origin !== undefined) {
      refuse(403, 'forbidden', 'Publish from this machine with `npm run publish`, not from a web page');
      return;
    }
    const text = await readBody(req, MAX_PUBLISH_BYTES);
    if (text === undefined) {
      refuse(413, 'too_large', `A published update is at most ${MAX_PUBLISH_BYTES} bytes`);
      return;
    }
    let update;
    try {
      update = readUpdate(JSON.parse(text), parseStatus, timeline.page, now());
    } catch (error) {
      refuse(400, 'invalid_update', error.message);
      return;
    }
    override = update.snapshot;
    show(override ?? timeline);
    // A published update holds for one full step, long enough to watch, then the timeline goes on.
    if (override) schedule();
    onPublish?.(update.action, snapshot);
    sendJson(req, res, 200, snapshot, 'no-store');
  }

  function indexText() {
    const index = PHASES.indexOf(state.phase);
    const timing = autoAdvance ? `advances every ${stepSeconds} s` : 'paused (advanced by hand)';
    return [
      `${state.page.name} demo status page (Atlassian Statuspage API v2 format, and the native protocol)`,
      '',
      `phase    ${state.phase} (${index + 1} of ${PHASES.length}, step ${state.step}, since ${state.at})`,
      `status   ${state.status.indicator}: ${state.status.description}`,
      `native   version ${version}, ${snapshot.notices.length} notice(s)${override ? ', published by hand' : ''}`,
      `timeline ${PHASES.join(' -> ')}, then again; ${timing}`,
      '',
      'endpoints',
      ...Object.keys(ENDPOINTS).map((p) => `  ${url}${p}`),
      `  ${url}${NATIVE_PATH}`,
      `  ${url}${STREAM_PATH}${stream ? ' (server-sent events)' : ' (off: answers 204)'}`,
      `  POST ${url}${PUBLISH_PATH} (from this machine: npm run publish)`,
      '',
    ].join('\n');
  }

  return {
    url,
    phase: () => state.phase,
    state: () => state,
    snapshot: () => snapshot,
    advance,
    close() {
      closed = true;
      clearTimeout(timer);
      return new Promise((resolve, reject) => {
        if (!server.listening) {
          resolve();
          return;
        }
        server.close((error) => (error ? reject(error) : resolve()));
        // Browsers keep connections alive, and streams never end; without this close() waits for them.
        server.closeAllConnections();
      });
    },
  };
}

/** The real parser from the built core package. */
async function loadParseStatus() {
  if (!existsSync(fileURLToPath(CORE_BUILD))) {
    throw new Error('packages/core/dist is missing: run `npm run build` first (`npm start` does)');
  }
  return (await import(CORE_BUILD.href)).parseStatus;
}

/**
 * Reads a `POST /api/publish` body: a native snapshot (it has `notices`), the short form
 * `{ title, severity, message?, id? }`, `{ clear: true }` or `{ resume: true }`.
 *
 * @returns {{ action: 'published' | 'cleared' | 'resumed', snapshot?: object }} The snapshot to serve as
 *   `parseStatus` reads it; none for `resume`.
 * @throws {Error} With a message for the person who sent it.
 */
function readUpdate(body, parseStatus, page, at) {
  const parse = (payload) => parseStatus(payload, { provider: 'native', now: at });
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error('Send a JSON object');
  if (body.resume === true) return { action: 'resumed' };
  if (body.clear === true) return { action: 'cleared', snapshot: parse({ page, indicator: 'none', notices: [] }) };
  if ('notices' in body) return { action: 'published', snapshot: parse(body) };
  if (typeof body.title !== 'string') {
    throw new Error('Send a native snapshot (with notices), { title, severity }, { clear: true } or { resume: true }');
  }
  if (!PUBLISH_SEVERITIES.includes(body.severity)) {
    throw new Error(`severity must be one of ${PUBLISH_SEVERITIES.join(', ')}`);
  }
  const maintenance = body.severity === 'maintenance';
  const notice = {
    // The same title gets the same id, so publishing it again updates that notice instead of adding one.
    id: body.id ?? `manual-${createHash('sha1').update(body.title).digest('hex').slice(0, 12)}`,
    kind: maintenance ? 'maintenance' : 'incident',
    title: body.title,
    severity: body.severity,
    phase: maintenance ? 'in_progress' : 'investigating',
    message: body.message,
    updatedAt: at.toISOString(),
    startedAt: at.toISOString(),
  };
  const snapshot = parse({ page, indicator: body.severity, notices: [notice] });
  if (snapshot.notices.length === 0) throw new Error('title (and id, when given) must be non-empty text');
  return { action: 'published', snapshot };
}

function isLoopback(address = '') {
  return /^(::ffff:)?127\./.test(address) || address === '::1';
}

/** The body as text, or undefined when it is longer than `limit` bytes. */
async function readBody(req, limit) {
  const chunks = [];
  let size = 0;
  // Read to the end even past the limit, so the connection is left ready for its next request.
  for await (const chunk of req) {
    size += chunk.length;
    if (size <= limit) chunks.push(chunk);
  }
  return size <= limit ? Buffer.concat(chunks).toString('utf8') : undefined;
}

// RFC 9110 §13.1.2: If-None-Match uses the weak comparison, and `*` matches any current representation.
function matchesEtag(header, etag) {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const candidate = tag.trim().replace(/^W\//, '');
    return candidate === '*' || candidate === etag;
  });
}

function sendJson(req, res, status, value, cacheControl) {
  sendRaw(req, res, status, `${JSON.stringify(value, null, 2)}\n`, 'application/json; charset=utf-8', cacheControl);
}

function sendText(req, res, status, text) {
  sendRaw(req, res, status, text, 'text/plain; charset=utf-8', 'no-store');
}

function sendRaw(req, res, status, body, contentType, cacheControl) {
  send(req, res, status, contentType, body, { 'Cache-Control': cacheControl });
}

/**
 * Reads the standalone settings from the environment: `STATUS_PORT` and `STEP_SECONDS`.
 * @param {Record<string, string | undefined>} [env]
 * @returns {{ port: number, stepSeconds: number }}
 * @throws {Error} With a readable message when a value is not a number in range.
 */
export function statusOptionsFromEnv(env = process.env) {
  return {
    port: envNumber(env, 'STATUS_PORT', DEFAULT_STATUS_PORT, (n) => Number.isInteger(n) && n >= 0 && n < 65536),
    stepSeconds: envNumber(env, 'STEP_SECONDS', DEFAULT_STEP_SECONDS, (n) => n > 0 && Number.isFinite(n)),
  };
}

function envNumber(env, name, fallback, valid) {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!valid(value)) throw new Error(`${name}=${raw} is not valid`);
  return value;
}

async function main() {
  const options = statusOptionsFromEnv();
  const status = await createStatusServer({
    ...options,
    onPhase: (phase, state) => console.log(`${clock()}  ${phase.padEnd(24)} ${state.status.description}`),
    onPublish: (action, snapshot) => console.log(`${clock()}  ${action.padEnd(24)} ${headline(snapshot)}`),
  });
  const { stepSeconds } = options;
  // scripts/publish.mjs finds the server on port 8081 unless told otherwise.
  const publishUrl = new URL(status.url).port === '8081' ? '' : ` --url ${status.url}`;
  console.log(`status server ${status.url}/api/v2/summary.json (timeline advances every ${stepSeconds} s)`);
  console.log(`stream        ${status.url}/api/stream`);
  console.log(`publish       node scripts/publish.mjs "Something broke" --severity major${publishUrl}`);
  console.log(`${clock()}  ${status.phase().padEnd(24)} ${status.state().status.description}`);
  const stop = () => status.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function headline(snapshot) {
  return snapshot.notices.map((notice) => `${notice.severity}: ${notice.title}`).join('; ') || 'all clear';
}

function clock() {
  return new Date().toTimeString().slice(0, 8);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error.message);
    process.exitCode = 1;
  });
}
