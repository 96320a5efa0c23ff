// A local HTTP server that answers in one failure shape (an HTML page, an empty body, a 503 with a Retry-After, a
// hang ...), for request-budget tests on a virtual clock. It logs every request with the virtual time it arrived
// at, and knows when nothing is in flight: every request answered, or deliberately held open (a hang, an endless
// body), and no redirect waiting to be followed.

import http from 'node:http';

/**
 * @typedef {(req: http.IncomingMessage, res: http.ServerResponse, server: { url: string }) => void | 'held' | 'redirect'} Shape
 * A shape answers one request; it returns `'held'` for a response it keeps open on purpose, `'redirect'` for a
 * redirect the client will follow at once.
 */

/**
 * @param {Shape} shape
 * @param {() => number} now - The virtual clock the log is kept in.
 */
export async function startShapeServer(shape, now) {
  const log = [];
  let open = 0;
  let held = 0;
  let redirects = 0;
  let fresh = 0;
  const sockets = new Set();
  const server = http.createServer((req, res) => {
    if (redirects) redirects -= 1;
    else fresh += 1;
    log.push({ at: now(), path: req.url });
    open += 1;
    let kept = false;
    res.on('close', () => {
      open -= 1;
      if (kept) held -= 1;
    });
    const kind = shape(req, res, info);
    if (kind === 'held') {
      kept = true;
      held += 1;
    } else if (kind === 'redirect') redirects += 1;
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const info = { url: `http://127.0.0.1:${server.address().port}` };
  return {
    url: info.url,
    log,
    /** Requests that arrived in [from, to) of virtual time. */
    count: (from, to) => log.filter(({ at }) => at >= from && at < to).length,
    /** Requests a client started (redirects it followed not counted): to match against the client's own count. */
    fresh: () => fresh,
    /** Nothing in flight but what is held on purpose. */
    settled: () => open === held && redirects === 0,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(resolve);
      }),
  };
}

/** Common answers. */
export const answer = {
  json: (res, status, body, headers = {}) => res.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(body),
  text: (res, status, body = '', headers = {}) => res.writeHead(status, { 'Content-Type': 'text/plain', ...headers }).end(body),
  html: (res, status = 200) =>
    res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8' }).end('<!doctype html><html><head><title>App</title></head><body><div id="root"></div></body></html>'),
};
