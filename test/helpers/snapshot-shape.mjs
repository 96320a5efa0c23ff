// The full shape of a StatusSnapshot, checked field by field down to every array item: what every parse must
// return, however broken its input. Plain JS (no chai), cheap enough to run on every fuzz case.

const SEVERITIES = new Set(['none', 'minor', 'major', 'critical', 'maintenance']);
const RANK = { none: 0, maintenance: 1, minor: 2, major: 3, critical: 4 };
const PHASES = new Set(['investigating', 'identified', 'monitoring', 'resolved', 'postmortem', 'scheduled', 'in_progress', 'verifying', 'completed', 'cancelled', 'unknown']);
const STATUSES = new Set(['operational', 'degraded', 'partial_outage', 'major_outage', 'maintenance', 'unknown']);
const NOTICE_KEYS = new Set(['id', 'kind', 'title', 'severity', 'phase', 'message', 'updatedAt', 'startedAt', 'scheduledStart', 'scheduledEnd', 'url', 'componentIds', 'revision']);
const COMPONENT_KEYS = new Set(['id', 'name', 'status', 'groupId', 'childIds']);
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const isText = (value, max) => typeof value === 'string' && value.length > 0 && value.length <= max && value.trim() === value;
const isUtc = (value) => typeof value === 'string' && ISO_UTC.test(value) && new Date(value).toISOString() === value;
function isHttpUrl(value) {
  if (typeof value !== 'string' || value.length > 2048) return false;
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}
const isPlain = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

/** What is wrong with `s` as a StatusSnapshot, or undefined when nothing is. */
export function snapshotProblem(s) {
  if (!isPlain(s)) return 'not an object';
  if (!isText(s.provider, 50)) return 'provider';
  if (!isPlain(s.page)) return 'page';
  for (const key of Object.keys(s.page)) if (key !== 'name' && key !== 'url') return `page.${key}`;
  if ('name' in s.page && !isText(s.page.name, 300)) return 'page.name';
  if ('url' in s.page && !isHttpUrl(s.page.url)) return 'page.url';
  if (!SEVERITIES.has(s.indicator)) return `indicator ${s.indicator}`;
  if (s.version !== undefined && !(Number.isSafeInteger(s.version) && s.version >= 0)) return 'version';
  if (!Array.isArray(s.notices) || s.notices.length > 50) return 'notices';
  let previous = Infinity;
  const ids = new Set();
  for (const n of s.notices) {
    if (!isPlain(n)) return 'notice';
    for (const key of Object.keys(n)) if (!NOTICE_KEYS.has(key)) return `notice.${key}`;
    if (!isText(n.id, 200)) return 'notice.id';
    ids.add(n.id);
    if (n.kind !== 'incident' && n.kind !== 'maintenance') return 'notice.kind';
    if (!isText(n.title, 300)) return 'notice.title';
    if (!SEVERITIES.has(n.severity)) return 'notice.severity';
    if (!PHASES.has(n.phase)) return 'notice.phase';
    if (RANK[n.severity] > previous) return 'notice order';
    previous = RANK[n.severity];
    if ('message' in n && !isText(n.message, 4000)) return 'notice.message';
    for (const key of ['updatedAt', 'startedAt', 'scheduledStart', 'scheduledEnd']) if (key in n && !isUtc(n[key])) return `notice.${key} ${n[key]}`;
    if ('url' in n && !isHttpUrl(n.url)) return `notice.url ${n.url}`;
    if (!Array.isArray(n.componentIds) || new Set(n.componentIds).size !== n.componentIds.length) return 'notice.componentIds';
    for (const id of n.componentIds) if (!isText(id, 200)) return 'componentId';
    if (typeof n.revision !== 'string' || n.revision.length > 300) return 'notice.revision';
  }
  if (!Array.isArray(s.components) || s.components.length > 2000) return 'components';
  for (const c of s.components) {
    if (!isPlain(c)) return 'component';
    for (const key of Object.keys(c)) if (!COMPONENT_KEYS.has(key)) return `component.${key}`;
    if (!isText(c.id, 200) || !isText(c.name, 300)) return 'component.id/name';
    if (!STATUSES.has(c.status)) return 'component.status';
    if ('groupId' in c && !isText(c.groupId, 200)) return 'component.groupId';
    if ('childIds' in c && !(Array.isArray(c.childIds) && c.childIds.every((id) => isText(id, 200)))) return 'component.childIds';
  }
  for (const key of Object.keys(s)) {
    if (!['provider', 'page', 'indicator', 'notices', 'components', 'version', 'pollAfterSeconds', 'staleAfterSeconds'].includes(key)) return `snapshot.${key}`;
  }
  return undefined;
}

// What plain text may not contain. A tag or comment as the flattener reads one (so also one that decoding made,
// which it defuses): a stricter rule than "no tag that was markup in the source", which it implies.
const MARKUP = /<\/?[a-z][a-z\d-]*\b[^<>]*>|<[!?][^<>]*>/i;
const ENTITY = /&(#\d+|#x[\da-f]+|[a-z][a-z\d]*);/gi;
// The named references status editors write (numeric ones are always references).
const NAMED = new Set(
  'amp lt gt quot apos nbsp shy lsquo rsquo sbquo ldquo rdquo bdquo laquo raquo ndash mdash hellip bull middot copy reg trade deg euro pound szlig'.split(' '),
);

/**
 * What is wrong with `text` as a title (`line`) or a message of a snapshot, or undefined: markup, a character
 * reference, or a run of whitespace (any whitespace in a title but single spaces; in a message, anything but single
 * spaces, line breaks and paragraph breaks, with no space beside a line break), or untrimmed ends.
 */
export function plainTextProblem(text, line) {
  if (typeof text !== 'string') return 'not a string';
  const markup = MARKUP.exec(text);
  if (markup) return `markup ${JSON.stringify(markup[0].slice(0, 40))}`;
  for (const [entity, body] of text.matchAll(ENTITY)) {
    if (body[0] === '#' || NAMED.has(body) || NAMED.has(body.toLowerCase())) return `entity ${entity}`;
  }
  if (text.trim() !== text) return 'untrimmed';
  if (line ? /[^\S ]| {2}/.test(text) : /[^\S \n]| {2}| \n|\n |\n{3}/.test(text)) return `whitespace in ${JSON.stringify(text.slice(0, 60))}`;
  return undefined;
}
