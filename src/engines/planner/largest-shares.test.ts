import { describe, expect, it } from 'vitest';
import { largestShares } from './largest-shares.js';
import { resolveRules } from './selection-rules.js';

describe('largestShares', () => {
  it('takes the largest positive shares up to the site count, ties to the lower index, none excluded', () => {
    const shares = Float64Array.of(0.2, 0.9, 0, 0.5, 0.9, 1, 0.5);
    const rules = resolveRules({ candidateCount: 7 } as never, { maxSites: 4, excluded: [5] });
    expect(largestShares(shares, rules)).toEqual([1, 4, 3, 6]);
    const byBudget = resolveRules({ candidateCount: 7 } as never, { budget: 3 });
    expect(largestShares(shares, byBudget)).toEqual([5, 1, 4, 3, 6, 0]);
  });
});
