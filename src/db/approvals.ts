import type { Queryable } from './database.js';
import { ensurePeriods } from './periods.js';
import { appendAudit, type WriteContext } from './audit-log.js';
import { nextApprovalStatus, type ApprovalAction, type ApprovalStatus } from '../domain/approval/approval-workflow.js';
import type { UnitRef } from './value-writes.js';

export interface ApprovalState {
  unit: string;
  period: string;
  status: ApprovalStatus;
  updatedBy: string | null;
  updatedAt: string | null;
  reason: string | null;
}

export async function findApproval(db: Queryable, unit: UnitRef, period: string): Promise<ApprovalState> {
  const [row] = await db.query<{ status: ApprovalStatus; updatedBy: string; updatedAt: string; reason: string | null }>(
    `select a.status, a.updated_by as "updatedBy", to_char(a.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "updatedAt", a.reason
     from approval a join period p on p.id = a.period_id where a.org_unit_id = $1 and p.code = $2`,
    [unit.id, period],
  );
  return row
    ? { unit: unit.code, period, ...row }
    : { unit: unit.code, period, status: 'draft', updatedBy: null, updatedAt: null, reason: null };
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
    `insert into approval (org_unit_id, period_id, status, updated_by, reason) values ($1, $2, $3, $4, $5)
     on conflict (org_unit_id, period_id) do update
       set status = excluded.status, updated_by = excluded.updated_by, updated_at = now(), reason = excluded.reason`,
    [unit.id, periodId, status, context.actor, context.reason],
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
