import { zonalSums, type ZoneMap } from '../coverage/zones/rasterize-units.js';
import type { UnitFlags } from './demand.js';

/** One unit's population coverage by the technology now and after each phase of a plan (cumulative). */
export interface UnitEffect {
  unit: number;
  population: number;
  coveredBefore: number;
  /** Covered people after phase 1, after phases 1–2, … (one entry for an unphased plan). */
  coveredAfter: number[];
}

export interface PlanEffects {
  units: UnitEffect[];
  /** The whole area: population, covered now, covered after each phase. */
  total: { population: number; coveredBefore: number; coveredAfter: number[] };
  /** How many border / economic-zone units reach `thresholdShare` now and after each phase. */
  reachingThreshold: {
    thresholdShare: number;
    border: { units: number; before: number; after: number[] };
    economicZone: { units: number; before: number; after: number[] };
  };
}

/**
 * What a plan does to each unit: people covered now (`coveredNow`, 1 per covered cell), and after each
 * phase's sites are added to those of the earlier phases. Computed on the same cells and shares as a
 * coverage run's sums, so "before" is the run's figure for the same network and terrain.
 */
export function planEffects(
  zones: ZoneMap,
  population: Float32Array,
  units: readonly UnitFlags[],
  coveredNow: Uint8Array,
  phases: readonly (readonly Uint32Array[])[],
  thresholdShare: number,
): PlanEffects {
  const covered = Uint8Array.from(coveredNow);
  const before = zonalSums(zones, population, covered, units.length);
  const after: Float64Array[] = [];
  for (const phase of phases) {
    for (const cells of phase) for (let k = 0; k < cells.length; k++) covered[cells[k]!] = 1;
    after.push(zonalSums(zones, population, covered, units.length).covered);
  }
  const unitEffects: UnitEffect[] = units.map((_, unit) => ({
    unit,
    population: before.population[unit]!,
    coveredBefore: before.covered[unit]!,
    coveredAfter: after.map((sums) => sums[unit]!),
  }));
  const sum = (xs: Float64Array) => xs.reduce((a, b) => a + b, 0);
  const reaching = (flag: keyof UnitFlags) => {
    const members = unitEffects.filter((u) => units[u.unit]![flag]);
    const passes = (covered: number, people: number) => people > 0 && covered / people >= thresholdShare;
    return {
      units: members.length,
      before: members.filter((u) => passes(u.coveredBefore, u.population)).length,
      after: after.map((_, p) => members.filter((u) => passes(u.coveredAfter[p]!, u.population)).length),
    };
  };
  return {
    units: unitEffects,
    total: {
      population: sum(before.population),
      coveredBefore: sum(before.covered),
      coveredAfter: after.map(sum),
    },
    reachingThreshold: { thresholdShare, border: reaching('isBorder'), economicZone: reaching('isEconomicZone') },
  };
}
