// A load generator's worker for the relay bench (scripts/bench/relay.mjs): holds many real SSE connections over
// raw sockets and reports when each one receives a version. Driven by its parent over IPC; every loop is bounded
// and the process exits when its parent goes. One of several: at thousands of sockets the client side, not the
// relay, dominates a single process's measurements.
//
// Messages in: { open: { url, count, lastEventId? } }, { watch: { version, timeoutMs } }, { count: true },
// { reconnect: { url } }, { close: true }. Out: { opened }, { received: { version, times, missing } },
// { counts }, { reconnected }.

import net from 'node:net';

/** @type {{ socket: net.Socket, tail: Buffer, last: number, url: URL, closed: boolean }[]} */
const clients = [];
let watching;
const ID = Buffer.from('\nid: ');
const EMPTY = Buffer.alloc(0);

/** Every `id:` value in `bytes`, read without decoding the rest: at thousands of sockets the client's cost is the measurement's noise. */
function* ids(bytes) {
  for (let at = bytes.indexOf(ID); at !== -1; at = bytes.indexOf(ID, at + 1)) {
    let value = 0;
    let end = at + ID.length;
    for (; end < bytes.length && bytes[end] >= 48 && bytes[end] <= 57; end += 1) value = value * 10 + (bytes[end] - 48);
    if (end < bytes.length && bytes[end] === 10) yield value;
  }
}

function request(url, lastEventId) {
  return `GET ${url.pathname} HTTP/1.1\r\nHost: ${url.host}\r\nAccept: text/event-stream\r\n${lastEventId ? `Last-Event-ID: ${lastEventId}\r\n` : ''}\r\n`;
}

function seen(client, version) {
  if (version > client.last) client.last = version;
  if (watching && version === watching.version && !watching.times.has(client)) {
    watching.times.set(client, Date.now());
    if (watching.times.size === clients.length) watching.done();
  }
}

function connect(client, lastEventId) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: client.url.hostname, port: Number(client.url.port) });
    client.socket = socket;
    client.closed = false;
    let answered = false;
    socket.setNoDelay(true);
    socket.on('connect', () => socket.write(request(client.url, lastEventId)));
    socket.on('data', (chunk) => {
      if (!answered) {
        answered = true;
        resolve(chunk.toString('latin1', 0, 12) === 'HTTP/1.1 200');
      }
      // Each event is one write, so its id line never straddles a chunk's framing; a TCP split is covered by
      // looking at the end of the previous chunk with the start of this one.
      for (const version of ids(chunk)) seen(client, version);
      if (client.tail.length) for (const version of ids(Buffer.concat([client.tail, chunk.subarray(0, 40)]))) seen(client, version);
      client.tail = Buffer.from(chunk.subarray(-32));
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      client.closed = true;
      if (!answered) {
        answered = true;
        resolve(false);
      }
    });
  });
}

process.on('message', async (message) => {
  if (message.open) {
    const url = new URL(message.open.url);
    let opened = 0;
    // In batches: a burst of thousands of SYNs at once overflows the listen backlog.
    for (let i = 0; i < message.open.count; i += 250) {
      const batch = [];
      for (let j = i; j < Math.min(message.open.count, i + 250); j += 1) {
        const client = { socket: undefined, tail: EMPTY, last: 0, url, closed: true };
        clients.push(client);
        batch.push(connect(client, message.open.lastEventId));
      }
      opened += (await Promise.all(batch)).filter(Boolean).length;
    }
    process.send({ opened });
  } else if (message.watch) {
    const { version, timeoutMs } = message.watch;
    const times = new Map();
    for (const client of clients) if (client.last >= version) times.set(client, 0);
    await new Promise((resolve) => {
      watching = { version, times, done: resolve };
      if (times.size === clients.length) resolve();
      setTimeout(resolve, timeoutMs);
    });
    watching = undefined;
    process.send({ received: { version, times: [...times.values()].filter(Boolean), missing: clients.length - times.size } });
  } else if (message.count) {
    process.send({ counts: { open: clients.filter((c) => !c.closed).length, last: clients.map((c) => c.last) } });
  } else if (message.reconnect) {
    // Streams that ended come back to `url` with their Last-Event-ID, as a banner's would.
    const url = new URL(message.reconnect.url);
    const dropped = clients.filter((c) => c.closed);
    for (const client of dropped) client.url = url;
    const results = await Promise.all(dropped.map((client) => connect(client, client.last ? String(client.last) : undefined)));
    process.send({ reconnected: results.filter(Boolean).length });
  } else if (message.close) {
    for (const client of clients) client.socket?.destroy();
    process.exit(0);
  }
});
process.on('disconnect', () => process.exit(0));
