import type { Phase, Severity } from '@status-banner/core';

/**
 * Every word the banner shows, flat so any of them can be replaced through the element's `strings` property:
 * a word per severity and per phase, then the templates (`{time}`, `{range}`, `{end}`, `{count}`, `{title}`
 * are filled in), then the sample texts of the `preview` attribute.
 */
export type StatusBannerStrings = Record<Severity, string> &
  Partial<Record<Phase, string>> & {
    /** `{severity}`: the severity word before a title ("Major incident:"), with the language's punctuation. */
    severityLabel: string;
    /** The word for an incident that has just been resolved. */
    resolved: string;
    /** `{time}`: "5 minutes ago". */
    updated: string;
    /** `{range}`: a formatted start–end range of scheduled maintenance. */
    window: string;
    /** `{end}`: when maintenance under way is expected to end. */
    until: string;
    /** Said of a notice the banner could not confirm for a while (`stale-after`). */
    stale: string;
    /** `{count}`: how many further notices are open; the button that lists them. */
    more: string;
    link: string;
    showMore: string;
    showLess: string;
    /** `{title}`: the accessible name of a notice's dismiss button. */
    dismiss: string;
    /** The accessible name of the banner. */
    label: string;
    /** Sample texts for the `preview` attribute. */
    sampleIncident: string;
    sampleMaintenance: string;
    sampleUpdate: string;
  };

/**
 * The English words the plain-text fallback needs (fallback-view.ts), kept apart so the script-tag file carries
 * only these and not every word.
 */
export const basics = {
  none: 'Notice',
  minor: 'Minor incident',
  major: 'Major incident',
  critical: 'Critical incident',
  maintenance: 'Maintenance',
  severityLabel: '{severity}:',
  link: 'View status',
  dismiss: 'Dismiss: {title}',
  label: 'Service status',
} satisfies Partial<StatusBannerStrings>;

/** English, the default, and what every other language falls back to for a word it lacks. */
export const en: StatusBannerStrings = {
  ...basics,
  investigating: 'Investigating',
  identified: 'Identified',
  monitoring: 'Monitoring',
  scheduled: 'Scheduled',
  in_progress: 'In progress',
  verifying: 'Verifying',
  resolved: 'Resolved',
  updated: 'Updated {time}',
  window: '{range}',
  until: 'Expected to end {end}',
  stale: 'May be out of date',
  more: '+{count} more',
  showMore: 'Show more',
  showLess: 'Show less',
  sampleIncident: 'Payments are failing for some customers',
  sampleMaintenance: 'Scheduled database upgrade',
  sampleUpdate: 'We have found the cause and are rolling out a fix. Card payments may fail or be slow until it is complete.',
};

/** Fills `{name}` placeholders. */
export const format = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (match, key: string) => String(values[key] ?? match));
