const warned = new Set<string>();

/** One console line per kind of failure per page, however many clients and retries. */
export function warnOnce(kind: string, message: string): void {
  if (!warned.has(kind)) console.warn(`[status-banner] ${message}`);
  warned.add(kind);
}
