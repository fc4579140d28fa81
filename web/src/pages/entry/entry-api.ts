/** The entry screen's reads and writes: stored values with their versions, the approval state, saving and submitting. */
import { queryOptions } from '@tanstack/react-query';
import { ApiError, apiGet, apiPostJson, apiPutJson } from '../../api/client.js';
import type { ApiSchemas, JsonAnswer } from '../../api/types.js';

/**
 * A stored value as the entry screen reads it: from `GET /api/indicator-values`, or what a 412 names as current
 * (nothing stored: a null value at version 0).
 */
export type StoredValue = Pick<
  ApiSchemas['CurrentValue'],
  'indicator' | 'unit' | 'period' | 'value' | 'version' | 'updatedBy' | 'updatedAt'
>;

/** `GET /api/approvals`, the fields the entry screen reads. */
export type ApprovalState = Pick<
  ApiSchemas['ApprovalState'],
  'unit' | 'period' | 'status' | 'updatedBy' | 'updatedAt' | 'reason'
>;
export type ApprovalStatus = ApprovalState['status'];

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
    const answer = await apiPutJson<JsonAnswer<'/api/indicator-values', 'put'>>('/indicator-values', write, { lang });
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
