// The demo's status page: the scripted timeline of ./timeline.mjs served as Statuspage v2 JSON, as a hosted
// status page serves it, with a Statuspage-style webhook sent at each change of phase. `npm start` puts the relay
// (packages/relay) in front of it: the relay watches this page, takes the webhooks as pokes, and streams the page
// to every banner. Plain node:http, no framework: routing, CORS, ETag / 304, caching headers, the step timer and
// the webhooks.
//
// Run alone: node examples/status-server/server.mjs   (env TIMELINE_PORT, default 8082; STEP_SECONDS, default 6)

import { createHash } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listen, send } from '../http.mjs';
import { DEFAULT_STEP_SECONDS, ENDPOINTS, PHASES, renderEndpoint, renderIncidentText, timelineState } from './timeline.mjs';

/** The port the timeline asks for when none is given. */
export const DEFAULT_TIMELINE_PORT = 8082;

// Short enough that a watcher sees each phase, and must-revalidate so a stale copy is never shown without
// asking; the ETag makes the revalidation a cheap 304.
const JSON_CACHE_CONTROL = 'public, max-age=1, must-revalidate';

/**
 * @typedef {object} StatusServerOptions
 * @property {number} [port] Port to listen on (default 8082). 0 asks the OS for one; a taken port falls back to
 *   an OS-assigned one.
 * @property {string} [host] Interface to bind (default `127.0.0.1`).
 * @property {number} [stepSeconds] Seconds between phases (default 6).
 * @property {() => Date} [now] The clock that dates each step (default the system clock).
 * @property {boolean} [autoAdvance] Advance on a timer every `stepSeconds` (default true). Off, only
 *   `advance()` moves the timeline.
 * @property {(phase: string, state: import('./timeline.mjs').TimelineState) => void} [onPhase] Called after each
 *   change of phase, whether by the timer or by `advance()`.
 * @property {string[]} [webhooks] URLs to POST a Statuspage-style webhook to after each change of phase (the
 *   relay's `/hooks/statuspage/<secret>`). Sent without waiting; a failure is ignored, as a provider's retry
 *   would be.
 */

/**
 * @typedef {object} StatusServer
 * @property {string} url Base URL, e.g. `http://127.0.0.1:8082`; the endpoints live under `/api/v2/`.
 * @property {string} summaryUrl The summary endpoint, what a relay watches.
 * @property {() => string} phase The current phase, one of `PHASES`.
 * @property {() => import('./timeline.mjs').TimelineState} state The current state of the page.
 * @property {() => string} advance Moves to the next phase now (restarting the step timer) and returns it.
 * @property {(url: string) => void} addWebhook Sends the webhook of every later change to `url` too.
 * @property {() => Promise<void>} close Stops the timer and the server, dropping open connections.
 */

/**
 * Starts the demo status page: a scripted timeline that advances on its own, served as Statuspage v2 JSON.
 *
 * Every JSON answer carries `Access-Control-Allow-Origin: *`, a strong ETag (a hash of the body, answered with
 * 304 on a matching `If-None-Match`) and `Cache-Control: public, max-age=1, must-revalidate`. `GET /` is a
 * plain-text index; `GET /incidents/<id>` a plain-text page of one incident (what its shortlink opens); unknown
 * paths get a JSON 404.
 *
 * @param {StatusServerOptions} [options]
 * @returns {Promise<StatusServer>} Resolves once the server is listening.
 *
 * @example
 * const status = await createStatusServer({ port: 0, autoAdvance: false });
 * await fetch(status.summaryUrl); // phase 'operational'
 * status.advance(); // 'investigating'
 * await status.close();
 */
export async function createStatusServer({
  port = DEFAULT_TIMELINE_PORT,
  host = '127.0.0.1',
  stepSeconds = DEFAULT_STEP_SECONDS,
  now = () => new Date(),
  autoAdvance = true,
  onPhase,
  webhooks = [],
} = {}) {
  if (!(stepSeconds > 0) || !Number.isFinite(stepSeconds)) throw new RangeError(`stepSeconds must be > 0, not ${stepSeconds}`);
  const hooks = [...webhooks];
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
      if (res.headersSent) res.destroy();
      else sendJson(req, res, 500, { error: 'internal_error', message: String(error?.message ?? error) }, 'no-store');
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
    notify();
    onPhase?.(state.phase, state);
    return state.phase;
  }
  rebuild();
  schedule();

  /** A webhook as Statuspage sends one: no type field, the incident (if any) and the page's indicator. */
  function notify() {
    if (!hooks.length) return;
    const summary = renderEndpoint(state, '/api/v2/summary.json');
    const incident = state.incidents[0];
    const body = JSON.stringify({
      meta: { unsubscribe: `${url}/unsubscribe`, documentation: 'https://doers.statuspage.io/customer-notifications/webhooks/' },
      page: { id: state.page.id, status_indicator: summary.status.indicator, status_description: summary.status.description },
      ...(incident && { incident }),
    });
    for (const target of hooks) {
      fetch(target, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body }).then(
        (res) => res.body?.cancel(),
        () => {},
      );
    }
  }

  function handle(req, res) {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Expose-Headers', 'ETag, Retry-After, Date');

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
      `webhooks ${hooks.length ? `${hooks.length} subscriber(s)` : 'none'}`,
      '',
      'endpoints',
      ...Object.keys(ENDPOINTS).map((p) => `  ${url}${p}`),
      '',
    ].join('\n');
  }

  return {
    url,
    summaryUrl: `${url}/api/v2/summary.json`,
    phase: () => state.phase,
    state: () => state,
    advance,
    addWebhook: (target) => hooks.push(target),
    close() {
      closed = true;
      clearTimeout(timer);
      return new Promise((resolve, reject) => {
        if (!server.listening) {
          resolve();
          return;
        }
        server.close((error) => (error ? reject(error) : resolve()));
        // Browsers keep connections alive; without this close() waits for them.
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
  send(req, res, status, contentType, body, { 'Cache-Control': cacheControl });
}

/**
 * Reads the standalone settings from the environment: `TIMELINE_PORT` and `STEP_SECONDS`.
 * @param {Record<string, string | undefined>} [env]
 * @returns {{ port: number, stepSeconds: number }}
 * @throws {Error} With a readable message when a value is not a number in range.
 */
export function statusOptionsFromEnv(env = process.env) {
  return {
    port: envNumber(env, 'TIMELINE_PORT', DEFAULT_TIMELINE_PORT, (n) => Number.isInteger(n) && n >= 0 && n < 65536),
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
  console.log(`status page ${status.summaryUrl} (timeline advances every ${options.stepSeconds} s)`);
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
