// @status-banner/element as a server renderer or a script would load it: plain Node, no DOM; and the script-tag
// file as a page without a charset would read it.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

describe('@status-banner/element in Node', () => {
  it('imports without a DOM, and defining it again is harmless', async () => {
    const element = await import('@status-banner/element');
    assert.equal(typeof element.StatusBannerElement, 'function');
    // Lit's Node build brings a custom-element registry shim for server rendering; ours must not need more.
    assert.equal(typeof globalThis.window, 'undefined');
    assert.equal(typeof globalThis.document, 'undefined');
    assert.doesNotThrow(() => element.defineStatusBanner());
  });
});

describe('the script-tag file', () => {
  it('is ASCII only, so a page served without a charset cannot garble it', () => {
    const file = readFileSync(path.join(root, 'packages/element/dist/status-banner.min.js'), 'latin1');
    const offending = [...file].findIndex((c) => c.charCodeAt(0) > 0x7f);
    assert.equal(offending, -1, `non-ASCII at ${offending}: ${file.slice(offending - 20, offending + 20)}`);
  });

  it('asks the engine to compile it whole, off the main thread, and its source map counts that line', () => {
    const dist = path.join(root, 'packages/element/dist');
    const [hint, code] = readFileSync(path.join(dist, 'status-banner.min.js'), 'utf8').split('\n');
    // V8's explicit compile hint: the first line, alone, or the engine does not read it.
    assert.equal(hint, '//# allFunctionsCalledOnLoad');
    assert.match(code, /^"function"==typeof globalThis\[Symbol\.for\("status-banner\.mount"\)\]/);
    // The map's first line maps nothing, so each position in the code still names its source line.
    const map = JSON.parse(readFileSync(path.join(dist, 'status-banner.min.js.map'), 'utf8'));
    assert.equal(map.mappings[0], ';');
    // Not the standalone file: its view and its providers are code a quiet page never runs.
    assert.doesNotMatch(readFileSync(path.join(dist, 'status-banner.standalone.min.js'), 'utf8'), /allFunctionsCalledOnLoad/);
  });
});
