import type { Queryable } from '../src/db/database.js';
import type { Period } from '../src/domain/periods.js';
import { monthsOf } from '../src/domain/periods.js';

export interface ReferenceValue {
  indicatorId: number;
  value: number | null;
  reported: number;
}

/**
 * The roll-up written by hand as one query for all indicators: per commune, the year's sum (flows)
 * or latest value (stocks); then per indicator, its unit rule over the communes that reported.
 * Same semantics as rollUp (missing is not zero; weighted_average skips units without population).
 */
const REFERENCE_SQL = `
  with recursive below as (
    select id, level, population from org_unit where id = $1
    union all
    select u.id, u.level, u.population from org_unit u join below b on u.parent_id = b.id where b.level <> 'commune'
  ),
  per_unit as (
    select v.indicator_id, b.population,
           sum(v.value) as total,
           (array_agg(v.value order by p.end_date desc))[1] as latest
    from indicator_value v
    join below b on b.id = v.org_unit_id and b.level = 'commune'
    join period p on p.id = v.period_id
    where v.indicator_id = any($2::int[]) and p.start_date >= $3::date and p.end_date <= $4::date
    group by v.indicator_id, v.org_unit_id, b.population
  ),
  unit_value as (
    select i.id, i.unit_aggregation as rule, i.threshold, pu.population,
           case i.time_aggregation when 'sum' then pu.total else pu.latest end as x
    from per_unit pu join indicator i on i.id = pu.indicator_id
  )
  select id as "indicatorId",
         case rule
           when 'sum' then sum(x)
           when 'average' then avg(x)
           when 'min' then min(x)
           when 'max' then max(x)
           when 'share_meeting' then 100 * (count(*) filter (where x >= threshold))::float8 / count(*)
           when 'weighted_average' then sum(x * population) filter (where population > 0)
                                        / nullif(sum(population) filter (where population > 0), 0)
         end as value,
         (case rule when 'weighted_average' then count(*) filter (where population > 0) else count(*) end)::int as reported
  from unit_value
  group by id, rule`;

export async function referenceRollUp(
  db: Queryable,
  unitId: number,
  indicatorIds: readonly number[],
  period: Period,
): Promise<ReferenceValue[]> {
  const months = monthsOf(period);
  return db.query<ReferenceValue & Record<string, unknown>>(REFERENCE_SQL, [
    unitId,
    indicatorIds,
    months[0]!.startDate,
    months.at(-1)!.endDate,
  ]);
}
