import { expect } from '@open-wc/testing';
import { StatusFormatError, parseStatus, type Notice, type StatusSnapshot } from '@status-banner/core';
import { statuspage } from '../src/sources/statuspage.js';
import { loadFixture } from '../../../test/helpers/status-server.js';

// Payloads are mutated freely in these tests; every test loads its own copy.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const GITHUB_OPERATIONAL = 'githubstatus-summary-all-operational-2019-12-30.json';
const GITHUB_OUTAGE = 'githubstatus-summary-major-outage-investigating-2020-04-02.json';
const GITHUB_INCIDENTS = 'githubstatus-incidents-two-resolved-with-html-br-2024-09-16.json';
const GITHUB_COMPONENTS = 'githubstatus-components-trimmed-2024-09-17.json';
const EMMA = 'emma-incidents-22-resolved-america-chicago-offsets-2019-02-21.json';
const HTX = 'htx-summary-upcoming-maintenance-and-investigating-incident-2020-02-11.json';
const CLOUDAMQP = 'cloudamqp-summary-maintenance-in-progress-2020-07-16.json';
const TWILIO = 'twilio-summary-large-73-components-2-incidents-9-maintenances-2020-06-16.json';
const DOCS_EXAMPLE = 'docs-examples/statuspage-docs-example-summary-with-github-page-header-2020-07-12.json';
const INCIDENTIO_OUTAGE = 'incidentio-statuspage-compat-summary-outage-from-docs.json';
const INCIDENTIO_OPERATIONAL = 'incidentio-statuspage-compat-summary-operational-from-docs.json';

const real = (name: string): Promise<Json> => loadFixture(`real/statuspage/${name}`);
const local = (name: string): Promise<Json> => loadFixture(`docs/${name}`);
const at = (iso: string) => ({ now: new Date(iso) });

function pick(payload: Json, ...keys: string[]): Json {
  return Object.fromEntries(keys.map((key) => [key, payload[key]]));
}

function byId(snapshot: StatusSnapshot, id: string): Notice {
  const notice = snapshot.notices.find((n) => n.id === id);
  if (!notice) throw new Error(`no notice ${id} in [${snapshot.notices.map((n) => n.id).join(', ')}]`);
  return notice;
}

