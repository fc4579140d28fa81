import type { CoverInstance } from './instance.js';
import { fitsBudget, hasBudget, type SelectionRules } from './selection-rules.js';
import { transposeCover } from './transpose-cover.js';

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
  /** Candidates the relaxation takes whole at the best λ: a start for the swap search (Lagrangian heuristic). */
  selection: number[];
}

/** The k-th largest value (k ≥ 1) of values[0 .. length-1], by quickselect; reorders values. */
export function kthLargest(values: Float64Array, length: number, k: number): number {
  let lo = 0;
  let hi = length - 1;
  const target = k - 1; // position in descending order
  while (lo < hi) {
    const pivot = values[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! > pivot) i++;
      while (values[j]! < pivot) j--;
      if (i <= j) {
        const v = values[i]!;
        values[i++] = values[j]!;
        values[j--] = v;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else break;
  }
  return values[target]!;
}

/**
 * Writes the `room` best-scoring candidates (ties to the lower index) to `top` and returns how many it wrote.
 * Quickselect finds the threshold: sorting the indices on every iteration cost more than the rest of the iteration.
 */
function topScores(
  candidates: Uint32Array,
  score: Float64Array,
  room: number,
  buffer: Float64Array,
  top: Uint32Array,
): number {
  if (room <= 0) return 0;
  if (room >= candidates.length) {
    top.set(candidates);
    return candidates.length;
  }
  for (let r = 0; r < candidates.length; r++) buffer[r] = score[candidates[r]!]!;
  const threshold = kthLargest(buffer, candidates.length, room);
  let ties = room;
  for (const c of candidates) if (score[c]! > threshold) ties--;
  let at = 0;
  for (const c of candidates) {
    const s = score[c]!;
    if (s > threshold || (s === threshold && ties-- > 0)) top[at++] = c;
  }
  return at;
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
  buffer: Float64Array,
  x: Float64Array,
): number {
  const { candidateCount, cost } = instance;
  let fixedValue = 0;
  let fixedCost = 0;
  let free = 0;
  for (const c of rules.mandatory) {
    fixedValue += score[c]!;
    fixedCost += cost[c]!;
  }
  for (let c = 0; c < candidateCount; c++) {
    // A site dearer than what the mandatory ones leave of the budget is in no plan: leaving it out keeps the bound.
    if (rules.isMandatory[c] || rules.isExcluded[c] || !(score[c]! > 0)) continue;
    if (fitsBudget(fixedCost, cost[c]!, rules.budget)) order[free++] = c;
  }
  const candidates = order.subarray(0, free);
  x.fill(0);
  for (const c of rules.mandatory) x[c] = 1;
  const top = order.subarray(candidateCount); // the second half of the scratch space
  let topCount = 0;
  let countValue = Infinity;
  if (Number.isFinite(rules.maxSites)) {
    topCount = topScores(candidates, score, rules.maxSites - rules.mandatory.length, buffer, top);
    countValue = fixedValue;
    for (let r = 0; r < topCount; r++) countValue += score[top[r]!]!;
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
  for (let r = 0; r < topCount; r++) x[top[r]!] = 1;
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
  const { demandStart, demandCand } = transposeCover(instance);
  const maxIterations = options.maxIterations ?? 2000;
  const targetGap = options.targetGap ?? 0;
  // Start from each point's weight shared among its coverers: far closer to the optimum than λ = w, which makes
  // L(λ) the sum of the top sites' whole coverage, overlaps counted again and again.
  const lambda = new Float64Array(demandCount);
  for (let i = 0; i < demandCount; i++) lambda[i] = weight[i]! / Math.max(1, demandStart[i + 1]! - demandStart[i]!);
  const bestLambda = lambda.slice();
  const score = new Float64Array(candidateCount);
  const order = new Uint32Array(2 * candidateCount);
  const buffer = new Float64Array(candidateCount);
  const x = new Float64Array(candidateCount);
  const coverX = new Float64Array(demandCount);
  const step = new Float64Array(demandCount);
  const totalWeight = weight.reduce((sum, w) => sum + w, 0);
  const valueAt = (at: Float64Array, exactScores: boolean): number => {
    if (exactScores) scoreCandidates(instance, at, score);
    let value = 0;
    for (let i = 0; i < demandCount; i++) value += weight[i]! - at[i]!;
    return value + selectByScore(instance, rules, score, order, buffer, x);
  };
  let bestValue = Infinity;
  let theta = 2;
  let sinceImproved = 0;
  let iterations = 0;
  while (iterations < maxIterations && !options.isCancelled?.()) {
    if (options.deadline !== undefined && performance.now() > options.deadline) break;
    iterations++;
    if (iterations % 50 === 0) options.onProgress?.(iterations / maxIterations);
    // Scores follow λ incrementally; a full pass now and then keeps rounding from piling up.
    const value = valueAt(lambda, iterations % 64 === 1);
    if (value < bestValue * (1 - 1e-12)) {
      bestValue = value;
      bestLambda.set(lambda);
      sinceImproved = 0;
    } else if (++sinceImproved >= 20) {
      theta /= 2;
      sinceImproved = 0;
    }
    const bound = Math.min(bestValue, totalWeight);
    // Below a step factor of 1/256 the bound moved by under 0.01 % in trials: not worth the iterations.
    if (bound - options.bestKnown <= targetGap * bound || theta < 2 / 256) break;
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
      if (step[i] === 0) continue;
      const next = Math.min(weight[i]!, Math.max(0, lambda[i]! - t * step[i]!));
      const change = next - lambda[i]!;
      lambda[i] = next;
      for (let k = demandStart[i]!, end = demandStart[i + 1]!; k < end; k++) score[demandCand[k]!]! += change;
    }
  }
  // The best value was found on incrementally updated scores: evaluate its λ afresh so the bound is exact.
  const bound = iterations === 0 ? totalWeight : Math.min(valueAt(bestLambda, true), totalWeight);
  const selection: number[] = [];
  if (iterations > 0) for (let c = 0; c < candidateCount; c++) if (x[c] === 1) selection.push(c);
  return { bound, iterations, selection };
}

/** score_c = Σ_{i∈c} λ_i. */
function scoreCandidates(instance: CoverInstance, lambda: Float64Array, score: Float64Array): void {
  const { candStart, candDemand } = instance;
  for (let c = 0; c < instance.candidateCount; c++) {
    let s = 0;
    for (let j = candStart[c]!, end = candStart[c + 1]!; j < end; j++) s += lambda[candDemand[j]!]!;
    score[c] = s;
  }
}
