// The demo status page "Acme Cloud" as a pure function of (step, clock): no I/O, no timers, no globals that
// change. The server in server.mjs decides when a step begins; everything it serves is rendered from here.
//
// Field names, enums, key order and the shape of ids follow Atlassian Statuspage's public API v2 (see
// docs/providers.md and the captures in test/fixtures/real/statuspage/).

import { createHash } from 'node:crypto';

/** The default time between two phases of the timeline, in seconds. */
export const DEFAULT_STEP_SECONDS = 6;

/** Where shortlinks and `page.url` point when no base URL is given. */
export const DEFAULT_PAGE_URL = 'https://status.acme.example';

const PAGE_ID = 'y2k7acm3cl0d';
const PAGE_NAME = 'Acme Cloud';
// Components were created long before the demo starts; a fixed date keeps their `created_at` stable.
const COMPONENTS_CREATED_AT = '2023-01-16T09:30:00.000Z';
const MAINTENANCE_LEAD_MS = 2 * 60 * 60 * 1000;
const MAINTENANCE_LENGTH_MS = 60 * 60 * 1000;
// Real maintenance windows start on round times.
const MAINTENANCE_ROUNDING_MS = 5 * 60 * 1000;

/** @typedef {'operational' | 'degraded_performance' | 'partial_outage' | 'major_outage' | 'under_maintenance'} ComponentStatus */

const COMPONENTS = [
  { key: 'api', id: 'x1kq7v2m9d0a', name: 'API', description: 'REST API at api.acme.example' },
  { key: 'dashboard', id: 'b7r2n5w0c3jh', name: 'Dashboard', description: 'The web console' },
  { key: 'webhooks', id: 'h4t8p1z6y2qe', name: 'Webhooks', description: 'Event delivery to your endpoints' },
  { key: 'data', id: 'g9d3m0k5s7lw', name: 'Data platform', description: null, children: ['databases', 'storage'] },
  { key: 'databases', id: 'd2v6c8j1n4rf', name: 'Managed databases', description: 'PostgreSQL clusters', groupKey: 'data' },
  { key: 'storage', id: 's5w9b3q7x0tm', name: 'Object storage', description: 'Buckets and the CDN in front of them', groupKey: 'data' },
];
const COMPONENT_BY_KEY = new Map(COMPONENTS.map((c) => [c.key, c]));

// A group shows its worst child, as Statuspage rolls groups up.
const COMPONENT_STATUS_RANK = ['operational', 'under_maintenance', 'degraded_performance', 'partial_outage', 'major_outage'];

const INCIDENT = {
  name: 'Elevated error rates on the API',
  impact: 'major',
  components: ['api', 'webhooks'],
};

const MAINTENANCE = {
  name: 'Managed databases: storage engine upgrade',
  impact: 'maintenance',
  components: ['databases'],
};

/**
 * One entry per phase: what changed on the page when it began. `components` lists the components that are not
 * operational during the phase.
 */
const SCRIPT = [
  { phase: 'operational', components: {} },
  {
    phase: 'investigating',
    incident: 'investigating',
    components: { api: 'partial_outage', webhooks: 'degraded_performance' },
    body: 'We are investigating elevated error rates on the API. Some requests fail with 502 or 503 responses, and webhook deliveries are delayed.',
  },
  {
    phase: 'identified',
    incident: 'identified',
    components: { api: 'partial_outage', webhooks: 'degraded_performance' },
    body: 'The issue has been identified: a configuration change to the API gateways in eu-west-1 sent traffic to an undersized pool. We’re rolling the change back.',
  },
  {
    phase: 'monitoring',
    incident: 'monitoring',
    components: { api: 'degraded_performance' },
    body: 'A fix has been implemented and error rates are back to normal. Delayed webhooks are being delivered now.\n\nWe are monitoring the results.',
  },
  {
    phase: 'resolved',
    incident: 'resolved',
    components: {},
    body: 'This incident has been resolved. The API and webhook deliveries are operating normally.',
  },
  {
    phase: 'maintenance-scheduled',
    maintenance: 'scheduled',
    components: {},
    body: 'We will be undergoing scheduled maintenance during this time. Managed database clusters fail over once; open connections may drop for a few seconds and should be retried.',
  },
  {
    phase: 'maintenance-in-progress',
    maintenance: 'in_progress',
    components: { databases: 'under_maintenance' },
    body: 'Scheduled maintenance is currently in progress. We will provide updates as necessary.',
  },
  {
    phase: 'maintenance-completed',
    maintenance: 'completed',
    components: {},
    body: 'The scheduled maintenance has been completed.',
  },
];

/** The phases of the timeline, in order. Step `n` is in phase `PHASES[n % PHASES.length]`. */
export const PHASES = Object.freeze(SCRIPT.map((entry) => entry.phase));

