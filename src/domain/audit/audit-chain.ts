import * as crypto from 'node:crypto';

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
  const object = value as Record<string, unknown>;
  const keys = Object.keys(object).sort(); // UTF-16 code unit order, as < compares
  let out = '';
  for (const key of keys) {
    const v = object[key];
    if (v === undefined) continue;
    out += `${out === '' ? '' : ','}${JSON.stringify(key)}:${canonicalJson(v)}`;
  }
  return `{${out}}`;
}

/** The canonical JSON of a record's free-form fields: hashed, and valid JSON to store as they are. */
export interface CanonicalParts {
  entityKey: string;
  oldValue: string;
  newValue: string;
}

export function canonicalParts(entry: Pick<AuditEntry, 'entityKey' | 'oldValue' | 'newValue'>): CanonicalParts {
  return {
    entityKey: canonicalJson(entry.entityKey),
    oldValue: canonicalJson(entry.oldValue ?? null),
    newValue: canonicalJson(entry.newValue ?? null),
  };
}

/** JSON.stringify of a string field, remembering the last one per field: a batch repeats most of them. */
class LastJson {
  private value: unknown = Symbol('none');
  private json = '';
  of(value: string | null | number): string {
    if (value !== this.value) {
      this.value = value;
      this.json = JSON.stringify(value);
    }
    return this.json;
  }
}
const actionJson = new LastJson();
const actorJson = new LastJson();
const atJson = new LastJson();
const entityJson = new LastJson();
const reasonJson = new LastJson();
const requestIdJson = new LastJson();

/**
 * canonicalJson of a record's hashed fields, written out in their sorted order without building and
 * sorting an object per record (imports hash hundreds of thousands). The same bytes as the generic form.
 */
function canonicalEntry(entry: AuditEntry, parts: CanonicalParts): string {
  const { seq, at, actor, requestId, action, entity, reason } = entry;
  if (requestId === undefined || reason === undefined || at === undefined || actor === undefined)
    return canonicalJson({
      seq,
      at,
      actor,
      requestId,
      action,
      entity,
      entityKey: entry.entityKey,
      oldValue: entry.oldValue ?? null,
      newValue: entry.newValue ?? null,
      reason,
    });
  return (
    `{"action":${actionJson.of(action)},"actor":${actorJson.of(actor)},"at":${atJson.of(at)},` +
    `"entity":${entityJson.of(entity)},"entityKey":${parts.entityKey},"newValue":${parts.newValue},` +
    `"oldValue":${parts.oldValue},"reason":${reasonJson.of(reason)},"requestId":${requestIdJson.of(requestId)},` +
    `"seq":${JSON.stringify(seq)}}`
  );
}

/** SHA-256 in hex; the one-shot form (Node ≥ 20.12) skips a Hash object per record. */
const sha256Hex: (text: string) => string =
  typeof (crypto as { hash?: unknown }).hash === 'function'
    ? (text) => (crypto as unknown as { hash: (a: string, d: string, e: string) => string }).hash('sha256', text, 'hex')
    : (text) => crypto.createHash('sha256').update(text).digest('hex');

export function hashEntry(prevHash: string, entry: AuditEntry, parts: CanonicalParts = canonicalParts(entry)): string {
  return sha256Hex(`${prevHash}\n${canonicalEntry(entry, parts)}`);
}

/**
 * Links numbered records (seq already set, in order) after `prevHash`, handing each to `emit` with the
 * hash before it, its own hash and its canonical parts. Returns the last hash.
 */
export function linkRecords(
  prevHash: string,
  records: readonly AuditEntry[],
  emit: (entry: AuditEntry, prevHash: string, hash: string, parts: CanonicalParts) => void,
): string {
  let previous = prevHash;
  for (const entry of records) {
    const parts = canonicalParts(entry);
    const hash = hashEntry(previous, entry, parts);
    emit(entry, previous, hash, parts);
    previous = hash;
  }
  return previous;
}

/** Links entries after `prevHash`, numbering them from `nextSeq`. */
export function chainEntries(
  prevHash: string,
  nextSeq: number,
  entries: readonly Omit<AuditEntry, 'seq'>[],
): ChainedAuditEntry[] {
  const chained: ChainedAuditEntry[] = [];
  // Written out rather than spread: an object spread per record costs more than its hash.
  const records = entries.map((e, i): AuditEntry => ({
    seq: nextSeq + i,
    at: e.at,
    actor: e.actor,
    requestId: e.requestId,
    action: e.action,
    entity: e.entity,
    entityKey: e.entityKey,
    oldValue: e.oldValue,
    newValue: e.newValue,
    reason: e.reason,
  }));
  linkRecords(prevHash, records, (entry, previous, hash) => {
    chained.push(Object.assign(entry, { prevHash: previous, hash }));
  });
  return chained;
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
