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
 * Every built-in provider's source, in discovery order (registry.ts's `BUILT_IN_IDS`): what a loader hands the
 * core when a page needs more than Statuspage and native (a module of its own, so a bundler splits it off).
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
