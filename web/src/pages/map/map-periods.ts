/** The periods the map offers for an indicator: those with a value, by year, quarter and month. Pure functions. */

export interface PeriodsWithData {
  years: string[];
  quarters: string[];
  months: string[];
}

/**
 * From a monthly roll-up of the province: the months with a value, and the quarters and years that contain one,
 * newest first.
 */
export function periodsWithData(
  values: readonly { period: string; value: number | null }[] | undefined,
): PeriodsWithData {
  const months = new Set<string>();
  for (const v of values ?? []) {
    if (/^\d{4}-(0[1-9]|1[0-2])$/.test(v.period) && v.value !== null && Number.isFinite(v.value)) months.add(v.period);
  }
  const quarters = new Set<string>();
  const years = new Set<string>();
  for (const month of months) {
    const year = month.slice(0, 4);
    years.add(year);
    quarters.add(`${year}Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`);
  }
  const newestFirst = (set: Set<string>) => [...set].sort((a, b) => b.localeCompare(a));
  return { years: newestFirst(years), quarters: newestFirst(quarters), months: newestFirst(months) };
}

/** '2025Q3' or '2025-09' or '2025': the year it falls in. */
export const yearOf = (period: string) => period.slice(0, 4);
