import { Conflict, Invalid } from '../errors.js';
import { contains, type Period } from '../periods.js';

/**
 * Data approval per unit and period: draft → submitted → approved (values locked) → reopened with a
 * reason (editable again) → submitted … A submitted period can be returned to draft with a reason.
 */
export type ApprovalStatus = 'draft' | 'submitted' | 'approved' | 'reopened';
export type ApprovalAction = 'submit' | 'approve' | 'return' | 'reopen';

const TRANSITIONS: Record<
  ApprovalAction,
  { from: readonly ApprovalStatus[]; to: ApprovalStatus; needsReason: boolean }
> = {
  submit: { from: ['draft', 'reopened'], to: 'submitted', needsReason: false },
  approve: { from: ['submitted'], to: 'approved', needsReason: false },
  return: { from: ['submitted'], to: 'draft', needsReason: true },
  reopen: { from: ['approved'], to: 'reopened', needsReason: true },
};

export const APPROVAL_ACTIONS = Object.keys(TRANSITIONS) as ApprovalAction[];

/** The status after `action`, or a Conflict naming what is allowed from `current`. */
export function nextApprovalStatus(
  current: ApprovalStatus,
  action: ApprovalAction,
  reason: string | null,
): ApprovalStatus {
  const transition = TRANSITIONS[action];
  if (!transition.from.includes(current)) {
    const allowed = APPROVAL_ACTIONS.filter((a) => TRANSITIONS[a].from.includes(current));
    throw new Conflict(
      'approval.transition',
      `Cannot ${action} data that is ${current}; allowed: ${allowed.join(', ') || 'nothing'}`,
    );
  }
  if (transition.needsReason && !reason?.trim()) {
    throw new Invalid('approval.reason', `A reason is required to ${action}`, [
      { path: 'body.reason', message: 'required' },
    ]);
  }
  return transition.to;
}

/** Values are locked only while approved. */
export function isLocked(status: ApprovalStatus | null): boolean {
  return status === 'approved';
}

/** An approval recorded for a unit, as the lock rule reads it. */
export interface RecordedApproval {
  unitCode: string;
  period: Period;
  status: ApprovalStatus;
}

/**
 * The approval that locks a value of a unit in `period`, if any: an approved period containing it, recorded for
 * the unit itself or a unit above it (`approvals` are those of the unit and its ancestors).
 */
export function lockingApproval(approvals: readonly RecordedApproval[], period: Period): RecordedApproval | undefined {
  return approvals.find((approval) => isLocked(approval.status) && contains(approval.period, period));
}

/** The steps the workflow allows from `status` (who may take them is the permission table's business). */
export function allowedApprovalActions(status: ApprovalStatus): ApprovalAction[] {
  return APPROVAL_ACTIONS.filter((action) => TRANSITIONS[action].from.includes(status));
}

/** What the approval screen shows: a unit without an approval record and without values has not started. */
export type ApprovalScreenState = 'not_started' | 'draft' | 'submitted' | 'approved' | 'returned' | 'reopened';

export function approvalScreenState(
  status: ApprovalStatus | null,
  hasValues: boolean,
  reason: string | null,
): ApprovalScreenState {
  if (status === null) return hasValues ? 'draft' : 'not_started';
  // Returning sends a period back to draft with a reason: the screen says it was returned.
  if (status === 'draft' && reason) return 'returned';
  return status;
}
