import type { StatusSource } from '../types.js';
import { betterstack } from './betterstack.js';
import { cachet } from './cachet.js';
import { heroku } from './heroku.js';
import { incidentio } from './incidentio.js';
import { instatus } from './instatus.js';
import { native } from './native.js';
import { openstatus } from './openstatus.js';
import { slack } from './slack.js';
import { sorry } from './sorry.js';
import { statusio } from './statusio.js';
import { statuspage } from './statuspage.js';
import { uptimekuma } from './uptimekuma.js';

export { betterstack, cachet, heroku, incidentio, instatus, native, openstatus, slack, sorry, statusio, statuspage, uptimekuma };

/**
 * The built-in sources. Each payload shape is claimed by exactly one of them (the tests check every fixture and
 * its mutations), so the order decides nothing for detection; it is the order base-URL discovery tries them:
 * the providers whose page URLs name them first, then by how common they are.
 */
export const builtInSources: readonly StatusSource[] = [
  native,
  uptimekuma,
  statusio,
  openstatus,
  sorry,
  statuspage,
  incidentio,
  instatus,
  betterstack,
  cachet,
  heroku,
  slack,
];

/**
 * Every source, in detection and discovery order: those registered with `defineProvider` first (a page's own
 * format is the likeliest answer for it), then the built-in ones.
 */
export const sources: StatusSource[] = [...builtInSources];

/** The source with this provider id, if any. */
export function findSource(id: string): StatusSource | undefined {
  return sources.find((source) => source.id === id);
}
