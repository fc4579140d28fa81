import { comparePeriods, FIRST_YEAR, LAST_YEAR, parsePeriod } from '../domain/periods.js';
import { Invalid } from '../domain/errors.js';

/** `from`..`to` as periods, open ends reaching the first and last years allowed; refuses a range that runs backwards. */
export function periodRange(from: string | undefined, to: string | undefined) {
  const start = parsePeriod(from ?? String(FIRST_YEAR));
  const end = parsePeriod(to ?? from ?? String(LAST_YEAR));
  if (comparePeriods(start, end) > 0) {
    throw new Invalid('period.range', `"from" (${start.code}) is after "to" (${end.code})`, [
      { path: 'querystring.from', message: 'after to' },
    ]);
  }
  return { start, end };
}
