// The browser side of test/server/status-middleware.mjs.

/** One scripted response of a test endpoint. */
export interface EndpointStep {
  status?: number;
  headers?: Record<string, string>;
  /** A JSON value, or a raw string body. */
  body?: unknown;
  /** `real/<path>` (the shared captures) or `local/<path>` (test/fixtures). */
  fixture?: string;
  /** Answer with an ETag and 304 on a matching If-None-Match. */
  etag?: boolean;
  cacheControl?: string;
  delayMs?: number;
  /** Never answer. */
  hang?: boolean;
}

let counter = 0;

/**
 * Creates a test endpoint answering with `steps` in turn (the last repeats) and returns its URL.
 *
 * @example
 * const src = await endpoint({ fixture: 'real/statuspage/x.json' });
 */
export async function endpoint(...steps: EndpointStep[]): Promise<string> {
  const name = `ep-${Date.now().toString(36)}-${(counter += 1)}`;
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
export async function requestLog(url: string): Promise<{ at: number; headers: Record<string, string> }[]> {
  return (await fetch(`${url}/log`)).json();
}

/** A fixture's parsed JSON. */
export async function loadFixture(ref: string): Promise<unknown> {
  const res = await fetch(`/__fixtures/${ref}`);
  if (!res.ok) throw new Error(`no fixture ${ref}`);
  return res.json();
}
