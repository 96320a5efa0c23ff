// A local Statuspage v2 server for the demo: plain node:http, no framework. It serves the scripted timeline of
// ./timeline.mjs and only does HTTP: routing, CORS, ETag / 304, caching headers and the step timer.
//
// Run alone: node examples/status-server/server.mjs   (env STATUS_PORT, default 8081; STEP_SECONDS, default 6)

import { createHash } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_STEP_SECONDS, ENDPOINTS, PHASES, renderEndpoint, renderIncidentText, timelineState } from './timeline.mjs';

/** The port the status server asks for when none is given. */
export const DEFAULT_STATUS_PORT = 8081;

// Short enough that a polling banner sees each phase, and must-revalidate so a stale copy is never shown
// without asking; the ETag makes the revalidation a cheap 304.
const JSON_CACHE_CONTROL = 'public, max-age=1, must-revalidate';

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
 */

/**
 * @typedef {object} StatusServer
 * @property {string} url Base URL, e.g. `http://127.0.0.1:8081`; endpoints live under `/api/v2/`.
 * @property {() => string} phase The current phase, one of `PHASES`.
 * @property {() => import('./timeline.mjs').TimelineState} state The current state of the page.
 * @property {() => string} advance Moves to the next phase now (restarting the step timer) and returns it.
 * @property {() => Promise<void>} close Stops the timer and the server, dropping open connections.
 */

/**
 * Starts the demo status server: Statuspage v2 JSON for a scripted timeline that advances on its own.
 *
 * Every JSON answer carries `Access-Control-Allow-Origin: *`, a strong ETag (a hash of the body, answered with
 * 304 on a matching `If-None-Match`) and `Cache-Control: public, max-age=1, must-revalidate`. `GET /` is a
 * plain-text index; unknown paths get a JSON 404.
 *
 * @param {StatusServerOptions} [options]
 * @returns {Promise<StatusServer>} Resolves once the server is listening.
 *
 * @example
 * const status = await createStatusServer({ port: 0, autoAdvance: false });
 * await fetch(`${status.url}/api/v2/summary.json`); // phase 'operational'
 * status.advance(); // 'investigating'
 * await status.close();
 */
export async function createStatusServer({
  port = DEFAULT_STATUS_PORT,
  host = '127.0.0.1',
  stepSeconds = DEFAULT_STEP_SECONDS,
  now = () => new Date(),
  autoAdvance = true,
  onPhase,
} = {}) {
  if (!(stepSeconds > 0) || !Number.isFinite(stepSeconds)) throw new RangeError(`stepSeconds must be > 0, not ${stepSeconds}`);

  let step = 0;
  let state;
  /** Rendered bodies of the current step, by path: rendering and hashing happen once per step. */
  let rendered = new Map();
  let timer;
  let closed = false;

  const server = http.createServer((req, res) => {
    try {
      handle(req, res);
    } catch (error) {
      sendJson(req, res, 500, { error: 'internal_error', message: String(error?.message ?? error) }, 'no-store');
    }
  });
  const boundPort = await listen(server, port, host);
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${boundPort}`;

  const rebuild = () => {
    state = timelineState(step, now(), { stepSeconds, pageUrl: url });
    rendered = new Map();
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
    rebuild();
    schedule();
    onPhase?.(state.phase, state);
    return state.phase;
  }
  rebuild();
  schedule();

  function handle(req, res) {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Expose-Headers', 'ETag, Retry-After');

    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
        // Echo what the preflight asks for: a banner may send If-None-Match or Cache-Control.
        'Access-Control-Allow-Headers': req.headers['access-control-request-headers'] ?? 'If-None-Match',
        'Access-Control-Max-Age': '600',
        'Content-Length': '0',
      });
      res.end();
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
    const incidentId = /^\/incidents\/([a-z0-9]+)$/.exec(pathname)?.[1];
    const text = incidentId ? renderIncidentText(state, incidentId) : undefined;
    if (text !== undefined) {
      sendText(req, res, 200, text);
      return;
    }
    if (!Object.hasOwn(ENDPOINTS, pathname)) {
      sendJson(req, res, 404, { error: 'not_found', message: `No endpoint at ${pathname}; GET / lists them` }, 'no-store');
      return;
    }

    let entry = rendered.get(pathname);
    if (!entry) {
      const body = `${JSON.stringify(renderEndpoint(state, pathname), null, 2)}\n`;
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

  function indexText() {
    const index = PHASES.indexOf(state.phase);
    const timing = autoAdvance ? `advances every ${stepSeconds} s` : 'paused (advanced by hand)';
    return [
      `${state.page.name} demo status page (Atlassian Statuspage API v2 format)`,
      '',
      `phase    ${state.phase} (${index + 1} of ${PHASES.length}, step ${state.step}, since ${state.at})`,
      `status   ${state.status.indicator}: ${state.status.description}`,
      `timeline ${PHASES.join(' -> ')}, then again; ${timing}`,
      '',
      'endpoints',
      ...Object.keys(ENDPOINTS).map((p) => `  ${url}${p}`),
      '',
    ].join('\n');
  }

  return {
    url,
    phase: () => state.phase,
    state: () => state,
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
        // Browsers keep connections alive; without this close() waits for them to time out.
        server.closeAllConnections();
      });
    },
  };
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
  const bytes = Buffer.from(body, 'utf8');
  res.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': String(bytes.length),
    'Cache-Control': cacheControl,
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(req.method === 'HEAD' ? undefined : bytes);
}

/**
 * Listens on `port`, or on an OS-assigned port when that one is taken.
 * @returns {Promise<number>} The bound port.
 */
function listen(server, port, host) {
  return new Promise((resolve, reject) => {
    const onError = (error) => {
      if (error.code === 'EADDRINUSE' && port !== 0) {
        port = 0;
        server.listen(0, host);
        return;
      }
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve(server.address().port);
    };
    server.on('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
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
  });
  const { stepSeconds } = options;
  console.log(`status server ${status.url}/api/v2/summary.json (timeline advances every ${stepSeconds} s)`);
  console.log(`${clock()}  ${status.phase().padEnd(24)} ${status.state().status.description}`);
  const stop = () => status.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
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
