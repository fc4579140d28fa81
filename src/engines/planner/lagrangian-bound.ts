import type { CoverInstance } from './instance.js';
import { hasBudget, type SelectionRules } from './selection-rules.js';

export interface BoundOptions {
  /** Best covered weight known (a plan's objective): the Polyak step's target, and a stop when the gap closes. */
  bestKnown: number;
  maxIterations?: number;
  /** Stop once (bound − bestKnown)/bound is at most this. */
  targetGap?: number;
  deadline?: number;
  isCancelled?: () => boolean;
  /** Called now and then with the share of maxIterations done. */
  onProgress?: (fraction: number) => void;
}

export interface BoundResult {
  /** The least L(λ) seen; every L(λ) bounds the optimum from above. */
  bound: number;
  iterations: number;
}

/**
 * Selects candidates by reduced value (score) under the rules, fractionally where the budget's LP allows: mandatory
 * sites always, then the best scores per site (count) or per cost (budget). With both limits the smaller of the two
 * relaxations is used; both are upper bounds on the selection with both limits. Writes x and returns Σ x·score.
 */
function selectByScore(
  instance: CoverInstance,
  rules: SelectionRules,
  score: Float64Array,
  order: Uint32Array,
  x: Float64Array,
): number {
  const { candidateCount, cost } = instance;
  let fixedValue = 0;
  let fixedCost = 0;
  let free = 0;
  for (let c = 0; c < candidateCount; c++) {
    if (rules.isMandatory[c]) {
      fixedValue += score[c]!;
      fixedCost += cost[c]!;
    } else if (!rules.isExcluded[c] && score[c]! > 0) order[free++] = c;
  }
  const candidates = order.subarray(0, free);
  x.fill(0);
  for (const c of rules.mandatory) x[c] = 1;
  const room = Math.min(free, rules.maxSites - rules.mandatory.length);
  let countValue = Infinity;
  if (Number.isFinite(rules.maxSites)) {
    candidates.sort((a, b) => score[b]! - score[a]! || a - b);
    countValue = fixedValue;
    for (let r = 0; r < room; r++) countValue += score[candidates[r]!]!;
  }
  if (hasBudget(rules)) {
    const byRatio = Uint32Array.from(candidates).sort((a, b) => score[b]! / cost[b]! - score[a]! / cost[a]! || a - b);
    let left = rules.budget - fixedCost;
    let budgetValue = fixedValue;
    const picks: [number, number][] = [];
    for (const c of byRatio) {
      if (left <= 0) break;
      const share = Math.min(1, left / cost[c]!);
      budgetValue += share * score[c]!;
      left -= share * cost[c]!;
      picks.push([c, share]);
    }
    if (budgetValue <= countValue) {
      for (const [c, share] of picks) x[c] = share;
      return budgetValue;
    }
  }
  for (let r = 0; r < room; r++) x[candidates[r]!] = 1;
  return countValue;
}

/**
 * Lagrangian bound for maximal covering. Relaxing "point i counts only if a chosen site covers it" with λ_i ∈ [0, w_i]
 * gives L(λ) = Σ_i (w_i − λ_i) + max over allowed selections x of Σ_c x_c Σ_{i∈c} λ_i, an upper bound on the optimum
 * for every λ. L is minimised by projected subgradient steps (g_i = Σ_{c∋i} x_c − z_i, z_i = [λ_i < w_i]) with
 * Polyak's step towards the best known objective, halving the step factor when the bound stalls.
 */
export function lagrangianBound(instance: CoverInstance, rules: SelectionRules, options: BoundOptions): BoundResult {
  const { candidateCount, demandCount, weight, candStart, candDemand } = instance;
  const maxIterations = options.maxIterations ?? 2000;
  const targetGap = options.targetGap ?? 0;
  // Start from each point's weight shared among its coverers: far closer to the optimum than λ = w, which makes
  // L(λ) the sum of the top sites' whole coverage, overlaps counted again and again.
  const lambda = new Float64Array(demandCount);
  for (let j = 0; j < candDemand.length; j++) lambda[candDemand[j]!]! += 1;
  for (let i = 0; i < demandCount; i++) lambda[i] = weight[i]! / Math.max(1, lambda[i]!);
  const score = new Float64Array(candidateCount);
  const order = new Uint32Array(candidateCount);
  const x = new Float64Array(candidateCount);
  const coverX = new Float64Array(demandCount);
  const step = new Float64Array(demandCount);
  let totalWeight = 0;
  for (let i = 0; i < demandCount; i++) totalWeight += weight[i]!;
  let bestValue = Infinity;
  let theta = 2;
  let sinceImproved = 0;
  let iterations = 0;
  while (iterations < maxIterations && !options.isCancelled?.()) {
    if (options.deadline !== undefined && performance.now() > options.deadline) break;
    iterations++;
    if (iterations % 50 === 0) options.onProgress?.(iterations / maxIterations);
    let value = 0;
    for (let i = 0; i < demandCount; i++) value += weight[i]! - lambda[i]!;
    for (let c = 0; c < candidateCount; c++) {
      let s = 0;
      for (let j = candStart[c]!, end = candStart[c + 1]!; j < end; j++) s += lambda[candDemand[j]!]!;
      score[c] = s;
    }
    value += selectByScore(instance, rules, score, order, x);
    if (value < bestValue * (1 - 1e-12)) {
      bestValue = value;
      sinceImproved = 0;
    } else if (++sinceImproved >= 20) {
      theta /= 2;
      sinceImproved = 0;
    }
    const bound = Math.min(bestValue, totalWeight);
    if (bound - options.bestKnown <= targetGap * bound || theta < 1e-6) break;
    coverX.fill(0);
    for (let c = 0; c < candidateCount; c++) {
      const share = x[c]!;
      if (share === 0) continue;
      for (let j = candStart[c]!, end = candStart[c + 1]!; j < end; j++) coverX[candDemand[j]!]! += share;
    }
    let norm = 0;
    for (let i = 0; i < demandCount; i++) {
      const g = coverX[i]! - (lambda[i]! < weight[i]! ? 1 : 0);
      // A component the projection would cancel does not move λ and must not shrink the step.
      const blocked = (g < 0 && lambda[i]! >= weight[i]!) || (g > 0 && lambda[i]! <= 0);
      step[i] = blocked ? 0 : g;
      norm += step[i]! * step[i]!;
    }
    if (norm === 0) break; // the selection covers each point exactly once where it counts: L is at its minimum
    const t = (theta * Math.max(value - options.bestKnown, 1e-9 * value)) / norm;
    for (let i = 0; i < demandCount; i++) {
      const next = lambda[i]! - t * step[i]!;
      lambda[i] = next < 0 ? 0 : next > weight[i]! ? weight[i]! : next;
    }
  }
  return { bound: Math.min(bestValue, totalWeight), iterations }; // covering everything bounds it too
}
