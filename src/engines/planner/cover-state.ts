import type { CoverInstance } from './instance.js';

/**
 * Which demand points a set of candidates covers, as a count of chosen coverers per point, so that adding or
 * dropping one candidate costs only that candidate's list: a point is lost when its count falls from 1 to 0.
 */
export class CoverState {
  readonly coverCount: Uint32Array;
  readonly isChosen: Uint8Array;
  /** Chosen candidates in the order they were added. */
  readonly chosen: number[] = [];
  covered = 0;
  cost = 0;

  constructor(readonly instance: CoverInstance) {
    this.coverCount = new Uint32Array(instance.demandCount);
    this.isChosen = new Uint8Array(instance.candidateCount);
  }

  /** Weight that adding candidate c would newly cover. */
  gain(c: number): number {
    const { candStart, candDemand, weight } = this.instance;
    let sum = 0;
    for (let j = candStart[c]!, end = candStart[c + 1]!; j < end; j++) {
      const point = candDemand[j]!;
      if (this.coverCount[point] === 0) sum += weight[point]!;
    }
    return sum;
  }

  /** Weight that dropping the chosen candidate c would uncover (points it alone covers). */
  loss(c: number): number {
    const { candStart, candDemand, weight } = this.instance;
    let sum = 0;
    for (let j = candStart[c]!, end = candStart[c + 1]!; j < end; j++) {
      const point = candDemand[j]!;
      if (this.coverCount[point] === 1) sum += weight[point]!;
    }
    return sum;
  }

  add(c: number): void {
    if (this.isChosen[c]) throw new Error(`candidate ${c} is already chosen`);
    const { candStart, candDemand, weight } = this.instance;
    for (let j = candStart[c]!, end = candStart[c + 1]!; j < end; j++) {
      const point = candDemand[j]!;
      if (this.coverCount[point]!++ === 0) this.covered += weight[point]!;
    }
    this.isChosen[c] = 1;
    this.chosen.push(c);
    this.cost += this.instance.cost[c]!;
  }

  remove(c: number): void {
    if (!this.isChosen[c]) throw new Error(`candidate ${c} is not chosen`);
    const { candStart, candDemand, weight } = this.instance;
    for (let j = candStart[c]!, end = candStart[c + 1]!; j < end; j++) {
      const point = candDemand[j]!;
      if (--this.coverCount[point]! === 0) this.covered -= weight[point]!;
    }
    this.isChosen[c] = 0;
    this.chosen.splice(this.chosen.indexOf(c), 1);
    this.cost -= this.instance.cost[c]!;
  }
}

/** Covered weight of a set of candidates, summed in demand order so that equal sets give equal sums. */
export function coveredWeight(instance: CoverInstance, chosen: readonly number[]): number {
  const { candStart, candDemand, weight } = instance;
  const isCovered = new Uint8Array(instance.demandCount);
  for (const c of chosen) {
    for (let j = candStart[c]!, end = candStart[c + 1]!; j < end; j++) isCovered[candDemand[j]!] = 1;
  }
  let sum = 0;
  for (let i = 0; i < instance.demandCount; i++) if (isCovered[i]) sum += weight[i]!;
  return sum;
}
