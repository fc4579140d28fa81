import { buildGridInstance } from './build-instance.js';
import type { CoverInstance } from './instance.js';

/**
 * The planning instance with identical demand already merged, straight from the grid: cells with demand that the
 * same set of candidates covers become one point. A province at 30 m has tens of millions of cells and hundreds of
 * millions of (candidate, cell) pairs; merging before any matrix is built keeps the instance small and never holds
 * the pairs twice.
 *
 * Each cell's set is hashed as the candidates are visited in order (two independent 32-bit hashes and the set's
 * size), cells are grouped by that key, and every group is then checked exactly — each candidate must cover all of
 * a group's cells or none — so a hash collision can never merge two different sets (such a group is split by the
 * exact, slower path).
 */
export interface MergedGridInstance {
  instance: CoverInstance;
  /** Cells with demand that some candidate covers (before merging). */
  demandCells: number;
  /** Demand no candidate reaches. */
  unreachableWeight: number;
}

const FNV = 0x01000193;

function mixA(h: number, c: number): number {
  h = Math.imul(h ^ (c & 0xffff), FNV);
  return Math.imul(h ^ (c >>> 16), FNV);
}

function mixB(h: number, c: number): number {
  // murmur3's finaliser on the candidate, folded in: independent of mixA's bits.
  let k = Math.imul(c ^ 0x9e3779b9, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  h ^= Math.imul(k, 0x1b873593);
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

export function mergeGridDemand(
  demandPerCell: Float64Array,
  candidateCells: readonly Uint32Array[],
  cost: Float64Array,
): MergedGridInstance {
  const cellCount = demandPerCell.length;
  const hashA = new Int32Array(cellCount);
  const hashB = new Int32Array(cellCount);
  const size = new Uint32Array(cellCount);
  candidateCells.forEach((cells, c) => {
    for (let k = 0; k < cells.length; k++) {
      const cell = cells[k]!;
      if (!(demandPerCell[cell]! > 0)) continue;
      hashA[cell] = mixA(hashA[cell]!, c);
      hashB[cell] = mixB(hashB[cell]!, c);
      size[cell]!++;
    }
  });
  // Group the reached cells by (hashA, hashB, size), numbered in grid order of their first cell.
  let reached = 0;
  let totalWeight = 0;
  for (let cell = 0; cell < cellCount; cell++) {
    const w = demandPerCell[cell]!;
    if (!(w > 0)) continue;
    totalWeight += w;
    if (size[cell]! > 0) reached++;
  }
  let tableSize = 1;
  while (tableSize < 2 * reached) tableSize *= 2;
  const mask = tableSize - 1;
  const slotGroup = new Int32Array(tableSize).fill(-1);
  const groupOf = new Int32Array(cellCount).fill(-1);
  const firstCell: number[] = [];
  const groupWeight: number[] = [];
  const groupCells: number[] = [];
  let reachedWeight = 0;
  for (let cell = 0; cell < cellCount; cell++) {
    if (size[cell] === 0 || !(demandPerCell[cell]! > 0)) continue;
    reachedWeight += demandPerCell[cell]!;
    let slot = (hashA[cell]! ^ Math.imul(hashB[cell]!, 0x85ebca6b) ^ size[cell]!) & mask;
    for (;;) {
      const group = slotGroup[slot]!;
      if (group === -1) {
        slotGroup[slot] = firstCell.length;
        groupOf[cell] = firstCell.length;
        firstCell.push(cell);
        groupWeight.push(demandPerCell[cell]!);
        groupCells.push(1);
        break;
      }
      const other = firstCell[group]!;
      if (hashA[other] === hashA[cell] && hashB[other] === hashB[cell] && size[other] === size[cell]) {
        groupOf[cell] = group;
        groupWeight[group]! += demandPerCell[cell]!;
        groupCells[group]!++;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  const groups = firstCell.length;
  // One pass per candidate over its cells: its distinct groups (written straight into the matrix) and how many of
  // each group's cells it covers; the exact check then needs only its distinct groups: it must cover all of each.
  const touched = new Uint32Array(groups);
  const lastSeen = new Int32Array(groups).fill(-1);
  const candStart = new Uint32Array(candidateCells.length + 1);
  let candDemand = new Uint32Array(Math.max(1024, groups));
  let exact = true;
  for (let c = 0; c < candidateCells.length && exact; c++) {
    const cells = candidateCells[c]!;
    const from = candStart[c]!;
    if (candDemand.length < from + cells.length) {
      const grown = new Uint32Array(Math.max(2 * candDemand.length, from + cells.length));
      grown.set(candDemand.subarray(0, from));
      candDemand = grown;
    }
    let at = from;
    for (let k = 0; k < cells.length; k++) {
      const group = groupOf[cells[k]!]!;
      if (group < 0) continue;
      if (lastSeen[group] !== c) {
        lastSeen[group] = c;
        touched[group] = 0;
        candDemand[at++] = group;
      }
      touched[group]!++;
    }
    for (let j = from; j < at; j++) if (touched[candDemand[j]!] !== groupCells[candDemand[j]!]) exact = false;
    candDemand.subarray(from, at).sort();
    candStart[c + 1] = at;
  }
  if (!exact) return splitExactly(demandPerCell, candidateCells, cost);
  return {
    instance: {
      candidateCount: candidateCells.length,
      demandCount: groups,
      weight: Float64Array.from(groupWeight),
      candStart,
      candDemand: candDemand.slice(0, candStart[candidateCells.length]!),
      cost,
    },
    demandCells: reached,
    unreachableWeight: totalWeight - reachedWeight,
  };
}

/** The exact path for the (never yet seen) case of a hash collision: one point per cell, merged by the solver. */
function splitExactly(
  demandPerCell: Float64Array,
  candidateCells: readonly Uint32Array[],
  cost: Float64Array,
): MergedGridInstance {
  const { instance, unreachableWeight } = buildGridInstance(demandPerCell, candidateCells, cost);
  return { instance, demandCells: instance.demandCount, unreachableWeight };
}
