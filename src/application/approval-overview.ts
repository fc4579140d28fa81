import type { Database } from '../db/database.js';
import { approvalsOfUnitAndChildren, approvedAbove } from '../db/approvals.js';
import { findUnit } from '../db/org-units.js';
import {
  allowedApprovalActions,
  approvalScreenState,
  lockingApproval,
  type ApprovalAction,
  type ApprovalScreenState,
} from '../domain/approval/approval-workflow.js';
import { parsePeriod } from '../domain/periods.js';

export interface UnitApproval {
  code: string;
  nameVi: string;
  nameEn: string | null;
  level: string;
  state: ApprovalScreenState;
  reason: string | null;
  updatedBy: string | null;
  updatedAt: string | null;
  /**
   * An approval of a longer period or of a unit above (the year, the province) that locks this unit's values in
   * the period whatever its own state; none of its steps can unlock them, so it offers none.
   */
  lockedBy: { unit: string; period: string } | null;
  /** The steps the workflow allows from this state; the permission table decides who may take them. */
  actions: ApprovalAction[];
}

export interface ApprovalOverview {
  unit: string;
  period: string;
  units: UnitApproval[];
  counts: Record<ApprovalScreenState, number>;
}

/** For a period, a unit and each unit below it with its approval state, and the counts per state. */
export async function approvalOverview(db: Database, unitCode: string, period: string): Promise<ApprovalOverview> {
  const unit = await findUnit(db, unitCode);
  const parsed = parsePeriod(period);
  const code = parsed.code;
  const rows = await approvalsOfUnitAndChildren(db, unit.id, code);
  const above = await approvedAbove(
    db,
    rows.map((row) => row.id),
  );
  const counts: Record<ApprovalScreenState, number> = {
    not_started: 0,
    draft: 0,
    submitted: 0,
    approved: 0,
    returned: 0,
    reopened: 0,
  };
  const units = rows.map((row) => {
    const state = approvalScreenState(row.status, row.hasValues, row.reason);
    counts[state] += 1;
    const others = (above.get(row.id) ?? []).filter((a) => a.unitCode !== row.code || a.period.code !== code);
    const lock = lockingApproval(others, parsed);
    const lockedBy = lock ? { unit: lock.unitCode, period: lock.period.code } : null;
    return {
      code: row.code,
      nameVi: row.nameVi,
      nameEn: row.nameEn,
      level: row.level,
      state,
      reason: row.reason,
      updatedBy: row.updatedBy,
      updatedAt: row.updatedAt,
      lockedBy,
      actions: state === 'not_started' || lockedBy ? [] : allowedApprovalActions(row.status ?? 'draft'),
    };
  });
  return { unit: unit.code, period: code, units, counts };
}
