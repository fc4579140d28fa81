import type { CoverInstance } from './instance.js';

/** A planning instance over grid cells, and the grid cell of each demand point (to map a plan back). */
export interface GridInstance {
  instance: CoverInstance;
  /** Grid cell of demand point i. */
  demandCell: Uint32Array;
  /** Demand weight no candidate can reach (cells with demand that no candidate covers). */
  unreachableWeight: number;
}

/**
 * The instance a plan is solved on: demand points are the cells with demand (> 0) that at least one candidate
 * covers, in grid order; each candidate's list is its covered cells with demand, ascending.
 */
export function buildGridInstance(
  demandPerCell: Float64Array,
  candidateCells: readonly Uint32Array[],
  cost: Float64Array,
): GridInstance {
  if (cost.length !== candidateCells.length)
    throw new Error(`buildGridInstance: ${cost.length} costs for ${candidateCells.length} candidates`);
  // Which cells some candidate reaches, then a dense numbering of those with demand.
  const reached = new Uint8Array(demandPerCell.length);
  for (const cells of candidateCells) for (let k = 0; k < cells.length; k++) reached[cells[k]!] = 1;
  const pointOf = new Int32Array(demandPerCell.length).fill(-1);
  let demandCount = 0;
  let reachableWeight = 0;
  let totalWeight = 0;
  for (let cell = 0; cell < demandPerCell.length; cell++) {
    const w = demandPerCell[cell]!;
    if (!(w > 0)) continue;
    totalWeight += w;
    if (!reached[cell]) continue;
    pointOf[cell] = demandCount++;
    reachableWeight += w;
  }
  const demandCell = new Uint32Array(demandCount);
  const weight = new Float64Array(demandCount);
  for (let cell = 0; cell < demandPerCell.length; cell++) {
    const point = pointOf[cell]!;
    if (point < 0) continue;
    demandCell[point] = cell;
    weight[point] = demandPerCell[cell]!;
  }
  const candStart = new Uint32Array(candidateCells.length + 1);
  candidateCells.forEach((cells, c) => {
    let n = 0;
    for (let k = 0; k < cells.length; k++) if (pointOf[cells[k]!]! >= 0) n++;
    candStart[c + 1] = candStart[c]! + n;
  });
  const candDemand = new Uint32Array(candStart[candidateCells.length]!);
  candidateCells.forEach((cells, c) => {
    let at = candStart[c]!;
    // Points are numbered in grid order, so ascending cells give ascending points.
    for (let k = 0; k < cells.length; k++) {
      const point = pointOf[cells[k]!]!;
      if (point >= 0) candDemand[at++] = point;
    }
  });
  return {
    instance: { candidateCount: candidateCells.length, demandCount, weight, candStart, candDemand, cost },
    demandCell,
    unreachableWeight: totalWeight - reachableWeight,
  };
}
