// Small HTTP helpers the routes share: bodies with a cap, JSON answers, If-None-Match.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { RelayError, STATUS_OF } from './errors.js';

/** Reads a request body up to `limit` bytes. */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (declared > limit) throw new RelayError('too-large', `The body is over ${limit} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new RelayError('too-large', `The body is over ${limit} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Answers `status` with a JSON body (nothing for HEAD). */
export function sendJson(req: IncomingMessage, res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  const body = Buffer.from(`${JSON.stringify(value)}\n`, 'utf8');
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(body.length),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** Answers with a body of `type` (nothing for HEAD). */
export function sendText(req: IncomingMessage, res: ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}): void {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': String(bytes.length), 'X-Content-Type-Options': 'nosniff', ...headers });
  res.end(req.method === 'HEAD' ? undefined : bytes);
}

/** The error code a `RelayError` type is answered with: `invalid-request` becomes `invalid_request`. */
export const errorCode = (error: RelayError): string => error.type.replace(/-/g, '_');

/** Answers a `RelayError` as JSON, with `WWW-Authenticate` for a 401 or 403 and `Connection: close` after a 413. */
export function sendError(req: IncomingMessage, res: ServerResponse, error: RelayError, headers: Record<string, string> = {}): void {
  const status = STATUS_OF[error.type];
  const extra: Record<string, string> = { ...headers };
  if (error.authError) {
    const description = error.message.replace(/["\\]/g, '');
    extra['WWW-Authenticate'] = `Bearer realm="status-banner-relay", error="${error.authError}", error_description="${description}"`;
  }
  // The rest of an oversized body is not read: the connection cannot carry another request.
  if (error.type === 'too-large') extra.Connection = 'close';
  sendJson(req, res, status, { error: errorCode(error), message: error.message, ...(error.field && { field: error.field }) }, extra);
}

// RFC 9110 §13.1.2: If-None-Match compares weakly, takes a list, and `*` matches any representation.
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const candidate = tag.trim().replace(/^W\//, '');
    return candidate === '*' || candidate === etag;
  });
}
