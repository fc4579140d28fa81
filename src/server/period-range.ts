import { comparePeriods, parsePeriod } from '../domain/periods.js';
import { Invalid } from '../domain/errors.js';

/** `from`..`to` as periods, open ends reaching 2000 and 2100; refuses a range that runs backwards. */
export function periodRange(from: string | undefined, to: string | undefined) {
  const start = parsePeriod(from ?? '2000');
  const end = parsePeriod(to ?? from ?? '2100');
  if (comparePeriods(start, end) > 0) {
    throw new Invalid('period.range', `"from" (${start.code}) is after "to" (${end.code})`, [
      { path: 'querystring.from', message: 'after to' },
    ]);
  }
  return { start, end };
}
