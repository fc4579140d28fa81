/**
 * What the agreement page shows of `GET /api/agreements/{code}`: commitments filtered by area, owner and status
 * (read from the URL, so a filtered list can be shared or printed), and grouped under the cooperation areas.
 */
import type { Agreement, AgreementArea, Commitment, CommitmentStatus } from '../../api/types.js';

export const COMMITMENT_STATUSES: readonly CommitmentStatus[] = ['planned', 'in_progress', 'done', 'cancelled'];

/** The area filter's value for commitments that belong to no single area (they span the agreement). */
export const GENERAL = 'general';

export interface CommitmentFilter {
  /** An area code, GENERAL, or null for every area. */
  area: string | null;
  /** A party code, or null for every owner. */
  owner: string | null;
  status: CommitmentStatus | null;
}

function isStatus(value: string | null): value is CommitmentStatus {
  return COMMITMENT_STATUSES.some((s) => s === value);
}

/** The filter the URL names; a value the agreement does not know is ignored rather than showing nothing. */
export function readFilter(search: URLSearchParams, agreement: Agreement): CommitmentFilter {
  const area = search.get('area');
  const owner = search.get('owner');
  const status = search.get('status');
  return {
    area: area === GENERAL || agreement.areas.some((a) => a.code === area) ? area : null,
    owner: agreement.parties.some((p) => p.code === owner) ? owner : null,
    status: isStatus(status) ? status : null,
  };
}

export function matchesFilter(commitment: Commitment, filter: CommitmentFilter): boolean {
  if (filter.area !== null && (commitment.areaCode ?? GENERAL) !== filter.area) return false;
  if (filter.owner !== null && commitment.ownerParty !== filter.owner) return false;
  return filter.status === null || commitment.status === filter.status;
}

export interface AreaGroup {
  /** Null for the commitments that span the whole agreement. */
  area: AgreementArea | null;
  commitments: Commitment[];
}

/**
 * The areas in the agreement's order, each with its matching commitments, then the agreement-wide ones. Without an
 * area filter every area stays listed (an area with no commitment still has its indicators); the agreement-wide
 * group appears only when it has commitments to show.
 */
export function groupByArea(agreement: Agreement, filter: CommitmentFilter): AreaGroup[] {
  const shown = agreement.commitments.filter((c) => matchesFilter(c, filter));
  const areas = [...agreement.areas].sort((a, b) => a.position - b.position);
  const groups: AreaGroup[] = areas
    .filter((area) => filter.area === null || filter.area === area.code)
    .map((area) => ({ area, commitments: shown.filter((c) => c.areaCode === area.code) }));
  const general = shown.filter((c) => c.areaCode === null || !areas.some((a) => a.code === c.areaCode));
  if (general.length > 0) groups.push({ area: null, commitments: general });
  return groups;
}

export function countByStatus(commitments: readonly Commitment[]): Record<CommitmentStatus, number> {
  const counts: Record<CommitmentStatus, number> = { planned: 0, in_progress: 0, done: 0, cancelled: 0 };
  for (const c of commitments) counts[c.status]++;
  return counts;
}

export function isFiltered(filter: CommitmentFilter): boolean {
  return filter.area !== null || filter.owner !== null || filter.status !== null;
}
