// Statuspage: the GitHub and Emma captures, field by field (times, bodies, component ids, resolved lists).

import { expect } from '@open-wc/testing';
import { parseStatus } from '@status-banner/core/providers';
import { GITHUB_OPERATIONAL, GITHUB_OUTAGE, GITHUB_INCIDENTS, GITHUB_COMPONENTS, EMMA, real, at, byId, component } from './statuspage-captures.js';
import type { Json } from './read.js';

describe('statuspage: real payloads', () => {
  it('GitHub summary, all operational (2019-12-30)', async () => {
    const snap = parseStatus(await real(GITHUB_OPERATIONAL), at('2019-12-30T08:15:33.297Z'));
    expect(snap.provider).to.equal('statuspage');
    expect(snap.indicator).to.equal('none');
    expect(snap.page).to.deep.equal({ name: 'GitHub', url: 'https://www.githubstatus.com/' });
    expect(snap.notices).to.deep.equal([]);
    expect(snap.components).to.have.length(9);
    expect(snap.components.every((c) => c.status === 'operational')).to.equal(true);
    // The placeholder component is a component like any other; it is not the banner's business to hide it.
    expect(component(snap, '0l2p9nhqnxpd')).to.deep.equal({
      id: '0l2p9nhqnxpd',
      name: 'Visit www.githubstatus.com for more information',
      status: 'operational',
    });
    expect(snap.components[0]).to.deep.equal({ id: '8l4ygp009s5s', name: 'Git Operations', status: 'operational' });
  });

  it('GitHub summary, major outage with an investigating incident (2020-04-02)', async () => {
    const snap = parseStatus(await real(GITHUB_OUTAGE), at('2020-04-02T20:37:08.838Z'));
    expect(snap.provider).to.equal('statuspage');
    expect(snap.indicator).to.equal('major');
    expect(snap.page).to.deep.equal({ name: 'GitHub', url: 'https://www.githubstatus.com/' });
    expect(snap.components.map((c) => [c.id, c.status])).to.deep.equal([
      ['8l4ygp009s5s', 'major_outage'],
      ['brv1bkgrwx7q', 'major_outage'],
      ['4230lsnqdsld', 'major_outage'],
      ['0l2p9nhqnxpd', 'operational'],
      ['kr09ddfgbfsf', 'major_outage'],
      ['br0l2tvcx85d', 'partial_outage'],
      ['st3j38cctv9l', 'major_outage'],
      ['vg70hn9s2tyj', 'operational'],
      ['5l5rlzqm4yzy', 'operational'],
    ]);
    expect(snap.notices).to.deep.equal([
      {
        id: '80d0cs6kpsps',
        kind: 'incident',
        title: 'Incident on 2020-04-02 20:20 UTC',
        severity: 'major',
        phase: 'investigating',
        // The newest update has `affected_components: null`; the older one and the incident name the placeholder.
        componentIds: ['0l2p9nhqnxpd'],
        revision: 'yqsdhyw44qzj:major',
        message: 'We are investigating reports of service unavailability.',
        updatedAt: '2020-04-02T20:26:36.354Z',
        startedAt: '2020-04-02T20:20:54.005Z',
        url: 'http://stspg.io/n0wskg2n6bvy',
      },
    ]);
  });

  it('GitHub incidents.json: two resolved incidents give no notice and indicator none', async () => {
    const payload = await real(GITHUB_INCIDENTS);
    const snap = parseStatus(payload, at('2024-09-17T08:08:17.044Z'));
    expect(snap.provider).to.equal('statuspage');
    expect(snap.indicator).to.equal('none');
    expect(snap.page).to.deep.equal({ name: 'GitHub', url: 'https://www.githubstatus.com/' });
    expect(snap.components).to.deep.equal([]);
    expect(snap.notices).to.deep.equal([]);
    expect(payload.incidents[0].reminder_intervals).to.equal(null);
  });

  it('GitHub incidents.json reopened: a <br /> body becomes plain text with its paragraph break', async () => {
    const payload = await real(GITHUB_INCIDENTS);
    const incident = structuredClone(payload.incidents[1]);
    incident.status = 'investigating';
    // Drop the three updates after the `<br />` one, so it is the latest.
    incident.incident_updates = incident.incident_updates.slice(3);
    const snap = parseStatus({ page: payload.page, incidents: [incident] }, at('2024-09-16T13:40:00Z'));
    expect(snap.indicator).to.equal('minor');
    expect(snap.notices).to.deep.equal([
      {
        id: 'r3x7x31k7nn1',
        kind: 'incident',
        title: 'Disruption with Git SSH',
        severity: 'minor',
        phase: 'investigating',
        componentIds: [],
        revision: '6rswdngzbjfg:minor',
        message:
          'We are seeing up to 2% of Git SSH connections failing.\n\nWe have taken suspected problematic hosts out of rotation and are monitoring for recovery and continuing to investigate.',
        updatedAt: '2024-09-16T13:38:25.023Z',
        startedAt: '2024-09-16T13:29:47.155Z',
        url: 'https://stspg.io/36jl4xpkpcvz',
      },
    ]);
    expect(snap.notices[0]!.message).not.to.contain('<br');
  });

  it('GitHub incidents.json reopened: component ids from the incident, then its updates, deduplicated', async () => {
    const payload = await real(GITHUB_INCIDENTS);
    const incident = structuredClone(payload.incidents[0]);
    incident.status = 'monitoring';
    const snap = parseStatus({ page: payload.page, incidents: [incident] }, at('2024-09-16T22:10:00Z'));
    expect(snap.notices).to.deep.equal([
      {
        id: '69sb0f8lydp4',
        kind: 'incident',
        title: 'Incident with Pages and Actions',
        severity: 'major',
        phase: 'monitoring',
        componentIds: ['br0l2tvcx85d', 'vg70hn9s2tyj'],
        revision: 'gv96mtfg46fj:major',
        message: 'This incident has been resolved.',
        updatedAt: '2024-09-16T22:08:39.333Z',
        startedAt: '2024-09-16T21:31:02.713Z',
        url: 'https://stspg.io/mc6sr407p78b',
      },
    ]);
  });

  it('the latest update is found by display_at, not by position', async () => {
    const payload = await real(GITHUB_INCIDENTS);
    const incident = structuredClone(payload.incidents[1]);
    incident.status = 'identified';
    incident.incident_updates.reverse();
    const reversed = parseStatus({ page: payload.page, incidents: [incident] }, at('2024-09-16T14:30:00Z')).notices[0]!;
    expect(reversed.revision).to.equal('hq18g8q5kw28:minor');
    expect(reversed.updatedAt).to.equal('2024-09-16T14:28:03.812Z');

    // A backfilled update: created last, displayed earliest. The one displayed latest wins.
    const backfilled = structuredClone(payload.incidents[1]);
    backfilled.status = 'identified';
    backfilled.incident_updates[3].display_at = '2024-09-16T15:00:00.000Z';
    const notice = parseStatus({ page: payload.page, incidents: [backfilled] }, at('2024-09-16T15:30:00Z')).notices[0]!;
    expect(notice.revision).to.equal('6rswdngzbjfg:minor');
    expect(notice.updatedAt).to.equal('2024-09-16T15:00:00.000Z');
    expect(notice.message).to.match(/^We are seeing up to 2% of Git SSH connections failing\.\n\nWe have taken/);

    // Without display_at, created_at decides.
    const noDisplay = structuredClone(payload.incidents[1]);
    noDisplay.status = 'identified';
    for (const update of noDisplay.incident_updates) delete update.display_at;
    noDisplay.incident_updates[5].created_at = '2024-09-16T16:00:00Z';
    const created = parseStatus({ page: payload.page, incidents: [noDisplay] }, at('2024-09-16T16:30:00Z')).notices[0]!;
    expect(created.revision).to.equal('58gfcp5sk35t:minor');
    expect(created.updatedAt).to.equal('2024-09-16T16:00:00.000Z');
    expect(created.message).to.equal('We are currently investigating this issue.');
  });

  it('GitHub components.json (2024, start_date and group_id null)', async () => {
    const snap = parseStatus(await real(GITHUB_COMPONENTS), at('2024-09-17T08:08:17.044Z'));
    expect(snap.provider).to.equal('statuspage');
    expect(snap.indicator).to.equal('none');
    expect(snap.page).to.deep.equal({ name: 'GitHub', url: 'https://www.githubstatus.com/' });
    expect(snap.notices).to.deep.equal([]);
    expect(snap.components).to.deep.equal([
      { id: '8l4ygp009s5s', name: 'Git Operations', status: 'operational' },
      { id: '4230lsnqdsld', name: 'Webhooks', status: 'operational' },
    ]);
  });

  it('Emma incidents.json: 22 resolved incidents give no notice', async () => {
    const payload = await real(EMMA);
    expect(payload.incidents).to.have.length(22);
    const snap = parseStatus(payload, at('2019-02-21T14:31:24.239Z'));
    expect(snap.provider).to.equal('statuspage');
    expect(snap.indicator).to.equal('none');
    expect(snap.page).to.deep.equal({ name: 'Emma', url: 'https://status.myemma.com/' });
    expect(snap.components).to.deep.equal([]);
    expect(snap.notices).to.deep.equal([]);
  });

  it('Emma reopened: -06:00 (CST) times become UTC; impact none keeps the indicator at none', async () => {
    const payload = await real(EMMA);
    const incident = structuredClone(payload.incidents.find((i: Json) => i.id === 'x0ljvc9m1wxj'));
    incident.status = 'investigating';
    const snap = parseStatus({ page: payload.page, incidents: [incident] }, at('2019-02-20T20:00:00Z'));
    expect(snap.indicator).to.equal('none');
    expect(snap.notices).to.deep.equal([
      {
        id: 'x0ljvc9m1wxj',
        kind: 'incident',
        title: 'Intermittent navigation/sending trouble for some users',
        severity: 'none',
        phase: 'investigating',
        componentIds: [],
        revision: '6q2p24rld62t:none',
        message: 'This incident has been resolved.',
        // 13:40:58.572-06:00; no started_at in this older schema, so created_at 12:00:19.418-06:00.
        updatedAt: '2019-02-20T19:40:58.572Z',
        startedAt: '2019-02-20T18:00:19.418Z',
        url: 'http://stspg.io/7a0d3a4d2',
      },
    ]);
  });

  it('Emma reopened: -05:00 (CDT) times become UTC across midnight', async () => {
    const payload = await real(EMMA);
    const incident = structuredClone(payload.incidents.find((i: Json) => i.id === 'gm8jc9315cyk'));
    incident.status = 'identified';
    const snap = parseStatus({ page: payload.page, incidents: [incident] }, at('2018-10-23T07:00:00Z'));
    expect(snap.indicator).to.equal('major');
    const notice = byId(snap, 'gm8jc9315cyk');
    expect(notice.startedAt).to.equal('2018-10-23T04:57:26.169Z');
    expect(notice.updatedAt).to.equal('2018-10-23T06:30:33.671Z');
    expect(notice.revision).to.equal('7r8gjky8ycrb:major');
    expect(notice.severity).to.equal('major');
    expect(notice.phase).to.equal('identified');
    expect(notice.message).to.equal('The outage we were experiencing earlier has been resolved.');
    expect(notice.componentIds).to.deep.equal([
      '1v7mxlx6kxtz',
      'trq8tq0jv86p',
      '8dp37sxcyb07',
      'kwx88v7vl2y4',
      'zyq768s1l9cn',
      '48gn59gyqj2b',
      'lydc2shnqc22',
      'ddg4f98mhmrv',
      'sdzpj3m0fmvf',
      '2sdr7bq60hxh',
      '6mh9mqw25n84',
      'djdb1k12vc1k',
      's787581xg7md',
      'gxb6z77ygq25',
      'my8r0vf71tzp',
      'gb1hdkkndz98',
      '46tt8lpn8mb8',
      '2c2s8g36k06d',
      '77yfc8vj9lpk',
      'wfkzm3fp0bnl',
    ]);
  });

  it('Emma reopened: display_at wins over created_at, and codeless affected components are skipped', async () => {
    const payload = await real(EMMA);
    const heavy = structuredClone(payload.incidents.find((i: Json) => i.id === 'tcppnkdjxjr9'));
    heavy.status = 'monitoring';
    const slow = structuredClone(payload.incidents.find((i: Json) => i.id === '3m89ls8svt0r'));
    slow.status = 'monitoring';
    const snap = parseStatus({ page: payload.page, incidents: [heavy, slow] }, at('2018-04-06T21:00:00Z'));
    // Created 14:55:03.226-05:00 but displayed at 12:00:00.000-05:00.
    expect(byId(snap, 'tcppnkdjxjr9').updatedAt).to.equal('2018-04-06T17:00:00.000Z');
    expect(byId(snap, 'tcppnkdjxjr9').startedAt).to.equal('2018-04-06T17:00:00.000Z');
    // Every update lists `{ name: "No components were affected by this update." }`.
    expect(byId(snap, '3m89ls8svt0r').componentIds).to.deep.equal([]);
    expect(byId(snap, '3m89ls8svt0r').updatedAt).to.equal('2017-06-23T21:41:00.000Z');
    expect(snap.indicator).to.equal('minor');
  });

  it('Emma reopened: a \\r\\n body keeps its paragraphs as \\n\\n', async () => {
    const payload = await real(EMMA);
    const incident = structuredClone(payload.incidents.find((i: Json) => i.id === 'jrymvd7c2dyz'));
    incident.status = 'investigating';
    incident.incident_updates = incident.incident_updates.filter((u: Json) => u.id === 'vx61w63r1qsp');
    const notice = parseStatus({ page: payload.page, incidents: [incident] }, at('2018-07-24T22:00:00Z')).notices[0]!;
    expect(notice.message).to.equal(
      "The Emma application is currently down for all users. Scheduled and automated sends are still going out as expected. Links within mailings may be affected during this time, but will be operational once we're back up and running.\n\nOur systems team is working hard to identify the source of the issue and we'll send an update as we get more information.\n\nCheck back in here or sign up for notifications for updates.",
    );
    expect(notice.updatedAt).to.equal('2018-07-24T21:54:53.696Z');
    expect(notice.revision).to.equal('vx61w63r1qsp:major');
  });
});
