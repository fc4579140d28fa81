import type { Direction } from './indicator-rule.js';

/**
 * Share of the target reached, 0–1, as Vietnamese reports state it ("đạt 99 % kế hoạch"):
 * current ÷ target when higher is better, target ÷ current when lower is better, capped at 1.
 * No value or a target of zero gives null: nothing meaningful to show.
 */
export function attainment(current: number | null, target: number | null, direction: Direction): number | null {
  if (current === null || target === null) return null;
  if (direction === 'higher') {
    if (target <= 0) return null;
    return clamp(current / target);
  }
  if (current <= 0) return 1; // at or below zero beats any non-negative target
  return clamp(target / current);
}

const clamp = (share: number) => Math.min(1, Math.max(0, share));

/** Straight-line value between a baseline and a target, for yearly targets in between. */
export function interpolateTarget(
  baseline: { year: number; value: number },
  target: { year: number; value: number },
  year: number,
): number {
  if (target.year === baseline.year) return target.value;
  const t = (year - baseline.year) / (target.year - baseline.year);
  return baseline.value + t * (target.value - baseline.value);
}
