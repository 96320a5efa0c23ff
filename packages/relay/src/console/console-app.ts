// The console in the browser: signs in with a publish token (kept in sessionStorage: this tab only), posts,
// updates, resolves and deletes notices through the relay's API, previews each draft in a real <status-banner>
// fed the snapshot the relay would serve, and shows the upstream's state and the relay's health. Everything
// from the server is written as text. Its parts are in app/, served beside it.

import { $, alertText, announce, clearFieldError, control, form, showFieldError } from './app/dom.js';
import { renderHealth } from './app/health-view.js';
import { FIELDS, fillForm, formBody, updatePhases, type StoredNotice } from './app/notice-form.js';

const TOKEN_KEY = 'status-banner-relay-token';

let token = sessionStorage.getItem(TOKEN_KEY) ?? '';
let editing: StoredNotice | undefined;
let previewUrl: string | undefined;
let previewTimer: ReturnType<typeof setTimeout> | undefined;
let previewSeq = 0;
let events: EventSource | undefined;

/** Calls the relay's API with `bearer` (the signed-in token unless another is being tried). */
async function api(method: string, path: string, body?: unknown, bearer = token): Promise<{ status: number; data: Record<string, any> }> {
  const headers: Record<string, string> = { Authorization: `Bearer ${bearer}` };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store' });
  const data = await res.json().catch(() => ({}));
  // The token we are signed in with stopped working (revoked, expired): sign out. A token being tried is not it.
  if (res.status === 401 && bearer && bearer === token) signOut('Your token was not accepted. Sign in again.');
  return { status: res.status, data };
}

function showSignedIn(name: string): void {
  $('sign-in').hidden = true;
  $('app').hidden = false;
  $('who').hidden = false;
  $('who-name').textContent = name;
  alertText('');
  events ??= new EventSource('/stream');
  events.addEventListener('snapshot', () => void refresh());
  void refresh();
  updatePhases();
  schedulePreview();
}

function signOut(message?: string): void {
  token = '';
  clearTimeout(previewTimer);
  sessionStorage.removeItem(TOKEN_KEY);
  events?.close();
  events = undefined;
  $('app').hidden = true;
  $('who').hidden = true;
  $('sign-in').hidden = false;
  if (message) alertText(message);
  $('token').focus();
}

async function signIn(event: SubmitEvent): Promise<void> {
  event.preventDefault();
  const input = $<HTMLInputElement>('token');
  // Tried, not yet ours: until the relay accepts it, nothing else (a refresh the live banner asks for) uses it.
  const candidate = input.value.trim();
  if (!candidate) {
    showFieldError('token', 'Enter your publish token.');
    input.focus();
    return;
  }
  const { status, data } = await api('GET', '/v1/whoami', undefined, candidate);
  if (status !== 200) {
    showFieldError('token', status === 429 ? 'Too many attempts; wait a minute.' : 'That token is not valid.');
    alertText(status === 429 ? 'Too many attempts; wait a minute.' : 'That token is not valid.');
    input.focus();
    return;
  }
  clearFieldError('token');
  token = candidate;
  sessionStorage.setItem(TOKEN_KEY, token);
  input.value = '';
  showSignedIn(data.name);
  announce(`Signed in as ${data.name}.`);
  $('form-title').focus();
}

function schedulePreview(): void {
  clearTimeout(previewTimer);
  previewTimer = setTimeout(() => void preview(), 250);
}

async function preview(): Promise<void> {
  const note = $('preview-note');
  const banner = $('preview') as HTMLElement & { src?: string };
  const seq = (previewSeq += 1);
  if (!control('title').value.trim()) {
    note.textContent = 'Type a title to see the preview.';
    return;
  }
  const { status, data } = await api('POST', `/v1/preview${editing ? `?id=${encodeURIComponent(editing.id)}` : ''}`, formBody(!!editing));
  if (seq !== previewSeq) return;
  if (status !== 200) {
    note.textContent = data.field ? `Not yet valid: ${data.message}` : `No preview: ${data.message ?? `HTTP ${status}`}`;
    return;
  }
  const shown = (data.notices as { title: string }[]).length;
  note.textContent = shown ? `${shown} notice${shown === 1 ? '' : 's'} would be open; the banner shows the most severe.` : 'Nothing would be shown: all clear.';
  const next = URL.createObjectURL(new Blob([JSON.stringify(data)], { type: 'application/json' }));
  banner.src = next;
  // The banner has fetched the old one by now, or never will.
  if (previewUrl) setTimeout(URL.revokeObjectURL, 5000, previewUrl);
  previewUrl = next;
}

