// The console in the browser: signs in with a publish token (kept in sessionStorage: this tab only), posts,
// updates, resolves and deletes notices through the relay's API, previews each draft in a real <status-banner>
// fed the snapshot the relay would serve, and shows the upstream's state and the relay's health. Everything
// from the server is written as text.

const TOKEN_KEY = 'status-banner-relay-token';
const FIELDS = ['title', 'kind', 'severity', 'phase', 'message', 'url', 'components', 'startsAt', 'endsAt'] as const;
const PHASES: Record<string, [string, string][]> = {
  incident: [['investigating', 'Investigating'], ['identified', 'Identified'], ['monitoring', 'Monitoring']],
  maintenance: [['', 'By its times'], ['scheduled', 'Scheduled'], ['in_progress', 'In progress'], ['verifying', 'Verifying']],
};

interface StoredNotice {
  id: string;
  kind: string;
  title: string;
  severity: string;
  phase: string;
  message?: string;
  url?: string;
  componentIds: string[];
  startsAt?: string;
  endsAt?: string;
  updatedAt: string;
  updatedBy: string;
  createdBy: string;
  closedAt?: string;
}

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const form = () => $<HTMLFormElement>('notice-form');
const control = (name: string) => $<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(name);

let token = sessionStorage.getItem(TOKEN_KEY) ?? '';
let editing: StoredNotice | undefined;
let previewUrl: string | undefined;
let previewTimer: ReturnType<typeof setTimeout> | undefined;
let previewSeq = 0;
let events: EventSource | undefined;

function announce(text: string): void {
  const region = $('announcer');
  // Cleared first so the same words said twice are announced twice.
  region.textContent = '';
  setTimeout(() => (region.textContent = text), 50);
}

function alertText(text: string): void {
  $('alert').textContent = text;
}

async function api(method: string, path: string, body?: unknown): Promise<{ status: number; data: Record<string, any> }> {
  const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store' });
  const data = await res.json().catch(() => ({}));
  if (res.status === 401) signOut('Your token was not accepted. Sign in again.');
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
  token = input.value.trim();
  if (!token) {
    showFieldError('token', 'Enter your publish token.');
    input.focus();
    return;
  }
  const { status, data } = await api('GET', '/v1/whoami');
  if (status !== 200) {
    showFieldError('token', status === 429 ? 'Too many attempts; wait a minute.' : 'That token is not valid.');
    alertText(status === 429 ? 'Too many attempts; wait a minute.' : 'That token is not valid.');
    input.focus();
    return;
  }
  clearFieldError('token');
  sessionStorage.setItem(TOKEN_KEY, token);
  input.value = '';
  showSignedIn(data.name);
  announce(`Signed in as ${data.name}.`);
  $('form-title').focus();
}

function showFieldError(name: string, message: string): void {
  const error = $(`${name}-error`);
  error.textContent = message;
  error.hidden = false;
  $(name).setAttribute('aria-invalid', 'true');
}

function clearFieldError(name: string): void {
  const error = $(`${name}-error`);
  error.textContent = '';
  error.hidden = true;
  $(name).removeAttribute('aria-invalid');
}

function updatePhases(selected?: string): void {
  const kind = control('kind').value;
  const phase = control('phase') as HTMLSelectElement;
  phase.replaceChildren(...PHASES[kind]!.map(([value, label]) => new Option(label, value, false, value === (selected ?? phase.value))));
  const severity = control('severity') as HTMLSelectElement;
  if (kind === 'maintenance') severity.value = 'maintenance';
  else if (severity.value === 'maintenance') severity.value = 'major';
}

const localToIso = (value: string) => (value ? new Date(value).toISOString() : undefined);
function isoToLocal(iso?: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The form as a request body: a create, or (when editing) an update that clears emptied fields. */
function body(): Record<string, unknown> {
  const value = (name: string) => control(name).value.trim();
  const out: Record<string, unknown> = { title: value('title'), kind: value('kind'), severity: value('severity') };
  if (value('phase')) out.phase = value('phase');
  const optional: Record<string, unknown> = {
    message: value('message') || undefined,
    url: value('url') || undefined,
    components: value('components') ? value('components').split(',').map((id) => id.trim()).filter(Boolean) : undefined,
    startsAt: localToIso(value('startsAt')),
    endsAt: localToIso(value('endsAt')),
  };
  for (const [key, v] of Object.entries(optional)) {
    if (v !== undefined) out[key] = v;
    else if (editing) out[key] = key === 'components' ? [] : null;
  }
  return out;
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
  const { status, data } = await api('POST', `/v1/preview${editing ? `?id=${encodeURIComponent(editing.id)}` : ''}`, body());
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
  const payload = body();
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
  control('title').value = notice.title;
  control('kind').value = notice.kind;
  updatePhases(notice.phase);
  control('severity').value = notice.severity;
  control('message').value = notice.message ?? '';
  control('url').value = notice.url ?? '';
  control('components').value = notice.componentIds.join(', ');
  control('startsAt').value = isoToLocal(notice.startsAt);
  control('endsAt').value = isoToLocal(notice.endsAt);
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

function renderHealth(status: Record<string, any>): void {
  const rows: [string, string][] = [
    ['Version served', String(status.version)],
    ['Upstream', status.upstream ? `${status.upstream.url}${status.upstream.provider ? ` (${status.upstream.provider})` : ''}` : 'none: notices posted here only'],
  ];
  if (status.upstream) {
    rows.push(['Upstream state', status.upstream.state === 'stale' ? `stale since ${new Date(status.upstream.since).toLocaleString()}: showing its last good state` : status.upstream.state]);
    rows.push(['Last good read', status.upstream.lastSuccessAt ? new Date(status.upstream.lastSuccessAt).toLocaleString() : 'none yet']);
    if (status.upstream.lastFailure) rows.push(['Last failure', status.upstream.lastFailure]);
  }
  rows.push(['Store', `${status.store.ok ? 'healthy' : 'failing'}: ${status.store.detail}`]);
  rows.push(['Open streams on this node', String(status.streams)]);
  $('health').replaceChildren(
    ...rows.flatMap(([term, value]) => {
      const dt = document.createElement('dt');
      dt.textContent = term;
      const dd = document.createElement('dd');
      dd.textContent = value;
      return [dt, dd];
    }),
  );
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
