// The browser side of test/server/status-middleware.mjs.

/** One scripted response of a test endpoint. */
export interface EndpointStep {
  status?: number;
  headers?: Record<string, string>;
  /** A JSON value, or a raw string body. */
  body?: unknown;
  /** A path under test/fixtures: `real/<path>` (a real capture) or `docs/<path>` (written from vendor docs). */
  fixture?: string;
  /** Answer with an ETag and 304 on a matching If-None-Match. */
  etag?: boolean;
  cacheControl?: string;
  /** Never answer. */
  hang?: boolean;
  /** Leave out Access-Control-Allow-Origin: a misconfigured cross-origin server. */
  cors?: boolean;
  /** Answer as an event stream, playing this script; the stream then stays open for {@link push}. */
  sse?: StreamAction[];
}

/** One action of a test stream. */
export type StreamAction = { raw: string } | { hex: string } | { wait: number } | { close: true } | { destroy: true };

/** An SSE `snapshot` event, as the native protocol sends it. */
export const snapshotEvent = (payload: unknown, id?: string | number): string =>
  `event: snapshot\n${id === undefined ? '' : `id: ${id}\n`}data: ${JSON.stringify(payload)}\n\n`;

/** Writes `text` to every open stream of the endpoint; resolves with how many there were. */
export async function push(url: string, text: string): Promise<number> {
  return (await (await fetch(`${url}/push`, { method: 'POST', body: text })).json()).streams;
}

/**
 * How many streams of the endpoint are open, and the most that ever were at once; with `until`, once exactly that
 * many are open (the server sees a close a moment after the client drops it).
 */
export async function openStreams(url: string, until?: number): Promise<{ open: number; max: number }> {
  return (await fetch(`${url}/open${until === undefined ? '' : `?open=${until}`}`)).json();
}

let counter = 0;

/**
 * This page's own mark in the names of the endpoints and sites it makes. Test pages can run side by side on one
 * origin (web-test-runner runs a file per two cores at once, and the React 19 and React 18 groups run the same
 * file): two pages could otherwise make the same name in the same millisecond, and share one endpoint's steps
 * and, through the origin's locks, channels and storage, one client's tab election and dismissals.
 */
const PAGE = Math.random().toString(36).slice(2, 8);

/**
 * Creates a test endpoint answering with `steps` in turn (the last repeats) and returns its URL.
 *
 * @example
 * const src = await endpoint({ fixture: 'real/statuspage/x.json' });
 */
export async function endpoint(...steps: EndpointStep[]): Promise<string> {
  const name = `ep-${PAGE}-${Date.now().toString(36)}-${(counter += 1)}`;
  await configure(name, ...steps);
  return new URL(`/__status/${name}`, location.href).href;
}

/** Replaces the script of an existing endpoint (given by URL) and clears its log. */
export async function configure(nameOrUrl: string, ...steps: EndpointStep[]): Promise<void> {
  const name = nameOrUrl.split('/').pop()!;
  const res = await fetch(`/__status/${name}`, { method: 'PUT', body: JSON.stringify({ steps }) });
  if (!res.ok) throw new Error(`could not configure ${name}`);
}

/** The requests an endpoint has seen. */
export async function requestLog(url: string): Promise<{ at: number; headers: Record<string, string>; closedAt?: number }[]> {
  return (await fetch(`${url}/log`)).json();
}

/** A fixture's parsed JSON. */
export async function loadFixture(ref: string): Promise<unknown> {
  const res = await fetch(`/__fixtures/${ref}`);
  if (!res.ok) throw new Error(`no fixture ${ref}`);
  return res.json();
}

let sites = 0;

/**
 * Creates a status page's site below a base URL of its own: each route answers its step (or steps, in turn),
 * every other path the site's HTML page (or `missing`, a status). Returns the base URL, ending in `/`.
 *
 * @example
 * const base = await site({ '/api/v2/summary.json': { fixture: 'real/statuspage/x.json' } });
 */
export async function site(routes: Record<string, EndpointStep | EndpointStep[]>, missing?: number): Promise<string> {
  const name = `site-${PAGE}-${Date.now().toString(36)}-${(sites += 1)}`;
  const res = await fetch(`/__site/${name}`, { method: 'PUT', body: JSON.stringify({ routes, missing }) });
  if (!res.ok) throw new Error(`could not configure ${name}`);
  return new URL(`/__site/${name}/`, location.href).href;
}

/** The paths (with their queries) a site has been asked for, in order, relative to its base. */
export async function siteLog(base: string, count?: number): Promise<string[]> {
  const name = new URL(base).pathname.split('/')[2];
  const query = count === undefined ? '' : `?count=${count}`;
  return ((await (await fetch(`/__site-log/${name}${query}`)).json()) as { path: string }[]).map((entry) => entry.path);
}

/**
 * Resolves with the endpoint's log once it has seen `count` requests (and, with `closed`, once that one, from 0,
 * has closed): a test waits for what the server sees, not for time.
 */
export async function requests(url: string, count: number, options: { closed?: number } = {}): Promise<{ at: number; headers: Record<string, string>; closedAt?: number }[]> {
  const closed = options.closed === undefined ? '' : `&closed=${options.closed}`;
  return (await fetch(`${url}/log?count=${count}${closed}`)).json();
}
