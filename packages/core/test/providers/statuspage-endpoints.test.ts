// Statuspage: every v2 endpoint's answer read alone, and the endpoint a page URL turns into.

import { expect } from '@open-wc/testing';
import { parseStatus } from '@status-banner/core/providers';
import { statuspage } from '../../src/sources/statuspage.js';
import { GITHUB_OPERATIONAL, GITHUB_OUTAGE, HTX, CLOUDAMQP, TWILIO, DOCS_EXAMPLE, real, at, pick } from './statuspage-captures.js';
import type { Json } from './read.js';

describe('statuspage: every v2 endpoint', () => {
  it('status.json: page and status only', async () => {
    const snap = parseStatus(pick(await real(GITHUB_OUTAGE), 'page', 'status'), at('2020-04-02T20:37:08.838Z'));
    expect(snap.provider).to.equal('statuspage');
    expect(snap.indicator).to.equal('major');
    expect(snap.page).to.deep.equal({ name: 'GitHub', url: 'https://www.githubstatus.com/' });
    expect(snap.components).to.deep.equal([]);
    expect(snap.notices).to.deep.equal([]);
    const maintenance = parseStatus(pick(await real(CLOUDAMQP), 'page', 'status'));
    expect(maintenance.indicator).to.equal('maintenance');
  });

  it('status.json with an indicator Statuspage may add later: derived (none, with nothing else)', async () => {
    const payload = pick(await real(GITHUB_OUTAGE), 'page', 'status');
    payload.status = { indicator: 'purple', description: 'Something new' };
    expect(parseStatus(payload).indicator).to.equal('none');
  });

  it('components.json: the indicator is derived from component states', async () => {
    // 5 major_outage + 1 partial_outage: major.
    expect(parseStatus(pick(await real(GITHUB_OUTAGE), 'page', 'components')).indicator).to.equal('major');
    // 6 degraded_performance: minor.
    const twilio = parseStatus(pick(await real(TWILIO), 'page', 'components'));
    expect(twilio.indicator).to.equal('minor');
    expect(twilio.components).to.have.length(73);
    // 1 under_maintenance: maintenance.
    expect(parseStatus(pick(await real(CLOUDAMQP), 'page', 'components')).indicator).to.equal('maintenance');
    // partial_outage alone: minor.
    const partial = pick(await real(GITHUB_OPERATIONAL), 'page', 'components');
    partial.components[2].status = 'partial_outage';
    expect(parseStatus(partial).indicator).to.equal('minor');
    expect(parseStatus(pick(await real(GITHUB_OPERATIONAL), 'page', 'components')).indicator).to.equal('none');
  });

  it('incidents.json: indicator derived from the open incidents', async () => {
    const snap = parseStatus(pick(await real(TWILIO), 'page', 'incidents'), at('2020-06-16T21:00:29.031Z'));
    expect(snap.indicator).to.equal('minor');
    expect(snap.notices.map((n) => n.id)).to.deep.equal(['4dtnnnnxnhn9', 'r0f0vdz8vrgm']);
    expect(snap.components).to.deep.equal([]);
    const docs = parseStatus(pick(await real(DOCS_EXAMPLE), 'page', 'incidents'), at('2014-05-14T20:40:00Z'));
    expect(docs.indicator).to.equal('critical');
  });

  it('incidents.json with resolved and postmortem incidents: neither is shown', async () => {
    const payload = pick(await real(GITHUB_OUTAGE), 'page', 'incidents');
    const postmortem = structuredClone(payload.incidents[0]);
    postmortem.id = 'postmortem1';
    postmortem.status = 'postmortem';
    payload.incidents[0].status = 'resolved';
    payload.incidents.push(postmortem);
    const snap = parseStatus(payload, at('2020-04-02T20:37:08.838Z'));
    expect(snap.notices).to.deep.equal([]);
    expect(snap.indicator).to.equal('none');
  });

  it('incidents/unresolved.json', async () => {
    const snap = parseStatus(pick(await real(HTX), 'page', 'incidents'), at('2020-02-11T03:16:31.530Z'));
    expect(snap.indicator).to.equal('minor');
    expect(snap.notices.map((n) => [n.id, n.kind, n.severity, n.phase])).to.deep.equal([
      ['rclfxz2g21ly', 'incident', 'minor', 'investigating'],
    ]);
  });

  it('scheduled-maintenances.json: completed maintenance is dropped, in progress kept', async () => {
    const payload = pick(await real(CLOUDAMQP), 'page', 'scheduled_maintenances');
    const completed = structuredClone(payload.scheduled_maintenances[0]);
    completed.id = 'completed1';
    completed.status = 'completed';
    payload.scheduled_maintenances.push(completed);
    const snap = parseStatus(payload, at('2020-07-16T21:10:37.516Z'));
    expect(snap.indicator).to.equal('maintenance');
    expect(snap.notices.map((n) => [n.id, n.phase])).to.deep.equal([['qy6n39trpl7l', 'in_progress']]);
  });

  it('scheduled-maintenances/upcoming.json: shown in the lead window, indicator stays none', async () => {
    const payload = pick(await real(HTX), 'page', 'scheduled_maintenances');
    const soon = parseStatus(payload, at('2020-02-14T06:00:00Z'));
    expect(soon.indicator).to.equal('none');
    expect(soon.notices.map((n) => [n.id, n.kind, n.phase])).to.deep.equal([['k7g299zl765l', 'maintenance', 'scheduled']]);
    expect(parseStatus(payload, at('2020-02-11T03:16:31.530Z')).notices).to.deep.equal([]);
  });

  it('scheduled-maintenances/active.json: in progress and verifying', async () => {
    const payload = pick(await real(DOCS_EXAMPLE), 'page', 'scheduled_maintenances');
    payload.scheduled_maintenances = payload.scheduled_maintenances.filter((m: Json) => m.status === 'in_progress');
    const verifying = structuredClone(payload.scheduled_maintenances[0]);
    verifying.id = 'verifying1';
    verifying.status = 'verifying';
    verifying.incident_updates[0].id = 'verifyupdate';
    verifying.incident_updates[0].display_at = '2014-05-14T14:36:00.000-06:00';
    payload.scheduled_maintenances.push(verifying);
    const snap = parseStatus(payload, at('2014-05-14T20:40:00Z'));
    expect(snap.indicator).to.equal('maintenance');
    expect(snap.notices.map((n) => [n.id, n.phase, n.severity, n.updatedAt])).to.deep.equal([
      ['verifying1', 'verifying', 'maintenance', '2014-05-14T20:36:00.000Z'],
      ['k7mf5z1gz05c', 'in_progress', 'maintenance', '2014-05-14T20:34:20.036Z'],
    ]);
  });

  it('a maintenance listed under incidents is still maintenance', async () => {
    const payload = await real(HTX);
    const snap = parseStatus(
      { page: payload.page, incidents: payload.scheduled_maintenances },
      at('2020-02-11T03:16:31.530Z'),
    );
    // Four days out: not a live incident, and not in the lead window either.
    expect(snap.notices).to.deep.equal([]);
    expect(snap.indicator).to.equal('none');
  });
});

