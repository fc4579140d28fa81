import { expect, it } from 'vitest';
import { resolveRules } from './selection-rules.js';
import { stateFromSelection } from './selection-start.js';
import { smallInstance } from './test-instances.js';

it('orders the selection by gain after the mandatory sites, within the limits and never excluded', () => {
  const instance = smallInstance(3);
  const rules = resolveRules(instance, { maxSites: 4, mandatory: [0], excluded: [5] });
  const state = stateFromSelection(instance, rules, [2, 5, 7, 8, 9, 10, 11]);
  expect(state.chosen[0]).toBe(0);
  expect(state.chosen.length).toBeLessThanOrEqual(4);
  expect(state.chosen).not.toContain(5);
  for (const c of state.chosen.slice(1)) expect([2, 7, 8, 9, 10, 11]).toContain(c);
  // Each later pick gains no more than the one before it would have at its turn: greedy order.
  const replay = stateFromSelection(instance, rules, state.chosen.slice(1).reverse());
  expect(replay.chosen).toEqual(state.chosen);
});
