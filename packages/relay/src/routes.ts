// The relay's HTTP surface. Public and cacheable: the snapshot URL and the stream (docs/protocol.md), health and
// metrics. Authenticated: the notices API and the console's helpers (notice-routes.ts). Secret-pathed: the webhooks.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Authenticator, Principal } from './auth.js';
import type { Clock } from './clock.js';
import type { ConsoleAssets } from './console/assets.js';
import { RelayError } from './errors.js';
import { matchesEtag, readBody, sendError, sendJson, sendText } from './http-util.js';
import type { Hub } from './hub.js';
import type { Metrics } from './metrics.js';
import { createNoticeRoutes } from './notice-routes.js';
import type { PublishedSnapshot, SnapshotSettings } from './snapshot.js';
import type { RelayStore } from './store.js';
import type { UpstreamWatcher } from './upstream-watcher.js';
import { judgeWebhook, type HookSecret } from './webhooks.js';

/** What the routes work with. */
export interface RouteContext {
  store: RelayStore;
  hub: Hub;
  auth: Authenticator;
  metrics: Metrics;
  clock: Clock;
  random: () => number;
  settings: SnapshotSettings;
  published(): PublishedSnapshot;
  draining(): boolean;
  ready(): { ok: boolean; reason: string };
  status(): Record<string, unknown>;
  upstream?: { url: string; watcher: UpstreamWatcher };
  hooks: { secrets: HookSecret[]; instatusSigningSecret?: string };
  console?: ConsoleAssets;
  stream: boolean;
  maxConnections: number;
  maxNotices: number;
  cacheMaxAgeSeconds: number;
  trustProxy: boolean;
  log(level: 'info' | 'warn' | 'error', message: string): void;
}

const CORS = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'ETag, Retry-After, Date' };
const HOOK_LIMIT = 1024 * 1024;
// Failed sign-ins allowed per address and minute before it is told to wait.
const AUTH_FAILURES_PER_MINUTE = 20;

