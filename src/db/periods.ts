import type { Queryable } from './database.js';
import { parsePeriod } from '../domain/periods.js';

/** Makes sure each period code has a row and returns code → id. */
export async function ensurePeriods(db: Queryable, codes: Iterable<string>): Promise<Map<string, number>> {
  const periods = [...new Set(codes)].map(parsePeriod);
  if (periods.length > 0) {
    await db.query(
      `insert into period (code, period_type, start_date, end_date)
       select * from unnest($1::text[], $2::text[], $3::date[], $4::date[])
       on conflict (code) do nothing`,
      [
        periods.map((p) => p.code),
        periods.map((p) => p.type),
        periods.map((p) => p.startDate),
        periods.map((p) => p.endDate),
      ],
    );
  }
  const rows = await db.query<{ id: number; code: string }>(
    'select id, code from period where code = any($1::text[])',
    [periods.map((p) => p.code)],
  );
  return new Map(rows.map((row) => [row.code, row.id]));
}
