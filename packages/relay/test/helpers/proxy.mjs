// A TCP proxy the test can cut: a node behind it loses Redis while the others keep it.

import net from 'node:net';

export async function startProxy(t, targetPort) {
  const sockets = new Set();
  let cut = false;
  let stalled = false;
  /** What a stall held back, in order: delivered when it ends, as TCP would once a route heals. */
  const held = [];
  const server = net.createServer((client) => {
    if (cut) return client.destroy();
    const upstream = net.connect(targetPort, '127.0.0.1');
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {});
    }
    // Forwarded by hand, so a stall can hold bytes back without closing anything.
    client.on('data', (chunk) => (stalled ? held.push([upstream, chunk]) : upstream.write(chunk)));
    upstream.on('data', (chunk) => (stalled ? held.push([client, chunk]) : client.write(chunk)));
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise((resolve) => {
    for (const socket of sockets) socket.destroy();
    server.close(resolve);
  }));
  return {
    url: `redis://127.0.0.1:${server.address().port}`,
    /** Drops every connection and refuses new ones. */
    cut() {
      cut = true;
      for (const socket of sockets) socket.destroy();
    },
    restore() {
      cut = false;
    },
    /** Keeps every connection open but forwards nothing, in either direction (a route that drops packets). */
    stall() {
      stalled = true;
    },
    /** The route heals: what was held back goes through, then everything else. */
    heal() {
      stalled = false;
      for (const [to, chunk] of held.splice(0)) to.write(chunk);
    },
  };
}

/**
 * A load balancer in front of relay nodes: each new connection goes to the first node (in turn) that accepts
 * it, so a dead node's clients land on a live one when they reconnect.
 */
export async function startBalancer(t, ports) {
  let next = 0;
  const sockets = new Set();
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => {});
    client.pause();
    const order = ports.map((_, i) => ports[(next + i) % ports.length]);
    next += 1;
    const attempt = (i) => {
      if (i >= order.length) return client.destroy();
      const upstream = net.connect(order[i], '127.0.0.1');
      upstream.once('error', () => attempt(i + 1));
      upstream.once('connect', () => {
        sockets.add(upstream);
        upstream.on('close', () => sockets.delete(upstream));
        upstream.on('error', () => {});
        client.pipe(upstream).pipe(client);
        client.resume();
        client.on('close', () => upstream.destroy());
        upstream.on('close', () => client.destroy());
      });
    };
    attempt(0);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise((resolve) => {
    for (const socket of sockets) socket.destroy();
    server.close(resolve);
  }));
  return { url: `http://127.0.0.1:${server.address().port}` };
}
