import { Invalid } from './errors.js';

export type PeriodType = 'year' | 'quarter' | 'month';

export interface Period {
  code: string; // '2025', '2025Q3', '2025-09'
  type: PeriodType;
  year: number;
  /** 1-based index within the year: quarter 1–4, month 1–12; 1 for a year. */
  index: number;
  startDate: string; // ISO date, inclusive
  endDate: string; // ISO date, inclusive
}

const PERIOD_PATTERN = /^(\d{4})(?:Q([1-4])|-(0[1-9]|1[0-2]))?$/;

/**
 * The years a period may fall in, on every route and intake path: from before the first national digital
 * programmes to well past the agreement. A year outside is refused as an invalid period, never sent to SQL.
 */
export const FIRST_YEAR = 1990;
export const LAST_YEAR = 2100;

const inRange = (year: number) => year >= FIRST_YEAR && year <= LAST_YEAR;

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

export function isPeriodCode(code: string): boolean {
  const match = PERIOD_PATTERN.exec(code);
  return match !== null && inRange(Number(match[1]));
}

/** Parses a stable period code; throws Invalid naming the code when it is not one. */
export function parsePeriod(code: string): Period {
  const match = PERIOD_PATTERN.exec(code);
  if (!match) throw new Invalid('period.invalid', `"${code}" is not a period: use 2025, 2025Q3 or 2025-09`);
  const year = Number(match[1]);
  if (!inRange(year))
    throw new Invalid('period.invalid', `"${code}" is outside the years ${FIRST_YEAR}–${LAST_YEAR}`, undefined, {
      first: FIRST_YEAR,
      last: LAST_YEAR,
    });
  if (match[2]) return quarterPeriod(year, Number(match[2]));
  if (match[3]) return monthPeriod(year, Number(match[3]));
  return yearPeriod(year);
}

export function yearPeriod(year: number): Period {
  return { code: String(year), type: 'year', year, index: 1, startDate: `${year}-01-01`, endDate: `${year}-12-31` };
}

export function quarterPeriod(year: number, quarter: number): Period {
  const firstMonth = (quarter - 1) * 3 + 1;
  const lastMonth = firstMonth + 2;
  return {
    code: `${year}Q${quarter}`,
    type: 'quarter',
    year,
    index: quarter,
    startDate: `${year}-${pad(firstMonth)}-01`,
    endDate: `${year}-${pad(lastMonth)}-${pad(lastDayOfMonth(year, lastMonth))}`,
  };
}

export function monthPeriod(year: number, month: number): Period {
  return {
    code: `${year}-${pad(month)}`,
    type: 'month',
    year,
    index: month,
    startDate: `${year}-${pad(month)}-01`,
    endDate: `${year}-${pad(month)}-${pad(lastDayOfMonth(year, month))}`,
  };
}

/** The months a period spans, oldest first. */
export function monthsOf(period: Period): Period[] {
  const first = period.type === 'month' ? period.index : period.type === 'quarter' ? (period.index - 1) * 3 + 1 : 1;
  const count = period.type === 'month' ? 1 : period.type === 'quarter' ? 3 : 12;
  return Array.from({ length: count }, (_, i) => monthPeriod(period.year, first + i));
}

/** Every month from the start of `from` to the end of `to`, oldest first. */
export function monthsBetween(from: Period, to: Period): Period[] {
  const months: Period[] = [];
  const first = monthsOf(from)[0]!;
  const last = monthsOf(to).at(-1)!;
  for (let y = first.year, m = first.index; y < last.year || (y === last.year && m <= last.index);) {
    months.push(monthPeriod(y, m));
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return months;
}

/** True when `inner` lies within `outer` (a period contains itself). */
export function contains(outer: Period, inner: Period): boolean {
  return inner.startDate >= outer.startDate && inner.endDate <= outer.endDate;
}

export function comparePeriods(a: Period, b: Period): number {
  return a.startDate < b.startDate
    ? -1
    : a.startDate > b.startDate
      ? 1
      : a.endDate < b.endDate
        ? -1
        : a.endDate > b.endDate
          ? 1
          : 0;
}

/** The month `count` months after `month` (before, when negative). */
export function addMonths(month: Period, count: number): Period {
  const total = month.year * 12 + (month.index - 1) + count;
  return monthPeriod(Math.floor(total / 12), (((total % 12) + 12) % 12) + 1);
}
