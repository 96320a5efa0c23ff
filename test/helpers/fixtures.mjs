// Every fixture the provider tests, the fuzz test and the bench read: the real captures (test/fixtures/real,
// provenance in its SOURCES.md) and the ones written from vendor docs (test/fixtures/docs/*-from-docs.json),
// each with the provider it must be detected as and the time it was captured at (or, from docs, is set at).
// Plain data, so Node tests, the bench and the browser tests share one list.

/** The file of a fixture reference (`real/…` or `docs/…`, relative to test/fixtures/). */
export const fixturePath = (ref) => new URL(`../fixtures/${ref}`, import.meta.url).pathname;

/** When every from-docs fixture is set: its incidents are open, one maintenance under way, one due tomorrow. */
export const DOCS_NOW = '2026-11-22T10:45:00Z';

/**
 * `real/<folder>/<file>` or `docs/<file>`, the provider it is, the moment to judge it at, and, for a capture of a
 * list the provider also serves inside its status answer, the key it is handed over under (`wrap`): Slack's
 * `/history` lists the same incident objects as `/current` lists under `active_incidents`.
 */
export const FIXTURES = [
  ['real/statuspage/cloudamqp-summary-maintenance-in-progress-2020-07-16.json', 'statuspage', '2020-07-16T21:10:38Z'],
  ['real/statuspage/emma-incidents-22-resolved-america-chicago-offsets-2019-02-21.json', 'statuspage', '2019-02-21T14:31:25Z'],
  ['real/statuspage/githubstatus-components-trimmed-2024-09-17.json', 'statuspage', '2024-09-17T08:00:00Z'],
  ['real/statuspage/githubstatus-incidents-two-resolved-with-html-br-2024-09-16.json', 'statuspage', '2024-09-17T08:08:17Z'],
  ['real/statuspage/githubstatus-summary-all-operational-2019-12-30.json', 'statuspage', '2019-12-30T08:15:33Z'],
  ['real/statuspage/githubstatus-summary-major-outage-investigating-2020-04-02.json', 'statuspage', '2020-04-02T20:37:08Z'],
  ['real/statuspage/htx-summary-upcoming-maintenance-and-investigating-incident-2020-02-11.json', 'statuspage', '2020-02-11T03:16:31Z'],
  ['real/statuspage/twilio-summary-large-73-components-2-incidents-9-maintenances-2020-06-16.json', 'statuspage', '2020-06-16T21:00:30Z'],
  ['real/statuspage/docs-examples/statuspage-docs-example-summary-with-github-page-header-2020-07-12.json', 'statuspage', '2020-07-12T12:00:00Z'],
  ['real/statusio/docker-status-partial-disruption-1-incident-2020-07-16.json', 'statusio', '2020-07-16T17:30:00Z'],
  ['real/statusio/gitlab-status-active-maintenance-2020-09-05.json', 'statusio', '2020-09-05T10:00:00Z'],
  ['real/statusio/gitlab-status-security-issue-600-2020-02-09.json', 'statusio', '2020-02-09T19:00:00Z'],
  ['real/uptimekuma/status-page-dashboard-1x-incident-null-unraid-2026-09-30.json', 'uptimekuma', '2026-09-30T20:20:00Z'],
  ['real/uptimekuma/heartbeat-dashboard-naive-timestamps-2026-09-30.json', 'uptimekuma', '2026-09-30T20:20:00Z'],
  ['real/cachet/cachet-3x-demo-incidents-investigating-and-fixed-2024-10-27.json', 'cachet', '2024-10-27T09:06:00Z'],
  ['real/instatus/instatus-v1-summary-docs-recorded-investigating-incident-and-maintenance-2022-06-11.json', 'instatus', '2022-06-11T18:56:16Z'],
  ['real/other/heroku-status-current-open-incident-2019-10-24.json', 'heroku', '2019-10-24T19:00:00Z'],
  ['real/other/heroku-status-current-completed-maintenance-2020-11-09.json', 'heroku', '2020-11-09T20:00:00Z'],
  ['real/other/slack-status-v2-current-2-active-incidents-2020-07-30.json', 'slack', '2020-07-30T23:00:00Z'],
  ['real/slack/slack-status-v2-history-1-active-html-notes-4-resolved-2026-08-18.json', 'slack', '2026-08-18T12:00:00Z', 'active_incidents'],
  ['real/slack/slack-status-v2-current-ok-2021-06-04.json', 'slack', '2021-06-05T01:20:00Z'],
  ['docs/incidentio-statuspage-compat-summary-operational-from-docs.json', 'statuspage', '2025-06-09T08:00:00Z'],
  ['docs/incidentio-statuspage-compat-summary-outage-from-docs.json', 'statuspage', '2025-06-10T14:40:00Z'],
  ['docs/incidentio-widget-summary-incident-and-maintenance-from-docs.json', 'incidentio', DOCS_NOW],
  ['docs/incidentio-widget-summary-all-clear-from-docs.json', 'incidentio', DOCS_NOW],
  ['docs/instatus-v1-summary-incident-and-maintenance-from-docs.json', 'instatus', DOCS_NOW],
  ['docs/instatus-v1-summary-all-clear-from-docs.json', 'instatus', DOCS_NOW],
  ['docs/instatus-v3-summary-incident-and-maintenance-from-docs.json', 'instatus', DOCS_NOW],
  ['docs/instatus-v3-summary-all-clear-from-docs.json', 'instatus', DOCS_NOW],
  ['docs/betterstack-index-incident-and-maintenance-from-docs.json', 'betterstack', DOCS_NOW],
  ['docs/betterstack-index-all-clear-from-docs.json', 'betterstack', DOCS_NOW],
  ['docs/betterstack-index-resolved-report-with-null-ends-at-from-docs.json', 'betterstack', DOCS_NOW],
  ['docs/cachet-2x-incidents-schedules-components-from-docs.json', 'cachet', DOCS_NOW],
  ['docs/cachet-2x-incidents-all-clear-from-docs.json', 'cachet', DOCS_NOW],
  ['docs/cachet-3x-incidents-schedules-components-from-docs.json', 'cachet', DOCS_NOW],
  ['docs/cachet-3x-incidents-all-clear-from-docs.json', 'cachet', DOCS_NOW],
  ['docs/cachet-24-incidents-with-updates-schedules-components-from-docs.json', 'cachet', DOCS_NOW],
  ['docs/cachet-3x-incidents-with-included-updates-from-docs.json', 'cachet', DOCS_NOW],
  ['docs/uptimekuma-2x-status-page-with-heartbeat-incidents-and-maintenance-from-docs.json', 'uptimekuma', DOCS_NOW],
  ['docs/uptimekuma-2x-status-page-with-heartbeat-all-clear-from-docs.json', 'uptimekuma', DOCS_NOW],
  ['docs/uptimekuma-1x-status-page-incident-from-docs.json', 'uptimekuma', DOCS_NOW],
  ['docs/statusio-upcoming-maintenance-from-docs.json', 'statusio', DOCS_NOW],
  ['docs/statusio-all-clear-from-docs.json', 'statusio', DOCS_NOW],
  ['docs/openstatus-status-operational-from-docs.json', 'openstatus', DOCS_NOW],
  ['docs/openstatus-status-degraded-performance-from-docs.json', 'openstatus', DOCS_NOW],
  ['docs/openstatus-status-under-maintenance-from-docs.json', 'openstatus', DOCS_NOW],
  ['docs/openstatus-status-incident-from-docs.json', 'openstatus', DOCS_NOW],
  ['docs/sorry-page-incident-and-maintenance-from-docs.json', 'sorry', DOCS_NOW],
  ['docs/sorry-page-all-clear-from-docs.json', 'sorry', DOCS_NOW],
  ['docs/heroku-current-status-maintenance-in-progress-and-upcoming-from-docs.json', 'heroku', DOCS_NOW],
  ['docs/heroku-current-status-all-clear-from-docs.json', 'heroku', DOCS_NOW],
  ['docs/slack-current-notice-and-outage-from-docs.json', 'slack', DOCS_NOW],
  ['docs/slack-current-ok-from-docs.json', 'slack', DOCS_NOW],
].map(([ref, provider, now, wrap]) => ({ ref, provider, now, ...(wrap && { wrap }) }));

