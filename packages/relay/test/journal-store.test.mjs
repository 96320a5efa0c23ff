// The embedded store: a journal file fsync'd before each acknowledgement. Replayed on restart, a torn last
// line dropped, damage before it refused, compaction, idempotency, and kill -9 of a real relay process.

import assert from 'node:assert/strict';
import { appendFile, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { createJournalStore, createNotice, RelayError } from '../dist/index.js';
import { virtualClock } from './helpers/clock.mjs';
import { api, post, spawnRelay, tempDir, TOKEN } from './helpers/relay.mjs';

const put = (title, id = title) => (state, version) => ({ patch: { set: [createNotice({ title, severity: 'major' }, id, { by: 'ops', now: 0 })] }, result: version });

async function open(t, dir, options = {}) {
  const store = createJournalStore({ dir, clock: virtualClock(), ...options });
  await store.open();
  t.after(() => store.close());
  return store;
}

describe('journal store', () => {
  test('starts its versions at the clock, and replays every acknowledged write after a restart', async (t) => {
    const dir = await tempDir(t);
    const clock = virtualClock(1_714_564_800_000);
    const store = createJournalStore({ dir, clock });
    await store.open();
    const first = await store.commit(put('a'));
    assert.equal(first.result, 1_714_564_800_000, 'the first version is the clock');
    const writes = await Promise.all(['b', 'c', 'd'].map((title) => store.commit(put(title))));
    assert.deepEqual(writes.map((w) => w.result), [1_714_564_800_001, 1_714_564_800_002, 1_714_564_800_003]);
    const unchanged = await store.commit((state) => ({ patch: {}, result: state.version }));
    assert.equal(unchanged.changed, false);
    await store.close();

    const again = await open(t, dir);
    assert.equal(again.state().version, 1_714_564_800_003);
    assert.deepEqual(Object.keys(again.state().notices).sort(), ['a', 'b', 'c', 'd']);
    assert.equal((await again.commit(put('e'))).result, 1_714_564_800_004, 'versions go on from the journal, never back');
  });

  test('drops a line cut short by a crash, and refuses damage before the end', async (t) => {
    const dir = await tempDir(t);
    const store = await open(t, dir);
    await store.commit(put('a'));
    await store.commit(put('b'));
    await store.close();
    const file = path.join(dir, 'journal.ndjson');
    const whole = (await stat(file)).size;
    await appendFile(file, '{"v":99,"at":1,"patch":{"set":[{"id":"c"');
    const recovered = await open(t, dir);
    assert.deepEqual(Object.keys(recovered.state().notices).sort(), ['a', 'b']);
    assert.equal((await stat(file)).size, whole, 'the torn tail is cut off');
    await recovered.commit(put('c'));
    await recovered.close();
    assert.deepEqual(Object.keys((await open(t, dir)).state().notices).sort(), ['a', 'b', 'c'], 'and later writes follow whole lines');

    const damaged = await tempDir(t);
    const text = (await readFile(file, 'utf8')).split('\n');
    text[0] = text[0].slice(0, 20);
    await writeFile(path.join(damaged, 'journal.ndjson'), text.join('\n'));
    await assert.rejects(createJournalStore({ dir: damaged }).open(), (error) => error instanceof RelayError && error.type === 'corrupt-journal' && /line 1/.test(error.message));
  });

  test('compacts into one checkpoint once large, losing nothing', async (t) => {
    const dir = await tempDir(t);
    const store = await open(t, dir, { compactBytes: 4096 });
    for (let i = 0; i < 40; i += 1) await store.commit(put(`notice ${i}`, `n${i}`));
    const lines = (await readFile(path.join(dir, 'journal.ndjson'), 'utf8')).trim().split('\n');
    assert.ok(lines.length < 20, `compacted to ${lines.length} lines`);
    assert.ok('checkpoint' in JSON.parse(lines[0]));
    const version = store.state().version;
    await store.close();
    const again = await open(t, dir);
    assert.equal(again.state().version, version);
    assert.equal(Object.keys(again.state().notices).length, 40);
  });

  test('answers a retried write as the first time, and refuses the key for another request', async (t) => {
    const dir = await tempDir(t);
    const store = await open(t, dir);
    const idempotency = { key: 'ops:k1', fingerprint: 'f1' };
    const first = await store.commit(put('a'), { idempotency });
    const retry = await store.commit(put('a', 'other-id'), { idempotency });
    assert.deepEqual([retry.replayed, retry.result, retry.changed], [true, first.result, false]);
    await assert.rejects(store.commit(put('b'), { idempotency: { key: 'ops:k1', fingerprint: 'f2' } }), (error) => error.type === 'conflict');
    await store.close();
    const again = await open(t, dir);
    assert.equal((await again.commit(put('a', 'x'), { idempotency })).replayed, true, 'remembered across a restart');
    assert.deepEqual(Object.keys(again.state().notices), ['a']);
  });

  test('refuses a folder another live relay holds', async (t) => {
    const dir = await tempDir(t);
    const { child } = await spawnRelay(t, ['--port', '0', '--data', dir]);
    await assert.rejects(createJournalStore({ dir }).open(), (error) => error.type === 'invalid-options' && error.message.includes(String(child.pid)));
  });

  test('kill -9 mid-stream of writes loses no acknowledged notice', async (t) => {
    const dir = await tempDir(t);
    const first = await spawnRelay(t, ['--port', '0', '--data', dir]);
    const acknowledged = [];
    let stop = false;
    // Writers post as fast as they can; the relay dies under them.
    const writers = Array.from({ length: 4 }, async (_, w) => {
      for (let i = 0; !stop; i += 1) {
        try {
          const res = await api(first.url, 'POST', '/v1/notices', { title: `w${w} n${i}`, severity: 'minor' });
          if (res.status === 201) acknowledged.push((await res.json()).id);
        } catch {
          return;
        }
      }
    });
    while (acknowledged.length < 40) await new Promise((resolve) => setTimeout(resolve, 5));
    first.child.kill('SIGKILL');
    stop = true;
    await Promise.all(writers);
    await first.exited;

    const second = await spawnRelay(t, ['--port', '0', '--data', dir]);
    const res = await api(second.url, 'GET', '/v1/notices', undefined, { token: TOKEN });
    const kept = new Set((await res.json()).notices.map((notice) => notice.id));
    const lost = acknowledged.filter((id) => !kept.has(id));
    assert.deepEqual(lost, [], `${lost.length} of ${acknowledged.length} acknowledged notices lost`);
    const { version } = await post(second.url, { title: 'after', severity: 'minor' });
    const snapshot = await (await fetch(`${second.url}/status.json`)).json();
    assert.equal(snapshot.version, version);
  });
});
