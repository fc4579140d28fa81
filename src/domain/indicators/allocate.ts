import { Invalid } from '../errors.js';

/**
 * Splits a whole-number total over weights by the largest-remainder method: the parts are whole
 * numbers, sum exactly to the total, and each is within one of its exact share. Ties go to the
 * earlier index, so the split is deterministic.
 */
export function allocateWholeNumbers(total: number, weights: readonly number[]): number[] {
  if (!Number.isInteger(total) || total < 0)
    throw new Invalid('allocate.total', `total must be a whole number ≥ 0, got ${total}`);
  if (weights.some((w) => !(w >= 0) || !Number.isFinite(w)))
    throw new Invalid('allocate.weight', 'weights must be finite and ≥ 0');
  const weightSum = weights.reduce((a, b) => a + b, 0);
  if (weights.length === 0 || weightSum === 0) {
    if (total === 0) return weights.map(() => 0);
    throw new Invalid('allocate.weight', `cannot split ${total} over weights that are all zero`);
  }
  const exact = weights.map((w) => (total * w) / weightSum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({ i, remainder: x - Math.floor(x) }))
    .sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left -= 1) parts[order[k]!.i]! += 1;
  return parts;
}