const INCIDENT_STEPS = indexesWhere((entry) => entry.incident);
const MAINTENANCE_STEPS = indexesWhere((entry) => entry.maintenance);
const INCIDENT_SCHEDULED_AT = INCIDENT_STEPS[0];
const MAINTENANCE_SCHEDULED_AT = MAINTENANCE_STEPS[0];

/**
 * @typedef {object} TimelineOptions
 * @property {number} [stepSeconds] Seconds between phases (default {@link DEFAULT_STEP_SECONDS}); used to date
 *   the earlier phases of the cycle.
 * @property {string} [pageUrl] Base URL of the status page, for `page.url` and the shortlinks (default
 *   {@link DEFAULT_PAGE_URL}).
 */

/**
 * @typedef {object} TimelineState
 * @property {number} step The step index, counting from 0 and never wrapping.
 * @property {number} cycle How many times the timeline has looped before this step.
 * @property {string} phase One of {@link PHASES}.
 * @property {string} at When this step began (ISO-8601).
 * @property {Record<string, unknown>} page Statuspage `page` object.
 * @property {{ indicator: string, description: string }} status Statuspage `status` object.
 * @property {Record<string, unknown>[]} components Statuspage components, in position order.
 * @property {Record<string, any>[]} incidents Every incident this and the previous cycle, newest first.
 * @property {Record<string, any>[]} scheduledMaintenances Every maintenance this and the previous cycle, newest
 *   first.
 */

/**
 * The state of the demo status page at a step of the timeline. Pure: the same arguments give the same state.
 *
 * The earlier phases of the cycle are dated `stepSeconds` apart, counting back from `at`. Each cycle has its own
 * incident and maintenance ids, so a notice dismissed in one loop comes back in the next; the previous cycle's
 * incident and maintenance stay in the history endpoints.
 *
 * @param {number} step Step index, a non-negative integer.
 * @param {Date | number | string} at When the step began.
 * @param {TimelineOptions} [options]
 * @returns {TimelineState}
 *
 * @example
 * const state = timelineState(1, new Date());
 * state.phase; // 'investigating'
 * renderEndpoint(state, '/api/v2/summary.json').status.indicator; // 'major'
 */
export function timelineState(step, at, { stepSeconds = DEFAULT_STEP_SECONDS, pageUrl = DEFAULT_PAGE_URL } = {}) {
  if (!Number.isInteger(step) || step < 0) throw new RangeError(`step must be a non-negative integer, not ${step}`);
  if (!(stepSeconds > 0) || !Number.isFinite(stepSeconds)) throw new RangeError(`stepSeconds must be > 0, not ${stepSeconds}`);
  const atMs = new Date(at).getTime();
  if (Number.isNaN(atMs)) throw new RangeError(`at is not a valid time: ${at}`);

  const cycle = Math.floor(step / SCRIPT.length);
  const index = step % SCRIPT.length;
  const base = pageUrl.replace(/\/+$/, '');
  const ctx = {
    cycle,
    index,
    base,
    // When phase `k` of cycle `c` began.
    time: (c, k) => new Date(atMs - (step - (c * SCRIPT.length + k)) * stepSeconds * 1000).toISOString(),
  };

  const components = renderComponents(ctx);
  const incidents = [];
  const scheduledMaintenances = [];
  // Newest first: this cycle's notices (once begun), then the previous cycle's.
  for (const c of [cycle, cycle - 1]) {
    if (c < 0) continue;
    const upTo = c === cycle ? index : SCRIPT.length - 1;
    if (upTo >= INCIDENT_SCHEDULED_AT) incidents.push(renderIncident(ctx, c, upTo, components));
    if (upTo >= MAINTENANCE_SCHEDULED_AT) scheduledMaintenances.push(renderMaintenance(ctx, c, upTo, components));
  }

  return {
    step,
    cycle,
    phase: SCRIPT[index].phase,
    at: new Date(atMs).toISOString(),
    page: { id: PAGE_ID, name: PAGE_NAME, url: base, time_zone: 'Etc/UTC', updated_at: new Date(atMs).toISOString() },
    status: overallStatus(incidents, scheduledMaintenances),
    components,
    incidents,
    scheduledMaintenances,
  };
}

const UNRESOLVED = (incident) => incident.status !== 'resolved' && incident.status !== 'postmortem';
const UPCOMING = (maintenance) => maintenance.status === 'scheduled';
const ACTIVE = (maintenance) => maintenance.status === 'in_progress' || maintenance.status === 'verifying';

/**
 * The Statuspage v2 endpoints the demo serves, each a pure function of a {@link TimelineState}.
 * @type {Readonly<Record<string, (state: TimelineState) => Record<string, unknown>>>}
 */
