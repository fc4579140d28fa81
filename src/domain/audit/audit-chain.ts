import { createHash } from 'node:crypto';

/** One audit record as hashed: every field that matters, in a canonical form. */
export interface AuditEntry {
  seq: number;
  at: string; // ISO 8601 UTC with milliseconds, as Date.toISOString() writes it
  actor: string;
  requestId: string | null;
  action: string; // 'value.insert', 'value.update', 'approval.approve', …
  entity: string; // 'indicator_value', 'indicator_target', 'indicator', 'approval'
  entityKey: Record<string, unknown>;
  oldValue: unknown;
  newValue: unknown;
  reason: string | null;
}

export interface ChainedAuditEntry extends AuditEntry {
  prevHash: string;
  hash: string;
}

/** The hash before the first record. */
export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every depth, so equal content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function hashEntry(prevHash: string, entry: AuditEntry): string {
  const content = canonicalJson({
    seq: entry.seq,
    at: entry.at,
    actor: entry.actor,
    requestId: entry.requestId,
    action: entry.action,
    entity: entry.entity,
    entityKey: entry.entityKey,
    oldValue: entry.oldValue ?? null,
    newValue: entry.newValue ?? null,
    reason: entry.reason,
  });
  return createHash('sha256').update(prevHash).update('\n').update(content).digest('hex');
}

/** Links entries after `prevHash`, numbering them from `nextSeq`. */
export function chainEntries(
  prevHash: string,
  nextSeq: number,
  entries: readonly Omit<AuditEntry, 'seq'>[],
): ChainedAuditEntry[] {
  let previous = prevHash;
  return entries.map((entry, i) => {
    const numbered = { ...entry, seq: nextSeq + i };
    const hash = hashEntry(previous, numbered);
    const chained = { ...numbered, prevHash: previous, hash };
    previous = hash;
    return chained;
  });
}

export type ChainBreak =
  | { seq: number; problem: 'gap'; expectedSeq: number }
  | { seq: number; problem: 'prev_hash'; expected: string; found: string }
  | { seq: number; problem: 'hash'; expected: string; found: string };

/**
 * Checks a run of records that continues a chain ending at (`prevHash`, `expectedSeq` − 1):
 * returns the first break, or the hash and next seq to continue checking from.
 */
export function verifyChainSegment(
  prevHash: string,
  expectedSeq: number,
  entries: readonly ChainedAuditEntry[],
): { ok: true; lastHash: string; nextSeq: number } | { ok: false; break: ChainBreak } {
  let previous = prevHash;
  let seq = expectedSeq;
  for (const entry of entries) {
    if (entry.seq !== seq) return { ok: false, break: { seq: entry.seq, problem: 'gap', expectedSeq: seq } };
    if (entry.prevHash !== previous) {
      return { ok: false, break: { seq: entry.seq, problem: 'prev_hash', expected: previous, found: entry.prevHash } };
    }
    const expected = hashEntry(previous, entry);
    if (entry.hash !== expected)
      return { ok: false, break: { seq: entry.seq, problem: 'hash', expected, found: entry.hash } };
    previous = entry.hash;
    seq += 1;
  }
  return { ok: true, lastHash: previous, nextSeq: seq };
}

export function describeBreak(b: ChainBreak): string {
  switch (b.problem) {
    case 'gap':
      return `audit record ${b.expectedSeq} is missing (the next record found is ${b.seq}): history was deleted`;
    case 'prev_hash':
      return `audit record ${b.seq} does not follow the record before it: a record was deleted, inserted or re-chained`;
    case 'hash':
      return `audit record ${b.seq} was altered: its content no longer matches its hash`;
  }
}
