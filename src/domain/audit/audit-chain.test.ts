import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  chainEntries,
  GENESIS_HASH,
  hashEntry,
  verifyChainSegment,
  type AuditEntry,
} from './audit-chain.js';

const entry = (n: number): Omit<AuditEntry, 'seq'> => ({
  at: `2025-09-1${n % 10}T08:00:00.000Z`,
  actor: 'officer@ia-o',
  requestId: `req-${n}`,
  action: 'value.update',
  entity: 'indicator_value',
  entityKey: { indicator: 'SITES_5G', unit: '60309134', period: '2025-09' },
  oldValue: { value: n },
  newValue: { value: n + 1 },
  reason: null,
});

describe('canonical JSON', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: undefined } })).toBe(
      '{"a":{"d":[2,{"e":0,"f":1}]},"b":1}',
    );
  });
});

describe('record hashes', () => {
  // Pinned: chains already stored must keep verifying, whatever the serialiser's implementation.
  it('stay the same bytes for stored records', () => {
    const records: AuditEntry[] = [
      {
        seq: 1,
        at: '2025-09-10T08:00:00.000Z',
        actor: 'officer@ia-o',
        requestId: 'req-1',
        action: 'value.update',
        entity: 'indicator_value',
        entityKey: { unit: '60309134', indicator: 'SITES_5G', period: '2025-09' },
        oldValue: { value: 1, comment: 'Xã Ia O — "quoted"\n' },
        newValue: { comment: null, value: 2.5 },
        reason: null,
      },
      {
        seq: 7,
        at: '2025-09-10T08:00:00.000Z',
        actor: 'bench',
        requestId: null,
        action: 'value.insert',
        entity: 'indicator_value',
        entityKey: { indicator: 'A', unit: 'B', period: '2026-01' },
        oldValue: null,
        newValue: { value: -0.000123, comment: null },
        reason: 'import of x.csv (sha256 0123)',
      },
      {
        seq: 8,
        at: '2025-09-10T08:00:00.000Z',
        actor: 'ủy ban',
        requestId: undefined as unknown as null, // an old record read back without the field
        action: 'approval.approve',
        entity: 'approval',
        entityKey: { nested: { z: [3, { b: 1, a: undefined }], a: 'x' } },
        oldValue: undefined,
        newValue: [1, 'two', { y: 2, x: 1 }],
        reason: 'lý do',
      },
    ];
    expect(records.map((r) => hashEntry(GENESIS_HASH, r))).toEqual([
      'b426a99252db760c8162cf3faa356f6510f3cd81bf7ec987d636a0f443432913',
      'eb2e982579a3cb24ecf420557f5f390fd606cacc9f7a3b8db0f7265378242236',
      'eb2b4122425db9dfe50a7bdbebced3489b80c950cd869ceffbb03949126dca61',
    ]);
  });
});

describe('the chain', () => {
  const chain = chainEntries(GENESIS_HASH, 1, [entry(1), entry(2), entry(3), entry(4)]);

  it('links each record to the one before', () => {
    expect(chain.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(chain[0]!.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < chain.length; i++) expect(chain[i]!.prevHash).toBe(chain[i - 1]!.hash);
    expect(verifyChainSegment(GENESIS_HASH, 1, chain)).toEqual({ ok: true, lastHash: chain[3]!.hash, nextSeq: 5 });
  });

  it('names an altered record', () => {
    const altered = chain.map((e) => (e.seq === 3 ? { ...e, newValue: { value: 999 } } : e));
    expect(verifyChainSegment(GENESIS_HASH, 1, altered)).toMatchObject({
      ok: false,
      break: { seq: 3, problem: 'hash' },
    });
  });

  it('names the record after a deleted one', () => {
    const deleted = chain.filter((e) => e.seq !== 2);
    expect(verifyChainSegment(GENESIS_HASH, 1, deleted)).toMatchObject({
      ok: false,
      break: { seq: 3, problem: 'gap' },
    });
  });

  it('catches a record deleted and the rest renumbered', () => {
    const renumbered = chain.filter((e) => e.seq !== 2).map((e) => (e.seq > 2 ? { ...e, seq: e.seq - 1 } : e));
    expect(verifyChainSegment(GENESIS_HASH, 1, renumbered)).toMatchObject({ ok: false, break: { seq: 2 } });
  });

  it('continues across segments', () => {
    const first = verifyChainSegment(GENESIS_HASH, 1, chain.slice(0, 2));
    expect(first.ok).toBe(true);
    if (first.ok) expect(verifyChainSegment(first.lastHash, first.nextSeq, chain.slice(2)).ok).toBe(true);
  });
});
