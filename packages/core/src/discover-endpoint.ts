// Which URL a client polls for `src`. An endpoint is polled as written. A status page's base URL is turned into
// its provider's endpoints (every provider's, most likely first, when none is named), tried one at a time until
// one answers JSON of a known shape; that one is remembered in the client's storage, so later page loads go
// straight to it and discovery costs its requests once. A search that finds nothing is remembered too (for an
// hour), and until then only one URL is asked per attempt, so a host that answers HTML everywhere costs no more
// than the backoff allows. Companion endpoints (Uptime Kuma's heartbeats, Cachet's schedules and components) are
// fetched beside it on every poll and handed over in one payload; one in trouble fails the poll.

import { StatusFetchError } from './errors.js';
import { loadMoreSources } from './lazy.js';
import { findSource, sources } from './sources/registry.js';
import { own, unpolluted } from './own.js';
import { isRecord } from './sources/normalize.js';
import type { FetchResult } from './transports/fetch-status.js';
import type { StatusSource } from './types.js';

/** A bare origin, or its `/api/v2` path: what a `src` without a provider has always meant, a Statuspage page. */
const BARE = /^\/(api\/v2\/?)?$/i;
/** Enough for every built-in candidate and a few custom ones; more would be a burst. */
const MAX_CANDIDATES = 16;
/** How long a search that found nothing is remembered, in ms. */
const SEARCHED_MS = 3_600_000;
/** A URL that names a file (`…/summary.json`, `…/status.php`): an endpoint, never a page to search below. */
const FILE = /\.[a-z0-9]{1,8}$/i;

/**
 * Whether a failed request says "not here" rather than "in trouble": a 4xx that is not a plea to slow down, or
 * a body too big to be a status payload (a page).
 */
function notHere({ error: { type, status } }: Extract<FetchResult, { error: unknown }>): boolean {
  return (type === 'http' && status < 500 && status !== 408 && status !== 429) || type === 'too-large';
}

/** Whether `source` claims `payload`; no, when a (custom) source's `detect` throws. */
function detects(source: StatusSource, payload: unknown): boolean {
  try {
    return source.detect(payload);
  } catch {
    return false;
  }
}

/** `source.endpoints(url)`, or nothing when a (custom) source throws. */
function endpointsOf(source: StatusSource | undefined, url: URL): URL[] {
  try {
    return source?.endpoints(new URL(url.href)) ?? [];
  } catch {
    return [];
  }
}

/**
 * The URL a client identifies `src` by (its storage keys and its tab channel), and the first one it fetches: the
 * named provider's first endpoint for a base URL, a bare origin's Statuspage `summary.json`, otherwise `src` as
 * written. Relative URLs resolve against the document. Throws a TypeError for a URL that cannot be parsed.
 */
export function resolveEndpoint(src: string, provider?: string): string {
  const url = new URL(src.trim(), globalThis.document?.baseURI);
  const source = findSource(provider ?? (BARE.test(url.pathname) ? 'statuspage' : ''));
  return (endpointsOf(source, url)[0] ?? url).href;
}

/**
 * The endpoints to try for a base URL, in order, without repeats: the named provider's, or every provider's
 * (custom ones first, then those whose page URLs name them, then by how common they are).
 */
export function endpointCandidates(url: URL, provider?: string): URL[] {
  const seen = new Set<string>();
  const out: URL[] = [];
  for (const source of provider ? [findSource(provider)] : sources) {
    for (const next of endpointsOf(source, url)) {
      if (!seen.has(next.href) && out.length < MAX_CANDIDATES) out.push(next);
      seen.add(next.href);
    }
  }
  return out;
}

/** What a client's storage offers discovery (the client's own wrapper: it never throws or rejects). */
export interface EndpointMemory {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<unknown>;
}

/** Options for {@link createEndpointLocator}. */
export interface EndpointLocatorOptions {
  /** A provider id: only its endpoints are tried, and only its shape is accepted. */
  provider?: string;
  /** Fetches one URL; resolves, never rejects. */
  fetch(url: string, signal: AbortSignal): Promise<FetchResult>;
  /** Where the endpoint found is remembered, under `endpoint:<base url>`. */
  memory: EndpointMemory;
  /** The current time in ms. Default `Date.now`. */
  now?: () => number;
}

