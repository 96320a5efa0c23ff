// Statuspage: the HTX and CloudAMQP summaries, incident.io's compatible summary, and JSON text as input.

import { expect } from '@open-wc/testing';
import { type Notice } from '@status-banner/core';
import { parseStatus } from '@status-banner/core/providers';
import { HTX, CLOUDAMQP, INCIDENTIO_OUTAGE, INCIDENTIO_OPERATIONAL, real, local, at, component } from './statuspage-captures.js';

describe('statuspage: real payloads', () => {
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
        startedAt: '2020-07-16T21:00:00.000Z',
        scheduledStart: '2020-07-16T21:00:00.000Z',
        scheduledEnd: '2020-07-16T23:00:00.000Z',
        url: 'http://stspg.io/3crfld0dxr87',
      },
    ]);
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