async function submit(event: SubmitEvent): Promise<void> {
  event.preventDefault();
  for (const name of FIELDS) clearFieldError(name);
  alertText('');
  const payload = formBody(!!editing);
  const { status, data } = editing ? await api('PATCH', `/v1/notices/${encodeURIComponent(editing.id)}`, payload) : await api('POST', '/v1/notices', payload);
  if (status === 200 || status === 201) {
    announce(`${editing ? 'Saved' : 'Published'} "${payload.title}" as version ${data.version}.`);
    stopEditing();
    void refresh();
    return;
  }
  if (status === 401) return;
  const field = typeof data.field === 'string' ? data.field.replace(/\[\d+\]$/, '') : undefined;
  if (field && (FIELDS as readonly string[]).includes(field)) {
    showFieldError(field, data.message);
    $(field).focus();
  }
  alertText(`Not ${editing ? 'saved' : 'published'}: ${data.message ?? `HTTP ${status}`}`);
}

function startEditing(notice: StoredNotice): void {
  editing = notice;
  fillForm(notice);
  $('form-title').textContent = `Update "${notice.title}"`;
  $('submit').textContent = 'Save changes';
  $('cancel-edit').hidden = false;
  $('form-title').focus();
  schedulePreview();
}

function stopEditing(): void {
  editing = undefined;
  form().reset();
  updatePhases();
  $('form-title').textContent = 'Post a notice';
  $('submit').textContent = 'Publish';
  $('cancel-edit').hidden = true;
  schedulePreview();
}

function button(label: string, name: string, onClick: (target: HTMLButtonElement) => void): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.className = 'secondary';
  element.textContent = label;
  element.setAttribute('aria-label', `${label} "${name}"`);
  element.addEventListener('click', () => onClick(element));
  return element;
}

function renderNotices(list: StoredNotice[]): void {
  const items = list.map((notice) => {
    const item = document.createElement('li');
    const title = document.createElement('h3');
    title.textContent = notice.title;
    const meta = document.createElement('p');
    const state = notice.closedAt ? `closed (${notice.phase})` : notice.phase.replace('_', ' ');
    meta.textContent = `${notice.kind}, ${notice.severity}, ${state}. Updated ${new Date(notice.updatedAt).toLocaleString()} by ${notice.updatedBy}.`;
    const actions = document.createElement('div');
    actions.className = 'actions';
    actions.append(button('Edit', notice.title, () => startEditing(notice)));
    if (!notice.closedAt) {
      actions.append(
        button('Resolve', notice.title, async () => {
          const { status, data } = await api('POST', `/v1/notices/${encodeURIComponent(notice.id)}/resolve`);
          if (status === 200) announce(`Resolved "${notice.title}" (version ${data.version}).`);
          else alertText(`Not resolved: ${data.message ?? `HTTP ${status}`}`);
          void refresh();
        }),
      );
    }
    actions.append(
      button('Delete', notice.title, async (target) => {
        // Two steps: a deleted notice is gone from the record, not just closed.
        if (target.dataset.confirm !== 'yes') {
          target.dataset.confirm = 'yes';
          target.textContent = 'Confirm delete';
          target.setAttribute('aria-label', `Confirm delete "${notice.title}"`);
          return;
        }
        const { status, data } = await api('DELETE', `/v1/notices/${encodeURIComponent(notice.id)}`);
        if (status === 200) announce(`Deleted "${notice.title}".`);
        else alertText(`Not deleted: ${data.message ?? `HTTP ${status}`}`);
        void refresh();
      }),
    );
    item.append(title, meta, actions);
    return item;
  });
  $('notices').replaceChildren(...items);
  $('notices-empty').hidden = items.length > 0;
}

let refreshing: Promise<void> | undefined;
function refresh(): Promise<void> {
  // Signed out: the live banner still runs (it needs no token), but there is nothing of ours to show.
  if (!token) return Promise.resolve();
  refreshing ??= (async () => {
    try {
      const [notices, status] = await Promise.all([api('GET', '/v1/notices'), api('GET', '/v1/status')]);
      if (notices.status === 200) renderNotices(notices.data.notices);
      if (status.status === 200) renderHealth(status.data);
      const live = document.querySelector('#live') as (HTMLElement & { state?: { notices: unknown[] } }) | null;
      $('live-note').textContent = live?.state?.notices.length === 0 ? 'Nothing is shown now: all clear.' : '';
    } finally {
      refreshing = undefined;
    }
  })();
  return refreshing;
}

function start(): void {
  $<HTMLFormElement>('sign-in-form').addEventListener('submit', (event) => void signIn(event));
  form().addEventListener('submit', (event) => void submit(event));
  form().addEventListener('input', (event) => {
    if ((event.target as HTMLElement).id === 'kind') updatePhases();
    schedulePreview();
  });
  form().addEventListener('change', (event) => {
    if ((event.target as HTMLElement).id === 'kind') {
      updatePhases();
      schedulePreview();
    }
  });
  $('cancel-edit').addEventListener('click', () => {
    stopEditing();
    announce('Editing cancelled.');
  });
  $('sign-out').addEventListener('click', () => {
    signOut();
    announce('Signed out.');
  });
  document.getElementById('live')?.addEventListener('status-banner-change', () => void refresh());
  updatePhases();
  if (token) {
    void api('GET', '/v1/whoami').then(({ status, data }) => (status === 200 ? showSignedIn(data.name) : signOut()));
  } else $('token').focus();
}

start();
