// `npm run publish`: posts a notice to the demo's relay (`npm start`) through its authenticated API, which pushes
// it to every open banner at once, beside the timeline's own notices, until it is resolved.
//
//   npm run publish -- "Something broke" --severity major [--message "..."] [--id ID]
//   npm run publish -- --resolve ID
//   npm run publish -- --clear        resolve every notice posted here (--resume does the same)
//
// The relay and its token are found in the running demo's state file (node_modules/.cache/status-banner-demo/
// relay.json), else --url / STATUS_URL and --token / STATUS_BANNER_TOKEN.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { demoStateDir } from './start.mjs';

const USAGE = `usage:
  npm run publish -- "Title" --severity minor|major|critical|maintenance [--message "..."] [--id ID]
  npm run publish -- --resolve ID     resolve one notice
  npm run publish -- --clear          resolve every open notice posted to the relay (--resume: the same)
options: --url URL, --token TOKEN (default: those of the running \`npm start\`)`;

const SEVERITIES = ['none', 'minor', 'major', 'critical', 'maintenance'];

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      severity: { type: 'string' },
      message: { type: 'string' },
      id: { type: 'string' },
      resolve: { type: 'string' },
      url: { type: 'string' },
      token: { type: 'string' },
      clear: { type: 'boolean' },
      resume: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [title, ...extra] = positionals;
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const clear = values.clear || values.resume;
  // Exactly one of: a title, --resolve, --clear.
  if (extra.length > 0 || [title !== undefined, values.resolve !== undefined, clear].filter(Boolean).length !== 1) throw new Error(USAGE);
  if (title !== undefined && !SEVERITIES.includes(values.severity)) throw new Error(`severity must be one of ${SEVERITIES.join(', ')}`);

  const demo = await readFile(path.join(demoStateDir(), 'relay.json'), 'utf8').then(JSON.parse, () => ({}));
  const base = values.url ?? process.env.STATUS_URL ?? demo.url ?? 'http://127.0.0.1:8081';
  const token = values.token ?? process.env.STATUS_BANNER_TOKEN ?? demo.token;
  if (!token) throw new Error('no token: start the demo with `npm start`, or give --token');

  const call = async (method, pathname, body) => {
    let res;
    try {
      res = await fetch(new URL(pathname, base), {
        method,
        headers: { Authorization: `Bearer ${token}`, ...(body && { 'Content-Type': 'application/json' }) },
        body: body && JSON.stringify(body),
      });
    } catch (error) {
      const reason = error.cause?.code ?? error.cause?.message ?? error.message;
      throw new Error(`no relay at ${base} (${reason}); is \`npm start\` running?`);
    }
    const answer = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error(`${method} ${pathname} answered ${res.status}: ${answer.message ?? res.statusText}`);
    return answer;
  };

  let version;
  if (clear) {
    const { notices } = await call('GET', '/v1/notices');
    for (const notice of notices.filter((n) => !n.closedAt)) ({ version } = await call('POST', `/v1/notices/${encodeURIComponent(notice.id)}/resolve`));
  } else if (values.resolve) {
    ({ version } = await call('POST', `/v1/notices/${encodeURIComponent(values.resolve)}/resolve`));
  } else {
    const body = { title, severity: values.severity, ...(values.message && { message: values.message }) };
    if (values.id) ({ version } = await call('PATCH', `/v1/notices/${encodeURIComponent(values.id)}`, body));
    else ({ version } = await call('POST', '/v1/notices', body));
  }
  const snapshot = await (await fetch(new URL('/status.json', base))).json();
  const headline = snapshot.notices.map((notice) => `${notice.severity}: ${notice.title}`).join('; ') || 'all clear';
  console.log(`version ${version ?? snapshot.version}  ${headline}`);
}

main().catch((error) => {
  console.error(error.message);
  process.exitCode = 1;
});
