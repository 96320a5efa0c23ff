// The demo's status side, as `npm start` runs it: the scripted timeline (examples/status-server) as the upstream
// status page, and the relay (packages/relay) in front of it, which the banners read. The timeline sends the
// relay a Statuspage webhook at each change of phase, so the relay reads it at once; `npm run publish` posts
// notices straight to the relay with the demo's token.

import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRelay, createToken, hashToken, systemClock } from '@status-banner/relay';
import { createStatusServer } from '../examples/status-server/server.mjs';

/**
 * @typedef {object} DemoStatus
 * @property {string} url The relay's base URL: banners read `${url}/status.json` and `${url}/stream`.
 * @property {string} token The demo's publish token (the relay holds only its hash).
 * @property {import('@status-banner/relay').Relay} relay
 * @property {import('../examples/status-server/server.mjs').StatusServer} timeline
 * @property {() => Promise<string>} advance Moves the timeline on and resolves once the relay has read it.
 * @property {() => Promise<void>} close
 */

/**
 * Starts the timeline and the relay. Resolves once the relay has read the timeline's first phase.
 *
 * @param {object} [options]
 * @param {number} [options.port] The relay's port (default 8081; 0 for any; a taken one falls back to any).
 * @param {number} [options.timelinePort] The timeline's port (default 0: any).
 * @param {number} [options.stepSeconds] Seconds between phases (default 6).
 * @param {boolean} [options.autoAdvance] Advance the timeline on a timer (default true).
 * @param {() => Date} [options.now] The timeline's clock, which the relay reads the time from too (its timers stay
 *   real).
 * @param {(phase: string, state: object) => void} [options.onPhase]
 * @param {(level: string, message: string) => void} [options.log] The relay's log (default: nothing).
 * @returns {Promise<DemoStatus>}
 */
export async function startDemoStatus({ port = 8081, timelinePort = 0, stepSeconds = 6, autoAdvance = true, now, onPhase, log = () => {} } = {}) {
  const timeline = await createStatusServer({ port: timelinePort, stepSeconds, autoAdvance, onPhase, ...(now && { now }) });
  const data = await mkdtemp(path.join(tmpdir(), 'status-banner-demo-relay-'));
  const token = createToken();
  const hookSecret = randomBytes(24).toString('base64url');
  const options = {
    upstream: timeline.summaryUrl,
    provider: 'statuspage',
    data,
    tokens: [{ name: 'demo', sha256: hashToken(token) }],
    hookSecrets: [{ provider: 'statuspage', sha256: hashToken(hookSecret) }],
    // The webhook brings each phase at once; the interval is the fallback.
    pollInterval: Math.max(1, stepSeconds),
    pollIntervalActive: Math.max(1, stepSeconds),
    pollAfterSeconds: Math.max(1, stepSeconds),
    staleAfterSeconds: Math.max(60, 10 * stepSeconds),
    cacheMaxAge: 1,
    drainSeconds: 1,
    log,
    ...(now && { clock: { ...systemClock, now: () => now().getTime() } }),
  };
  let relay;
  try {
    relay = await createRelay({ ...options, port }).catch((error) =>
      port !== 0 && /EADDRINUSE/.test(String(error.cause?.code ?? error.message)) ? createRelay({ ...options, port: 0 }) : Promise.reject(error),
    );
  } catch (error) {
    await timeline.close();
    await rm(data, { recursive: true, force: true });
    throw error;
  }
  timeline.addWebhook(`${relay.url}/hooks/statuspage/${hookSecret}`);
  await relay.upstream.settled();
  return {
    url: relay.url,
    token,
    relay,
    timeline,
    async advance() {
      const phase = timeline.advance();
      await relay.upstream.readNow();
      return phase;
    },
    async close() {
      await Promise.all([relay.close(), timeline.close()]);
      await rm(data, { recursive: true, force: true });
    },
  };
}
