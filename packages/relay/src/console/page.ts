// The console's page and styles. Static: every dynamic part is filled in by console-app.ts through the DOM,
// as text, from the relay's own API.

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const field = (id: string, label: string, control: string, help?: string) => `
        <div class="field">
          <label for="${id}">${label}</label>
          ${control}
          ${help ? `<p class="help" id="${id}-help">${help}</p>` : ''}
          <p class="error" id="${id}-error" hidden></p>
        </div>`;

const describedBy = (id: string, help = false) => `aria-describedby="${help ? `${id}-help ` : ''}${id}-error"`;

/** The console's HTML. */
export function consoleHtml(title: string): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="referrer" content="no-referrer">
  <title>${escape(title)}</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="/console/app.css">
  <script type="module" src="/console/app.js"></script>
  <script async src="/console/assets/status-banner.min.js"></script>
</head>
<body>
  <header class="top">
    <a class="skip" href="#main">Skip to the console</a>
    <h1>${escape(title)}</h1>
    <p id="who" hidden>Signed in as <strong id="who-name"></strong> <button id="sign-out" type="button">Sign out</button></p>
  </header>
  <main id="main" tabindex="-1">
    <p id="alert" class="alert" role="alert"></p>
    <section id="sign-in" class="panel" aria-labelledby="sign-in-title">
      <h2 id="sign-in-title">Sign in</h2>
      <form id="sign-in-form" method="post">
        ${field('token', 'Publish token', `<input id="token" name="token" type="password" autocomplete="current-password" required ${describedBy('token', true)}>`, 'Kept in this tab only, and sent to this relay alone.')}
        <button type="submit">Sign in</button>
      </form>
    </section>
    <div id="app" hidden>
      <div class="columns">
        <section class="panel" aria-labelledby="form-title">
          <h2 id="form-title" tabindex="-1">Post a notice</h2>
          <form id="notice-form" novalidate>
            ${field('title', 'Title', `<input id="title" name="title" maxlength="200" required autocomplete="off" ${describedBy('title')}>`)}
            <div class="row">
              ${field('kind', 'Kind', `<select id="kind" name="kind" ${describedBy('kind')}><option value="incident">Incident</option><option value="maintenance">Maintenance</option></select>`)}
              ${field(
                'severity',
                'Severity',
                `<select id="severity" name="severity" ${describedBy('severity')}><option value="minor">Minor</option><option value="major" selected>Major</option><option value="critical">Critical</option><option value="none">No impact</option><option value="maintenance">Maintenance</option></select>`,
              )}
              ${field('phase', 'Phase', `<select id="phase" name="phase" ${describedBy('phase')}></select>`)}
            </div>
            ${field('message', 'Latest update', `<textarea id="message" name="message" rows="4" maxlength="4000" ${describedBy('message', true)}></textarea>`, 'Plain text; a blank line starts a paragraph.')}
            ${field('url', 'Link (optional)', `<input id="url" name="url" type="url" inputmode="url" placeholder="https://" ${describedBy('url')}>`)}
            ${field('components', 'Component ids (optional)', `<input id="components" name="components" autocomplete="off" ${describedBy('components', true)}>`, 'Separated by commas; banners that filter by component use them.')}
            <div class="row">
              ${field('startsAt', 'Starts (optional)', `<input id="startsAt" name="startsAt" type="datetime-local" ${describedBy('startsAt', true)}>`, 'Your local time.')}
              ${field('endsAt', 'Ends (optional)', `<input id="endsAt" name="endsAt" type="datetime-local" ${describedBy('endsAt', true)}>`, 'Closes the notice by itself then.')}
            </div>
            <div class="actions">
              <button id="submit" type="submit">Publish</button>
              <button id="cancel-edit" type="button" hidden>Cancel editing</button>
            </div>
          </form>
        </section>
        <section class="panel" aria-labelledby="preview-title">
          <h2 id="preview-title">Preview</h2>
          <p>What users will see once this is published, with the notices open now.</p>
          <status-banner id="preview" provider="native" position="inline" dismissible="false" resolved-linger="0"></status-banner>
          <p id="preview-note" class="note"></p>
          <h2 id="live-title">What users see now</h2>
          <status-banner id="live" src="/status.json" stream="/stream" position="inline" dismissible="false" resolved-linger="0"></status-banner>
          <p id="live-note" class="note"></p>
        </section>
      </div>
      <section class="panel" aria-labelledby="notices-title">
        <h2 id="notices-title">Notices posted here</h2>
        <p id="notices-empty" class="note">None yet.</p>
        <ul id="notices" class="notices"></ul>
      </section>
      <section class="panel" aria-labelledby="health-title">
        <h2 id="health-title">Upstream and relay</h2>
        <dl id="health" class="health"></dl>
      </section>
    </div>
    <p id="announcer" class="visually-hidden" role="status" aria-live="polite"></p>
  </main>
