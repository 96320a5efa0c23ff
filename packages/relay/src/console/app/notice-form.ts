// The notice form: its fields, the phases each kind offers, and the conversions between the form's local
// date-times and a notice's ISO times, both ways.

import { control } from './dom.js';

/** A notice as the relay's API returns it. */
export interface StoredNotice {
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

export const FIELDS = ['title', 'kind', 'severity', 'phase', 'message', 'url', 'components', 'startsAt', 'endsAt'] as const;
const PHASES: Record<string, [string, string][]> = {
  incident: [['investigating', 'Investigating'], ['identified', 'Identified'], ['monitoring', 'Monitoring']],
  maintenance: [['', 'By its times'], ['scheduled', 'Scheduled'], ['in_progress', 'In progress'], ['verifying', 'Verifying']],
};

/** Offers the phases of the chosen kind, and keeps the severity one that kind can have. */
export function updatePhases(selected?: string): void {
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

/** The form as a request body: a create, or (when `editing`) an update that clears emptied fields. */
export function formBody(editing: boolean): Record<string, unknown> {
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

/** Puts `notice` in the form, to be edited. */
export function fillForm(notice: StoredNotice): void {
  control('title').value = notice.title;
  control('kind').value = notice.kind;
  updatePhases(notice.phase);
  control('severity').value = notice.severity;
  control('message').value = notice.message ?? '';
  control('url').value = notice.url ?? '';
  control('components').value = notice.componentIds.join(', ');
  control('startsAt').value = isoToLocal(notice.startsAt);
  control('endsAt').value = isoToLocal(notice.endsAt);
}
