// What a notice write may hold, and the life of a notice: pure functions, no server.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseStatus } from '@status-banner/core';
import { closeNotice, createNotice, dueChanges, emptyState, applyPatch, nextDue, publishSnapshot, readNoticeInput, RelayError, updateNotice } from '../dist/index.js';

const NOW = Date.parse('2024-05-01T12:00:00.000Z');
const who = { by: 'ops', now: NOW };
const refused = (body, field, mode = 'create') =>
  assert.throws(
    () => readNoticeInput(body, mode),
    (error) => error instanceof RelayError && error.type === 'invalid-request' && error.field === field,
    `${JSON.stringify(body).slice(0, 80)} refused for ${field}`,
  );

describe('reading a notice write', () => {
  test('takes the documented fields, normalised', () => {
    const input = readNoticeInput(
      {
        title: '  Elevated errors  ',
        severity: 'major',
        message: 'Line one\r\nline two\n\nA paragraph.',
        kind: 'incident',
        url: 'https://status.example.com/incidents/1',
        components: ['api', 'api', 'web'],
        startsAt: '2024-05-01T13:00:00+01:00',
        endsAt: '2024-05-01T14:00:00Z',
      },
      'create',
    );
    assert.deepEqual(input, {
      title: 'Elevated errors',
      kind: 'incident',
      severity: 'major',
      message: 'Line one\nline two\n\nA paragraph.',
      url: 'https://status.example.com/incidents/1',
      components: ['api', 'web'],
      startsAt: '2024-05-01T12:00:00.000Z',
      endsAt: '2024-05-01T14:00:00.000Z',
    });
  });

  test('refuses with the field named', () => {
    refused(null, 'body');
    refused([], 'body');
    refused({ severity: 'major' }, 'title');
    refused({ title: 'x' }, 'severity');
    refused({ title: '', severity: 'major' }, 'title');
    refused({ title: '   ', severity: 'major' }, 'title');
    refused({ title: 'x'.repeat(201), severity: 'major' }, 'title');
    refused({ title: 'two\nlines', severity: 'major' }, 'title');
    refused({ title: 'bell\u0007', severity: 'major' }, 'title');
    refused({ title: 'sneaky \u202e', severity: 'major' }, 'title');
    refused({ title: '<b>bold</b>', severity: 'major' }, 'title');
    refused({ title: 'Fish &amp; chips', severity: 'major' }, 'title');
    refused({ title: 7, severity: 'major' }, 'title');
    refused({ title: 'x', severity: 'catastrophic' }, 'severity');
    refused({ title: 'x', severity: 'major', kind: 'outage' }, 'kind');
    refused({ title: 'x', severity: 'major', phase: 'exploding' }, 'phase');
    refused({ title: 'x', severity: 'major', message: 'x'.repeat(4001) }, 'message');
    refused({ title: 'x', severity: 'major', message: '<script>alert(1)</script>' }, 'message');
    refused({ title: 'x', severity: 'major', url: 'javascript:alert(1)' }, 'url');
    refused({ title: 'x', severity: 'major', url: 'ftp://example.com/' }, 'url');
    refused({ title: 'x', severity: 'major', url: 'https://user:pass@example.com/' }, 'url');
    refused({ title: 'x', severity: 'major', url: '/relative' }, 'url');
    refused({ title: 'x', severity: 'major', components: 'api' }, 'components');
    refused({ title: 'x', severity: 'major', components: [''] }, 'components[0]');
    refused({ title: 'x', severity: 'major', components: Array.from({ length: 101 }, (_, i) => `c${i}`) }, 'components');
    refused({ title: 'x', severity: 'major', startsAt: '2024-05-01' }, 'startsAt');
    refused({ title: 'x', severity: 'major', startsAt: '2024-05-01T12:00:00' }, 'startsAt');
    refused({ title: 'x', severity: 'major', startsAt: '2024-02-31T12:00:00Z' }, 'startsAt');
    refused({ title: 'x', severity: 'major', endsAt: 'tomorrow' }, 'endsAt');
    refused({ title: 'x', severity: 'major', id: 'mine' }, 'id');
    refused({ title: 'x', severity: 'major', __proto__x: 1 }, '__proto__x');
    refused({ title: 'x', severity: 'major', message: null }, 'message');
    refused({ title: 'x', severity: 'major', unknown: true }, 'unknown');
  });

  test('takes a subset in an update, and null clears an optional field', () => {
    assert.deepEqual(readNoticeInput({ phase: 'monitoring', message: null, components: null }, 'update'), { phase: 'monitoring', message: null, components: [] });
    assert.deepEqual(readNoticeInput({}, 'update'), {});
  });

  test('every field, severity and phase it accepts is one the core reads back as given', () => {
    for (const [kind, severity, phase] of [
      ['incident', 'none', 'investigating'],
      ['incident', 'minor', 'identified'],
      ['incident', 'major', 'monitoring'],
      ['incident', 'critical', 'investigating'],
      ['maintenance', 'maintenance', 'in_progress'],
      ['maintenance', 'maintenance', 'verifying'],
      ['maintenance', 'maintenance', 'scheduled'],
    ]) {
      const notice = createNotice(readNoticeInput({ title: 'T', kind, severity, phase, message: 'M', url: 'https://x.example/', components: ['a'], startsAt: '2024-05-02T00:00:00Z', endsAt: '2024-05-02T01:00:00Z' }, 'create'), 'n1', who);
      const state = applyPatch(emptyState(), { set: [notice] }, 5);
      const served = publishSnapshot(state, { pollAfterSeconds: 30, staleAfterSeconds: 600, upstream: false }).snapshot;
      const read = parseStatus(served, { provider: 'native', now: new Date(NOW) });
      assert.equal(read.notices.length, 1, `${kind} ${severity} ${phase}`);
      assert.deepEqual(
        [read.notices[0].kind, read.notices[0].severity, read.notices[0].phase, read.notices[0].title, read.notices[0].message, read.notices[0].url, read.notices[0].componentIds],
        [kind, severity, phase, 'T', 'M', 'https://x.example/', ['a']],
      );
    }
  });
});

