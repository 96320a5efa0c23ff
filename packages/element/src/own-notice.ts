import type { Notice } from '@status-banner/core';

const FIELDS = ['id', 'kind', 'title', 'severity', 'phase', 'message', 'url', 'startedAt', 'scheduledStart', 'scheduledEnd', 'updatedAt', 'componentIds', 'revision'] as const;

/**
 * A notice with every field the banner reads as an own property (`undefined` when absent), so what is shown
 * never comes from a host page's polluted `Object.prototype` (`Object.prototype.url = …`).
 */
export const ownNotice = (notice: Notice): Notice =>
  Object.fromEntries(FIELDS.map((field) => [field, Object.hasOwn(notice, field) ? notice[field] : undefined])) as unknown as Notice;

/** The status page's own URL, read the same way. */
export const ownPageUrl = (page: { url?: string } | undefined): string | undefined => (page && Object.hasOwn(page, 'url') ? page.url : undefined);
