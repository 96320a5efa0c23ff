import { StatusFormatError } from './errors.js';
import { buildSnapshot } from './sources/build-snapshot.js';
import { addCustomSource, isBuiltIn } from './sources/registry.js';
import { isRecord } from './sources/normalize.js';
import type { Component, Indicator, Notice, ParseContext, SourceEnd, SourceNotice, SourceUpdate, StatusSnapshot, StatusSource } from './types.js';

/**
 * What a custom parser returns: the native shape, loosely. Anything missing or invalid is dropped or defaulted by
 * the same validation every built-in source goes through (see docs/providers.md, the native format).
 */
export interface ProviderResult {
  page?: { name?: string; url?: string };
  /** One of the severities; anything else is derived from the notices and components. */
  indicator?: Indicator | string;
  /**
   * Titles and messages may be HTML, Markdown or plain text: they are made plain text for you. Give a notice its
   * `updates` and the builder takes the latest, by time, as its message, `updatedAt`, revision, and (when the
   * update says) phase and severity; give it an `end` and the builder drops it once the provider says it is over.
   */
  notices?: readonly (Partial<Notice> & { updates?: readonly SourceUpdate[]; end?: SourceEnd })[];
  components?: readonly Partial<Component>[];
}

/** A status format of your own, for {@link defineProvider}. */
export interface ProviderDefinition {
  /** The provider id: lowercase letters, digits and `-`, starting with a letter, at most 50; not a built-in id. */
  id: string;
  /** `true` when a parsed JSON payload is in this format (anything else, a throw included, is "no"). Keep it cheap. */
  detect(payload: unknown): boolean;
  /** Maps a payload onto the native shape. Throw (anything) when it cannot: callers see a `StatusFormatError`. */
  parse(payload: unknown, context: ParseContext): ProviderResult;
  /**
   * The endpoints to try, most likely first, for a base URL of such a page; empty (or absent) when `url` is the
   * endpoint itself. Strings are resolved against `url`. Default: none, so `src` is fetched as written.
   */
  endpoints?(url: URL): readonly (URL | string)[];
}

const ID = /^[a-z][a-z0-9-]{0,49}$/;
/** More candidates than this would make discovery a burst of requests. */
const MAX_ENDPOINTS = 4;

/**
 * Registers a status format of your own: `parseStatus` then detects it (before the built-in formats), a client
 * with `provider: '<id>'` (the element's `provider="<id>"`) reads it, and base-URL discovery tries its endpoints
 * first. Its output goes through the shared validation, so a buggy parser can neither produce an invalid
 * snapshot nor make `parseStatus` throw anything but `StatusFormatError`. Defining an id again replaces it.
 *
 * @throws TypeError when the definition is not usable (a bad or built-in id, a missing function).
 * @returns The registered source.
 *
 * @example
 * ```ts
 * defineProvider({
 *   id: 'acme',
 *   detect: (p) => typeof p === 'object' && p !== null && 'acmeStatus' in p,
 *   parse: (p: any) => ({ indicator: p.acmeStatus, notices: p.events.map((e: any) => ({ id: e.ref, title: e.headline })) }),
 *   endpoints: (url) => [new URL('status/acme.json', url)],
 * });
 * ```
 */
export function defineProvider(definition: ProviderDefinition): StatusSource {
  const { id, detect, parse, endpoints } = isRecord(definition) ? definition : ({} as Partial<ProviderDefinition>);
  if (typeof id !== 'string' || !ID.test(id)) throw new TypeError(`defineProvider: id must match ${ID}, not ${JSON.stringify(id)}`);
  if (isBuiltIn(id)) throw new TypeError(`defineProvider: "${id}" is a built-in provider`);
  if (typeof detect !== 'function' || typeof parse !== 'function') throw new TypeError('defineProvider: detect and parse must be functions');
  if (endpoints !== undefined && typeof endpoints !== 'function') throw new TypeError('defineProvider: endpoints must be a function');
  const source: StatusSource = {
    id,
    detect(payload) {
      try {
        return detect.call(definition, payload) === true;
      } catch {
        return false;
      }
    },
    parse(payload, context): StatusSnapshot {
      try {
        const result: unknown = parse.call(definition, payload, context);
        if (!isRecord(result)) throw new StatusFormatError('invalid-payload', `The ${id} parser returned no result`);
        // Read field by field by the builder, whatever the parser put there.
        const notices = result.notices as readonly SourceNotice[];
        return buildSnapshot(id, { page: result.page, indicator: result.indicator, notices, components: result.components }, context);
      } catch (error) {
        // Whatever the parser threw, or a getter in what it returned: callers see the one error type.
        throw error instanceof StatusFormatError ? error : new StatusFormatError('invalid-payload', `Not a valid ${id} payload`);
      }
    },
    endpoints(url) {
      const out: URL[] = [];
      try {
        for (const entry of [...(endpoints?.call(definition, new URL(url.href)) ?? [])].slice(0, MAX_ENDPOINTS)) {
          const next = new URL(String(entry), url);
          if (/^https?:$/.test(next.protocol)) out.push(next);
        }
      } catch {
        // A throwing or malformed list: whatever was read before it stands.
      }
      return out;
    },
  };
  addCustomSource(source);
  return source;
}
