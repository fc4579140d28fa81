/**
 * Which year the overview opens on. Not the newest year with any value — one import of three communes for a new
 * month would turn the leaders' front page into "3 of 135 communes reporting, off track" — but the latest year
 * that is complete enough: at least MIN_REPORTING_SHARE of the units below reported something in it.
 */

/** The share of units that must have reported in a year for the overview to open on it. */
export const MIN_REPORTING_SHARE = 0.8;

export interface YearReporting {
  year: number;
  /** Units (communes, or the unit itself when it has none below) with at least one value in the year. */
  reporting: number;
  /** Units expected to report. */
  expected: number;
}

export type YearChoice = 'requested' | 'complete_enough' | 'latest_with_data' | 'published';

export function reportingShare(year: YearReporting): number {
  return year.expected > 0 ? Math.min(1, year.reporting / year.expected) : 0;
}

/**
 * The latest year whose reporting share reaches `minShare`; when no year does, the latest year with any value
 * (a new province's first partial year is still better than an empty page); null without any value.
 */
export function chooseDefaultYear(
  years: readonly YearReporting[],
  minShare = MIN_REPORTING_SHARE,
): { year: number; choice: Extract<YearChoice, 'complete_enough' | 'latest_with_data'> } | null {
  const withData = years.filter((y) => y.reporting > 0).sort((a, b) => a.year - b.year);
  const complete = withData.filter((y) => reportingShare(y) >= minShare);
  const last = complete.at(-1);
  if (last) return { year: last.year, choice: 'complete_enough' };
  const latest = withData.at(-1);
  return latest ? { year: latest.year, choice: 'latest_with_data' } : null;
}
