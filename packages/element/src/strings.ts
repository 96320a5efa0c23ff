import type { Phase, Severity } from '@status-banner/core';

/** Every word the banner shows. Replace any of them through the element's `strings` property. */
export interface StatusBannerStrings {
  severity: Record<Severity, string>;
  phase: Partial<Record<Phase, string>>;
  /** `{time}` is a relative time such as "5 minutes ago". */
  updated: string;
  /** `{start}` and `{end}` are formatted dates. */
  scheduled: string;
  /** `{end}` is a formatted date. */
  inProgressUntil: string;
  /** `{count}` is the number of further notices. */
  more: string;
  viewStatus: string;
  showMore: string;
  showLess: string;
  dismiss: string;
}

/** English, the default. */
export const en: StatusBannerStrings = {
  severity: {
    none: 'Notice',
    minor: 'Minor incident',
    major: 'Major incident',
    critical: 'Critical incident',
    maintenance: 'Maintenance',
  },
  phase: {
    investigating: 'Investigating',
    identified: 'Identified',
    monitoring: 'Monitoring',
    scheduled: 'Scheduled',
    in_progress: 'In progress',
    verifying: 'Verifying',
  },
  updated: 'Updated {time}',
  scheduled: '{start} – {end}',
  inProgressUntil: 'Expected to end {end}',
  more: '+{count} more',
  viewStatus: 'View status',
  showMore: 'Show more',
  showLess: 'Show less',
  dismiss: 'Dismiss',
};

/** Fills `{name}` placeholders. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => (key in values ? String(values[key]) : match));
}
