import type { SelectionRules } from './selection-rules.js';

/**
 * The candidates with the largest positive shares of a fractional choice, as many as the site count allows (all
 * with a share under a budget alone, since greedy filling then picks among them), ties to the lower index.
 */
export function largestShares(shares: Float64Array, rules: SelectionRules): number[] {
  const order: number[] = [];
  for (let c = 0; c < shares.length; c++) if (shares[c]! > 0 && !rules.isExcluded[c]) order.push(c);
  order.sort((a, b) => shares[b]! - shares[a]! || a - b);
  return Number.isFinite(rules.maxSites) ? order.slice(0, rules.maxSites) : order;
}
