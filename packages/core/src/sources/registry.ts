// The sources this copy of the core knows so far. Statuspage's (which incident.io and others serve too) and the
// native one are always here; every other provider's joins when the installed loader brings them (lazy.ts) or
// when an app imports `@status-banner/core/providers`; custom ones when `defineProvider` registers them. So an
// app that reads one provider's page bundles that provider, and the rest load only if a page needs them.

import type { StatusSource } from '../types.js';
import { native } from './native.js';
import { statuspage } from './statuspage.js';

/**
 * Every built-in provider's id, in base-URL discovery order: the providers whose page URLs name them first, then
 * by how common they are. Each payload shape is claimed by exactly one of them, so detection does not depend on
 * it. Known here without their code, so `defineProvider` refuses them whether or not they are loaded.
 */
export const BUILT_IN_IDS: readonly string[] = [
  'native',
  'uptimekuma',
  'statusio',
  'openstatus',
  'sorry',
  'statuspage',
  'incidentio',
  'instatus',
  'betterstack',
  'cachet',
  'heroku',
  'slack',
];

/**
 * Every source known so far, in detection and discovery order: those registered with `defineProvider` first (a
 * page's own format is the likeliest answer for it), then the built-in ones in {@link BUILT_IN_IDS} order.
 */
export const sources: StatusSource[] = [native, statuspage];

/** Whether `id` names a built-in provider, loaded or not. */
export const isBuiltIn = (id: string): boolean => BUILT_IN_IDS.includes(id);

/** The source with this provider id, if known so far. */
export function findSource(id: string): StatusSource | undefined {
  return sources.find((source) => source.id === id);
}

/**
 * Adds built-in sources, each in its place in discovery order. A source already known stays the object it is
 * (a second copy from another build changes nothing); anything that is not a built-in id is ignored.
 */
export function addBuiltInSources(more: readonly StatusSource[]): void {
  for (const source of more) if (isBuiltIn(source?.id) && !findSource(source.id)) sources.push(source);
  // Custom ones (index -1) stay first, in their order: the sort is stable.
  sources.sort((a, b) => BUILT_IN_IDS.indexOf(a.id) - BUILT_IN_IDS.indexOf(b.id));
}

/** Registers a custom source after the earlier custom ones, replacing one with the same id. */
export function addCustomSource(source: StatusSource): void {
  const at = sources.findIndex((existing) => existing.id === source.id);
  if (at >= 0) sources.splice(at, 1);
  sources.splice(sources.filter((existing) => !isBuiltIn(existing.id)).length, 0, source);
}
