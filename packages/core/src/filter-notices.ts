import type { Notice, StatusSnapshot } from './types.js';

/**
 * The notices of a snapshot that touch the selected components. A selector is a component id or a component
 * name (case-insensitive); selecting a group selects its children, whether the group lists them (`childIds`) or
 * they name it (`groupId`). With no selectors, every notice. Hiding a possible outage is the worse mistake, so two
 * kinds of notice are kept whatever they name:
 * - a notice that names no component at all (incident.io's compatible endpoints never do): nothing says it spares
 *   the selected ones;
 * - when the page marks a selected component as down (degraded or an outage) and no kept notice names it, every
 *   incident; when it marks one as under maintenance, every maintenance. The notice that explains it names other
 *   components: GitHub files its incidents under a placeholder component.
 *
 * How each provider's groups map is in docs/providers.md.
 *
 * @example
 * filterNotices(snapshot, ['API', 'brv1bkgrwx7q']);
 */
export function filterNotices(snapshot: StatusSnapshot, selectors: readonly string[]): Notice[] {
  const wanted = new Set(selectors.map((s) => s.trim().toLowerCase()).filter(Boolean));
  if (!wanted.size) return snapshot.notices;
  const ids = new Set<string>();
  for (const { id, name, childIds = [] } of snapshot.components) {
    if (wanted.has(id.toLowerCase()) || wanted.has(name.toLowerCase())) for (const selected of [id, ...childIds]) ids.add(selected);
  }
  // Children that point at a selected group (one level: no provider nests groups deeper).
  for (const { id, groupId } of snapshot.components) if (groupId && ids.has(groupId)) ids.add(id);
  // Ids the components list does not name (a payload without components) still select by id.
  const kept = snapshot.notices.filter(
    ({ componentIds }) => !componentIds.length || componentIds.some((id) => ids.has(id) || wanted.has(id.toLowerCase())),
  );
  // Selected components the page says are in trouble, which no kept notice explains: the kinds of notice to keep.
  // (Not groups: their state sums up their children's, each checked here on its own.)
  const groups = new Set(snapshot.components.map((c) => c.groupId));
  const unexplained = new Set<Notice['kind']>();
  for (const { id, status, childIds } of snapshot.components) {
    if (!ids.has(id) || childIds?.length || groups.has(id) || status === 'operational' || status === 'unknown') continue;
    if (kept.some((n) => n.componentIds.includes(id))) continue;
    unexplained.add(status === 'maintenance' ? 'maintenance' : 'incident');
  }
  return unexplained.size ? snapshot.notices.filter((notice) => kept.includes(notice) || unexplained.has(notice.kind)) : kept;
}

/**
 * Reads an attribute value into selectors: comma-separated (`"API, Webhooks"`), or a JSON array for names
 * that contain commas (`'["Issues, PRs, Projects"]'`).
 */
export function parseSelectors(value: string | null | undefined): string[] {
  const text = value?.trim() ?? '';
  try {
    const list: unknown = text[0] === '[' && JSON.parse(text);
    if (Array.isArray(list)) return list.filter((s) => typeof s === 'string' && s.trim());
  } catch {
    // Not JSON after all: read it as a list.
  }
  return text.split(',').map((s) => s.trim()).filter(Boolean);
}