export const ENDPOINTS = Object.freeze({
  '/api/v2/summary.json': (s) => ({
    page: s.page,
    components: s.components,
    incidents: s.incidents.filter(UNRESOLVED),
    scheduled_maintenances: s.scheduledMaintenances.filter((m) => UPCOMING(m) || ACTIVE(m)),
    status: s.status,
  }),
  '/api/v2/status.json': (s) => ({ page: s.page, status: s.status }),
  '/api/v2/components.json': (s) => ({ page: s.page, components: s.components }),
  '/api/v2/incidents.json': (s) => ({ page: s.page, incidents: s.incidents }),
  '/api/v2/incidents/unresolved.json': (s) => ({ page: s.page, incidents: s.incidents.filter(UNRESOLVED) }),
  '/api/v2/scheduled-maintenances.json': (s) => ({ page: s.page, scheduled_maintenances: s.scheduledMaintenances }),
  '/api/v2/scheduled-maintenances/upcoming.json': (s) => ({
    page: s.page,
    scheduled_maintenances: s.scheduledMaintenances.filter(UPCOMING),
  }),
  '/api/v2/scheduled-maintenances/active.json': (s) => ({
    page: s.page,
    scheduled_maintenances: s.scheduledMaintenances.filter(ACTIVE),
  }),
});

/**
 * The payload of one endpoint for a state.
 *
 * @param {TimelineState} state
 * @param {string} pathname An endpoint path such as `/api/v2/summary.json`.
 * @returns {Record<string, unknown> | undefined} The JSON value, or undefined for a path that is not an endpoint.
 */
export function renderEndpoint(state, pathname) {
  return Object.hasOwn(ENDPOINTS, pathname) ? ENDPOINTS[pathname](state) : undefined;
}

/**
 * A plain-text page for one incident or maintenance, what its `shortlink` opens (`<pageUrl>/incidents/<id>`).
 *
 * @param {TimelineState} state
 * @param {string} id An incident or maintenance id.
 * @returns {string | undefined} The text, or undefined when the state has no notice with that id.
 */
export function renderIncidentText(state, id) {
  const notice = [...state.incidents, ...state.scheduledMaintenances].find((n) => n.id === id);
  if (!notice) return undefined;
  const lines = [`${state.page.name}: ${notice.name}`, `status ${notice.status}, impact ${notice.impact}`];
  if (notice.scheduled_for) lines.push(`scheduled ${notice.scheduled_for} to ${notice.scheduled_until}`);
  for (const update of notice.incident_updates) lines.push('', `${update.status} (${update.display_at})`, update.body);
  return `${lines.join('\n')}\n`;
}

function renderComponents({ cycle, index, time }) {
  const rows = COMPONENTS.map((component, position) => {
    const status = componentStatus(component, index);
    const changed = lastChange(component, cycle, index);
    return {
      id: component.id,
      name: component.name,
      status,
      created_at: COMPONENTS_CREATED_AT,
      updated_at: changed ? time(changed.cycle, changed.index) : COMPONENTS_CREATED_AT,
      position: position + 1,
      description: component.description,
      showcase: !component.children,
      group_id: component.groupKey ? COMPONENT_BY_KEY.get(component.groupKey).id : null,
      page_id: PAGE_ID,
      group: Boolean(component.children),
      only_show_if_degraded: false,
      ...(component.children ? { components: component.children.map((key) => COMPONENT_BY_KEY.get(key).id) } : {}),
    };
  });
  return rows;
}

/** @returns {ComponentStatus} */
function componentStatus(component, index) {
  if (component.children) {
    const ranks = component.children.map((key) => COMPONENT_STATUS_RANK.indexOf(componentStatus(COMPONENT_BY_KEY.get(key), index)));
    return /** @type {ComponentStatus} */ (COMPONENT_STATUS_RANK[Math.max(...ranks)]);
  }
  return SCRIPT[index].components[component.key] ?? 'operational';
}

// The phase (of this cycle, else the previous one) in which a component last changed status.
function lastChange(component, cycle, index) {
  const changes = SCRIPT.map((_, k) => k).filter(
    (k) => componentStatus(component, k) !== componentStatus(component, (k + SCRIPT.length - 1) % SCRIPT.length),
  );
  const thisCycle = changes.filter((k) => k <= index).at(-1);
  if (thisCycle !== undefined) return { cycle, index: thisCycle };
  if (cycle > 0 && changes.length > 0) return { cycle: cycle - 1, index: changes.at(-1) };
  return undefined;
}

