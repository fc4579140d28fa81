import { CoverState } from './cover-state.js';
import type { CoverInstance } from './instance.js';
import { greedyFill } from './lazy-greedy.js';
import { hasBudget, type SelectionRules } from './selection-rules.js';

/**
 * A plan made of a given set of candidates (such as the Lagrangian relaxation's choice), in a build order: mandatory
 * sites first, then the set's members by greedy gain, within the rules' limits.
 */
export function stateFromSelection(
  instance: CoverInstance,
  rules: SelectionRules,
  selection: readonly number[],
): CoverState {
  const state = new CoverState(instance);
  for (const c of rules.mandatory) state.add(c);
  const outside = new Uint8Array(instance.candidateCount).fill(1);
  for (const c of selection) if (!rules.isExcluded[c]) outside[c] = 0;
  greedyFill(state, { ...rules, isExcluded: outside }, hasBudget(rules));
  return state;
}