function component(snapshot: StatusSnapshot, id: string) {
  const found = snapshot.components.find((c) => c.id === id);
  if (!found) throw new Error(`no component ${id}`);
  return found;
}

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

  describe('HTX summary: an investigating incident and maintenance scheduled four days out', () => {
    const incident: Notice = {
      id: 'rclfxz2g21ly',
      kind: 'incident',
      title: 'Market data is delayed',
      severity: 'minor',
      phase: 'investigating',
      componentIds: ['nctwm9tghxh6'],
      revision: 'dwfsk5ttyvtb:minor',
      message: 'Market data is delayed',
      updatedAt: '2020-02-11T03:15:02.000Z',
      startedAt: '2020-02-11T03:15:01.906Z',
      url: 'http://stspg.io/pkvbwp8jppf9',
    };
    const maintenance: Notice = {
      id: 'k7g299zl765l',
      kind: 'maintenance',
      title: 'Schedule maintenance',
      severity: 'maintenance',
      phase: 'scheduled',
      // By code: the update names it "Deposit And Withdraw - Deposit", the component is "Deposit".
      componentIds: ['h028tnzw1n5l'],
      revision: '8whgr3rlbld8:maintenance',
      message: 'We will be undergoing scheduled maintenance during this time.',
      updatedAt: '2020-02-11T03:16:31.527Z',
      startedAt: '2020-02-11T03:16:31.474Z',
      scheduledStart: '2020-02-15T00:00:00.000Z',
      scheduledEnd: '2020-02-15T01:00:00.000Z',
      url: 'http://stspg.io/md4t4ym7nytd',
    };

    it('at capture time: the incident only', async () => {
      const snap = parseStatus(await real(HTX), at('2020-02-11T03:16:31.530Z'));
      expect(snap.provider).to.equal('statuspage');
      expect(snap.indicator).to.equal('minor');
      expect(snap.page).to.deep.equal({ name: 'HTX', url: 'https://status.huobigroup.com/' });
      expect(snap.components).to.deep.equal([
        { id: 'h028tnzw1n5l', name: 'Deposit', status: 'operational', groupId: 'gtd0nyr3pf0k' },
      ]);
      expect(snap.notices).to.deep.equal([incident]);
    });

    it('within 24 h of its start the maintenance shows, after the incident', async () => {
      const snap = parseStatus(await real(HTX), at('2020-02-14T06:00:00Z'));
      expect(snap.notices).to.deep.equal([incident, maintenance]);
      expect(snap.indicator).to.equal('minor');
    });

    it('three days before its start it does not', async () => {
      const snap = parseStatus(await real(HTX), at('2020-02-12T00:00:00Z'));
      expect(snap.notices.map((n) => n.id)).to.deep.equal(['rclfxz2g21ly']);
    });

    it('a longer maintenanceLead brings it in; past its end it is gone', async () => {
      const payload = await real(HTX);
      const lead = parseStatus(payload, { now: new Date('2020-02-12T00:00:00Z'), maintenanceLead: 4 * 86_400 });
      expect(lead.notices.map((n) => n.id)).to.deep.equal(['rclfxz2g21ly', 'k7g299zl765l']);
      const after = parseStatus(payload, at('2020-02-15T01:00:01Z'));
      expect(after.notices.map((n) => n.id)).to.deep.equal(['rclfxz2g21ly']);
    });
  });

  it('CloudAMQP summary: maintenance in progress, curly quotes in the title', async () => {
    const snap = parseStatus(await real(CLOUDAMQP), at('2020-07-16T21:10:37.516Z'));
    expect(snap.provider).to.equal('statuspage');
    expect(snap.indicator).to.equal('maintenance');
    expect(snap.page).to.deep.equal({ name: 'CloudAMQP', url: 'https://status.cloudamqp.com/' });
    expect(snap.components).to.have.length(23);
    expect(component(snap, 'm9jl6sdbs4vb')).to.deep.equal({
      id: 'm9jl6sdbs4vb',
      name: 'Shared servers',
      status: 'maintenance',
    });
    expect(snap.components.filter((c) => c.status !== 'operational').map((c) => c.id)).to.deep.equal(['m9jl6sdbs4vb']);
    expect(snap.notices).to.deep.equal([
      {
        id: 'qy6n39trpl7l',
        kind: 'maintenance',
        title: 'Upgrade of shared servers \u201cjellyfish\u201d, \u201cwildboar\u201d, and \u201creindeer\u201d',
        severity: 'maintenance',
        phase: 'in_progress',
        componentIds: ['m9jl6sdbs4vb'],
        revision: 'vgtxddng45wq:maintenance',
        message: 'Scheduled maintenance is currently in progress. We will provide updates as necessary.',
        updatedAt: '2020-07-16T21:10:37.506Z',
        startedAt: '2020-07-09T23:37:08.373Z',
        scheduledStart: '2020-07-16T21:00:00.000Z',
        scheduledEnd: '2020-07-16T23:00:00.000Z',
        url: 'http://stspg.io/3crfld0dxr87',
      },
    ]);
  });

  describe('Twilio summary: 73 components in 8 groups, 2 incidents, 9 scheduled maintenances, -07:00', () => {
    const now = '2020-06-16T21:00:29.031Z'; // page.updated_at, 14:00:29.031-07:00

    it('components, groups and children', async () => {
      const snap = parseStatus(await real(TWILIO), at(now));
      expect(snap.provider).to.equal('statuspage');
      expect(snap.indicator).to.equal('minor');
      expect(snap.page).to.deep.equal({ name: 'Twilio', url: 'https://status.twilio.com/' });
      expect(snap.components).to.have.length(73);
      expect(snap.components.filter((c) => c.childIds).map((c) => [c.id, c.childIds!.length])).to.deep.equal([
        ['s2k3h0mkqnth', 6],
        ['j3s4w3gnsj08', 12],
        ['vz5v126ykmgd', 4],
        ['p750yl3t5mwk', 3],
        ['31pkbykrvbwr', 5],
        ['m8p285mfbblr', 5],
        ['t26k1dqws96h', 7],
        ['j8hlnyphbbs0', 15],
      ]);
      expect(snap.components.filter((c) => c.groupId)).to.have.length(57);
      expect(component(snap, 's2k3h0mkqnth')).to.deep.equal({
        id: 's2k3h0mkqnth',
        name: 'PROGRAMMABLE MESSAGING',
        status: 'degraded',
        childIds: ['d1j2nx64rpq3', 'yvvy3vlp4djf', 'pf1lb8dq2g3b', '1gkv0mxhzsjv', '5bv1plmydbzf', '2vs63pk0qq23'],
      });
      expect(component(snap, 'd1j2nx64rpq3')).to.deep.equal({
        id: 'd1j2nx64rpq3',
        name: 'MMS',
        status: 'degraded',
        groupId: 's2k3h0mkqnth',
      });
      expect(component(snap, 'kqr83rygcwwf')).to.deep.equal({
        id: 'kqr83rygcwwf',
        name: 'SMS, Middle East & Africa',
        status: 'degraded',
        groupId: 'j8hlnyphbbs0',
      });
      expect(snap.components.filter((c) => c.status === 'degraded').map((c) => c.id)).to.deep.equal([
        's2k3h0mkqnth',
        '39mb8cmw8y2v',
        'h0fl7prwfhvm',
        'kqr83rygcwwf',
        'd1j2nx64rpq3',
        'j8hlnyphbbs0',
      ]);
      expect(snap.components.filter((c) => c.status !== 'degraded' && c.status !== 'operational')).to.deep.equal([]);
    });

    it('at capture time: both incidents, then the two maintenances starting within 24 h', async () => {
      const snap = parseStatus(await real(TWILIO), at(now));
      expect(snap.notices).to.deep.equal([
        {
          id: '4dtnnnnxnhn9',
          kind: 'incident',
          title: 'SMS Delivery Delays to Mozambique Movitel',
          severity: 'minor',
          phase: 'investigating',
          componentIds: ['kqr83rygcwwf'],
          revision: 'xj230q3zv0mm:minor',
          message: 'We are continuing to investigate this issue.',
          updatedAt: '2020-06-16T21:00:29.019Z',
          startedAt: '2020-06-16T20:27:41.521Z',
          url: 'http://stspg.io/q363nfb5wg00',
        },
        {
          id: 'r0f0vdz8vrgm',
          kind: 'incident',
          title: 'SMS Delivery Delays from Subset of Twilio Short Codes to US Sprint',
          severity: 'minor',
          phase: 'monitoring',
          componentIds: ['yvvy3vlp4djf', 'd1j2nx64rpq3', 'h0fl7prwfhvm', '39mb8cmw8y2v'],
          revision: 'n9hk209qxd9c:minor',
          message:
            'We have started seeing recovery for SMS from a subset of Twilio Short Codes to US Sprint. We will continue to monitor to ensure a full recovery.',
          updatedAt: '2020-06-16T19:09:47.174Z',
          startedAt: '2020-06-16T13:41:44.672Z',
          url: 'http://stspg.io/xwv6rz0r1yll',
        },
        {
          id: '9szb6ydlg10w',
          kind: 'maintenance',
          title: '[Scheduled] SMS Carrier Maintenance - Tele2 Russia',
          severity: 'maintenance',
          phase: 'scheduled',
          componentIds: ['llgdln3dcs6p'],
          revision: '16rg2vp3d0m8:maintenance',
          message:
            'The Tele2 mobile network in Russia will be conducting a maintenance on their SMS platform, Tuesday, June 16 16:00 - Tuesday, June 16 20:00 PDT. During this maintenance window, there could be intermittent delays delivering their SMS sent to Tele2 handsets, as well as message status events.',
          updatedAt: '2020-06-15T16:03:51.961Z',
          startedAt: '2020-06-15T16:03:51.896Z',
          scheduledStart: '2020-06-16T23:00:00.000Z',
          scheduledEnd: '2020-06-17T03:00:00.000Z',
          url: 'http://stspg.io/rn0vdmd9brxy',
        },
        {
          id: 'pdjdlgl6w07h',
          kind: 'maintenance',
          title: 'SMS Carrier Maintenance - AT&T US',
          severity: 'maintenance',
          phase: 'scheduled',
          componentIds: ['39mb8cmw8y2v', '7d8w22hqrh6s'],
          revision: 'j5lxqbqcl87b:maintenance',
          message:
            'The AT&T network in the US is conducting a scheduled maintenance from 16 June 2020 at 21:00 PDT until 17 June 2020 at 04:00 PDT. During the maintenance window, there could be intermittent delays delivering SMS to and from AT&T US handsets via US shortcodes and US longcodes.',
          updatedAt: '2020-06-11T03:23:56.654Z',
          startedAt: '2020-06-11T03:23:56.581Z',
          scheduledStart: '2020-06-17T04:00:00.000Z',
          scheduledEnd: '2020-06-17T11:00:00.000Z',
          url: 'http://stspg.io/rcf1tztngn4l',
        },
      ]);
    });

    it('the lead window filters the 9 maintenances', async () => {
      const payload = await real(TWILIO);
      const maintenanceIds = (snap: StatusSnapshot) =>
        snap.notices.filter((n) => n.kind === 'maintenance').map((n) => n.id);
      // A day and a half later: the first two have ended, the third has started (still `scheduled`), the fourth
      // starts within 24 h.
      expect(maintenanceIds(parseStatus(payload, at('2020-06-18T05:00:00Z')))).to.deep.equal([
        '2tvqrhp7c8s6',
        'l58x0rjsxj8f',
      ]);
      // A 30-day lead at capture time shows all nine, most recently updated first.
      expect(maintenanceIds(parseStatus(payload, { now: new Date(now), maintenanceLead: 30 * 86_400 }))).to.deep.equal([
        '2tvqrhp7c8s6',
        'sy40jxf1pr87',
        'ydfdcy8jc70d',
        '9szb6ydlg10w',
        '4cq3s38yqfzf',
        'p129psfhvfqs',
        'wqkpj3np9y47',
        'l58x0rjsxj8f',
        'pdjdlgl6w07h',
      ]);
      // No lead: none of them has started yet.
      expect(maintenanceIds(parseStatus(payload, { now: new Date(now), maintenanceLead: 0 }))).to.deep.equal([]);
    });
  });

  describe('Atlassian docs example (GitHub page header, 2014 times at -06:00)', () => {
    const critical: Notice = {
      id: 'cp306tmzcl0y',
      kind: 'incident',
      title: 'Unplanned Database Outage',
      severity: 'critical',
      phase: 'identified',
      componentIds: [],
      revision: 'jdy3tw5mt5r5:critical',
      message:
        "Our master database has ham sandwiches flying out of the rack, and we're working our hardest to stop the bleeding. The whole site is down while we restore functionality, and we'll provide another update within 30 minutes.",
      updatedAt: '2014-05-14T20:22:40.301Z',
      startedAt: '2014-05-14T20:22:39.441Z',
      url: 'http://stspg.co:5000/Q0E',
    };
    const inProgress: Notice = {
      id: 'k7mf5z1gz05c',
      kind: 'maintenance',
      title: 'Web Tier Recycle',
      // Impact overridden to `minor`; still shown as maintenance.
      severity: 'maintenance',
      phase: 'in_progress',
      componentIds: [],
      revision: 'drs62w8df6fs:maintenance',
      message: 'Scheduled maintenance is currently in progress. We will provide updates as necessary.',
      updatedAt: '2014-05-14T20:34:20.036Z',
      startedAt: '2014-05-14T20:27:17.303Z',
      scheduledStart: '2014-05-14T20:30:00.000Z',
      scheduledEnd: '2014-05-14T22:30:00.000Z',
      url: 'http://stspg.co:5000/Q0G',
    };

    it('during the in-progress maintenance', async () => {
      const snap = parseStatus(await real(DOCS_EXAMPLE), at('2014-05-14T20:40:00Z'));
      expect(snap.provider).to.equal('statuspage');
      // The provider's own roll-up is kept, even though an incident is critical.
      expect(snap.indicator).to.equal('major');
      expect(snap.page).to.deep.equal({ name: 'GitHub', url: 'https://www.githubstatus.com/' });
      expect(snap.components).to.deep.equal([
        { id: 'b13yz5g2cw10', name: 'API', status: 'partial_outage' },
        { id: '9397cnvk62zn', name: 'Management Portal', status: 'major_outage' },
      ]);
      expect(snap.notices).to.deep.equal([critical, inProgress]);
    });

    it('the network maintenance (impact none) shows within a day of its start, as maintenance', async () => {
      const snap = parseStatus(await real(DOCS_EXAMPLE), at('2014-05-17T12:00:00Z'));
      expect(snap.notices).to.deep.equal([
        critical,
        inProgress,
        {
          id: 'w1zdr745wmfy',
          kind: 'maintenance',
          title: 'Network Maintenance (No Interruption Expected)',
          severity: 'maintenance',
          phase: 'scheduled',
          componentIds: [],
          revision: 'qq0vx910b3qj:maintenance',
          message:
            'Our data center has informed us that they will be performing routine network maintenance. No interruption in service is expected. Any issues during this maintenance should be directed to our support center',
          updatedAt: '2014-05-14T20:24:41.913Z',
          startedAt: '2014-05-14T20:24:40.430Z',
          scheduledStart: '2014-05-18T04:00:00.000Z',
          scheduledEnd: '2014-05-18T05:30:00.000Z',
          url: 'http://stspg.co:5000/Q0F',
        },
      ]);
    });
  });

  describe('incident.io Statuspage-compatible summary (from FORMATS.md §2a)', () => {
    it('outage: Markdown bodies, ULIDs, no shortlink, no scheduled_maintenances key', async () => {
      const payload = await local(INCIDENTIO_OUTAGE);
      expect(payload).to.have.property('incidents');
      expect(payload).not.to.have.property('scheduled_maintenances');
      const snap = parseStatus(payload, at('2025-06-10T14:35:00Z'));
      expect(snap.provider).to.equal('statuspage');
      expect(snap.indicator).to.equal('major');
      expect(snap.page).to.deep.equal({ name: 'OpenAI', url: 'https://status.openai.com/' });
      expect(snap.components).to.deep.equal([
        { id: '01HM3E28JT97KB6CQ643DZVMXX', name: 'APIs', status: 'partial_outage' },
        { id: '01HMQKFBF5KZNWJ47TAN9ZT24M', name: 'ChatGPT', status: 'degraded' },
        { id: '01HMNPZX45HY43KWJRP1XPA7Z3', name: 'Sora', status: 'operational' },
        { id: '01HMDJ8FSSZ5AWSH8VHTPRE95B', name: 'Playground', status: 'operational' },
        { id: '01HM9EE0ZBGJ09TQM83XSSSS6Y', name: 'Labs', status: 'operational' },
      ]);
      expect(snap.notices).to.deep.equal([
        {
          id: '01JXS3C4DWA7N36096Q14DR9GP',
          kind: 'incident',
          title: 'Elevated error rates for ChatGPT and the API',
          severity: 'major',
          phase: 'identified',
          componentIds: [],
          revision: '01JX5GQAPENECFSECZP11HYGCP:major',
          message:
            'We have identified the cause of the elevated error rates and are rolling out a fix. Some users may still see \u201cSomething went wrong\u201d in ChatGPT.\n\nIf errors persist, please contact our support team and include the time you saw them.',
          updatedAt: '2025-06-10T14:32:07.000Z',
          startedAt: '2025-06-10T13:05:41.000Z',
          // No shortlink: the page URL (trailing slash and all) plus /incidents/<id>.
          url: 'https://status.openai.com/incidents/01JXS3C4DWA7N36096Q14DR9GP',
        },
        {
          id: '01JXQY77ZXYYK596NGYA1DQ91K',
          kind: 'incident',
          title: 'Support chat unavailable',
          severity: 'none',
          phase: 'investigating',
          componentIds: [],
          revision: '01JXN5SXS5AA819X9YP981068V:none',
          message: 'Our support chat is unavailable. You can still reach us by email.\n\nWe\u2019ll post an update here once it\u2019s back.',
          updatedAt: '2025-06-10T12:48:19.000Z',
          startedAt: '2025-06-10T12:48:19.000Z',
          url: 'https://status.openai.com/incidents/01JXQY77ZXYYK596NGYA1DQ91K',
        },
      ]);
    });

    it('operational: no incidents or scheduled_maintenances keys at all', async () => {
      const payload = await local(INCIDENTIO_OPERATIONAL);
      expect(payload).not.to.have.property('incidents');
      expect(payload).not.to.have.property('scheduled_maintenances');
      expect(payload.page).not.to.have.property('time_zone');
      const snap = parseStatus(payload, at('2025-06-09T08:00:00Z'));
      expect(snap.provider).to.equal('statuspage');
      expect(snap.indicator).to.equal('none');
      expect(snap.page).to.deep.equal({ name: 'OpenAI', url: 'https://status.openai.com/' });
      expect(snap.notices).to.deep.equal([]);
      expect(snap.components.map((c) => `${c.name}:${c.status}`)).to.deep.equal([
        'APIs:operational',
        'ChatGPT:operational',
        'Sora:operational',
        'Playground:operational',
        'Labs:operational',
      ]);
      expect(snap.components.some((c) => c.groupId || c.childIds)).to.equal(false);
    });
  });

  it('reads a JSON string as well as parsed JSON', async () => {
    const payload = await real(HTX);
    const fromString = parseStatus(JSON.stringify(payload), at('2020-02-11T03:16:31.530Z'));
    expect(fromString).to.deep.equal(parseStatus(payload, at('2020-02-11T03:16:31.530Z')));
    expect(fromString.notices.map((n) => n.id)).to.deep.equal(['rclfxz2g21ly']);
  });
});

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

