import type { Phase, Severity } from '@status-banner/core';

/**
 * Every word the banner shows, flat so any of them can be replaced through the element's `strings` property:
 * a word per severity and per phase, then the templates (`{time}`, `{range}`, `{end}`, `{count}` are filled in).
 */
export type StatusBannerStrings = Record<Severity, string> &
  Partial<Record<Phase, string>> & {
    /** `{time}`: "5 minutes ago". */
    updated: string;
    /** `{range}`: a formatted start–end range. */
    window: string;
    /** `{end}`: a formatted date. */
    until: string;
    /** `{count}`: how many further notices are open. */
    more: string;
    link: string;
    showMore: string;
    showLess: string;
    dismiss: string;
  };

/** English, the default. */
export const en: StatusBannerStrings = {
  none: 'Notice',
  minor: 'Minor incident',
  major: 'Major incident',
  critical: 'Critical incident',
  maintenance: 'Maintenance',
  investigating: 'Investigating',
  identified: 'Identified',
  monitoring: 'Monitoring',
  scheduled: 'Scheduled',
  in_progress: 'In progress',
  verifying: 'Verifying',
  updated: 'Updated {time}',
  window: '{range}',
  until: 'Expected to end {end}',
  more: '+{count} more',
  link: 'View status',
  showMore: 'Show more',
  showLess: 'Show less',
  dismiss: 'Dismiss',
};

/** Fills `{name}` placeholders. */
export const format = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (match, key: string) => String(values[key] ?? match));
