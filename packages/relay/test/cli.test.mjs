// The command line: every option in --help with its default, flags over environment over config file, the
// base URL printed on a line of its own, tokens made and hashed, a graceful stop on SIGTERM.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { promisify } from 'node:util';
import { hashToken, main, OPTIONS, readCliOptions, RelayError, toRelayOptions } from '../dist/index.js';
import { BIN, post, spawnRelay, tempDir } from './helpers/relay.mjs';
import { openStream } from './helpers/sse.mjs';

const run = (args, options) => promisify(execFile)(process.execPath, [BIN, ...args], options);

describe('command line', () => {
  test('--help lists every option with its variable and default', async () => {
    const { stdout } = await run(['--help']);
    for (const option of OPTIONS) {
      const variable = `STATUS_BANNER_RELAY_${option.key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;
      assert.ok(stdout.includes(variable), variable);
      if (!option.secret) assert.ok(stdout.includes(`--${option.key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`), option.key);
      if (option.default) assert.ok(stdout.includes(`(default: ${option.default})`), `${option.key} default`);
    }
    for (const required of ['--port VALUE', '--upstream VALUE', '--provider VALUE', '--data VALUE', '--redis VALUE', 'STATUS_BANNER_RELAY_TOKENS']) {
      assert.ok(stdout.includes(required), required);
    }
  });

  test('docs/relay.md documents every option', async () => {
    const doc = await readFile(new URL('../../../docs/relay.md', import.meta.url), 'utf8');
    for (const option of OPTIONS) {
      assert.ok(doc.includes(`\`STATUS_BANNER_RELAY_${option.key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}\``), option.key);
    }
  });

  test('flags win over the environment, which wins over the config file', async (t) => {
    const dir = await tempDir(t);
    const config = path.join(dir, 'relay.json');
    await writeFile(config, JSON.stringify({ port: 1111, heartbeat: 30, upstream: 'https://file.example', stream: false }));
    const values = readCliOptions(['--port', '2222', '--no-console', `--config=${config}`], { STATUS_BANNER_RELAY_PORT: '3333', STATUS_BANNER_RELAY_HEARTBEAT: '20' });
    assert.deepEqual(
      { port: values.port, heartbeat: values.heartbeat, upstream: values.upstream, stream: values.stream, console: values.console },
      { port: 2222, heartbeat: 20, upstream: 'https://file.example', stream: false, console: false },
    );
    const options = toRelayOptions({ ...values, tokens: `ops:${hashToken('t')}`, pageName: 'Acme' });
    assert.deepEqual(options.tokens, [{ name: 'ops', sha256: hashToken('t') }]);
    assert.deepEqual(options.page, { name: 'Acme' });
    assert.equal(options.data, './relay-data');
    const refuse = (argv, env, pattern) => assert.throws(() => toRelayOptions(readCliOptions(argv, env)), (error) => error instanceof RelayError && error.type === 'invalid-options' && pattern.test(error.message));
    refuse(['--bogus'], {}, /unknown option --bogus/);
    refuse(['--port'], {}, /--port needs a value/);
    refuse(['--port', 'eighty'], {}, /--port must be a number/);
    refuse(['--tokens', 'x'], {}, /secret/);
    refuse([], { STATUS_BANNER_RELAY_TOKENS: 'ops:nothex' }, /entry 1 is not name:sha256hex/);
    refuse([], { STATUS_BANNER_RELAY_HOOK_SECRETS: 'pagerduty:' + 'a'.repeat(64) }, /provider among/);
    refuse([], { STATUS_BANNER_RELAY_LOG: 'loud' }, /log must be/);
  });

  test('refuses to start on a bad option, saying why', async (t) => {
    const dir = await tempDir(t);
    await assert.rejects(main(['--port', '0', '--data', dir, '--upstream', 'ftp://x'], {}), /upstream must be an http\(s\) URL/);
    await assert.rejects(main(['--port', '0', '--data', dir, '--redis', 'redis://127.0.0.1:1'], {}), /Cannot reach Redis/);
    await assert.rejects(main(['--port', '-1', '--data', dir], {}), /port must be 0 to 65535/);
  });

  test('makes a token and its hash, and hashes a secret from stdin', async () => {
    let stdout = '';
    const write = process.stdout.write;
    process.stdout.write = (chunk) => ((stdout += chunk), true);
    try {
      await main(['token', 'alice'], {});
    } finally {
      process.stdout.write = write;
    }
    const token = /keep it secret\): (\S+)/.exec(stdout)[1];
    assert.ok(stdout.includes(`alice:${hashToken(token)}`));
    assert.ok(token.length >= 40, 'at least 256 bits');
    const child = execFile(process.execPath, [BIN, 'hash']);
    child.stdin.end('my-hook-secret\n');
    const out = await new Promise((resolve) => {
      let text = '';
      child.stdout.on('data', (chunk) => (text += chunk));
      child.on('exit', () => resolve(text));
    });
    assert.equal(out, `${hashToken('my-hook-secret')}\n`);
  });

  test('prints its base URL on a line of its own, serves, and drains on SIGTERM', async (t) => {
    const dir = await tempDir(t);
    const relay = await spawnRelay(t, ['--port', '0', '--data', dir, '--drain-seconds', '1']);
    assert.match(relay.output().out, /^http:\/\/127\.0\.0\.1:\d+\n$/);
    await post(relay.url, { title: 'Via the command line', severity: 'minor' });
    const stream = await openStream(t, `${relay.url}/stream`);
    assert.equal((await stream.nextEvent()).data.notices[0].title, 'Via the command line');
    relay.child.kill('SIGTERM');
    assert.deepEqual(await stream.nextEvent(5000), { end: true }, 'the stream is closed cleanly');
    assert.deepEqual(await relay.exited, { code: 0, signal: null });
  });
});
