import type { CoverInstance } from './instance.js';
import { seededRandom } from './seeded-random.js';

export interface InstanceSpec {
  seed: number;
  sideKm: number;
  candidateCount: number;
  demandCount: number;
  reachKm: { min: number; max: number };
  /** Towns the population gathers around; 0 spreads it evenly. */
  clusterCount?: number;
  /** Share of demand points placed around towns (0–1); the rest are spread evenly. */
  clusteredShare?: number;
  /** Cost of each candidate: 1 (the default, planning by count) or a seeded random cost in [min, max]. */
  costRange?: { min: number; max: number };
}

/** A standard normal draw (Box–Muller) from the seeded generator. */
function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** An instance with the positions it was drawn from, for tests that check coverage against distances. */
export interface PlacedInstance {
  instance: CoverInstance;
  pointXKm: Float64Array;
  pointYKm: Float64Array;
  siteXKm: Float64Array;
  siteYKm: Float64Array;
  reachKm: Float64Array;
}

export function generateInstance(spec: InstanceSpec): CoverInstance {
  return generatePlacedInstance(spec).instance;
}

/**
 * A random covering instance on a square: demand points (weight = residents, more in towns), candidates each
 * covering the points within its reach. Points are numbered by grid cell, so each candidate's list comes out
 * ascending from a scan of the 3 × 3 cells around it.
 */
export function generatePlacedInstance(spec: InstanceSpec): PlacedInstance {
  const { sideKm, candidateCount, demandCount, reachKm } = spec;
  const clusterCount = spec.clusterCount ?? 30;
  const clusteredShare = clusterCount > 0 ? (spec.clusteredShare ?? 0.7) : 0;
  const random = seededRandom(spec.seed);
  const clamp = (v: number) => Math.min(sideKm, Math.max(0, v));
  const towns = Array.from({ length: clusterCount }, () => ({
    x: random() * sideKm,
    y: random() * sideKm,
    spreadKm: (0.5 + random() * 2.5) * (sideKm / 150),
  }));
  const placeNearTown = (): [number, number] => {
    const town = towns[Math.floor(random() * towns.length)]!;
    return [clamp(town.x + normal(random) * town.spreadKm), clamp(town.y + normal(random) * town.spreadKm)];
  };

  const rawX = new Float64Array(demandCount);
  const rawY = new Float64Array(demandCount);
  const rawWeight = new Float64Array(demandCount);
  for (let i = 0; i < demandCount; i++) {
    const inTown = random() < clusteredShare;
    const [x, y] = inTown ? placeNearTown() : [random() * sideKm, random() * sideKm];
    rawX[i] = x;
    rawY[i] = y;
    rawWeight[i] = Math.round((inTown ? 40 : 8) * Math.exp(normal(random) * 0.8));
  }

  const cellKm = Math.max(reachKm.max, sideKm / 4096);
  const cellsPerSide = Math.max(1, Math.ceil(sideKm / cellKm));
  const cellOf = (x: number, y: number) =>
    Math.min(cellsPerSide - 1, Math.floor(y / cellKm)) * cellsPerSide +
    Math.min(cellsPerSide - 1, Math.floor(x / cellKm));
  // Counting sort of points by cell: point numbers follow cell order.
  const cellStart = new Uint32Array(cellsPerSide * cellsPerSide + 1);
  const rawCell = new Uint32Array(demandCount);
  for (let i = 0; i < demandCount; i++) cellStart[(rawCell[i] = cellOf(rawX[i]!, rawY[i]!)) + 1]!++;
  for (let c = 0; c < cellsPerSide * cellsPerSide; c++) cellStart[c + 1]! += cellStart[c]!;
  const fill = cellStart.slice();
  const x = new Float64Array(demandCount);
  const y = new Float64Array(demandCount);
  const weight = new Float64Array(demandCount);
  for (let i = 0; i < demandCount; i++) {
    const at = fill[rawCell[i]!]!++;
    x[at] = rawX[i]!;
    y[at] = rawY[i]!;
    weight[at] = rawWeight[i]!;
  }

  const cost = new Float64Array(candidateCount).fill(1);
  const siteXKm = new Float64Array(candidateCount);
  const siteYKm = new Float64Array(candidateCount);
  const siteReachKm = new Float64Array(candidateCount);
  const candStart = new Uint32Array(candidateCount + 1);
  let candDemand = new Uint32Array(Math.max(1024, demandCount * 4));
  let used = 0;
  for (let c = 0; c < candidateCount; c++) {
    // Operators put sites where people are, so half the candidates sit near towns.
    const [cx, cy] = clusterCount > 0 && random() < 0.5 ? placeNearTown() : [random() * sideKm, random() * sideKm];
    const reach = reachKm.min + random() * (reachKm.max - reachKm.min);
    siteXKm[c] = cx;
    siteYKm[c] = cy;
    siteReachKm[c] = reach;
    if (spec.costRange) cost[c] = spec.costRange.min + random() * (spec.costRange.max - spec.costRange.min);
    const col = Math.min(cellsPerSide - 1, Math.floor(cx / cellKm));
    const row = Math.min(cellsPerSide - 1, Math.floor(cy / cellKm));
    for (let r = Math.max(0, row - 1); r <= Math.min(cellsPerSide - 1, row + 1); r++) {
      const first = r * cellsPerSide + Math.max(0, col - 1);
      const last = r * cellsPerSide + Math.min(cellsPerSide - 1, col + 1);
      for (let i = cellStart[first]!, end = cellStart[last + 1]!; i < end; i++) {
        const dx = x[i]! - cx;
        const dy = y[i]! - cy;
        if (dx * dx + dy * dy > reach * reach) continue;
        if (used === candDemand.length) {
          const grown = new Uint32Array(used * 2);
          grown.set(candDemand);
          candDemand = grown;
        }
        candDemand[used++] = i;
      }
    }
    candStart[c + 1] = used;
  }
  const instance = { candidateCount, demandCount, weight, candStart, candDemand: candDemand.slice(0, used), cost };
  return { instance, pointXKm: x, pointYKm: y, siteXKm, siteYKm, reachKm: siteReachKm };
}
