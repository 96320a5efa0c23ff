// Relays for tests: in this process (createRelay, with a temp journal, a token and a quiet log), or as a real
// child process of the command line, for kill -9.

import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRelay, hashToken } from '../../dist/index.js';
import { within } from './wait.mjs';

export const BIN = fileURLToPath(new URL('../../bin/status-banner-relay.js', import.meta.url));
export const TOKEN = 'test-token-for-ops';
export const OTHER_TOKEN = 'test-token-for-support';
export const TOKENS = [
  { name: 'ops', sha256: hashToken(TOKEN) },
  { name: 'support', sha256: hashToken(OTHER_TOKEN) },
];

/** A temp folder removed when `t` ends. */
export async function tempDir(t, name = 'relay') {
  const dir = await mkdtemp(path.join(tmpdir(), `status-banner-${name}-`));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** A relay in this process on a free port, closed when `t` ends; `logs` collects what it reports. */
export async function startRelay(t, options = {}) {
  const logs = [];
  const data = options.store || options.redis ? undefined : (options.data ?? (await tempDir(t)));
  const relay = await createRelay({ port: 0, tokens: TOKENS, log: (level, message) => logs.push(`${level} ${message}`), ...(data && { data }), ...options });
  t.after(() => relay.close());
  return Object.assign(relay, { logs, data });
}

/** `fetch` against the relay's API with a token. */
export function api(base, method, pathname, body, { token = TOKEN, headers = {} } = {}) {
  return fetch(`${base}${pathname}`, {
    method,
    headers: {
      ...(token && { Authorization: `Bearer ${token}` }),
      ...(body !== undefined && { 'Content-Type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** Posts a notice; resolves with the parsed answer, failing on anything but 201. */
export async function post(base, body, options) {
  const res = await api(base, 'POST', '/v1/notices', body, options);
  const answer = await res.json();
  if (res.status !== 201) throw new Error(`POST answered ${res.status}: ${JSON.stringify(answer)}`);
  return answer;
}

/**
 * The command line as a child process; resolves once it prints its URL. `env` adds to the environment (the
 * tokens are given), killed when `t` ends.
 */
export async function spawnRelay(t, args, env = {}) {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, STATUS_BANNER_RELAY_TOKENS: TOKENS.map((x) => `${x.name}:${x.sha256}`).join(','), STATUS_BANNER_RELAY_LOG: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (chunk) => (out += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk) => (err += chunk));
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  t.after(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    return exited;
  });
  const url = await within(
    new Promise((resolve, reject) => {
      child.stdout.on('data', () => {
        const line = /^(http:\/\/\S+)$/m.exec(out)?.[1];
        if (line) resolve(line);
      });
      child.once('exit', () => reject(new Error(`the relay exited: ${err}`)));
    }),
    10_000,
    `the relay to print its URL (${err})`,
  );
  return { child, url, exited, output: () => ({ out, err }) };
}
