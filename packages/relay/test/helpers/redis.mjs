// A real redis-server for a test: its own free loopback port and temp folder, the AOF fsync'd on every write
// (appendfsync always, so an acknowledged write survives a restart), stopped when the test ends.

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net, { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const REDIS_SERVER = process.env.REDIS_SERVER ?? '/usr/bin/redis-server';
/** A reason to skip Redis suites, or false. */
export const skipRedis = !existsSync(REDIS_SERVER) && `no redis-server at ${REDIS_SERVER} (apt-get install redis-server)`;

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts redis-server; `stop()` (SIGTERM), `kill()` (SIGKILL) and `start()` again on the same port and folder. */
export async function startRedis(t, { persist = true } = {}) {
  const dir = await mkdtemp(path.join(tmpdir(), 'status-banner-redis-'));
  const port = await freePort();
  let child;
  const args = () => [
    '--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '',
    ...(persist ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no']),
    '--daemonize', 'no', '--loglevel', 'warning', '--protected-mode', 'no',
  ];
  /** `extra`: more redis-server arguments for this start (`--maxmemory 1`, say). */
  async function start(extra = []) {
    child = spawn(REDIS_SERVER, [...args(), ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    // Ready once it answers on its port.
    const started = Date.now();
    for (;;) {
      const ok = await new Promise((resolve) => {
        const socket = new net.Socket();
        socket.once('error', () => resolve(false));
        socket.connect(port, '127.0.0.1', () => {
          socket.write('PING\r\n');
          socket.once('data', (data) => {
            socket.destroy();
            resolve(String(data).startsWith('+PONG'));
          });
        });
      });
      if (ok) return;
      if (child.exitCode !== null) throw new Error(`redis-server exited: ${out}`);
      if (Date.now() - started > 5000) throw new Error(`redis-server did not start: ${out}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
  const exited = () => (child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', resolve)));
  const redis = {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir,
    start,
    async stop() {
      child.kill('SIGTERM');
      await exited();
    },
    async kill() {
      child.kill('SIGKILL');
      await exited();
    },
  };
  await start();
  t.after(async () => {
    if (child.exitCode === null && child.signalCode === null) await redis.kill();
    await rm(dir, { recursive: true, force: true });
  });
  return redis;
}

