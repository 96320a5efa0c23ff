// The relay's health as the console shows it: what it serves, its upstream and store, its open streams.

import { $ } from './dom.js';

/** Fills the health list from `/v1/status`. */
export function renderHealth(status: Record<string, any>): void {
  const rows: [string, string][] = [
    ['Version served', String(status.version)],
    ['Upstream', status.upstream ? `${status.upstream.url}${status.upstream.provider ? ` (${status.upstream.provider})` : ''}` : 'none: notices posted here only'],
  ];
  if (status.upstream) {
    rows.push(['Upstream state', status.upstream.state === 'stale' ? `stale since ${new Date(status.upstream.since).toLocaleString()}: showing its last good state` : status.upstream.state]);
    rows.push(['Last good read', status.upstream.lastSuccessAt ? new Date(status.upstream.lastSuccessAt).toLocaleString() : 'none yet']);
    if (status.upstream.lastFailure) rows.push(['Last failure', status.upstream.lastFailure]);
  }
  rows.push(['Store', `${status.store.ok ? 'healthy' : 'failing'}: ${status.store.detail}`]);
  rows.push(['Open streams on this node', String(status.streams)]);
  $('health').replaceChildren(
    ...rows.flatMap(([term, value]) => {
      const dt = document.createElement('dt');
      dt.textContent = term;
      const dd = document.createElement('dd');
      dd.textContent = value;
      return [dt, dd];
    }),
  );
}
