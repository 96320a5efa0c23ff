// Payloads in the native format, for tests that are about transport, state and rendering rather than about a
// provider's quirks (those are tested on the real captures).

import type { Notice, StatusSnapshot } from '@status-banner/core';

type NoticeInput = Partial<Notice> & Pick<Notice, 'id'>;

/** A native notice with sensible defaults: an investigating minor incident updated a minute ago. */
export function notice(input: NoticeInput): Notice {
  const updatedAt = input.updatedAt ?? new Date(Date.now() - 60_000).toISOString();
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

/** A native payload. */
export function nativePayload(notices: NoticeInput[], extra: Partial<StatusSnapshot> = {}): StatusSnapshot {
  const built = notices.map(notice);
  return {
    provider: 'native',
    page: { name: 'Test status', url: 'https://status.example.com/' },
    indicator: built[0]?.severity ?? 'none',
    notices: built,
    components: [],
    ...extra,
  };
}
