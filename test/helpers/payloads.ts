// Payloads in the native format, for tests that are about transport, state and rendering rather than about a
// provider's quirks (those are tested on the real captures).

import type { Notice, StatusSnapshot } from '@status-banner/core';

type NoticeInput = Partial<Notice> & Pick<Notice, 'id'>;

/** A native notice with sensible defaults: an investigating minor incident updated a minute before `now`. */
export function notice(input: NoticeInput, now = Date.now()): Notice {
  const updatedAt = input.updatedAt ?? new Date(now - 60_000).toISOString();
  return {
    kind: 'incident',
    title: `Incident ${input.id}`,
    severity: 'minor',
    phase: 'investigating',
    componentIds: [],
    revision: `${input.id}-r1`,
    ...input,
    updatedAt,
  };
}

/**
 * A native payload. Its notices are all updated at the same moment unless they say otherwise, so notices of one
 * severity keep the order given (the newest comes first: a clock that ticked between two notices would swap them).
 */
export function nativePayload(notices: NoticeInput[], extra: Partial<StatusSnapshot> = {}): StatusSnapshot {
  const now = Date.now();
  const built = notices.map((input) => notice(input, now));
  return {
    provider: 'native',
    page: { name: 'Test status', url: 'https://status.example.com/' },
    indicator: built[0]?.severity ?? 'none',
    notices: built,
    components: [],
    ...extra,
  };
}
