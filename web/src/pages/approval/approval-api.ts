import { queryOptions } from '@tanstack/react-query';
import type { ApprovalBadgeState } from '../../components/ApprovalBadge.js';
import { apiGet, apiPostJson } from '../../api/client.js';

export type ApprovalAction = 'submit' | 'approve' | 'return' | 'reopen';

export interface UnitApproval {
  code: string;
  nameVi: string;
  nameEn: string | null;
  level: string;
  state: ApprovalBadgeState;
  reason: string | null;
  updatedBy: string | null;
  updatedAt: string | null;
  /** An approval of a longer period or a unit above that locks this unit's values in the period. */
  lockedBy: { unit: string; period: string } | null;
  actions: ApprovalAction[];
}

export interface ApprovalOverview {
  unit: string;
  period: string;
  units: UnitApproval[];
  counts: Record<ApprovalBadgeState, number>;
}

export const approvalOverviewQuery = (unit: string, period: string, lang: string) =>
  queryOptions({
    queryKey: ['approvals', 'overview', unit, period, lang],
    queryFn: ({ signal }) => apiGet<ApprovalOverview>('/approvals/overview', { unit, period }, { signal, lang }),
  });

export const NEEDS_REASON: ReadonlySet<ApprovalAction> = new Set(['return', 'reopen']);

export function changeApproval(
  action: ApprovalAction,
  unit: string,
  period: string,
  reason: string | null,
  lang: string,
) {
  return apiPostJson<unknown>(`/approvals/${action}`, { unit, period, reason }, { lang });
}
