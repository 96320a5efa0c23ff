// @status-banner/core as a server renderer or a script would load it: plain Node, no DOM.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createStatusServer } from '../../../../examples/status-server/server.mjs';
import { startDemoStatus } from '../../../../scripts/demo-status.mjs';
import { isExpected } from '../../../../test/helpers/fixtures.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const fixtures = path.join(root, 'test/fixtures/real');

describe('@status-banner/core in Node', () => {
  let core;
  let status;
  let relay;
  before(async () => {
    core = await import('@status-banner/core');
    status = await createStatusServer({ port: 0, autoAdvance: false });
    relay = await startDemoStatus({ port: 0, autoAdvance: false });
  });
  after(() => Promise.all([status?.close(), relay?.close()]));

  it('imports without a DOM and exports the contract', () => {
    assert.equal(typeof globalThis.document, 'undefined');
    for (const name of ['parseStatus', 'createStatusClient', 'StatusFormatError', 'StatusFetchError']) {
      assert.equal(typeof core[name], 'function', name);
    }
  });

  it('parses every real Statuspage capture', () => {
    const dir = path.join(fixtures, 'statuspage');
    // Beside each capture lies its expected reading (x.expected.json), which is no payload.
    const files = readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.json') && !isExpected(f));
    assert.ok(files.length >= 9, `found ${files.length} captures in ${dir}`);
    for (const file of files) {
      const snapshot = core.parseStatus(readFileSync(path.join(dir, String(file)), 'utf8'));
      assert.equal(snapshot.provider, 'statuspage', String(file));
    }
  });

  it('throws only StatusFormatError', () => {
    for (const input of [null, '', '<html>', [], 7, { page: 'x' }]) {
      assert.throws(() => core.parseStatus(input), core.StatusFormatError);
    }
  });

  it('runs a client against a real server, keeping state in memory', async () => {
    status.advance();
    const client = core.createStatusClient({ src: status.url, random: () => 0 });
    const state = await new Promise((resolve) => {
      const stop = client.subscribe((s) => {
        if (s.status !== 'loading') {
          stop();
          resolve(s);
        }
      });
    });
    client.destroy();
    assert.equal(state.status, 'ready');
    assert.equal(state.notices[0]?.phase, 'investigating');
    assert.equal(state.snapshot.provider, 'statuspage');
  });

  it('SSE-20: streams in Node (no document, no Web Locks), and stops cleanly', async () => {
    const client = core.createStatusClient({ src: `${relay.url}/status.json`, stream: `${relay.url}/stream`, random: () => 0 });
    const seen = [];
    const stop = client.subscribe((s) => s.snapshot && seen.push(s.snapshot.version));
    const waitFor = async (predicate) => {
      for (let i = 0; i < 100 && !predicate(); i += 1) await new Promise((resolve) => setTimeout(resolve, 30));
      assert.ok(predicate(), `versions seen: ${seen}`);
    };
    await waitFor(() => seen.length === 1);
    const before = relay.relay.snapshot().version;
    await relay.advance();
    // Pushed, not polled: the next version arrives without a request to the JSON endpoint's interval (60 s).
    await waitFor(() => seen.at(-1) > before);
    stop();
    client.destroy();
  });
});
