// `npm run publish`: posts an update by hand to the demo status server (examples/status-server/server.mjs), which
// pushes it to every open stream at once. It holds until the timeline's next step, or until --resume.
//
//   npm run publish -- "Something broke" --severity major [--message "..."] [--id ...] [--url http://127.0.0.1:8081]
//   npm run publish -- --clear
//   npm run publish -- --resume
//
// The server is found at --url, else env STATUS_URL, else http://127.0.0.1:8081.

import { parseArgs } from 'node:util';

const USAGE = `usage:
  npm run publish -- "Title" --severity minor|major|critical|maintenance [--message "..."] [--id ID]
  npm run publish -- --clear     post an all clear
  npm run publish -- --resume    go back to the timeline
options: --url URL (default: env STATUS_URL, else http://127.0.0.1:8081)`;

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      severity: { type: 'string' },
      message: { type: 'string' },
      id: { type: 'string' },
      url: { type: 'string', default: process.env.STATUS_URL ?? 'http://127.0.0.1:8081' },
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
  // Exactly one of: a title, --clear, --resume.
  if (extra.length > 0 || [title !== undefined, values.clear, values.resume].filter(Boolean).length !== 1) {
    throw new Error(USAGE);
  }
  const body = values.clear
    ? { clear: true }
    : values.resume
      ? { resume: true }
      : { title, severity: values.severity, message: values.message, id: values.id };

  const endpoint = new URL('/api/publish', values.url);
  let res;
  try {
    res = await fetch(endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch (error) {
    const reason = error.cause?.code ?? error.cause?.message ?? error.message;
    throw new Error(`no status server at ${values.url} (${reason}); is \`npm start\` running?`);
  }
  const answer = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(`${endpoint} answered ${res.status}: ${answer.message ?? res.statusText}`);
  const headline = answer.notices.map((notice) => `${notice.severity}: ${notice.title}`).join('; ') || 'all clear';
  console.log(`version ${answer.version}  ${headline}`);
}

main().catch((error) => {
  console.error(error.message);
  process.exitCode = 1;
});
