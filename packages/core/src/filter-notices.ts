import type { Notice, StatusSnapshot } from './types.js';

/**
 * The notices of a snapshot that touch the selected components. A selector is a component id or a component
 * name (case-insensitive); selecting a group selects its children. With no selectors, every notice.
 *
 * @example
 * filterNotices(snapshot, ['API', 'brv1bkgrwx7q']);
 */
export function filterNotices(snapshot: StatusSnapshot, selectors: readonly string[]): Notice[] {
  const wanted = selectors.map((s) => s.trim()).filter(Boolean);
  if (wanted.length === 0) return snapshot.notices;
  const names = new Set(wanted.map((s) => s.toLowerCase()));
  const ids = new Set(wanted);
  for (const component of snapshot.components) {
    if (ids.has(component.id) || names.has(component.name.toLowerCase())) {
      ids.add(component.id);
      for (const child of component.childIds ?? []) ids.add(child);
    }
  }
  return snapshot.notices.filter((notice) => notice.componentIds.some((id) => ids.has(id)));
}

/**
 * Reads an attribute value into selectors: comma-separated (`"API, Webhooks"`), or a JSON array for names
 * that contain commas (`'["Issues, PRs, Projects"]'`).
 */
export function parseSelectors(value: string | null | undefined): string[] {
  const text = (value ?? '').trim();
  if (text.startsWith('[')) {
    try {
      const list: unknown = JSON.parse(text);
      if (Array.isArray(list)) return list.filter((s): s is string => typeof s === 'string' && s.trim() !== '');
    } catch {
      // Not JSON after all: read it as a list.
    }
  }
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}
