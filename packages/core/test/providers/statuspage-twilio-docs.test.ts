// Statuspage: the large Twilio summary (groups, maintenances, two offsets) and Atlassian's documentation example.

import { expect } from '@open-wc/testing';
import { type Notice, type StatusSnapshot } from '@status-banner/core';
import { parseStatus } from '@status-banner/core/providers';
import { TWILIO, DOCS_EXAMPLE, real, at, component } from './statuspage-captures.js';

describe('statuspage: real payloads', () => {
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
      startedAt: '2014-05-14T20:30:00.000Z',
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
          scheduledStart: '2014-05-18T04:00:00.000Z',
          scheduledEnd: '2014-05-18T05:30:00.000Z',
          url: 'http://stspg.co:5000/Q0F',
        },
      ]);
    });
  });
});
