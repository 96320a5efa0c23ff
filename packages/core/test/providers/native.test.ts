import { expect } from '@open-wc/testing';
import { parseStatus } from '@status-banner/core/providers';

const now = new Date('2026-11-22T12:00:00Z');

describe('the native format', () => {
  it('is detected by a notices array and a string indicator', () => {
    const snapshot = parseStatus({ indicator: 'major', notices: [], components: [], version: 3 }, { now });
    expect(snapshot).to.deep.equal({ provider: 'native', page: {}, indicator: 'major', notices: [], components: [], version: 3 });
  });

  it('keeps the paragraph breaks of a message', () => {
    const { notices } = parseStatus(
      { indicator: 'minor', notices: [{ id: 'a', title: 'Slow', message: 'First.\r\n\r\n\r\nSecond\u0000 line.\nThird.' }] },
      { now },
    );
    expect(notices[0]!.message).to.equal('First.\n\nSecond line.\nThird.');
  });

  it('reads every field, normalising times to UTC and dropping unsafe links', () => {
    const { notices, components, page } = parseStatus(
      {
        indicator: 'maintenance',
        page: { name: ' Acme ', url: 'javascript:alert(1)' },
        notices: [
          {
            id: 7,
            kind: 'maintenance',
            title: 'DB upgrade',
            severity: 'maintenance',
            phase: 'in_progress',
            startedAt: '2026-11-22T10:00:00+01:00',
            scheduledEnd: '2026-11-22T14:00:00Z',
            url: 'https://status.example.com/m/7',
            componentIds: ['db', 'db', 3, null],
            revision: 'r9',
          },
        ],
        components: [{ id: 'db', name: 'Database', status: 'maintenance', groupId: 'data' }, { name: 'no id' }],
      },
      { now },
    );
    expect(page).to.deep.equal({ name: 'Acme' });
    expect(notices).to.deep.equal([
      {
        id: '7',
        kind: 'maintenance',
        title: 'DB upgrade',
        severity: 'maintenance',
        phase: 'in_progress',
        startedAt: '2026-11-22T09:00:00.000Z',
        scheduledEnd: '2026-11-22T14:00:00.000Z',
        url: 'https://status.example.com/m/7',
        componentIds: ['db', '3'],
        revision: 'r9',
      },
    ]);
    expect(components).to.deep.equal([{ id: 'db', name: 'Database', status: 'maintenance', groupId: 'data' }]);
  });

  it('gives unknown values safe defaults, drops notices without id or title, and applies the banner rules', () => {
    const { notices, indicator } = parseStatus(
      {
        indicator: 'purple',
        notices: [
          { id: 'x', title: 'Odd', severity: 'apocalyptic', phase: 'brewing', updatedAt: '2026-11-22T11:00:00Z' },
          { id: 'done', title: 'Fixed', phase: 'resolved' },
          { id: 'far', title: 'Later', kind: 'maintenance', phase: 'scheduled', scheduledStart: '2026-12-22T00:00:00Z' },
          { title: 'no id' },
          { id: 'no title' },
          null,
        ],
      },
      { now },
    );
    // An unreadable indicator is derived from what is open, never claimed to be "all well".
    expect(indicator).to.equal('minor');
    expect(notices.map((n) => [n.id, n.severity, n.phase, n.revision])).to.deep.equal([['x', 'minor', 'unknown', '2026-11-22T11:00:00.000Z:minor']]);
  });
});
