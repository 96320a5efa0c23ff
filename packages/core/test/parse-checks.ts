// What the hostile-input and fuzz tests of parseStatus share: the payloads they start from, and the full shape a
// snapshot must have, checked field by field, whatever went in.

import { expect } from '@open-wc/testing';
import { StatusFormatError, type StatusSnapshot } from '@status-banner/core';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export const REAL = [
  'cloudamqp-summary-maintenance-in-progress-2020-07-16.json',
  'emma-incidents-22-resolved-america-chicago-offsets-2019-02-21.json',
  'githubstatus-components-trimmed-2024-09-17.json',
  'githubstatus-incidents-two-resolved-with-html-br-2024-09-16.json',
  'githubstatus-summary-all-operational-2019-12-30.json',
  'githubstatus-summary-major-outage-investigating-2020-04-02.json',
  'htx-summary-upcoming-maintenance-and-investigating-incident-2020-02-11.json',
  'twilio-summary-large-73-components-2-incidents-9-maintenances-2020-06-16.json',
  'docs-examples/statuspage-docs-example-summary-with-github-page-header-2020-07-12.json',
].map((name) => `real/statuspage/${name}`);
export const LOCAL = [
  'docs/incidentio-statuspage-compat-summary-outage-from-docs.json',
  'docs/incidentio-statuspage-compat-summary-operational-from-docs.json',
];
export const HTX = REAL[6]!;

export const SEVERITIES = new Set(['none', 'minor', 'major', 'critical', 'maintenance']);
export const RANK: Record<string, number> = { none: 0, maintenance: 1, minor: 2, major: 3, critical: 4 };
export const PHASES = new Set([
  'investigating',
  'identified',
  'monitoring',
  'resolved',
  'postmortem',
  'scheduled',
  'in_progress',
  'verifying',
  'completed',
  'cancelled',
  'unknown',
]);
export const COMPONENT_STATUSES = new Set(['operational', 'degraded', 'partial_outage', 'major_outage', 'maintenance', 'unknown']);
export const ERROR_TYPES = new Set(['not-json', 'not-object', 'unknown-provider', 'invalid-payload']);
export const NOTICE_KEYS = new Set([
  'id',
  'kind',
  'title',
  'severity',
  'phase',
  'message',
  'updatedAt',
  'startedAt',
  'scheduledStart',
  'scheduledEnd',
  'url',
  'componentIds',
  'revision',
]);
export const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
export const LINK_SYNTAX = /\[[^\]]*\]\([^)]*\)/;

// Plain throws rather than chai: the fuzz runs this tens of thousands of times.
export function check(condition: unknown, what: string): void {
  if (!condition) throw new Error(`invalid snapshot: ${what}`);
}

export function isText(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= max && value.trim() === value;
}

export function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string' || value.length > 2048) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

export function isUtc(value: unknown): boolean {
  return typeof value === 'string' && ISO_UTC.test(value) && new Date(value).toISOString() === value;
}

/** Throws unless `snapshot` is a StatusSnapshot in every field, down to the type of each array item. */
export function assertValidSnapshot(snapshot: unknown): asserts snapshot is StatusSnapshot {
  check(typeof snapshot === 'object' && snapshot !== null && !Array.isArray(snapshot), 'not an object');
  const s = snapshot as Json;
  check(isText(s.provider, 50), 'provider');
  check(typeof s.page === 'object' && s.page !== null && !Array.isArray(s.page), 'page');
  for (const key of Object.keys(s.page)) check(key === 'name' || key === 'url', `page.${key}`);
  if ('name' in s.page) check(isText(s.page.name, 300), 'page.name');
  if ('url' in s.page) check(isHttpUrl(s.page.url), `page.url ${s.page.url}`);
  check(SEVERITIES.has(s.indicator), `indicator ${s.indicator}`);
  check(s.version === undefined || (Number.isSafeInteger(s.version) && s.version >= 0), 'version');

  check(Array.isArray(s.notices) && s.notices.length <= 50, 'notices');
  let previous = Infinity;
  for (const n of s.notices) {
    check(typeof n === 'object' && n !== null, 'notice');
    for (const key of Object.keys(n)) check(NOTICE_KEYS.has(key), `notice.${key}`);
    check(isText(n.id, 200), 'notice.id');
    check(n.kind === 'incident' || n.kind === 'maintenance', 'notice.kind');
    check(isText(n.title, 300), 'notice.title');
    check(SEVERITIES.has(n.severity), 'notice.severity');
    check(PHASES.has(n.phase), 'notice.phase');
    check(RANK[n.severity]! <= previous, 'notice order');
    previous = RANK[n.severity]!;
    if ('message' in n) {
      check(isText(n.message, 4000), 'notice.message');
      check(!LINK_SYNTAX.test(n.message), 'link syntax left in message');
    }
    for (const key of ['updatedAt', 'startedAt', 'scheduledStart', 'scheduledEnd']) {
      if (key in n) check(isUtc(n[key]), `notice.${key} ${n[key]}`);
    }
    if ('url' in n) check(isHttpUrl(n.url), `notice.url ${n.url}`);
    check(Array.isArray(n.componentIds), 'notice.componentIds');
    check(new Set(n.componentIds).size === n.componentIds.length, 'duplicate componentIds');
    for (const id of n.componentIds) check(isText(id, 200), 'componentId');
    check(typeof n.revision === 'string' && n.revision.length <= 300, 'notice.revision');
  }

  check(Array.isArray(s.components) && s.components.length <= 2000, 'components');
  for (const c of s.components) {
    check(typeof c === 'object' && c !== null, 'component');
    for (const key of Object.keys(c)) {
      check(['id', 'name', 'status', 'groupId', 'childIds'].includes(key), `component.${key}`);
    }
    check(isText(c.id, 200), 'component.id');
    check(isText(c.name, 300), 'component.name');
    check(COMPONENT_STATUSES.has(c.status), 'component.status');
    if ('groupId' in c) check(isText(c.groupId, 200), 'component.groupId');
    if ('childIds' in c) {
      check(Array.isArray(c.childIds), 'component.childIds');
      for (const id of c.childIds) check(isText(id, 200), 'childId');
    }
  }
}

/** A snapshot that passes the checker, or a StatusFormatError with a known `type`; anything else fails. */
export function outcome(run: () => StatusSnapshot): StatusSnapshot | StatusFormatError {
  let result: StatusSnapshot;
  try {
    result = run();
  } catch (error) {
    if (error instanceof StatusFormatError && ERROR_TYPES.has(error.type)) return error;
    throw new Error(`threw something other than a StatusFormatError: ${String(error)}`);
  }
  assertValidSnapshot(result);
  return result;
}

export function expectError(run: () => unknown, type: string): void {
  try {
    run();
  } catch (error) {
    expect(error).to.be.instanceOf(StatusFormatError);
    expect((error as StatusFormatError).type).to.equal(type);
    return;
  }
  expect.fail(`expected a ${type} StatusFormatError`);
}

export const CONTEXT = { now: new Date('2020-02-11T03:16:31.530Z'), maintenanceLead: 86_400_000 };
