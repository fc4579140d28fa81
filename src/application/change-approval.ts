import type { Database } from '../db/database.js';
import { changeApproval, findApproval, valuesEnteredBy, type ApprovalState } from '../db/approvals.js';
import { findUnit } from '../db/org-units.js';
import type { Actor } from '../domain/auth/actor.js';
import type { Action } from '../domain/auth/permissions.js';
import { nextApprovalStatus, type ApprovalAction } from '../domain/approval/approval-workflow.js';
import { separationOfDutiesProblem } from '../domain/approval/separation-of-duties.js';
import { Forbidden } from '../domain/errors.js';
import { parsePeriod } from '../domain/periods.js';
import { auditContext } from './audit-context.js';
import { requireUnits } from './authorize.js';
import { transactionAs } from './transaction-as.js';

/** The permission each step of the workflow needs. */
export const APPROVAL_PERMISSION: Readonly<Record<ApprovalAction, Action>> = {
  submit: 'approval.submit',
  approve: 'approval.approve',
  return: 'approval.approve',
  reopen: 'approval.reopen',
};

export interface ApprovalRequest {
  unit: string;
  period: string;
  action: ApprovalAction;
  reason: string | null;
}

/**
 * Moves a unit's period through the workflow on behalf of an actor: the actor must hold the step's permission for
 * the unit, and (separation of duties) may not approve what they submitted or entered values in.
 */
export async function changeApprovalAs(
  db: Database,
  actor: Actor,
  request: ApprovalRequest,
  policy: { separationOfDuties: boolean },
  requestId: string | null,
): Promise<ApprovalState> {
  const unit = await findUnit(db, request.unit);
  const period = parsePeriod(request.period);
  await requireUnits(db, actor, APPROVAL_PERMISSION[request.action], [unit]);
  return transactionAs(db, actor, async (tx) => {
    const current = await findApproval(tx, unit, period.code);
    nextApprovalStatus(current.status, request.action, request.reason); // an impossible step is refused first
    if (request.action === 'approve' && policy.separationOfDuties) {
      const entered = await valuesEnteredBy(tx, unit.id, period, actor.name);
      const problem = separationOfDutiesProblem(actor.name, current.submittedBy, entered);
      if (problem)
        throw new Forbidden('approval.same_person', `${unit.code} ${period.code}: ${problem}`, undefined, {
          unit: unit.code,
          period: period.code,
        });
    }
    return changeApproval(tx, unit, period.code, request.action, auditContext(actor, requestId, request.reason, 'api'));
  });
}

export async function approvalStatus(db: Database, unitCode: string, period: string): Promise<ApprovalState> {
  return findApproval(db, await findUnit(db, unitCode), parsePeriod(period).code);
}
