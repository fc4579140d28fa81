import type { Queryable } from './database.js';
import type { PeriodType } from '../domain/periods.js';
import type { TimeSummary } from '../domain/indicators/roll-up.js';

export interface LeafSummaryRow extends TimeSummary {
  unitId: number;
  bucket: string; // period code of the bucket: '2025', '2025Q3' or '2025-09'
}

interface PeriodInRange {
  id: number;
  type: PeriodType;
  start: string;
  end: string;
}

// Which stored periods fall in a bucket of each size: a value only lands in buckets at least as coarse as its own period.
const FITS: Record<PeriodType, readonly PeriodType[]> = {
  year: ['year', 'quarter', 'month'],
  quarter: ['quarter', 'month'],
  month: ['month'],
};

function bucketOf(period: PeriodInRange, bucket: PeriodType): string {
  const year = period.start.slice(0, 4);
  if (bucket === 'year') return year;
  const month = Number(period.start.slice(5, 7));
  return bucket === 'quarter' ? `${year}Q${Math.ceil(month / 3)}` : `${year}-${period.start.slice(5, 7)}`;
}

/**
 * For each given unit and every bucket between two dates: the sum, count and latest value of its stored
 * values. The units and periods are passed as ids so the primary key (indicator, unit, period) finds the
 * rows directly; time aggregation then picks sum (flows) or latest (stocks).
 */
export async function leafTimeSummaries(
  db: Queryable,
  args: { indicatorId: number; unitIds: readonly number[]; bucket: PeriodType; fromDate: string; toDate: string },
): Promise<LeafSummaryRow[]> {
  if (args.unitIds.length === 0) return [];
  const periods = await db.query<PeriodInRange>(
    `select id, period_type as type, to_char(start_date, 'YYYY-MM-DD') as start, to_char(end_date, 'YYYY-MM-DD') as "end"
     from period where start_date >= $1::date and end_date <= $2::date and period_type = any($3::text[])`,
    [args.fromDate, args.toDate, FITS[args.bucket]],
  );
  if (periods.length === 0) return [];
  // Summed per unit and bucket in SQL: a few rows per unit come back instead of every stored value. The
  // latest value is the one whose period ends last; on a tie (2025-12, 2025Q4 and 2025 all end together)
  // the shortest, most specific period.
  const rows = await db.query<{ u: number; bucket: string; sum: number; count: number; last: number; end: string }>(
    `with p(id, bucket, starts, ends) as (select * from unnest($3::int[], $4::text[], $5::text[], $6::text[]))
     select v.org_unit_id as u, p.bucket, sum(v.value) as sum, count(*)::int as count,
            (array_agg(v.value order by p.ends desc, p.starts desc))[1] as last, max(p.ends) as "end"
     from indicator_value v join p on p.id = v.period_id
     where v.indicator_id = $1 and v.org_unit_id = any($2::int[]) and v.period_id = any($3::int[])
     group by v.org_unit_id, p.bucket`,
    [
      args.indicatorId,
      args.unitIds,
      periods.map((p) => p.id),
      periods.map((p) => bucketOf(p, args.bucket)),
      periods.map((p) => p.start),
      periods.map((p) => p.end),
    ],
  );
  return rows.map((row) => ({
    unitId: row.u,
    bucket: row.bucket,
    sum: row.sum,
    count: row.count,
    lastValue: row.last,
    lastPeriodEnd: row.end,
  }));
}

export interface StoredValue {
  indicator: string;
  unit: string;
  period: string;
  value: number;
  comment: string | null;
  source: string;
  updatedBy: string;
  updatedAt: string;
  isDemo: boolean;
  /** What If-Match names to change it. */
  version: number;
}

/** Stored values of one indicator for a unit (and, with `descendants`, every unit below it). */
export async function findIndicatorValues(
  db: Queryable,
  args: { indicatorId: number; unitId: number; descendants: boolean; fromDate: string; toDate: string; limit: number },
): Promise<StoredValue[]> {
  return db.query<StoredValue & Record<string, unknown>>(
    `with recursive below as (
       select id from org_unit where id = $2
       union all
       select u.id from org_unit u join below b on u.parent_id = b.id where $3
     )
     select i.code as indicator, u.code as unit, p.code as period, v.value, v.comment, v.source,
            v.updated_by as "updatedBy", to_char(v.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "updatedAt",
            v.is_demo as "isDemo", v.version
     from indicator_value v
     join below b on b.id = v.org_unit_id
     join org_unit u on u.id = v.org_unit_id
     join period p on p.id = v.period_id
     join indicator i on i.id = v.indicator_id
     where v.indicator_id = $1 and p.start_date >= $4::date and p.end_date <= $5::date
     order by u.code, p.start_date, p.end_date
     limit $6`,
    [args.indicatorId, args.unitId, args.descendants, args.fromDate, args.toDate, args.limit],
  );
}

/** One stored value, or null. */
export async function findStoredValue(
  db: Queryable,
  key: { indicatorId: number; unitId: number; period: string },
): Promise<StoredValue | null> {
  const [row] = await db.query<StoredValue & Record<string, unknown>>(
    `select i.code as indicator, u.code as unit, p.code as period, v.value, v.comment, v.source,
            v.updated_by as "updatedBy", to_char(v.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "updatedAt",
            v.is_demo as "isDemo", v.version
     from indicator_value v join period p on p.id = v.period_id
     join org_unit u on u.id = v.org_unit_id join indicator i on i.id = v.indicator_id
     where v.indicator_id = $1 and v.org_unit_id = $2 and p.code = $3`,
    [key.indicatorId, key.unitId, key.period],
  );
  return row ?? null;
}