describe('statuspage: field rules', () => {
  async function htxIncident(): Promise<{ page: Json; incident: Json }> {
    const payload = await real(HTX);
    return { page: payload.page, incident: structuredClone(payload.incidents[0]) };
  }
  const NOW = at('2020-02-11T04:00:00Z');

  it('impact: none/minor/major/critical kept; missing or unknown is minor', async () => {
    const { page, incident } = await htxIncident();
    const impacts: unknown[] = ['none', 'minor', 'major', 'critical', undefined, 'maintenance', 'catastrophic', 3];
    const severities = impacts.map((impact) => {
      const copy = structuredClone(incident);
      if (impact === undefined) delete copy.impact;
      else copy.impact = impact;
      return parseStatus({ page, incidents: [copy] }, NOW).notices[0]!.severity;
    });
    expect(severities).to.deep.equal(['none', 'minor', 'major', 'critical', 'minor', 'minor', 'minor', 'minor']);
  });

  it('the revision changes with a new update and with a severity change', async () => {
    const { page, incident } = await htxIncident();
    const before = parseStatus({ page, incidents: [incident] }, NOW).notices[0]!.revision;
    expect(before).to.equal('dwfsk5ttyvtb:minor');
    const escalated = structuredClone(incident);
    escalated.impact = 'major';
    expect(parseStatus({ page, incidents: [escalated] }, NOW).notices[0]!.revision).to.equal('dwfsk5ttyvtb:major');
    const updated = structuredClone(incident);
    updated.incident_updates.unshift({
      ...incident.incident_updates[0],
      id: 'newupdate123',
      body: 'Still delayed.',
      display_at: '2020-02-11T03:45:00.000Z',
    });
    const notice = parseStatus({ page, incidents: [updated] }, NOW).notices[0]!;
    expect(notice.revision).to.equal('newupdate123:minor');
    expect(notice.message).to.equal('Still delayed.');
    // No updates at all: the incident's updated_at stands in.
    const bare = structuredClone(incident);
    bare.incident_updates = [];
    const bareNotice = parseStatus({ page, incidents: [bare] }, NOW).notices[0]!;
    expect(bareNotice.revision).to.equal('2020-02-11T03:15:02.003Z:minor');
    expect(bareNotice.updatedAt).to.equal('2020-02-11T03:15:02.003Z');
    expect(bareNotice).not.to.have.property('message');
  });

  it('phase: an unknown incident status is unknown and still shown; an empty body gives no message', async () => {
    const { page, incident } = await htxIncident();
    incident.status = 'escalated';
    incident.incident_updates[0].body = '  <br />  ';
    const notice = parseStatus({ page, incidents: [incident] }, NOW).notices[0]!;
    expect(notice.phase).to.equal('unknown');
    expect(notice.kind).to.equal('incident');
    expect(notice).not.to.have.property('message');
  });

  it('skips notices without an id or a title', async () => {
    const { page, incident } = await htxIncident();
    const noId = { ...structuredClone(incident), id: null };
    const noTitle = { ...structuredClone(incident), id: 'x1', name: '   ' };
    const numericId = { ...structuredClone(incident), id: 42 };
    const snap = parseStatus({ page, incidents: [noId, noTitle, numericId, null] }, NOW);
    expect(snap.notices.map((n) => n.id)).to.deep.equal(['42']);
  });

  it('titles are plain one-line text, names literal one-line text: controls and bidi overrides dropped', async () => {
    const { page, incident } = await htxIncident();
    incident.name = '  Market\r\n data \u202e<b>delayed</b>\u0007  ';
    const snap = parseStatus(
      {
        page: { ...page, name: 'HTX\u2066 status\n' },
        incidents: [incident],
        components: [{ id: 'c1', name: '\tDeposit\u202d & Withdraw' }],
      },
      NOW,
    );
    // Titles are flattened like messages (before, `<b>` was shown as characters); names are not titles.
    expect(snap.notices[0]!.title).to.equal('Market data delayed');
    expect(snap.page.name).to.equal('HTX status');
    expect(snap.components[0]!.name).to.equal('Deposit & Withdraw');
  });

  it('url: shortlink, else <page.url>/incidents/<id>, never an unsafe link', async () => {
    const { page, incident } = await htxIncident();
    const noShortlink = structuredClone(incident);
    delete noShortlink.shortlink;
    expect(parseStatus({ page, incidents: [noShortlink] }, NOW).notices[0]!.url).to.equal(
      'https://status.huobigroup.com/incidents/rclfxz2g21ly',
    );
    const unsafe = structuredClone(incident);
    unsafe.shortlink = 'javascript:alert(1)';
    const slash = { ...page, url: 'https://status.example.com/sub/?ref=x#top' };
    expect(parseStatus({ page: slash, incidents: [unsafe] }, NOW).notices[0]!.url).to.equal(
      'https://status.example.com/sub/incidents/rclfxz2g21ly',
    );
    const badPage = { ...page, url: 'javascript:alert(1)//' };
    const snap = parseStatus({ page: badPage, incidents: [unsafe] }, NOW);
    expect(snap.notices[0]).not.to.have.property('url');
    expect(snap.page).to.deep.equal({ name: 'HTX' });
  });

  it('componentIds: never matched by name, deduplicated, null affected_components ignored', async () => {
    const { page, incident } = await htxIncident();
    incident.components = [{ id: 'b' }, { id: 'a' }, null, { name: 'no id' }];
    incident.incident_updates = [
      { ...incident.incident_updates[0], affected_components: null },
      { ...incident.incident_updates[0], id: 'u2', affected_components: [{ code: 'c', name: 'B' }, { code: 'a' }, null] },
      { ...incident.incident_updates[0], id: 'u3', affected_components: [{ name: 'Market data' }] },
    ];
    expect(parseStatus({ page, incidents: [incident] }, NOW).notices[0]!.componentIds).to.deep.equal(['b', 'a', 'c']);
  });

  it('reminder_intervals: null, an array, a string or anything else never matters', async () => {
    const { page, incident } = await htxIncident();
    for (const value of [null, [3, 6, 12, 24], '[3, 6, 12, 24]', '[]', { a: 1 }, 7]) {
      const copy = structuredClone(incident);
      copy.reminder_intervals = value;
      const notice = parseStatus({ page, incidents: [copy] }, NOW).notices[0]!;
      expect(notice.revision).to.equal('dwfsk5ttyvtb:minor');
    }
  });

  it('components: unknown status is unknown; group rows get childIds, children groupId', async () => {
    const payload = await real(TWILIO);
    const components = structuredClone(payload.components.slice(0, 3));
    components[1].status = 'on_fire';
    components[2].status = 'constructor';
    components.push(null, { name: 'no id' }, { id: 'g1', name: 'Empty group', status: 'operational', group: true });
    const snap = parseStatus({ page: payload.page, components });
    expect(snap.components).to.deep.equal([
      {
        id: 's2k3h0mkqnth',
        name: 'PROGRAMMABLE MESSAGING',
        status: 'degraded',
        childIds: ['d1j2nx64rpq3', 'yvvy3vlp4djf', 'pf1lb8dq2g3b', '1gkv0mxhzsjv', '5bv1plmydbzf', '2vs63pk0qq23'],
      },
      { id: '7c6yv3vctfqv', name: 'Studio', status: 'unknown', groupId: 'm8p285mfbblr' },
      { id: 'mq9q3ytpkyfz', name: 'Authy 2FA', status: 'unknown', groupId: 'vz5v126ykmgd' },
      { id: 'g1', name: 'Empty group', status: 'operational', childIds: [] },
    ]);
  });

  it('orders notices: critical, major, minor, maintenance, none, then most recent update first', async () => {
    const { page, incident } = await htxIncident();
    const make = (id: string, impact: string, displayAt: string) => {
      const copy = structuredClone(incident);
      copy.id = id;
      copy.impact = impact;
      copy.incident_updates[0].id = `${id}-u`;
      copy.incident_updates[0].display_at = displayAt;
      return copy;
    };
    const maintenance = structuredClone((await real(CLOUDAMQP)).scheduled_maintenances[0]);
    maintenance.incident_updates[0].display_at = '2020-02-11T03:59:00Z';
    const snap = parseStatus(
      {
        page,
        incidents: [
          make('none-new', 'none', '2020-02-11T03:58:00Z'),
          make('minor-old', 'minor', '2020-02-11T03:10:00Z'),
          make('critical', 'critical', '2020-02-11T03:00:00Z'),
          make('minor-new', 'minor', '2020-02-11T03:50:00Z'),
          make('major', 'major', '2020-02-11T03:20:00Z'),
        ],
        scheduled_maintenances: [maintenance],
      },
      NOW,
    );
    expect(snap.notices.map((n) => n.id)).to.deep.equal([
      'critical',
      'major',
      'minor-new',
      'minor-old',
      'qy6n39trpl7l',
      'none-new',
    ]);
    // No status object and no components: the worst open incident.
    expect(snap.indicator).to.equal('critical');
  });
});

