import type { StatusSource } from '../types.js';
import { native } from './native.js';
import { statuspage } from './statuspage.js';

/** The built-in sources, in detection order: the most specific shape first. */
export const sources: readonly StatusSource[] = [native, statuspage];

/** The source with this provider id, if any. */
export function findSource(id: string): StatusSource | undefined {
  return sources.find((source) => source.id === id);
}
