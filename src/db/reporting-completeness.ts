import type { Queryable } from './database.js';
import type { YearReporting } from '../domain/reporting/default-period.js';

/**
 * Per year, how many of the communes below a unit (or the unit itself, for a commune) have at least one value,
 * against how many there are. Reads the unit closure, so a province's 135 communes are one index range.
 */
export async function yearsReporting(db: Queryable, unitId: number): Promise<YearReporting[]> {
  const [expected] = await db.query<{ n: number }>(
    `select count(*)::int as n from org_unit_closure c join org_unit u on u.id = c.unit_id
      where c.ancestor_id = $1 and u.level = 'commune'`,
    [unitId],
  );
  const communes = expected?.n ?? 0;
  const rows = await db.query<{ year: number; reporting: number }>(
    `select extract(year from p.end_date)::int as year, count(distinct v.org_unit_id)::int as reporting
       from org_unit_closure c
       join org_unit u on u.id = c.unit_id and (u.level = 'commune' or $2::int = 0)
       join indicator_value v on v.org_unit_id = c.unit_id
       join period p on p.id = v.period_id
      where c.ancestor_id = $1
      group by 1 order by 1`,
    [unitId, communes],
  );
  // A unit without communes below (a commune) is its own single reporting unit.
  return rows.map((row) => ({ year: row.year, reporting: row.reporting, expected: communes || 1 }));
}
