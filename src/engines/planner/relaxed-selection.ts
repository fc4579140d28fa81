import type { CoverInstance } from './instance.js';
import { fitsBudget, hasBudget, type SelectionRules } from './selection-rules.js';

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
export function selectByScore(
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
