/** The entry screen's reads and writes: stored values with their versions, the approval state, saving and submitting. */
import { queryOptions } from '@tanstack/react-query';
import { ApiError, apiGet, apiPostJson, apiPutJson } from '../../api/client.js';

export interface StoredValue {
  indicator: string;
  unit: string;
  period: string;
  value: number | null;
  version: number;
  updatedBy: string | null;
  updatedAt: string | null;
}

export type ApprovalStatus = 'draft' | 'submitted' | 'approved' | 'reopened';

export interface ApprovalState {
  unit: string;
  period: string;
  status: ApprovalStatus;
  updatedBy: string | null;
  updatedAt: string | null;
  reason: string | null;
}

export const storedValueQuery = (indicator: string, unit: string, period: string) =>
  queryOptions({
    queryKey: ['entry', 'value', indicator, unit, period],
    queryFn: async ({ signal }) => {
      const rows = await apiGet<StoredValue[]>(
        '/indicator-values',
        { indicator, unit, from: period, to: period },
        { signal },
      );
      return rows.find((r) => r.period === period && r.unit === unit) ?? null;
    },
  });

export const approvalQuery = (unit: string, period: string) =>
  queryOptions({
    queryKey: ['entry', 'approval', unit, period],
    queryFn: ({ signal }) => apiGet<ApprovalState>('/approvals', { unit, period }, { signal }),
  });

export interface ValueWrite {
  indicator: string;
  unit: string;
  period: string;
  value: number | null;
  /** The version read; 0 when nothing was stored. A changed version is refused with 412. */
  version: number;
}

/** Saved: the new version; stale: what is stored now, and who stored it. */
export type WriteOutcome = { kind: 'saved'; version: number } | { kind: 'stale'; current: StoredValue };

export async function writeValue(write: ValueWrite, lang: string): Promise<WriteOutcome> {
  try {
    const answer = await apiPutJson<{ version: number | null }>('/indicator-values', write, { lang });
    return { kind: 'saved', version: answer.version ?? 0 };
  } catch (err) {
    const current = err instanceof ApiError && err.status === 412 ? staleCurrent(err) : null;
    if (current) return { kind: 'stale', current };
    throw err;
  }
}

function staleCurrent(err: ApiError): StoredValue | null {
  const current = (err.problem as { current?: unknown } | undefined)?.current;
  return typeof current === 'object' && current !== null ? (current as StoredValue) : null;
}

export function submitForApproval(unit: string, period: string, lang: string): Promise<ApprovalState> {
  return apiPostJson<ApprovalState>('/approvals/submit', { unit, period }, { lang });
}
