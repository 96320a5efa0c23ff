// The authenticated notices API (list, read, create, update, resolve, delete) and the console's preview of a
// draft. Each write is planned against the state it commits on, so a conflict with another write is replanned,
// never lost; an Idempotency-Key makes a retried write answer as the first did.

import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Principal } from './auth.js';
import { RelayError } from './errors.js';
import { readBody, sendJson } from './http-util.js';
import type { Counter } from './metrics.js';
import { isOpen, type DirectNotice, type RelayState } from './model.js';
import { closeNotice, createNotice, updateNotice } from './notices.js';
import type { RouteContext } from './routes.js';
import { publishSnapshot } from './snapshot.js';
import { readNoticeInput } from './validate.js';

const JSON_LIMIT = 64 * 1024;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

/**
 * The notices routes. `authenticate` checks a request's credentials (rate-limited by the caller); `writes`
 * counts the writes by operation and outcome.
 */
export function createNoticeRoutes(ctx: RouteContext, authenticate: (req: IncomingMessage) => Promise<Principal>, writes: Counter) {
  const { store, clock } = ctx;

  async function readJson(req: IncomingMessage): Promise<unknown> {
    const type = String(req.headers['content-type'] ?? '');
    if (!/^application\/json\s*(;|$)/i.test(type)) throw new RelayError('unsupported-media-type', 'Send Content-Type: application/json', 'Content-Type');
    const body = await readBody(req, JSON_LIMIT);
    try {
      return JSON.parse(body.toString('utf8'));
    } catch {
      throw new RelayError('invalid-request', 'The body is not valid JSON', 'body');
    }
  }

  function idempotency(req: IncomingMessage, who: Principal, body: unknown) {
    const header = req.headers['idempotency-key'];
    if (header === undefined) return undefined;
    if (typeof header !== 'string' || !IDEMPOTENCY_KEY.test(header)) {
      throw new RelayError('invalid-request', 'Idempotency-Key is 1 to 200 printable characters', 'Idempotency-Key');
    }
    const fingerprint = createHash('sha256').update(JSON.stringify([req.method, req.url, body])).digest('hex');
    return { key: `${who.name}:${header}`, fingerprint };
  }

  type WriteResult = { status: number; body: { id: string; version: number } };

  async function write(req: IncomingMessage, res: ServerResponse, operation: string, body: unknown, who: Principal, plan: (state: RelayState, version: number) => { patch: { set?: DirectNotice[]; delete?: string[] }; result: WriteResult }) {
    try {
      const outcome = await store.commit(plan, { idempotency: idempotency(req, who, body) });
      const { status, body: answer } = outcome.result;
      writes.inc({ operation, outcome: outcome.replayed ? 'replayed' : outcome.changed ? 'changed' : 'unchanged' });
      if (outcome.changed) ctx.log('info', `${operation} ${answer.id} by ${who.name} (version ${answer.version})`);
      const headers: Record<string, string> = outcome.replayed ? { 'Idempotent-Replayed': 'true' } : {};
      if (status === 201) headers.Location = `/v1/notices/${answer.id}`;
      sendJson(req, res, status, answer, headers);
    } catch (error) {
      writes.inc({ operation, outcome: error instanceof RelayError ? error.type : 'error' });
      throw error;
    }
  }

  const find = (state: RelayState, id: string): DirectNotice => {
    const notice = Object.hasOwn(state.notices, id) ? state.notices[id] : undefined;
    if (!notice) throw new RelayError('not-found', `No notice ${id}`);
    return notice;
  };

  async function notices(req: IncomingMessage, res: ServerResponse, rest: string[]): Promise<void> {
    const [id, action] = rest;
    if (rest.length > 2 || (action !== undefined && action !== 'resolve')) throw new RelayError('not-found', 'No such route');
    const allowed = id === undefined ? 'GET, POST' : action ? 'POST' : 'GET, PATCH, DELETE';
    if (!allowed.split(', ').includes(req.method!)) {
      sendJson(req, res, 405, { error: 'method_not_allowed', message: `${req.method} is not allowed here` }, { Allow: allowed });
      return;
    }
    const who = await authenticate(req);
    const now = clock.now();
    if (req.method === 'GET') {
      const state = store.state();
      if (id) return sendJson(req, res, 200, find(state, id));
      const list = Object.values(state.notices).sort((a, b) => Number(!!a.closedAt) - Number(!!b.closedAt) || b.updatedAt.localeCompare(a.updatedAt));
      return sendJson(req, res, 200, { version: state.version, notices: list });
    }
    if (req.method === 'POST' && !id) {
      const body = await readJson(req);
      const input = readNoticeInput(body, 'create');
      const newId = `relay-${randomBytes(9).toString('base64url')}`;
      return write(req, res, 'create', body, who, (state, version) => {
        if (Object.values(state.notices).filter(isOpen).length >= ctx.maxNotices) {
          throw new RelayError('conflict', `${ctx.maxNotices} notices are open already; resolve some first`);
        }
        const notice = createNotice(input, newId, { by: who.name, now });
        return { patch: { set: [notice] }, result: { status: 201, body: { id: newId, version } } };
      });
    }
    if (req.method === 'DELETE') {
      return write(req, res, 'delete', null, who, (state, version) => {
        find(state, id!);
        return { patch: { delete: [id!] }, result: { status: 200, body: { id: id!, version } } };
      });
    }
    const body = action ? null : await readJson(req);
    const input = action ? undefined : readNoticeInput(body, 'update');
    return write(req, res, action ? 'resolve' : 'update', body, who, (state, version) => {
      const notice = find(state, id!);
      const next = input ? updateNotice(notice, input, { by: who.name, now }) : closeNotice(notice, { by: who.name, now });
      if (next !== notice && isOpen(next) && !isOpen(notice) && Object.values(state.notices).filter(isOpen).length >= ctx.maxNotices) {
        throw new RelayError('conflict', `${ctx.maxNotices} notices are open already; resolve some first`);
      }
      return next === notice
        ? { patch: {}, result: { status: 200, body: { id: id!, version: state.version } } }
        : { patch: { set: [next] }, result: { status: 200, body: { id: id!, version } } };
    });
  }

  async function preview(req: IncomingMessage, res: ServerResponse, query: URLSearchParams): Promise<void> {
    if (req.method !== 'POST') return sendJson(req, res, 405, { error: 'method_not_allowed', message: 'POST a notice to preview' }, { Allow: 'POST' });
    const who = await authenticate(req);
    const body = await readJson(req);
    const state = store.state();
    const id = query.get('id');
    const now = clock.now();
    const notice = id ? updateNotice(find(state, id), readNoticeInput(body, 'update'), { by: who.name, now }) : createNotice(readNoticeInput(body, 'create'), 'relay-preview', { by: who.name, now });
    const version = state.version + 1;
    const next: RelayState = { ...state, version, notices: { ...state.notices, [notice.id]: notice } };
    sendJson(req, res, 200, publishSnapshot(next, ctx.settings).snapshot);
  }

  return { notices, preview };
}
