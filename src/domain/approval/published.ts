import { contains, parsePeriod, type Period } from '../periods.js';

/**
 * What the public may see: a figure of a public indicator for a unit and period is published when the whole of
 * it is approved — an approval of that unit, or of a unit above it, for a period containing it. Anything else
 * (drafts, submitted or reopened data, a province figure of which only some communes are approved) is not.
 */
export function isPublished(approvedPeriods: readonly Period[], bucket: string | Period): boolean {
  const period = typeof bucket === 'string' ? parsePeriod(bucket) : bucket;
  return approvedPeriods.some((approved) => contains(approved, period));
}

/** The latest year that is published whole, if any: what the public overview opens on. */
export function latestPublishedYear(approvedPeriods: readonly Period[]): number | null {
  const years = approvedPeriods.filter((p) => p.type === 'year').map((p) => p.year);
  return years.length ? Math.max(...years) : null;
}