</body>
</html>
`;
}

/** The console's styles. */
export const CONSOLE_CSS = `:root {
  color-scheme: light dark;
  --bg: #f5f6f8; --panel: #fff; --text: #1d2330; --muted: #4f5869; --line: #d5d9e0; --accent: #3730a3; --bad: #a4161a;
  font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; line-height: 1.5;
}
@media (prefers-color-scheme: dark) {
  :root { --bg: #12151c; --panel: #1b2029; --text: #e8eaf0; --muted: #b4bccb; --line: #343b48; --accent: #a5b4fc; --bad: #ffb3b3; }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--text); }
.skip { position: absolute; left: -9999px; }
.skip:focus { left: 8px; top: 8px; background: var(--panel); padding: 8px; z-index: 1; }
.top { display: flex; flex-wrap: wrap; gap: 8px 24px; align-items: baseline; justify-content: space-between; padding: 12px 24px; border-bottom: 1px solid var(--line); }
.top h1 { margin: 0; font-size: 1.25rem; }
main { max-width: 1200px; margin: 0 auto; padding: 16px 24px 48px; }
main:focus { outline: none; }
.panel { background: var(--panel); border: 1px solid var(--line); border-radius: 10px; padding: 16px 20px; margin: 16px 0; min-width: 0; }
.panel h2 { margin-top: 0; font-size: 1.1rem; }
.panel .note + h2 { margin-top: 24px; }
.columns { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 16px; }
.columns > .panel { margin: 0; }
@media (max-width: 800px) { .columns { grid-template-columns: minmax(0, 1fr); } }
.row { display: flex; flex-wrap: wrap; gap: 12px; }
.row > .field { flex: 1 1 140px; }
.field { margin-bottom: 12px; }
label { display: block; font-weight: 600; margin-bottom: 4px; }
input, select, textarea, button { font: inherit; color: inherit; }
input, select, textarea { width: 100%; padding: 8px 10px; border: 1px solid var(--muted); border-radius: 6px; background: var(--panel); }
[aria-invalid='true'] { border-color: var(--bad); border-width: 2px; }
button { padding: 8px 14px; border-radius: 6px; border: 1px solid var(--accent); background: var(--accent); color: var(--panel); cursor: pointer; min-height: 40px; }
button.secondary { background: transparent; color: var(--accent); }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.help, .note { color: var(--muted); font-size: 0.9rem; margin: 4px 0 0; }
.error { color: var(--bad); font-weight: 600; margin: 4px 0 0; }
.alert:empty { display: none; }
.alert { color: var(--bad); font-weight: 600; border: 2px solid var(--bad); border-radius: 6px; padding: 8px 12px; }
.actions { display: flex; gap: 8px; flex-wrap: wrap; }
.notices { list-style: none; padding: 0; margin: 0; display: grid; gap: 12px; }
.notices li { border: 1px solid var(--line); border-radius: 8px; padding: 12px; }
.notices h3 { margin: 0 0 4px; font-size: 1rem; overflow-wrap: anywhere; }
.notices p { margin: 0 0 8px; color: var(--muted); overflow-wrap: anywhere; }
.health { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 4px 16px; margin: 0; }
.health dt { font-weight: 600; }
.health dd { margin: 0; overflow-wrap: anywhere; }
status-banner { display: block; margin: 8px 0; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
