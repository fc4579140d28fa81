import type { Database } from '../db/database.js';
import { approvalsOfUnitAndChildren } from '../db/approvals.js';
import { findUnit } from '../db/org-units.js';
import {
  allowedApprovalActions,
  approvalScreenState,
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
  const code = parsePeriod(period).code;
  const rows = await approvalsOfUnitAndChildren(db, unit.id, code);
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
    return {
      code: row.code,
      nameVi: row.nameVi,
      nameEn: row.nameEn,
      level: row.level,
      state,
      reason: row.reason,
      updatedBy: row.updatedBy,
      updatedAt: row.updatedAt,
      actions: state === 'not_started' ? [] : allowedApprovalActions(row.status ?? 'draft'),
    };
  });
  return { unit: unit.code, period: code, units, counts };
}