/**
 * The reference of a fixture's expected reading, kept beside it: `x.json` → `x.expected.json`. Written by
 * `npm run snapshots:update` (scripts/update-snapshots.mjs), compared by packages/core/test/providers/.
 */
export const expectedRef = (ref) => ref.replace(/\.json$/, '.expected.json');

/** A component as an expected reading lists it: `[id, name, status]`, then the group a child names, or a group's children. */
export const componentRow = ({ id, name, status, groupId, childIds }) => [id, name, status, ...(groupId ? [groupId] : childIds ? [childIds] : [])];

/** What an expected reading holds of a snapshot: the indicator, the page, every notice field by field, every component. */
export const readingOf = (snapshot) => ({
  indicator: snapshot.indicator,
  page: snapshot.page,
  notices: snapshot.notices,
  components: snapshot.components.map(componentRow),
});

/** Whether a file under test/fixtures is an expected reading rather than a payload, so folder scans skip it. */
export const isExpected = (file) => String(file).endsWith('.expected.json');

/** The payload a fixture stands for: its parsed JSON, handed over under `wrap` when it has one. */
export const payloadOf = (fixture, data) => (fixture.wrap ? { [fixture.wrap]: data } : data);

/**
 * Whether a fixture is a real capture: a response recorded from a live page (`real/`), not written from a vendor's
 * documentation (`docs/`, and the documentation examples kept beside the real Statuspage captures).
 */
export const isReal = (fixture) => fixture.ref.startsWith('real/') && !fixture.ref.includes('/docs-examples/');