/** The request handler. */
export function createRoutes(ctx: RouteContext): (req: IncomingMessage, res: ServerResponse) => void {
  const { store, hub, auth, metrics, clock, random } = ctx;
  const requests = metrics.counter('relay_http_requests_total', 'HTTP requests answered, by route and status');
  const writes = metrics.counter('relay_writes_total', 'Notice writes, by operation and outcome');
  const authFailures = metrics.counter('relay_auth_failures_total', 'Requests refused for their credentials, by reason');
  const hooksCounter = metrics.counter('relay_webhooks_total', 'Webhooks received, by provider and outcome');
  const rejectedStreams = metrics.counter('relay_sse_rejected_total', 'Streams refused, by reason');
  const failures = new Map<string, { count: number; since: number }>();

  // Behind the proxy the operator runs, the client is the address that proxy added: the last one. Those before it
  // are whatever the client sent.
  const address = (req: IncomingMessage) =>
    (ctx.trustProxy && String(req.headers['x-forwarded-for'] ?? '').split(',').at(-1)!.trim()) || req.socket.remoteAddress || '?';

  /**
   * Who the credentials are. A valid token or JWT always passes: the slow-down answers an address's failures
   * (`429` instead of `401` once there were twenty in a minute), and never refuses on-call people because someone
   * else, behind the same proxy or not, kept failing. Tokens are 256-bit secrets and JWTs signed: the slow-down
   * keeps noise down, guessing is hopeless either way.
   */
  async function authenticate(req: IncomingMessage): Promise<Principal> {
    const who = address(req);
    try {
      return await auth.authenticate(req.headers.authorization);
    } catch (error) {
      if (!(error instanceof RelayError)) throw error;
      authFailures.inc({ reason: error.authError ?? error.type });
      if (error.type !== 'unauthorized') throw error;
      const now = clock.now();
      const record = failures.get(who);
      const entry = record && now - record.since <= 60_000 ? record : { count: 0, since: now };
      entry.count += 1;
      failures.set(who, entry);
      // Keep the table small whatever the traffic.
      if (failures.size > 10_000) failures.clear();
      if (entry.count <= AUTH_FAILURES_PER_MINUTE) throw error;
      throw new RelayError('rate-limited', 'Too many failed attempts from this address; wait a minute', undefined, undefined, {
        retryAfter: Math.max(1, Math.ceil((entry.since + 60_000 - now) / 1000)),
      });
    }
  }

  const { notices, preview } = createNoticeRoutes(ctx, authenticate, writes);

  async function hook(req: IncomingMessage, res: ServerResponse, provider: string, secret: string): Promise<void> {
    const notFound = () => sendJson(req, res, 404, { error: 'not_found', message: 'No such route' });
    if (!ctx.upstream || req.method !== 'POST') {
      hooksCounter.inc({ provider: 'unknown', outcome: 'unknown' });
      return notFound();
    }
    const body = await readBody(req, HOOK_LIMIT);
    const verdict = judgeWebhook(ctx.hooks, provider, secret, body, req.headers);
    hooksCounter.inc({ provider: verdict === 'unknown' ? 'unknown' : provider, outcome: verdict });
    if (verdict === 'unknown') return notFound();
    if (verdict === 'bad-signature') throw new RelayError('unauthorized', 'The webhook signature does not match');
    await store.poke().catch((error: Error) => ctx.log('warn', `poke not delivered: ${error.message}`));
    sendJson(req, res, 202, { accepted: true });
  }

  function snapshotJson(req: IncomingMessage, res: ServerResponse): void {
    const published = ctx.published();
    if (!published.servable) {
      sendJson(req, res, 503, { error: 'not_ready', message: 'The upstream has not been read yet' }, { ...CORS, 'Retry-After': '5' });
      return;
    }
    const maxAge = ctx.cacheMaxAgeSeconds;
    const headers: Record<string, string> = {
      ...CORS,
      ETag: published.etag,
      // A CDN may serve a copy a few seconds old while it revalidates, and the last good one while we are down.
      'Cache-Control': `public, max-age=${maxAge}, stale-while-revalidate=${maxAge * 6}, stale-if-error=86400`,
      Vary: 'Accept-Encoding',
    };
    if (matchesEtag(req.headers['if-none-match'] as string | undefined, published.etag)) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) && published.body.length > 1024;
    if (gzip) headers['Content-Encoding'] = 'gzip';
    sendText(req, res, 200, 'application/json; charset=utf-8', gzip ? published.gzip() : published.body, headers);
  }

  function stream(req: IncomingMessage, res: ServerResponse): void {
    const unavailable = (reason: string, seconds: number) => {
      rejectedStreams.inc({ reason });
      sendJson(req, res, 503, { error: 'unavailable', message: reason }, { ...CORS, 'Retry-After': String(seconds) });
    };
    if (!ctx.stream) {
      // The switch that turns streaming off for every banner: they poll the snapshot URL instead.
      res.writeHead(204, { ...CORS, 'Cache-Control': 'no-store' });
      res.end();
      return;
    }
    if (ctx.draining()) return unavailable('draining', 1 + Math.floor(random() * 5));
    if (!ctx.published().servable) return unavailable('not ready', 5);
    if (hub.size() >= ctx.maxConnections) return unavailable('at capacity', 5 + Math.floor(random() * 25));
    hub.accept(req, res, ctx.published());
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<string> {
    const url = new URL(req.url ?? '/', 'http://relay');
    const { pathname } = url;
    const parts = pathname.split('/').filter(Boolean);
    const method = req.method ?? 'GET';
    if (method === 'OPTIONS') {
      // Preflights are answered for the public endpoints only: no other origin may write.
      if (pathname === '/stream') res.writeHead(204, { ...CORS, 'Access-Control-Allow-Methods': 'GET', 'Access-Control-Allow-Headers': 'Last-Event-ID', 'Access-Control-Max-Age': '86400' });
      else if (pathname === '/status.json') {
        res.writeHead(204, { ...CORS, 'Access-Control-Allow-Methods': 'GET, HEAD', 'Access-Control-Allow-Headers': 'If-None-Match, Cache-Control', 'Access-Control-Max-Age': '600' });
      } else res.writeHead(204);
      res.end();
      return 'preflight';
    }
    if (parts[0] === 'v1') {
      if (parts[1] === 'notices') return notices(req, res, parts.slice(2)).then(() => 'notices');
      if (parts[1] === 'preview' && parts.length === 2) return preview(req, res, url.searchParams).then(() => 'preview');
      if ((parts[1] === 'whoami' || parts[1] === 'status') && parts.length === 2 && (method === 'GET' || method === 'HEAD')) {
        const who = await authenticate(req);
        sendJson(req, res, 200, parts[1] === 'whoami' ? who : { ...ctx.status(), you: who.name });
        return parts[1];
      }
      throw new RelayError('not-found', 'No such route');
    }
    if (parts[0] === 'hooks' && parts.length === 3) return hook(req, res, parts[1]!, parts[2]!).then(() => 'hooks');
    if (method !== 'GET' && method !== 'HEAD') {
      sendJson(req, res, 405, { error: 'method_not_allowed', message: `${method} is not allowed here` }, { Allow: 'GET, HEAD, OPTIONS' });
      return 'other';
    }
    switch (pathname) {
      case '/status.json':
        snapshotJson(req, res);
        return 'status.json';
      case '/stream':
        stream(req, res);
        return 'stream';
      case '/healthz':
        sendText(req, res, 200, 'text/plain; charset=utf-8', 'ok\n', { 'Cache-Control': 'no-store' });
        return 'healthz';
      case '/readyz': {
        const ready = ctx.ready();
        sendText(req, res, ready.ok ? 200 : 503, 'text/plain; charset=utf-8', `${ready.ok ? 'ready' : 'not ready'}: ${ready.reason}\n`, { 'Cache-Control': 'no-store' });
        return 'readyz';
      }
      case '/metrics':
        sendText(req, res, 200, 'text/plain; version=0.0.4; charset=utf-8', metrics.render(), { 'Cache-Control': 'no-store' });
        return 'metrics';
      case '/':
        sendText(req, res, 200, 'text/plain; charset=utf-8', index(), { 'Cache-Control': 'no-store' });
        return 'index';
    }
    if (ctx.console && (pathname === '/console' || pathname.startsWith('/console/'))) {
      const asset = await ctx.console.get(pathname);
      if (asset) {
        sendText(req, res, 200, asset.type, asset.body, asset.headers);
        return 'console';
      }
    }
    throw new RelayError('not-found', 'No such route');
  }

  function index(): string {
    const published = ctx.published();
    return [
      'status-banner relay',
      '',
      `version   ${published.version}`,
      `streams   ${hub.size()} open`,
      ctx.upstream ? `upstream  ${ctx.upstream.url}` : 'upstream  none (notices posted directly only)',
      '',
      'GET  /status.json            the snapshot (a banner\'s src)',
      'GET  /stream                 the event stream (a banner\'s stream)',
      'POST /v1/notices             post a notice (Authorization: Bearer <token>)',
      'PATCH, DELETE /v1/notices/ID update or delete one; POST /v1/notices/ID/resolve resolves it',
      ...(ctx.console ? ['GET  /console                the console'] : []),
      'GET  /healthz, /readyz, /metrics',
      '',
    ].join('\n');
  }

  return (req, res) => {
    handle(req, res).then(
      (route) => requests.inc({ route, status: String(res.statusCode) }),
      (error) => {
        if (res.headersSent) {
          res.destroy();
          return;
        }
        if (error instanceof RelayError) {
          sendError(req, res, error, error.retryAfter ? { 'Retry-After': String(error.retryAfter) } : {});
        } else {
          ctx.log('error', `internal error on ${req.method} ${req.url}: ${(error as Error)?.stack ?? error}`);
          sendJson(req, res, 500, { error: 'internal_error', message: 'Something went wrong in the relay' });
        }
        requests.inc({ route: 'error', status: String(res.statusCode) });
      },
    );
  };
}
