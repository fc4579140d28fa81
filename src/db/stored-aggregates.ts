import type { Queryable } from './database.js';
import type { UnitsAggregate } from '../domain/indicators/roll-up.js';
import type { UnitLevel } from '../domain/indicators/indicator-rule.js';

/** Stored roll-up rows (migration 0007) of one indicator for units above its reporting level, by unit and bucket. */
export async function storedRollups(
  db: Queryable,
  args: { indicatorId: number; unitIds: readonly number[]; buckets: readonly string[] },
): Promise<Map<number, Map<string, UnitsAggregate>>> {
  const byUnit = new Map<number, Map<string, UnitsAggregate>>();
  if (args.unitIds.length === 0 || args.buckets.length === 0) return byUnit;
  const rows = await db.query<UnitsAggregate & { unitId: number; bucket: string }>(
    `select org_unit_id as "unitId", bucket, reported, total, minimum, maximum, meeting,
            weighted_total as "weightedTotal", weight, weighted_reported as "weightedReported"
     from value_rollup where indicator_id = $1 and org_unit_id = any($2::int[]) and bucket = any($3::text[])`,
    [args.indicatorId, args.unitIds, args.buckets],
  );
  for (const { unitId, bucket, ...aggregate } of rows) {
    let buckets = byUnit.get(unitId);
    if (!buckets) byUnit.set(unitId, (buckets = new Map()));
    buckets.set(bucket, aggregate);
  }
  return byUnit;
}

/** How many units at `level` each given unit has below it: the units a roll-up expects to report. */
export async function reportingUnitCounts(
  db: Queryable,
  unitIds: readonly number[],
  level: UnitLevel,
): Promise<Map<number, number>> {
  if (unitIds.length === 0) return new Map();
  const rows = await db.query<{ unitId: number; count: number }>(
    `select unit_id as "unitId", units as count from org_unit_level_count where unit_id = any($1::int[]) and level = $2`,
    [unitIds, level],
  );
  return new Map(rows.map((row) => [row.unitId, row.count]));
}

/** The stamp of the figures' last committed change (0 before any): caches and ETags key on it. */
export async function figuresStamp(db: Queryable): Promise<number> {
  const [row] = await db.query<{ stamp: string | number }>('select stamp from figures_stamp');
  return row ? Number(row.stamp) : 0;
}

/**
 * For a bulk load inside `tx` by the application's own role: triggers leave the stored aggregates alone until
 * `rebuildAggregates` at the end of the same transaction (one grouped pass instead of one refresh per statement).
 */
export async function deferAggregates(tx: Queryable): Promise<void> {
  await tx.query(`select set_config('dx.defer_aggregates', 'on', true)`);
}

/** Recomputes every stored aggregate from the values (after a restore or a deferred bulk load, or to check them). */
export async function rebuildAggregates(db: Queryable): Promise<void> {
  await db.query(`select set_config('dx.defer_aggregates', 'off', true)`);
  await db.query('select dx_rebuild_aggregates()');
}
