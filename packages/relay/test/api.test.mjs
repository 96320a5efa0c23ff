// The notices API and the webhooks, as an attacker and as the people in the know would use them: missing,
// wrong, expired and wrong-scope credentials; oversized, malformed and unexpected bodies; idempotent retries;
// the audit trail; forged webhooks.

import assert from 'node:assert/strict';
import { createHmac, generateKeyPairSync } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { SignJWT } from 'jose';
import { hashToken } from '../dist/index.js';
import { virtualClock } from './helpers/clock.mjs';
import { api, OTHER_TOKEN, post, startRelay, TOKEN } from './helpers/relay.mjs';
import { startUpstream } from './helpers/upstream.mjs';
import { until } from './helpers/wait.mjs';

const version = async (relay) => (await (await fetch(`${relay.url}/status.json`)).json()).version;

describe('credentials', () => {
  test('refuses a write without, or with a wrong, token; nothing changes', async (t) => {
    const relay = await startRelay(t);
    const before = await version(relay);
    const cases = [
      [undefined, 'invalid_request'],
      ['Basic b3BzOnNlY3JldA==', 'invalid_request'],
      ['Bearer', 'invalid_request'],
      ['Bearer wrong-token', 'invalid_token'],
      [`Bearer ${hashToken(TOKEN)}`, 'invalid_token'],
      [`Bearer ${TOKEN}x`, 'invalid_token'],
      [`Bearer ${TOKEN.toUpperCase()}`, 'invalid_token'],
    ];
    for (const [authorization, code] of cases) {
      const res = await fetch(`${relay.url}/v1/notices`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(authorization && { Authorization: authorization }) },
        body: JSON.stringify({ title: 'Forged', severity: 'critical' }),
      });
      assert.equal(res.status, 401, String(authorization));
      assert.match(res.headers.get('www-authenticate'), new RegExp(`^Bearer realm="status-banner-relay", error="${code}"`));
      assert.equal((await res.json()).error, 'unauthorized');
    }
    assert.equal(await version(relay), before, 'nothing was written');
    assert.match(relay.metrics.render(), /relay_auth_failures_total\{reason="invalid_token"\} 4/);
  });

  test('slows down an address that keeps failing, never a valid token', async (t) => {
    const relay = await startRelay(t, { clock: virtualClock() });
    let last;
    for (let i = 0; i < 21; i += 1) last = await api(relay.url, 'GET', '/v1/whoami', undefined, { token: `guess-${i}` });
    assert.equal(last.status, 429);
    assert.equal(last.headers.get('retry-after'), '60');
    // On-call, behind the same address (a proxy without --trust-proxy): never locked out by someone else's failures.
    const good = await api(relay.url, 'GET', '/v1/whoami');
    assert.equal(good.status, 200);
    assert.equal((await post(relay.url, { title: 'Still posted', severity: 'major' })).version > 0, true);
    assert.equal((await api(relay.url, 'GET', '/v1/whoami', undefined, { token: 'guess-again' })).status, 429);
  });

  test('behind a trusted proxy, takes the address the proxy added, not what the client wrote before it', async (t) => {
    const relay = await startRelay(t, { clock: virtualClock(), trustProxy: true });
    // An attacker varies the entry it controls (the first); the proxy appends its real address (the last).
    const attempt = (i) => api(relay.url, 'GET', '/v1/whoami', undefined, { token: `guess-${i}`, headers: { 'X-Forwarded-For': `10.0.0.${i}, 203.0.113.66` } });
    let last;
    for (let i = 0; i < 21; i += 1) last = await attempt(i);
    assert.equal(last.status, 429, 'slowed down by its real address');
    const victim = await api(relay.url, 'GET', '/v1/whoami', undefined, { token: 'guess-victim', headers: { 'X-Forwarded-For': '203.0.113.66, 198.51.100.7' } });
    assert.equal(victim.status, 401, 'another address, even one the attacker wrote first, is not slowed down');
  });

  test('keeps no answer for a console file that is not there: it serves the file once it is', async (t) => {
    const relay = await startRelay(t);
    // A module name of the console's build, asked for before the build has it (every name anyone asks for was
    // kept, so plain GETs grew the relay's memory without end).
    const file = new URL('../dist/console/app/zz-appears-later.js', import.meta.url);
    t.after(() => rm(file, { force: true }));
    const get = () => fetch(`${relay.url}/console/app/zz-appears-later.js`);
    assert.equal((await get()).status, 404);
    await writeFile(file, 'export {};\n');
    const late = await get();
    assert.equal(late.status, 200);
    assert.equal(await late.text(), 'export {};\n');
  });

  test('knows who wrote what', async (t) => {
    const relay = await startRelay(t);
    assert.deepEqual(await (await api(relay.url, 'GET', '/v1/whoami')).json(), { name: 'ops', via: 'token' });
    const { id, version: created } = await post(relay.url, { title: 'Down', severity: 'major' });
    await api(relay.url, 'PATCH', `/v1/notices/${id}`, { phase: 'identified' }, { token: OTHER_TOKEN });
    const notice = await (await api(relay.url, 'GET', `/v1/notices/${id}`)).json();
    assert.deepEqual([notice.createdBy, notice.updatedBy], ['ops', 'support']);
    assert.deepEqual(notice.history.map((h) => `${h.action} ${h.by}`), ['created ops', 'updated support']);
    assert.ok(relay.logs.includes(`info create ${id} by ops (version ${created})`), relay.logs.join('\n'));
    assert.ok(relay.logs.includes(`info update ${id} by support (version ${created + 1})`), relay.logs.join('\n'));
  });

  test('takes JWTs: audience, expiry and scope checked, the algorithm pinned', async (t) => {
    const secret = 'a-shared-secret-of-enough-length-0123456789';
    const relay = await startRelay(t, { jwt: { audience: 'status-relay', issuer: 'https://id.example', secret } });
    const key = new TextEncoder().encode(secret);
    const sign = (claims = {}, { alg = 'HS256', exp = '5m', aud = 'status-relay', iss = 'https://id.example', signWith = key } = {}) => {
      let jwt = new SignJWT({ scope: 'status:publish', ...claims }).setProtectedHeader({ alg }).setSubject('alice').setIssuedAt();
      if (aud) jwt = jwt.setAudience(aud);
      if (iss) jwt = jwt.setIssuer(iss);
      if (exp) jwt = jwt.setExpirationTime(exp);
      return jwt.sign(signWith);
    };
    const write = async (token) => api(relay.url, 'POST', '/v1/notices', { title: 'Via JWT', severity: 'minor' }, { token });

    const ok = await write(await sign());
    assert.equal(ok.status, 201);
    const { id } = await ok.json();
    assert.equal((await (await api(relay.url, 'GET', `/v1/notices/${id}`)).json()).createdBy, 'jwt:alice');

    const refusals = [
      [await sign({}, { exp: Math.floor(Date.now() / 1000) - 3600 }), 401, /expired/],
      [await sign({}, { exp: null }), 401, /exp/],
      [await sign({}, { aud: 'another-service' }), 401, /aud/],
      [await sign({}, { iss: 'https://evil.example' }), 401, /iss/],
      [await sign({}, { signWith: new TextEncoder().encode('another-secret-of-enough-length-0123456789') }), 401, /not valid/],
      [await sign({ scope: 'status:read' }), 403, /lacks the status:publish scope/],
      [await sign({ scope: undefined, scp: ['other'] }), 403, /scope/],
    ];
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: 'mallory', aud: 'status-relay', iss: 'https://id.example', exp: 9999999999, scope: 'status:publish' })).toString('base64url')}.`;
    refusals.push([none, 401, /not valid/]);
    // Algorithm confusion: an RS256 token whose "key" would be the HS secret.
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    refusals.push([await sign({}, { alg: 'RS256', signWith: privateKey }), 401, /not valid/]);
    for (const [token, status, message] of refusals) {
      const res = await write(token);
      assert.equal(res.status, status, token.slice(0, 30));
      assert.match((await res.json()).message, message);
      if (status === 403) assert.match(res.headers.get('www-authenticate'), /error="insufficient_scope"/);
    }
    const { notices } = await (await api(relay.url, 'GET', '/v1/notices')).json();
    assert.equal(notices.length, 1, 'only the good token wrote');
  });
});

describe('writes', () => {
  test('create, update, resolve, reopen and delete, each answering its version', async (t) => {
    const relay = await startRelay(t);
    const created = await api(relay.url, 'POST', '/v1/notices', { title: 'Down', severity: 'major', message: 'Looking.' });
    assert.equal(created.status, 201);
    const { id, version: v1 } = await created.json();
    assert.equal(created.headers.get('location'), `/v1/notices/${id}`);
    assert.equal(await version(relay), v1, '201 comes with the version now served');

    const updated = await (await api(relay.url, 'PATCH', `/v1/notices/${id}`, { phase: 'monitoring', message: 'Fixed, watching.' })).json();
    assert.deepEqual(updated, { id, version: v1 + 1 });
    const same = await (await api(relay.url, 'PATCH', `/v1/notices/${id}`, { phase: 'monitoring' })).json();
    assert.deepEqual(same, { id, version: v1 + 1 }, 'no change, no new version');

    const resolved = await api(relay.url, 'POST', `/v1/notices/${id}/resolve`);
    assert.equal(resolved.status, 200);
    assert.deepEqual((await (await fetch(`${relay.url}/status.json`)).json()).notices, []);
    const reopened = await api(relay.url, 'PATCH', `/v1/notices/${id}`, { phase: 'investigating' });
    assert.equal(reopened.status, 200);
    assert.equal((await (await fetch(`${relay.url}/status.json`)).json()).notices[0].id, id);

    assert.equal((await api(relay.url, 'DELETE', `/v1/notices/${id}`)).status, 200);
    assert.equal((await api(relay.url, 'GET', `/v1/notices/${id}`)).status, 404);
    assert.equal((await api(relay.url, 'PATCH', `/v1/notices/${id}`, { phase: 'resolved' })).status, 404);
    assert.equal((await api(relay.url, 'DELETE', '/v1/notices/nope')).status, 404);
    assert.equal((await api(relay.url, 'PUT', `/v1/notices/${id}`, {})).status, 405);
  });

  test('refuses oversized, malformed and unexpected bodies with a 4xx naming the problem', async (t) => {
    const relay = await startRelay(t);
    const before = await version(relay);
    const cases = [
      [{ title: 'x', severity: 'major', extra: 1 }, {}, 400, 'extra'],
      [{ title: 'x'.repeat(201), severity: 'major' }, {}, 400, 'title'],
      [{ title: 'x', severity: 'apocalyptic' }, {}, 400, 'severity'],
      [{ title: 'x', severity: 'major', url: 'javascript:alert(1)' }, {}, 400, 'url'],
      [{ title: 'x', severity: 'major', startsAt: 'next tuesday' }, {}, 400, 'startsAt'],
      ['{"title": "x", "severity": ', {}, 400, 'body'],
      ['[1, 2]', {}, 400, 'body'],
      ['null', {}, 400, 'body'],
      [{ title: 'x', severity: 'major' }, { 'Content-Type': 'text/plain' }, 415, 'Content-Type'],
      [{ title: 'x', severity: 'major' }, { 'Idempotency-Key': 'x'.repeat(201) }, 400, 'Idempotency-Key'],
    ];
    for (const [body, headers, status, field] of cases) {
      const res = await api(relay.url, 'POST', '/v1/notices', body, { headers });
      assert.equal(res.status, status, JSON.stringify(body).slice(0, 60));
      const answer = await res.json();
      assert.equal(answer.field, field, JSON.stringify(answer));
      assert.ok(answer.message.length > 5);
    }
    const huge = await api(relay.url, 'POST', '/v1/notices', { title: 'x', severity: 'major', message: 'y'.repeat(100_000) });
    assert.equal(huge.status, 413);
    assert.equal((await huge.json()).error, 'too_large');
    assert.equal(await version(relay), before, 'nothing was written');
  });

  test('answers a retried write with the first answer, and refuses the key for another request', async (t) => {
    const relay = await startRelay(t);
    const body = { title: 'Once only', severity: 'major' };
    const first = await api(relay.url, 'POST', '/v1/notices', body, { headers: { 'Idempotency-Key': 'post-1' } });
    const retry = await api(relay.url, 'POST', '/v1/notices', body, { headers: { 'Idempotency-Key': 'post-1' } });
    assert.equal(retry.status, 201);
    assert.equal(retry.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(await retry.json(), await first.json());
    const other = await api(relay.url, 'POST', '/v1/notices', { ...body, title: 'Another' }, { headers: { 'Idempotency-Key': 'post-1' } });
    assert.equal(other.status, 409);
    const byOther = await api(relay.url, 'POST', '/v1/notices', body, { token: OTHER_TOKEN, headers: { 'Idempotency-Key': 'post-1' } });
    assert.equal(byOther.status, 201, 'keys are per token');
    assert.notEqual(byOther.headers.get('idempotent-replayed'), 'true');
    const { notices } = await (await api(relay.url, 'GET', '/v1/notices')).json();
    assert.equal(notices.length, 2);
  });

  test('caps the open notices, and refuses cross-origin writes at the preflight', async (t) => {
    const relay = await startRelay(t, { maxNotices: 2 });
    await post(relay.url, { title: 'One', severity: 'minor' });
    await post(relay.url, { title: 'Two', severity: 'minor' });
    const third = await api(relay.url, 'POST', '/v1/notices', { title: 'Three', severity: 'minor' });
    assert.equal(third.status, 409);
    const preflight = await fetch(`${relay.url}/v1/notices`, { method: 'OPTIONS', headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' } });
    assert.equal(preflight.headers.get('access-control-allow-origin'), null);
    assert.equal((await api(relay.url, 'POST', '/v1/notices', { title: 'x', severity: 'minor' })).headers.get('access-control-allow-origin'), null);
  });

  test('previews a draft as the snapshot users would get, writing nothing', async (t) => {
    const relay = await startRelay(t);
    const { id } = await post(relay.url, { title: 'Existing', severity: 'minor' });
    const before = await version(relay);
    const res = await api(relay.url, 'POST', '/v1/preview', { title: 'Draft', severity: 'critical' });
    const preview = await res.json();
    assert.equal(res.status, 200);
    assert.deepEqual(preview.notices.map((n) => n.title), ['Draft', 'Existing']);
    assert.equal(preview.indicator, 'critical');
    const edit = await (await api(relay.url, 'POST', `/v1/preview?id=${id}`, { title: 'Existing, edited' })).json();
    assert.deepEqual(edit.notices.map((n) => n.title), ['Existing, edited']);
    assert.equal((await api(relay.url, 'POST', '/v1/preview', { title: 'x', severity: 'nope' })).status, 400);
    assert.equal((await api(relay.url, 'POST', '/v1/preview', { title: 'x', severity: 'major' }, { token: 'wrong' })).status, 401);
    assert.equal(await version(relay), before);
  });
});

describe('webhooks', () => {
  const SECRET = 'k3HvQ8m1bX0qYtZ4nW7rP2sL9cA6dE5f';
  const SIGNING = 'instatus-signing-secret';

  async function relayWithHooks(t) {
    const upstream = await startUpstream(t);
    const relay = await startRelay(t, {
      upstream: upstream.summaryUrl,
      clock: virtualClock(),
      hookSecrets: ['statuspage', 'instatus', 'betterstack', 'generic'].map((provider) => ({ provider, sha256: hashToken(`${provider}-${SECRET}`) })),
      instatusSigningSecret: SIGNING,
    });
    await until(() => upstream.requests.length === 1, 3000, 'the first read');
    await relay.upstream.settled();
    const hook = (provider, secret, body = '{"page":{"id":"x"}}', headers = {}) =>
      fetch(`${relay.url}/hooks/${provider}/${secret}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });
    return { relay, upstream, hook };
  }

  test('a known hook pokes an early read; a burst of them costs one', async (t) => {
    const { relay, upstream, hook } = await relayWithHooks(t);
    const res = await hook('statuspage', `statuspage-${SECRET}`);
    assert.equal(res.status, 202);
    await until(() => upstream.requests.length === 2, 3000, 'the poked read');
    await relay.upstream.settled();
    for (let i = 0; i < 20; i += 1) assert.equal((await hook('betterstack', `betterstack-${SECRET}`)).status, 202);
    assert.equal((await hook('generic', `generic-${SECRET}`, 'anything at all', { 'Content-Type': 'text/plain' })).status, 202);
    await relay.upstream.settled();
    assert.equal(upstream.requests.length, 2, 'the pokes joined the round already on');
  });

  test('forged hooks: an unknown secret or provider is a 404 and nothing else; a bad Instatus signature is refused', async (t) => {
    const { relay, upstream, hook } = await relayWithHooks(t);
    const notFound = [
      hook('statuspage', 'guess'),
      hook('statuspage', `instatus-${SECRET}`),
      hook('unknown', `statuspage-${SECRET}`),
      fetch(`${relay.url}/hooks/statuspage/statuspage-${SECRET}`),
    ];
    for (const res of await Promise.all(notFound)) {
      assert.equal(res.status, 404);
      assert.deepEqual(await res.json(), { error: 'not_found', message: 'No such route' });
    }
    const body = '{"meta":{"unsubscribe":"x"},"incident":{"name":"Forged"}}';
    const unsigned = await hook('instatus', `instatus-${SECRET}`, body);
    assert.equal(unsigned.status, 401);
    const wrong = await hook('instatus', `instatus-${SECRET}`, body, { 'x-instatus-webhook-signature': createHmac('sha256', 'guess').update(body).digest('hex') });
    assert.equal(wrong.status, 401);
    await relay.upstream.settled();
    assert.equal(upstream.requests.length, 1, 'no forged hook caused a read');

    const raw = await hook('instatus', `instatus-${SECRET}`, body, { 'x-instatus-webhook-signature': createHmac('sha256', SIGNING).update(body).digest('hex') });
    assert.equal(raw.status, 202, 'signed over the raw bytes');
    const spaced = '{ "incident": { "name": "Real" } }';
    const reserialized = await hook('instatus', `instatus-${SECRET}`, spaced, { 'x-instatus-webhook-signature': createHmac('sha256', SIGNING).update(JSON.stringify(JSON.parse(spaced))).digest('hex') });
    assert.equal(reserialized.status, 202, 'signed over the re-serialized JSON, as Instatus’s example does');
    await until(() => upstream.requests.length === 2, 3000, 'the poked read');
    assert.match(relay.metrics.render(), /relay_webhooks_total\{provider="unknown",outcome="unknown"\} 4/);
  });
});
