// Statuspage v2: its field rules, its detection (beside its neighbours' shapes), component targeting, and every
// fixture of it read in full against the expected reading beside the fixture.

import { expect } from '@open-wc/testing';
import { StatusFormatError, filterNotices, type StatusSnapshot } from '@status-banner/core';
import { parseStatus } from '@status-banner/core/providers';
import { statuspage } from '../../src/sources/statuspage.js';
import { describeFixtures, real as realCapture } from './read.js';
import { HTX, CLOUDAMQP, TWILIO, real, at } from './statuspage-captures.js';
import type { Json } from './read.js';

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

  it('maintenance began when it was due, not when it was posted, and has not begun while planned', async () => {
    // CloudAMQP's real maintenance: posted on July 9 (its started_at), due July 16 at 21:00, under way at 21:10.
    const payload = await real(CLOUDAMQP);
    const [underWay] = parseStatus(payload, at('2020-07-16T21:10:38Z')).notices;
    expect([payload.scheduled_maintenances[0].started_at, underWay!.phase, underWay!.startedAt]).to.deep.equal([
      '2020-07-09T23:37:08.373Z',
      'in_progress',
      '2020-07-16T21:00:00.000Z',
    ]);
    const planned = structuredClone(payload);
    planned.scheduled_maintenances[0].status = 'scheduled';
    for (const update of planned.scheduled_maintenances[0].incident_updates) update.status = 'scheduled';
    const [ahead] = parseStatus(planned, at('2020-07-16T12:00:00Z')).notices;
    expect([ahead!.phase, ahead!.startedAt, ahead!.scheduledStart]).to.deep.equal(['scheduled', undefined, '2020-07-16T21:00:00.000Z']);
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

describe('statuspage detection beside its neighbours', () => {
  it('an Instatus page (a status string in `page`) is not Statuspage, whatever lists it has', () => {
    expect(statuspage.detect({ page: { name: 'x', status: 'UP' }, incidents: [] })).to.equal(false);
    expect(statuspage.detect({ page: {}, activeIncidents: [], status: {} })).to.equal(false);
    expect(statuspage.detect({ page: {}, status: {} })).to.equal(true);
  });
});

describe('component targeting, per provider', () => {
  const pick = (snapshot: StatusSnapshot, ...selectors: string[]) => filterNotices(snapshot, selectors).map((n) => n.id);

  it('statuspage: a component the page marks down keeps the incident that names only a placeholder (GitHub)', async () => {
    // GitHub's major outage of 2020-04-02: six components down, and the one open incident filed under GitHub's
    // "Visit www.githubstatus.com" placeholder component, which is operational.
    const snap = parseStatus(await realCapture('statuspage/githubstatus-summary-major-outage-investigating-2020-04-02.json'), {
      now: new Date('2020-04-02T20:37:08Z'),
    });
    const [incident] = snap.notices;
    const down = snap.components.filter((c) => c.status !== 'operational');
    expect(down.map((c) => c.name)).to.deep.equal(['Git Operations', 'API Requests', 'Webhooks', 'Issues, PRs, Projects', 'GitHub Actions', 'GitHub Packages']);
    expect(incident!.componentIds.some((id) => down.some((c) => c.id === id))).to.equal(false);
    for (const component of down) {
      expect(pick(snap, component.name), component.name).to.deep.equal([incident!.id]);
      expect(pick(snap, component.id), component.id).to.deep.equal([incident!.id]);
    }
    // A component in good health still selects only what names it: nothing, here.
    const fine = snap.components.find((c) => c.status === 'operational' && !incident!.componentIds.includes(c.id))!;
    expect(pick(snap, fine.name)).to.deep.equal([]);
    // Maintenance is not an outage's explanation: a component under maintenance keeps maintenance, not incidents.
    const maintained = { ...snap, components: snap.components.map((c) => (c.id === down[0]!.id ? { ...c, status: 'maintenance' as const } : c)) };
    expect(pick(maintained, down[0]!.id)).to.deep.equal([]);
  });

  it('statuspage: a group (Twilio) selects its children, by name or id', async () => {
    const snap = parseStatus(await realCapture('statuspage/twilio-summary-large-73-components-2-incidents-9-maintenances-2020-06-16.json'), {
      now: new Date('2020-06-16T12:00:00Z'),
      maintenanceLead: 30 * 86_400,
    });
    const group = snap.components.find((c) => c.childIds?.length)!;
    expect(pick(snap, group.name)).to.deep.equal(pick(snap, group.id));
    expect(pick(snap, group.name)).to.deep.equal(pick(snap, ...group.childIds!));
  });
});

describeFixtures('statuspage');