describe('statuspage: endpoints', () => {
  const endpoint = (url: string) => {
    const list = statuspage.endpoints(new URL(url));
    expect(list.length).to.be.at.most(1);
    return list[0]?.href;
  };

  it('turns a page URL into its summary.json', () => {
    expect(endpoint('https://www.githubstatus.com')).to.equal('https://www.githubstatus.com/api/v2/summary.json');
    expect(endpoint('https://x.com/')).to.equal('https://x.com/api/v2/summary.json');
    expect(endpoint('https://x.com/api/v2')).to.equal('https://x.com/api/v2/summary.json');
    expect(endpoint('https://x.com/api/v2/')).to.equal('https://x.com/api/v2/summary.json');
    expect(endpoint('https://x.com//')).to.equal('https://x.com/api/v2/summary.json');
    expect(endpoint('https://x.com/?utm=1#top')).to.equal('https://x.com/api/v2/summary.json');
    expect(endpoint('https://x.com/api/v2/?utm=1')).to.equal('https://x.com/api/v2/summary.json');
    expect(endpoint('http://localhost:8080/status/')).to.equal('http://localhost:8080/status/api/v2/summary.json');
  });

  it('leaves a .json URL alone', () => {
    expect(endpoint('https://x.com/api/v2/summary.json')).to.equal(undefined);
    expect(endpoint('https://x.com/api/v2/incidents/unresolved.json')).to.equal(undefined);
    expect(endpoint('https://x.com/api/v2/status.json?x=1')).to.equal(undefined);
  });

  it('returns a new URL and leaves its argument alone', () => {
    const input = new URL('https://x.com/?q=1');
    const [output] = statuspage.endpoints(input);
    expect(output).not.to.equal(input);
    expect(input.href).to.equal('https://x.com/?q=1');
  });
});
