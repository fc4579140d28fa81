import type { CoverInstance, PlanConstraints } from './instance.js';
import { fitsBudget, resolveRules } from './selection-rules.js';

export const BRUTE_FORCE_MAX_CANDIDATES = 15;

export interface ExactOptimum {
  objective: number;
  chosen: number[];
}

/**
 * The exact optimum by enumerating every candidate subset, a reference for tests of the heuristics and the bound.
 * Each point's coverers form a bit mask; a subset-sum (zeta) transform gives, for every set T, the weight of points
 * whose coverers all lie in T, so a subset S covers total − that of its complement.
 */
export function bruteForceOptimum(instance: CoverInstance, constraints: PlanConstraints): ExactOptimum {
  const n = instance.candidateCount;
  if (n > BRUTE_FORCE_MAX_CANDIDATES)
    throw new Error(`brute force takes at most ${BRUTE_FORCE_MAX_CANDIDATES} candidates, got ${n}`);
  const rules = resolveRules(instance, constraints);
  const full = (1 << n) - 1;
  const insideOnly = new Float64Array(1 << n);
  const coverers = new Uint32Array(instance.demandCount);
  for (let c = 0; c < n; c++) {
    for (let j = instance.candStart[c]!; j < instance.candStart[c + 1]!; j++)
      coverers[instance.candDemand[j]!]! |= 1 << c;
  }
  let total = 0;
  for (let i = 0; i < instance.demandCount; i++) {
    insideOnly[coverers[i]!]! += instance.weight[i]!;
    total += instance.weight[i]!;
  }
  for (let bit = 0; bit < n; bit++) {
    for (let set = 0; set <= full; set++) if (set & (1 << bit)) insideOnly[set]! += insideOnly[set ^ (1 << bit)]!;
  }
  let mandatoryMask = 0;
  let excludedMask = 0;
  for (const c of rules.mandatory) mandatoryMask |= 1 << c;
  for (let c = 0; c < n; c++) if (rules.isExcluded[c]) excludedMask |= 1 << c;
  let best: ExactOptimum = { objective: -1, chosen: [] };
  for (let set = 0; set <= full; set++) {
    if ((set & mandatoryMask) !== mandatoryMask || set & excludedMask) continue;
    let count = 0;
    let cost = 0;
    for (let c = 0; c < n; c++) {
      if (set & (1 << c)) {
        count++;
        cost += instance.cost[c]!;
      }
    }
    if (count > rules.maxSites || !fitsBudget(0, cost, rules.budget)) continue;
    const objective = total - insideOnly[full ^ set]!;
    if (objective > best.objective) {
      best = { objective, chosen: Array.from({ length: n }, (_, c) => c).filter((c) => set & (1 << c)) };
    }
  }
  return best;
}
