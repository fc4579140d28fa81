import type { CoverInstance } from './instance.js';
import { transposeCover } from './transpose-cover.js';

export interface MergedDemand {
  /** Same candidates and costs; one demand point per distinct set of coverers, weights summed. */
  instance: CoverInstance;
  /** Old demand point → its merged point, or −1 when dropped (no coverer or weight 0). */
  mergedPoint: Int32Array;
  /** Weight of the points no candidate covers: no plan can reach it. */
  uncoverable: number;
}

/** FNV-1a over the row's candidate indices, folded to 32 bits. */
function hashRow(cands: Uint32Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let j = start; j < end; j++) {
    const c = cands[j]!;
    h = Math.imul(h ^ (c & 0xffff), 0x01000193);
    h = Math.imul(h ^ (c >>> 16), 0x01000193);
  }
  return h >>> 0;
}

/**
 * Merges demand points covered by exactly the same candidates, since the objective of every candidate set depends
 * only on their summed weight. Rows are hashed into an open-addressing table and compared exactly on collision;
 * merged points keep the order of their first member, so the result is deterministic.
 */
export function mergeIdenticalDemand(instance: CoverInstance): MergedDemand {
  const { demandCount, weight } = instance;
  const { demandStart, demandCand } = transposeCover(instance);
  const mergedPoint = new Int32Array(demandCount).fill(-1);
  let tableSize = 1;
  while (tableSize < 2 * demandCount) tableSize *= 2;
  const mask = tableSize - 1;
  const slotPoint = new Int32Array(tableSize).fill(-1); // an original point standing for the merged one
  const isFirstMember = new Uint8Array(demandCount);
  const mergedWeight = new Float64Array(demandCount);
  let mergedCount = 0;
  let uncoverable = 0;

  const sameRow = (a: number, b: number): boolean => {
    const aStart = demandStart[a]!;
    const bStart = demandStart[b]!;
    const length = demandStart[a + 1]! - aStart;
    if (demandStart[b + 1]! - bStart !== length) return false;
    for (let j = 0; j < length; j++) if (demandCand[aStart + j] !== demandCand[bStart + j]) return false;
    return true;
  };

  for (let i = 0; i < demandCount; i++) {
    const start = demandStart[i]!;
    const end = demandStart[i + 1]!;
    if (start === end) {
      uncoverable += weight[i]!;
      continue;
    }
    if (weight[i] === 0) continue;
    let slot = hashRow(demandCand, start, end) & mask;
    for (;;) {
      const other = slotPoint[slot]!;
      if (other === -1) {
        slotPoint[slot] = i;
        isFirstMember[i] = 1;
        mergedWeight[mergedCount] = weight[i]!;
        mergedPoint[i] = mergedCount++;
        break;
      }
      if (sameRow(i, other)) {
        const merged = mergedPoint[other]!;
        mergedPoint[i] = merged;
        mergedWeight[merged] = mergedWeight[merged]! + weight[i]!;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  const merged = rebuildInstance(instance, mergedPoint, isFirstMember, mergedWeight.slice(0, mergedCount));
  return { instance: merged, mergedPoint, uncoverable };
}

/** Candidate-major CSR over the merged points; rows stay ascending because old points are visited in order. */
function rebuildInstance(
  instance: CoverInstance,
  mergedPoint: Int32Array,
  isFirstMember: Uint8Array,
  mergedWeight: Float64Array,
): CoverInstance {
  const { candidateCount, candStart, candDemand } = instance;
  // A merged point is covered by c exactly when its first member is, so keep only first members' entries.
  const newStart = new Uint32Array(candidateCount + 1);
  for (let c = 0; c < candidateCount; c++) {
    let count = 0;
    for (let j = candStart[c]!, end = candStart[c + 1]!; j < end; j++) count += isFirstMember[candDemand[j]!]!;
    newStart[c + 1] = newStart[c]! + count;
  }
  const newDemand = new Uint32Array(newStart[candidateCount]!);
  for (let c = 0, at = 0; c < candidateCount; c++) {
    for (let j = candStart[c]!, end = candStart[c + 1]!; j < end; j++) {
      const point = candDemand[j]!;
      if (isFirstMember[point]) newDemand[at++] = mergedPoint[point]!;
    }
  }
  return {
    candidateCount,
    demandCount: mergedWeight.length,
    weight: mergedWeight,
    candStart: newStart,
    candDemand: newDemand,
    cost: instance.cost,
  };
}
