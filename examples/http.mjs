// The few HTTP helpers the demo servers share (the status server, the demo page, npm start's site): plain
// node:http, no framework.

/**
 * Answers with `body` (a string or bytes) as `type`, revalidated on every load (a rebuild or an edit shows on
 * reload), never sniffed; no body for HEAD. `headers` adds to or replaces those.
 */
export function send(req, res, status, type, body, headers = {}) {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': String(bytes.length),
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(req.method === 'HEAD' ? undefined : bytes);
}

/** `value` safe inside an HTML attribute (or text). */
export const escapeAttribute = (value) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Listens on `port`, or on an OS-assigned port when that one is taken.
 * @returns {Promise<number>} The bound port.
 */
export function listen(server, port, host) {
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