describe('the life of a notice', () => {
  test('is created with its defaults and who made it', () => {
    const incident = createNotice({ title: 'Down', severity: 'major' }, 'a', who);
    assert.equal(incident.kind, 'incident');
    assert.equal(incident.phase, 'investigating');
    assert.equal(incident.createdBy, 'ops');
    assert.deepEqual(incident.history, [{ at: '2024-05-01T12:00:00.000Z', by: 'ops', action: 'created' }]);
    const later = createNotice({ title: 'Upgrade', kind: 'maintenance', startsAt: '2024-05-02T00:00:00.000Z' }, 'b', who);
    assert.deepEqual([later.severity, later.phase], ['maintenance', 'scheduled']);
    const now = createNotice({ title: 'Upgrade', severity: 'maintenance' }, 'c', who);
    assert.deepEqual([now.kind, now.phase], ['maintenance', 'in_progress']);
  });

  test('refuses what does not fit together', () => {
    const bad = (input, field) =>
      assert.throws(() => createNotice(input, 'x', who), (error) => error.type === 'invalid-request' && error.field === field, JSON.stringify(input));
    bad({ title: 'x', kind: 'maintenance', severity: 'major' }, 'severity');
    bad({ title: 'x', kind: 'incident', severity: 'maintenance' }, 'kind');
    bad({ title: 'x', severity: 'major', phase: 'in_progress' }, 'phase');
    bad({ title: 'x', severity: 'major', phase: 'resolved' }, 'phase');
    bad({ title: 'x', severity: 'major', startsAt: '2024-05-01T13:00:00.000Z', endsAt: '2024-05-01T12:30:00.000Z' }, 'endsAt');
    bad({ title: 'x', severity: 'major', endsAt: '2024-05-01T11:00:00.000Z' }, 'endsAt');
  });

  test('updates bump the revision and record who; no change is no update; closing and reopening are recorded', () => {
    const notice = createNotice({ title: 'Down', severity: 'major' }, 'a', who);
    const same = updateNotice(notice, { title: 'Down', severity: 'major' }, { by: 'support', now: NOW + 1000 });
    assert.equal(same, notice, 'nothing changed: the same object');
    const updated = updateNotice(notice, { phase: 'identified', message: 'Found it.' }, { by: 'support', now: NOW + 1000 });
    assert.equal(updated.revision, 2);
    assert.equal(updated.updatedBy, 'support');
    assert.equal(updated.createdBy, 'ops');
    const closed = closeNotice(updated, { by: 'ops', now: NOW + 2000 });
    assert.equal(closed.phase, 'resolved');
    assert.ok(closed.closedAt);
    assert.equal(closeNotice(closed, { by: 'ops', now: NOW + 3000 }), closed, 'closing a closed notice changes nothing');
    const reopened = updateNotice(closed, { phase: 'monitoring' }, { by: 'ops', now: NOW + 4000 });
    assert.equal(reopened.closedAt, undefined);
    assert.deepEqual(reopened.history.map((h) => `${h.action} by ${h.by}`), ['created by ops', 'updated by support', 'resolved by ops', 'reopened by ops']);
    const cleared = updateNotice(reopened, { message: null }, { by: 'ops', now: NOW + 5000 });
    assert.equal('message' in cleared, false);
  });

  test('reopening a notice that closed at its end asks for a new end (or none), instead of closing again at once', () => {
    const incident = createNotice({ title: 'Down', severity: 'minor', endsAt: '2024-05-01T13:30:00.000Z' }, 'i', who);
    const after = Date.parse('2024-05-01T14:00:00.000Z');
    let state = applyPatch(emptyState(), { set: [incident] }, 1);
    state = applyPatch(state, dueChanges(state, after), 2);
    const expired = state.notices.i;
    assert.equal(expired.phase, 'resolved');
    assert.throws(
      () => updateNotice(expired, { phase: 'identified' }, { by: 'ops', now: after }),
      (error) => error.type === 'invalid-request' && error.field === 'endsAt',
    );
    assert.throws(() => updateNotice(expired, { message: 'still on it', phase: 'monitoring' }, { by: 'ops', now: after }), (error) => error.field === 'endsAt');
    const later = updateNotice(expired, { phase: 'identified', endsAt: '2024-05-01T15:00:00.000Z' }, { by: 'ops', now: after });
    const open = updateNotice(expired, { phase: 'identified', endsAt: null }, { by: 'ops', now: after });
    for (const reopened of [later, open]) {
      assert.equal(reopened.phase, 'identified');
      assert.deepEqual(dueChanges(applyPatch(emptyState(), { set: [reopened] }, 3), after), {}, 'nothing closes it again now');
    }
  });

  test('the clock opens a maintenance window and closes a notice at its end', () => {
    const maintenance = createNotice({ title: 'Upgrade', kind: 'maintenance', startsAt: '2024-05-01T13:00:00.000Z', endsAt: '2024-05-01T14:00:00.000Z' }, 'm', who);
    const incident = createNotice({ title: 'Down', severity: 'minor', endsAt: '2024-05-01T13:30:00.000Z' }, 'i', who);
    let state = applyPatch(emptyState(), { set: [maintenance, incident] }, 1);
    assert.equal(nextDue(state), Date.parse('2024-05-01T13:00:00.000Z'));
    assert.deepEqual(dueChanges(state, NOW), {});
    state = applyPatch(state, dueChanges(state, Date.parse('2024-05-01T13:00:00.000Z')), 2);
    assert.equal(state.notices.m.phase, 'in_progress');
    assert.equal(state.notices.m.updatedBy, 'relay');
    assert.equal(nextDue(state), Date.parse('2024-05-01T13:30:00.000Z'));
    state = applyPatch(state, dueChanges(state, Date.parse('2024-05-01T14:00:00.000Z')), 3);
    assert.deepEqual([state.notices.m.phase, state.notices.i.phase], ['completed', 'resolved']);
    assert.equal(nextDue(state), undefined);
  });
});
