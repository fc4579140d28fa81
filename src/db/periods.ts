import type { Queryable } from './database.js';
import { parsePeriod } from '../domain/periods.js';

/** Makes sure each period code has a row and returns code → id. */
export async function ensurePeriods(db: Queryable, codes: Iterable<string>): Promise<Map<string, number>> {
  return (await ensurePeriodRows(db, codes)).ids;
}

/**
 * ensurePeriods, also telling which codes this call created. A period created inside the caller's
 * transaction holds no values yet: nobody else can see it before the commit.
 */
export async function ensurePeriodRows(
  db: Queryable,
  codes: Iterable<string>,
): Promise<{ ids: Map<string, number>; created: Set<string> }> {
  const periods = [...new Set(codes)].map(parsePeriod);
  const created = new Set<string>();
  if (periods.length > 0) {
    const inserted = await db.query<{ code: string }>(
      `insert into period (code, period_type, start_date, end_date)
       select * from unnest($1::text[], $2::text[], $3::date[], $4::date[])
       on conflict (code) do nothing
       returning code`,
      [
        periods.map((p) => p.code),
        periods.map((p) => p.type),
        periods.map((p) => p.startDate),
        periods.map((p) => p.endDate),
      ],
    );
    for (const row of inserted) created.add(row.code);
  }
  const rows = await db.query<{ id: number; code: string }>(
    'select id, code from period where code = any($1::text[])',
    [periods.map((p) => p.code)],
  );
  return { ids: new Map(rows.map((row) => [row.code, row.id])), created };
}
