import { describe, expect, it } from 'vitest';
import { Invalid } from '../../domain/errors.js';
import type { CoverInstance, PlanConstraints } from './instance.js';
import { validateInstance } from './validate-instance.js';

/** Two candidates over three points: 0 covers {0, 1}, 1 covers {1, 2}. */
function small(overrides: Partial<CoverInstance> = {}): CoverInstance {
  return {
    candidateCount: 2,
    demandCount: 3,
    weight: Float64Array.of(1, 2, 3),
    candStart: Uint32Array.of(0, 2, 4),
    candDemand: Uint32Array.of(0, 1, 1, 2),
    cost: Float64Array.of(1, 1),
    ...overrides,
  };
}

function fieldOf(instance: CoverInstance, constraints?: PlanConstraints): string | undefined {
  try {
    validateInstance(instance, constraints);
  } catch (err) {
    expect(err).toBeInstanceOf(Invalid);
    return (err as Invalid).details?.[0]?.path;
  }
  return undefined;
}

describe('validateInstance', () => {
  it('accepts a well-formed instance and constraints', () => {
    expect(fieldOf(small(), { maxSites: 1, mandatory: [0], excluded: [1] })).toBeUndefined();
  });

  it.each([
    ['weight', small({ weight: Float64Array.of(1, 2) })],
    ['weight[1]', small({ weight: Float64Array.of(1, -2, 3) })],
    ['cost[0]', small({ cost: Float64Array.of(0, 1) })],
    ['cost', small({ cost: Float64Array.of(1) })],
    ['candStart', small({ candStart: Uint32Array.of(0, 4) })],
    ['candStart[2]', small({ candStart: Uint32Array.of(0, 2, 3) })],
    ['candDemand[1]', small({ candDemand: Uint32Array.of(1, 0, 1, 2) })],
    ['candDemand[3]', small({ candDemand: Uint32Array.of(0, 1, 1, 1) })],
    ['candDemand[3]', small({ candDemand: Uint32Array.of(0, 1, 1, 3) })],
    ['demandCount', small({ demandCount: -1 })],
  ])('names %s', (field, instance) => expect(fieldOf(instance)).toBe(field));

  it.each<[string, PlanConstraints]>([
    ['maxSites', {}],
    ['maxSites', { maxSites: 1.5 }],
    ['budget', { budget: -1 }],
    ['mandatory[0]', { maxSites: 2, mandatory: [0], excluded: [0] }],
    ['mandatory[1]', { maxSites: 2, mandatory: [0, 0] }],
    ['excluded[0]', { maxSites: 2, excluded: [2] }],
    ['mandatory', { maxSites: 1, mandatory: [0, 1] }],
    ['mandatory', { budget: 1.5, mandatory: [0, 1] }],
  ])('names %s in the constraints', (field, constraints) => expect(fieldOf(small(), constraints)).toBe(field));

  it('says which code and candidate in its message', () => {
    expect(() => validateInstance(small(), { maxSites: 2, mandatory: [1], excluded: [1] })).toThrow(
      expect.objectContaining({ code: 'planner.constraints', message: expect.stringContaining('candidate 1') }),
    );
  });
});
