import type { Queryable } from './database.js';
import { ensurePeriods } from './periods.js';
import { unitsBelowCte } from './org-units.js';
import { appendAudit, type WriteContext } from './audit-log.js';
import {
  nextApprovalStatus,
  type ApprovalAction,
  type ApprovalStatus,
  type RecordedApproval,
} from '../domain/approval/approval-workflow.js';
import { parsePeriod, type Period } from '../domain/periods.js';
import type { UnitRef } from './value-writes.js';

export interface ApprovalState {
  unit: string;
  period: string;
  status: ApprovalStatus;
  updatedBy: string | null;
  updatedAt: string | null;
  reason: string | null;
  /** Who last submitted it: they may not approve it (separation of duties). */
  submittedBy: string | null;
}

export async function findApproval(db: Queryable, unit: UnitRef, period: string): Promise<ApprovalState> {
  const [row] = await db.query<{
    status: ApprovalStatus;
    updatedBy: string;
    updatedAt: string;
    reason: string | null;
    submittedBy: string | null;
  }>(
    `select a.status, a.updated_by as "updatedBy", to_char(a.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "updatedAt", a.reason,
            a.submitted_by as "submittedBy"
     from approval a join period p on p.id = a.period_id where a.org_unit_id = $1 and p.code = $2`,
    [unit.id, period],
  );
  return row
    ? { unit: unit.code, period, ...row }
    : { unit: unit.code, period, status: 'draft', updatedBy: null, updatedAt: null, reason: null, submittedBy: null };
}

/** Moves a unit's period through the approval workflow; the step is audited. */
export async function changeApproval(
  tx: Queryable,
  unit: UnitRef,
  period: string,
  action: ApprovalAction,
  context: WriteContext,
): Promise<ApprovalState> {
  const current = await findApproval(tx, unit, period);
  const status = nextApprovalStatus(current.status, action, context.reason);
  const periodId = (await ensurePeriods(tx, [period])).get(period)!;
  await tx.query(
    `insert into approval (org_unit_id, period_id, status, updated_by, reason, submitted_by)
     values ($1, $2, $3, $4, $5, case when $6 = 'submit' then $4 end)
     on conflict (org_unit_id, period_id) do update
       set status = excluded.status, updated_by = excluded.updated_by, updated_at = now(), reason = excluded.reason,
           submitted_by = case when $6 = 'submit' then excluded.updated_by else approval.submitted_by end`,
    [unit.id, periodId, status, context.actor, context.reason, action],
  );
  await appendAudit(tx, context, [
    {
      action: `approval.${action}`,
      entity: 'approval',
      entityKey: { unit: unit.code, period },
      oldValue: { status: current.status },
      newValue: { status },
    },
  ]);
  return findApproval(tx, unit, period);
}

/** How many of a unit's values (it and every unit below, in the period) `actor` was the last to change. */
export async function valuesEnteredBy(
  db: Queryable,
  unitId: number,
  period: { startDate: string; endDate: string },
  actor: string,
): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `${unitsBelowCte(1)}
     select count(*)::int as n from indicator_value v join period p on p.id = v.period_id
     where v.org_unit_id in (select id from below) and v.updated_by = $4
       and p.start_date >= $2::date and p.end_date <= $3::date`,
    [unitId, period.startDate, period.endDate, actor],
  );
  return row!.n;
}

/**
 * The approved approvals recorded for each unit or any unit above it: what can lock the unit's values.
 * Keyed by the given unit ids.
 */
export async function approvedAbove(
  db: Queryable,
  unitIds: readonly number[],
): Promise<Map<number, RecordedApproval[]>> {
  const byUnit = new Map<number, RecordedApproval[]>();
  if (unitIds.length === 0) return byUnit;
  const rows = await db.query<{ unitId: number; approvedUnit: string; period: string }>(
    `with recursive up as (
       select id as unit_id, id, parent_id from org_unit where id = any($1::int[])
       union all
       select up.unit_id, p.id, p.parent_id from org_unit p join up on p.id = up.parent_id
     )
     select up.unit_id as "unitId", u.code as "approvedUnit", pe.code as period
     from up join approval a on a.org_unit_id = up.id and a.status = 'approved'
     join org_unit u on u.id = a.org_unit_id join period pe on pe.id = a.period_id`,
    [unitIds],
  );
  for (const row of rows) {
    const list = byUnit.get(row.unitId) ?? [];
    list.push({ unitCode: row.approvedUnit, period: parsePeriod(row.period), status: 'approved' });
    byUnit.set(row.unitId, list);
  }
  return byUnit;
}

/** The periods approved for a unit or any unit above it. */
export async function approvedPeriodsAbove(db: Queryable, unitId: number): Promise<Period[]> {
  const approvals = await approvedAbove(db, [unitId]);
  return (approvals.get(unitId) ?? []).map((a) => a.period);
}

export interface UnitApprovalRow {
  id: number;
  code: string;
  nameVi: string;
  nameEn: string | null;
  level: string;
  status: ApprovalStatus | null;
  reason: string | null;
  updatedBy: string | null;
  updatedAt: string | null;
  submittedBy: string | null;
  hasValues: boolean;
}

/** A unit and its children, each with its approval record for the period (if any) and whether it has values in it. */
export async function approvalsOfUnitAndChildren(
  db: Queryable,
  unitId: number,
  period: string,
): Promise<UnitApprovalRow[]> {
  return db.query<UnitApprovalRow>(
    `select u.id, u.code, u.name_vi as "nameVi", u.name_en as "nameEn", u.level, a.status, a.reason,
            a.updated_by as "updatedBy", a.submitted_by as "submittedBy",
            to_char(a.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "updatedAt",
            exists (select 1 from indicator_value v join period vp on vp.id = v.period_id
                     where v.org_unit_id = u.id and vp.start_date >= p.start_date and vp.end_date <= p.end_date) as "hasValues"
       from org_unit u
       left join period p on p.code = $2
       left join approval a on a.org_unit_id = u.id and a.period_id = p.id
      where u.id = $1 or u.parent_id = $1
      order by (u.id = $1) desc, u.name_vi`,
    [unitId, period],
  );
}
