import type { Queryable } from './database.js';
import type { UnitLevel } from '../domain/indicators/indicator-rule.js';
import type { PeriodType } from '../domain/periods.js';
import type { TimeSummary } from '../domain/indicators/roll-up.js';

export interface LeafSummaryRow extends TimeSummary {
  unitId: number;
  bucket: string; // period code of the bucket: '2025', '2025Q3' or '2025-09'
}

// The bucket a stored period falls in; a value only lands in buckets at least as coarse as its own period.
const BUCKET_SQL: Record<PeriodType, { key: string; types: string }> = {
  year: { key: `to_char(p.start_date, 'YYYY')`, types: `('year', 'quarter', 'month')` },
  quarter: { key: `to_char(p.start_date, 'YYYY') || 'Q' || to_char(p.start_date, 'Q')`, types: `('quarter', 'month')` },
  month: { key: `to_char(p.start_date, 'YYYY-MM')`, types: `('month')` },
};

/**
 * For every unit at `level` below `unitId`, and every bucket between two dates: the sum, count and
 * latest value of its stored values. Time aggregation then picks sum (flows) or latest (stocks).
 */
export async function leafTimeSummaries(
  db: Queryable,
  args: { indicatorId: number; unitId: number; level: UnitLevel; bucket: PeriodType; fromDate: string; toDate: string },
): Promise<LeafSummaryRow[]> {
  const bucket = BUCKET_SQL[args.bucket];
  return db.query<LeafSummaryRow & Record<string, unknown>>(
    `with recursive below as (
       select id, level from org_unit where id = $2
       union all
       select u.id, u.level from org_unit u join below b on u.parent_id = b.id where b.level <> $3
     )
     select v.org_unit_id as "unitId", ${bucket.key} as bucket,
            sum(v.value) as sum, count(*)::int as count,
            (array_agg(v.value order by p.end_date desc))[1] as "lastValue",
            to_char(max(p.end_date), 'YYYY-MM-DD') as "lastPeriodEnd"
     from indicator_value v
     join period p on p.id = v.period_id
     join below b on b.id = v.org_unit_id and b.level = $3
     where v.indicator_id = $1 and p.start_date >= $4::date and p.end_date <= $5::date
       and p.period_type in ${bucket.types}
     group by v.org_unit_id, ${bucket.key}`,
    [args.indicatorId, args.unitId, args.level, args.fromDate, args.toDate],
  );
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
            v.is_demo as "isDemo"
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
