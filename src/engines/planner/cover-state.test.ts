import { expect, it } from 'vitest';
import { CoverState, coveredWeight } from './cover-state.js';
import { seededRandom } from './seeded-random.js';
import { smallInstance } from './test-instances.js';

it('never loses coverage when a site is added, and gains exactly gain(c)', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    const instance = smallInstance(seed);
    const state = new CoverState(instance);
    for (let c = 0; c < instance.candidateCount; c++) {
      const before = state.covered;
      const gain = state.gain(c);
      state.add(c);
      expect(state.covered).toBeGreaterThanOrEqual(before);
      expect(state.covered).toBeCloseTo(before + gain, 9);
      expect(state.covered).toBeCloseTo(coveredWeight(instance, state.chosen), 9);
    }
  }
});

it('loses exactly loss(c) when a site is dropped', () => {
  const random = seededRandom(9);
  const instance = smallInstance(9);
  const state = new CoverState(instance);
  for (let c = 0; c < instance.candidateCount; c++) if (random() < 0.6) state.add(c);
  for (const c of [...state.chosen]) {
    const expected = state.covered - state.loss(c);
    state.remove(c);
    expect(state.covered).toBeCloseTo(expected, 9);
    expect(state.covered).toBeCloseTo(coveredWeight(instance, state.chosen), 9);
  }
  expect(state.covered).toBeCloseTo(0, 9);
});
