import type { CoverInstance, PlanConstraints } from './instance.js';

/** Constraints in the form the solver's loops test: absent limits are infinite, exclusion is a mask. */
export interface SelectionRules {
  maxSites: number;
  budget: number;
  mandatory: readonly number[];
  isMandatory: Uint8Array;
  isExcluded: Uint8Array;
}

export function resolveRules(instance: CoverInstance, constraints: PlanConstraints): SelectionRules {
  const isMandatory = new Uint8Array(instance.candidateCount);
  const isExcluded = new Uint8Array(instance.candidateCount);
  for (const c of constraints.mandatory ?? []) isMandatory[c] = 1;
  for (const c of constraints.excluded ?? []) isExcluded[c] = 1;
  return {
    maxSites: constraints.maxSites ?? Infinity,
    budget: constraints.budget ?? Infinity,
    mandatory: constraints.mandatory ?? [],
    isMandatory,
    isExcluded,
  };
}

/** Whether the rules limit total cost, so that the greedy weighs gain against cost. */
export function hasBudget(rules: SelectionRules): boolean {
  return Number.isFinite(rules.budget);
}

/** Costs are sums of floats, so a plan that spends the budget exactly must not fail on rounding. */
export function fitsBudget(spent: number, extra: number, budget: number): boolean {
  return spent + extra <= budget * (1 + 1e-12) + 1e-12;
}
