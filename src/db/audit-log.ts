import type { Queryable } from './database.js';
import { copyRow } from './copy-text.js';
import {
  describeBreak,
  GENESIS_HASH,
  linkRecords,
  verifyChainSegment,
  type AuditEntry,
  type ChainBreak,
  type ChainedAuditEntry,
} from '../domain/audit/audit-chain.js';

// Appends are serialised so that the chain stays one line; held to the end of the writer's transaction.
const AUDIT_LOCK_KEY = 4_417_020_251;
const CHUNK = 5000;

export interface WriteContext {
  actor: string;
  requestId: string | null;
  reason: string | null;
  /** Where the change came from: 'api', 'import', 'dhis2', 'demo'. */
  source: string;
}

export type NewAuditEntry = Omit<AuditEntry, 'seq' | 'at' | 'actor' | 'requestId' | 'reason'>;

/**
 * Serialises writers until the end of the caller's transaction: what a writer reads (stored values, versions)
 * then stays true until it commits. appendAudit takes the same lock, so writers are serialised anyway.
 */
export async function lockWriters(tx: Queryable): Promise<void> {
  await tx.query('select pg_advisory_xact_lock($1)', [AUDIT_LOCK_KEY]);
}

/** Appends records to the chain inside the caller's transaction; they commit or vanish with it. */
export async function appendAudit(
  tx: Queryable,
  context: WriteContext,
  entries: readonly NewAuditEntry[],
  now = new Date(),
) {
  if (entries.length === 0) return;
  await lockWriters(tx);
  const [last] = await tx.query<{ seq: number; hash: string }>(
    'select seq, hash from audit_log order by seq desc limit 1',
  );
  const at = now.toISOString();
  // Linked and copied a chunk at a time; the stored JSON is the canonical JSON already made for the hash.
  let previous = last?.hash ?? GENESIS_HASH;
  let nextSeq = Number(last?.seq ?? 0) + 1;
  for (let start = 0; start < entries.length; start += CHUNK) {
    const chunk = entries.slice(start, start + CHUNK).map((e, i): AuditEntry => ({
      seq: nextSeq + i,
      at,
      actor: context.actor,
      requestId: context.requestId,
      action: e.action,
      entity: e.entity,
      entityKey: e.entityKey,
      oldValue: e.oldValue,
      newValue: e.newValue,
      reason: context.reason,
    }));
    const rows: string[] = [];
    previous = linkRecords(previous, chunk, (entry, prevHash, hash, parts) => {
      rows.push(
        copyRow([
          entry.seq,
          at,
          context.actor,
          context.requestId,
          entry.action,
          entry.entity,
          parts.entityKey,
          parts.oldValue === 'null' ? null : parts.oldValue,
          parts.newValue === 'null' ? null : parts.newValue,
          context.reason,
          prevHash,
          hash,
        ]),
      );
    });
    nextSeq += chunk.length;
    await tx.copyIn('audit_log', AUDIT_COLUMNS, rows.join(''));
  }
}

const AUDIT_COLUMNS = [
  'seq',
  'at',
  'actor',
  'request_id',
  'action',
  'entity',
  'entity_key',
  'old_value',
  'new_value',
  'reason',
  'prev_hash',
  'hash',
] as const;

interface AuditRow extends Record<string, unknown> {
  seq: number;
  at: string;
  actor: string;
  request_id: string | null;
  action: string;
  entity: string;
  entity_key: Record<string, unknown>;
  old_value: unknown;
  new_value: unknown;
  reason: string | null;
  prev_hash: string;
  hash: string;
}

const SELECT_AUDIT = `select seq, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at, actor, request_id, action,
  entity, entity_key, old_value, new_value, reason, prev_hash, hash from audit_log`;

function toEntry(row: AuditRow): ChainedAuditEntry {
  return {
    seq: Number(row.seq),
    at: row.at,
    actor: row.actor,
    requestId: row.request_id,
    action: row.action,
    entity: row.entity,
    entityKey: row.entity_key,
    oldValue: row.old_value,
    newValue: row.new_value,
    reason: row.reason,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

export type AuditVerification =
  { ok: true; records: number } | { ok: false; records: number; break: ChainBreak; message: string };

/** Walks the whole chain in order, recomputing every hash; names the first broken record. */
export async function verifyAudit(db: Queryable, batchSize = 10_000): Promise<AuditVerification> {
  let prevHash = GENESIS_HASH;
  let nextSeq = 1;
  let afterSeq = 0;
  let records = 0;
  for (;;) {
    const rows = await db.query<AuditRow>(`${SELECT_AUDIT} where seq > $1 order by seq limit $2`, [
      afterSeq,
      batchSize,
    ]);
    if (rows.length === 0) return { ok: true, records };
    const entries = rows.map(toEntry);
    const result = verifyChainSegment(prevHash, nextSeq, entries);
    if (!result.ok) return { ok: false, records, break: result.break, message: describeBreak(result.break) };
    records += entries.length;
    prevHash = result.lastHash;
    nextSeq = result.nextSeq;
    afterSeq = entries.at(-1)!.seq;
  }
}

/** The history of one value (or target), oldest first; the key fields match the entity index. */
export async function auditHistory(
  db: Queryable,
  filter: { entity: string; indicator: string; unit: string; period?: string | undefined; year?: number | undefined },
): Promise<ChainedAuditEntry[]> {
  const rows = await db.query<AuditRow>(
    `${SELECT_AUDIT} where entity = $1 and entity_key ->> 'indicator' = $2 and entity_key ->> 'unit' = $3
       and ($4::text is null or entity_key ->> 'period' = $4) and ($5::int is null or (entity_key ->> 'year')::int = $5)
     order by seq`,
    [filter.entity, filter.indicator, filter.unit, filter.period ?? null, filter.year ?? null],
  );
  return rows.map(toEntry);
}
