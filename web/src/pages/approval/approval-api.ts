import { queryOptions } from '@tanstack/react-query';
import { apiGet, apiPostJson } from '../../api/client.js';
import type { ApiSchemas } from '../../api/types.js';

/** `GET /api/approvals/overview`, as the server's schema gives it. */
export type ApprovalOverview = ApiSchemas['ApprovalOverview'];
export type UnitApproval = ApprovalOverview['units'][number];
export type ApprovalAction = UnitApproval['actions'][number];

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