function renderIncident(ctx, c, upTo, components) {
  const steps = INCIDENT_STEPS.filter((k) => k <= upTo);
  const latest = steps.at(-1);
  const reached = (status) => {
    const k = INCIDENT_STEPS.find((i) => SCRIPT[i].incident === status);
    return k <= upTo ? ctx.time(c, k) : null;
  };
  const id = makeId('incident', c);
  return {
    id,
    name: INCIDENT.name,
    status: SCRIPT[latest].incident,
    created_at: ctx.time(c, INCIDENT_SCHEDULED_AT),
    updated_at: ctx.time(c, latest),
    monitoring_at: reached('monitoring'),
    resolved_at: reached('resolved'),
    impact: INCIDENT.impact,
    shortlink: `${ctx.base}/incidents/${id}`,
    started_at: ctx.time(c, INCIDENT_SCHEDULED_AT),
    page_id: PAGE_ID,
    incident_updates: renderUpdates(ctx, c, id, steps, INCIDENT.components, 'incident'),
    components: components.filter((row) => INCIDENT.components.some((key) => COMPONENT_BY_KEY.get(key).id === row.id)),
  };
}

function renderMaintenance(ctx, c, upTo, components) {
  const steps = MAINTENANCE_STEPS.filter((k) => k <= upTo);
  const latest = steps.at(-1);
  const id = makeId('maintenance', c);
  const scheduledAt = new Date(ctx.time(c, MAINTENANCE_SCHEDULED_AT)).getTime();
  const scheduledFor = Math.ceil((scheduledAt + MAINTENANCE_LEAD_MS) / MAINTENANCE_ROUNDING_MS) * MAINTENANCE_ROUNDING_MS;
  const status = SCRIPT[latest].maintenance;
  return {
    id,
    name: MAINTENANCE.name,
    status,
    created_at: ctx.time(c, MAINTENANCE_SCHEDULED_AT),
    updated_at: ctx.time(c, latest),
    monitoring_at: null,
    resolved_at: status === 'completed' ? ctx.time(c, latest) : null,
    impact: MAINTENANCE.impact,
    shortlink: `${ctx.base}/incidents/${id}`,
    // Statuspage sets started_at when the maintenance is created, as in the real captures.
    started_at: ctx.time(c, MAINTENANCE_SCHEDULED_AT),
    page_id: PAGE_ID,
    incident_updates: renderUpdates(ctx, c, id, steps, MAINTENANCE.components, 'maintenance'),
    components: components.filter((row) => MAINTENANCE.components.some((key) => COMPONENT_BY_KEY.get(key).id === row.id)),
    scheduled_for: new Date(scheduledFor).toISOString(),
    scheduled_until: new Date(scheduledFor + MAINTENANCE_LENGTH_MS).toISOString(),
    reminder_intervals: '[3, 6, 12, 24]',
  };
}

function renderUpdates(ctx, c, noticeId, steps, componentKeys, kind) {
  return steps
    .map((k) => {
      const at = ctx.time(c, k);
      return {
        id: makeId(`${kind}-update`, c, k),
        status: SCRIPT[k][kind],
        body: SCRIPT[k].body,
        incident_id: noticeId,
        created_at: at,
        updated_at: at,
        display_at: at,
        affected_components: componentKeys.map((key) => {
          const component = COMPONENT_BY_KEY.get(key);
          const group = component.groupKey ? COMPONENT_BY_KEY.get(component.groupKey) : undefined;
          return {
            code: component.id,
            // Statuspage names a grouped component "Group - Component" here.
            name: group ? `${group.name} - ${component.name}` : component.name,
            old_status: componentStatus(component, (k + SCRIPT.length - 1) % SCRIPT.length),
            new_status: componentStatus(component, k),
          };
        }),
        deliver_notifications: true,
        custom_tweet: null,
        tweet_id: null,
      };
    })
    .reverse();
}

function overallStatus(incidents, maintenances) {
  const open = incidents.filter(UNRESOLVED);
  if (open.length > 0) {
    const impact = ['critical', 'major', 'minor'].find((level) => open.some((i) => i.impact === level));
    if (impact === 'critical') return { indicator: 'critical', description: 'Major Service Outage' };
    if (impact === 'major') return { indicator: 'major', description: 'Partial System Outage' };
    if (impact === 'minor') return { indicator: 'minor', description: 'Partially Degraded Service' };
  }
  if (maintenances.some(ACTIVE)) return { indicator: 'maintenance', description: 'Service Under Maintenance' };
  return { indicator: 'none', description: 'All Systems Operational' };
}

// Statuspage ids are 12 lowercase alphanumerics; derive them so each cycle's are stable and distinct.
function makeId(...parts) {
  const digest = createHash('sha256').update(parts.join(':')).digest();
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  let id = '';
  for (let i = 0; i < 12; i += 1) id += alphabet[digest[i] % alphabet.length];
  return id;
}

function indexesWhere(predicate) {
  return SCRIPT.flatMap((entry, index) => (predicate(entry) ? [index] : []));
}
