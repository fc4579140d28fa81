import type { Queryable } from './database.js';
import type { ApprovalStatus } from '../domain/approval/approval-workflow.js';

export interface UnitLastChange {
  unitId: number;
  updatedAt: string;
  updatedBy: string;
  source: string;
}

/** Per unit, the latest change to its stored values of an indicator within a date range (one query for all units). */
export async function lastChanges(
  db: Queryable,
  args: { indicatorId: number; unitIds: readonly number[]; fromDate: string; toDate: string },
): Promise<Map<number, UnitLastChange>> {
  if (args.unitIds.length === 0) return new Map();
  const rows = await db.query<UnitLastChange & Record<string, unknown>>(
    `select distinct on (v.org_unit_id) v.org_unit_id as "unitId",
            to_char(v.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "updatedAt",
            v.updated_by as "updatedBy", v.source
     from indicator_value v join period p on p.id = v.period_id
     where v.indicator_id = $1 and v.org_unit_id = any($2::int[]) and p.start_date >= $3::date and p.end_date <= $4::date
     order by v.org_unit_id, v.updated_at desc`,
    [args.indicatorId, args.unitIds, args.fromDate, args.toDate],
  );
  return new Map(rows.map((row) => [row.unitId, row]));
}

/** Each unit's approval state for exactly one period; units without a row are absent (not started). */
export async function approvalStates(
  db: Queryable,
  unitIds: readonly number[],
  period: string,
): Promise<Map<number, ApprovalStatus>> {
  if (unitIds.length === 0) return new Map();
  const rows = await db.query<{ unitId: number; status: ApprovalStatus }>(
    `select a.org_unit_id as "unitId", a.status from approval a join period p on p.id = a.period_id
     where a.org_unit_id = any($1::int[]) and p.code = $2`,
    [unitIds, period],
  );
  return new Map(rows.map((row) => [row.unitId, row.status]));
}
