// The browser side of test/server/media-plugin.mjs.

import { executeServerCommand } from '@web/test-runner-commands';

/** Emulates these CSS media features (`{ 'forced-colors': 'active' }`), replacing any emulated before. */
export function emulateMedia(features: Record<string, string>): Promise<unknown> {
  return executeServerCommand('emulate-media-features', features);
}
