// The Statuspage captures the statuspage tests read, by name, and the small helpers they share.

import type { Notice, StatusSnapshot } from '@status-banner/core';
import { loadFixture } from '../../../../test/helpers/status-server.js';
import type { Json } from './read.js';

export const GITHUB_OPERATIONAL = 'githubstatus-summary-all-operational-2019-12-30.json';
export const GITHUB_OUTAGE = 'githubstatus-summary-major-outage-investigating-2020-04-02.json';
export const GITHUB_INCIDENTS = 'githubstatus-incidents-two-resolved-with-html-br-2024-09-16.json';
export const GITHUB_COMPONENTS = 'githubstatus-components-trimmed-2024-09-17.json';
export const EMMA = 'emma-incidents-22-resolved-america-chicago-offsets-2019-02-21.json';
export const HTX = 'htx-summary-upcoming-maintenance-and-investigating-incident-2020-02-11.json';
export const CLOUDAMQP = 'cloudamqp-summary-maintenance-in-progress-2020-07-16.json';
export const TWILIO = 'twilio-summary-large-73-components-2-incidents-9-maintenances-2020-06-16.json';
export const DOCS_EXAMPLE = 'docs-examples/statuspage-docs-example-summary-with-github-page-header-2020-07-12.json';
export const INCIDENTIO_OUTAGE = 'incidentio-statuspage-compat-summary-outage-from-docs.json';
export const INCIDENTIO_OPERATIONAL = 'incidentio-statuspage-compat-summary-operational-from-docs.json';

export const real = (name: string): Promise<Json> => loadFixture(`real/statuspage/${name}`);
export const local = (name: string): Promise<Json> => loadFixture(`docs/${name}`);
export const at = (iso: string) => ({ now: new Date(iso) });

export function pick(payload: Json, ...keys: string[]): Json {
  return Object.fromEntries(keys.map((key) => [key, payload[key]]));
}

export function byId(snapshot: StatusSnapshot, id: string): Notice {
  const notice = snapshot.notices.find((n) => n.id === id);
  if (!notice) throw new Error(`no notice ${id} in [${snapshot.notices.map((n) => n.id).join(', ')}]`);
  return notice;
}

export function component(snapshot: StatusSnapshot, id: string) {
  const found = snapshot.components.find((c) => c.id === id);
  if (!found) throw new Error(`no component ${id}`);
  return found;
}
