// The script-tag build's stand-in for core's sources/index.ts: the sources of the commonest formats, Statuspage
// (which incident.io and others serve too) and the native one, built in; every other provider's is loaded
// from beside the script the first time a payload or a page needs it (script-tag-chunks.ts).

import { native } from '../../core/src/sources/native.js';
import { statuspage } from '../../core/src/sources/statuspage.js';
import type { StatusSource } from '../../core/src/types.js';

export { native, statuspage };

/** The sources built into the script-tag file. */
export const builtInSources: readonly StatusSource[] = [native, statuspage];

/** Every source known so far, in detection and discovery order. */
export const sources: StatusSource[] = [...builtInSources];

/** The source with this provider id, if known so far. */
export function findSource(id: string): StatusSource | undefined {
  return sources.find((source) => source.id === id);
}