/** Fetches the status for `src`, finding its endpoint first when it is a base URL. Resolves, never rejects. */
export type EndpointLocator = (signal: AbortSignal) => Promise<FetchResult>;

type Verdict = { source: StatusSource; payload: Record<string, unknown> } | 'absent' | 'trouble';

/**
 * Creates the locator a client polls through. Once an endpoint is known, each call is one request (plus the
 * provider's companions). Finding it tries the candidates one at a time: an answer that is not JSON of a known
 * shape, or a 4xx, moves to the next; a server in trouble (network, timeout, 5xx, 429) is noted and the rest
 * tried, except that a `Retry-After` ends the round at once. A round that finds nothing reports the trouble
 * (the client backs off and tries again), or a 404 when every candidate said "not here" (the client stops).
 * A remembered endpoint that stops answering in a known shape is forgotten and the search runs again.
 *
 * @param src - The client's `src`: an endpoint, or a base URL.
 */
export function createEndpointLocator(src: string, { provider, fetch, memory, now = Date.now }: EndpointLocatorOptions): EndpointLocator {
  const target = new URL(src.trim(), globalThis.document?.baseURI);
  target.hash = '';
  const key = `endpoint:${target.href}`;
  let endpoint: { url: string; remembered?: boolean; probe?: boolean } | undefined;
  let candidates: URL[] = [];
  let started = false;
  /** A search found nothing: from now on one URL per attempt (`src` itself, or the likeliest endpoint). */
  let searched = false;

  async function judge(result: FetchResult): Promise<Verdict> {
    if (!('text' in result)) return notHere(result) ? 'absent' : 'trouble';
    let payload: unknown;
    try {
      payload = unpolluted(JSON.parse(result.text));
    } catch {
      return 'absent';
    }
    const find = () => (provider ? findSource(provider) : sources.find((s) => detects(s, payload)));
    let source = find();
    // A shape the sources at hand do not know: the script tag may know more once it loads them.
    if (!(source && detects(source, payload)) && isRecord(payload)) {
      await loadMoreSources();
      source = find();
    }
    return isRecord(payload) && source && detects(source, payload) ? { source, payload } : 'absent';
  }

  /** One endpoint and its companions, merged into one payload. */
  async function fetchWith(url: string, signal: AbortSignal): Promise<[FetchResult, Verdict]> {
    const result = await fetch(url, signal);
    const verdict = await judge(result);
    if (typeof verdict !== 'object' || signal.aborted) return [result, verdict];
    // The JSON is parsed once: the client reads this payload (companions merged in below), not the text again.
    const answer = { ...result, payload: verdict.payload };
    let companions: [string, URL][] = [];
    try {
      companions = Object.entries(verdict.source.companions?.(new URL(url)) ?? {}).filter(([, at]) => at instanceof URL);
    } catch {
      // A custom source's bug costs its companions, not the poll.
    }
    if (!companions.length) return [answer, verdict];
    const merged = { ...verdict.payload };
    const answers = await Promise.all(companions.map(([, at]) => fetch(at.href, signal)));
    for (const [i, reply] of answers.entries()) {
      // A companion in trouble fails the poll: read without it, an outage it alone reports (Uptime Kuma's
      // heartbeats) would read as all clear. The client keeps what it showed and tries again later.
      if (!('text' in reply)) {
        if (notHere(reply)) continue;
        return [reply, verdict];
      }
      try {
        merged[companions[i]![0]] = JSON.parse(reply.text);
      } catch {
        // Not JSON (a page where this version of the provider has no such endpoint): left out, as a 404 is.
      }
    }
    return [{ ...answer, payload: merged }, verdict];
  }

  /**
   * Once the candidates at hand are used up, loads every provider's source (the script tag starts with the
   * commonest) and adds the endpoints they bring. Whether there are new ones to try.
   */
  let extended = false;
  async function more(): Promise<boolean> {
    if (extended) return false;
    extended = true;
    await loadMoreSources();
    const tried = new Set(candidates.map((candidate) => candidate.href));
    const added = (provider ? endpointCandidates(target, provider) : endpointCandidates(target)).filter((candidate) => !tried.has(candidate.href));
    candidates.push(...added);
    return added.length > 0;
  }

  async function discover(signal: AbortSignal, probed?: FetchResult): Promise<FetchResult> {
    let trouble: FetchResult | undefined;
    let page: FetchResult | undefined;
    let missing: FetchResult | undefined;
    /** Hosts that did not answer at all: their other paths would not either. */
    const down = new Set<string>();
    for (let i = 0; i < candidates.length || (await more()); i += 1) {
      const candidate = candidates[i]!;
      if (candidate.href === target.href || down.has(candidate.origin)) continue;
      const [result, verdict] = await fetchWith(candidate.href, signal);
      if (signal.aborted) return result;
      if (typeof verdict === 'object') {
        endpoint = { url: candidate.href, remembered: true };
        void memory.set(key, { url: candidate.href, provider: verdict.source.id });
        return result;
      }
      if (verdict === 'trouble') {
        trouble ??= result;
        if (!('text' in result)) {
          // The server asked for time: no more requests this round.
          if (typeof result.retry === 'number') return result;
          if (result.error.type !== 'http') down.add(candidate.origin);
        }
      } else if ('text' in result) page ??= result;
      else missing = result;
    }
    // Every candidate answered and none was a status endpoint: the search is over. Pages that answer 200 with
    // HTML everywhere (a captive portal, an SPA's fallback, a parked domain) are not proof there is nothing to
    // find, so the client keeps trying, but one URL per attempt, at the backoff's pace, and the next page load
    // does not search again for an hour.
    if (!trouble) {
      searched = true;
      void memory.set(key, { searchedAt: now() });
    }
    return (
      trouble ??
      probed ??
      page ??
      missing ?? { error: new StatusFetchError('http', `no status endpoint for ${target.href}`, 404), retry: false }
    );
  }

  return async (signal) => {
    if (!started) {
      started = true;
      if (provider && !findSource(provider)) await loadMoreSources();
      const named = provider ? findSource(provider) : undefined;
      candidates = provider ? endpointCandidates(target, provider) : endpointCandidates(target);
      // A URL that names a file is an endpoint: nothing is invented below it.
      if ((provider && (!named || !candidates.length)) || (!provider && FILE.test(target.pathname))) endpoint = { url: target.href };
      else if (!provider && !BARE.test(target.pathname)) endpoint = { url: target.href, probe: true };
      // Storage outlives code versions: a remembered URL counts only while it is still a candidate.
      const saved = candidates.length && !(endpoint && !endpoint.probe) ? await memory.get(key) : undefined;
      const url = own(saved, 'url');
      const searchedAt = Number(own(saved, 'searchedAt'));
      if (typeof url === 'string' && candidates.some((c) => c.href === url)) endpoint = { url, remembered: true };
      else if (now() - searchedAt < SEARCHED_MS) searched = true;
    }
    // After a fruitless search: `src` itself when it was probed, else the likeliest endpoint, one request a time.
    if (searched && (!endpoint || endpoint.probe)) return fetchWith(endpoint?.url ?? candidates[0]?.href ?? target.href, signal).then(([result]) => result);
    if (!endpoint) return discover(signal);
    const [result, verdict] = await fetchWith(endpoint.url, signal);
    if (signal.aborted || verdict !== 'absent' || !(endpoint.probe || endpoint.remembered)) return result;
    // `src` itself failing (a 404, say) is about `src`, not a sign that it is a page's base URL.
    if (endpoint.probe && !('text' in result)) return result;
    if (endpoint.remembered) {
      void memory.set(key, null);
      endpoint = undefined;
      return discover(signal);
    }
    // `src` answered, but not as a status endpoint: a status page's own URL.
    return discover(signal, result);
  };
}