describe('statuspage: detect', () => {
  it('claims a page object with a status, components, incidents or scheduled_maintenances', () => {
    expect(statuspage.detect({ page: {}, status: {} })).to.equal(true);
    expect(statuspage.detect({ page: {}, components: [] })).to.equal(true);
    expect(statuspage.detect({ page: {}, incidents: [] })).to.equal(true);
    expect(statuspage.detect({ page: {}, scheduled_maintenances: [] })).to.equal(true);
  });

  it('rejects anything else, and the native shape', () => {
    for (const payload of [
      null,
      undefined,
      [],
      'x',
      {},
      { page: {} },
      { page: null, status: {} },
      { page: [], status: {} },
      { page: {}, status: 'none' },
      { page: {}, components: {} },
      { page: { name: 'Mine' }, indicator: 'minor', notices: [], components: [] },
    ]) {
      expect(statuspage.detect(payload), JSON.stringify(payload)).to.equal(false);
    }
  });

  it('a native payload with a page and components still reads as native', () => {
    const snap = parseStatus({
      page: { name: 'Mine' },
      indicator: 'minor',
      notices: [{ id: 'a', title: 'x', kind: 'incident', severity: 'minor', phase: 'investigating' }],
      components: [],
    });
    expect(snap.provider).to.equal('native');
    expect(snap.notices.map((n) => n.id)).to.deep.equal(['a']);
  });

  it('parse with provider "statuspage" on a foreign payload is an invalid-payload StatusFormatError', () => {
    try {
      parseStatus({ indicator: 'none', notices: [] }, { provider: 'statuspage' });
      expect.fail('should throw');
    } catch (error) {
      expect(error).to.be.instanceOf(StatusFormatError);
      expect((error as StatusFormatError).type).to.equal('invalid-payload');
    }
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
