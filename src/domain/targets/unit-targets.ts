import { Invalid } from '../errors.js';
import type { IndicatorRule } from '../indicators/indicator-rule.js';
import { splitTarget } from './trajectory.js';

/**
 * A unit's effective targets: its own when it has any, otherwise read off the province's on the fly
 * (nothing is stored), so that a commune officer sees progress before anyone splits targets down.
 */

export interface TargetValue {
  year: number;
  kind: 'baseline' | 'target';
  value: number;
}

export type TargetSource = 'own' | 'split_from_province' | 'none';

/**
 * How a province's target passes down to a unit: a rate or share (a percent, an average, a highest or
 * lowest value) applies as it is; an amount summed over units is split by population; a share of units
 * meeting a threshold has no meaning for one unit, so it passes down not at all.
 */
export function targetInheritance(
  rule: Pick<IndicatorRule, 'valueType' | 'unitAggregation'>,
): 'as_is' | 'split' | 'none' {
  if (rule.unitAggregation === 'share_meeting') return 'none';
  if (rule.unitAggregation !== 'sum') return 'as_is';
  return rule.valueType === 'percent' || rule.valueType === 'boolean' ? 'as_is' : 'split';
}

/**
 * The targets a unit inherits from an ancestor's. `weights` are the populations of every unit at the
 * unit's level under that ancestor (the unit among them), so that a count splits into the same whole
 * numbers as a stored split would, and the parts add up to the ancestor's target. Null when nothing can
 * be inherited: a share-of-units indicator, or an amount the unit has no known population to share in.
 */
export function inheritedTargets<T extends TargetValue>(
  ancestorTargets: readonly T[],
  rule: Pick<IndicatorRule, 'valueType' | 'unitAggregation'>,
  unitCode: string,
  weights: readonly { unitCode: string; weight: number }[],
): T[] | null {
  const inheritance = targetInheritance(rule);
  if (inheritance === 'none' || ancestorTargets.length === 0) return null;
  if (inheritance === 'as_is') return ancestorTargets.map((t) => ({ ...t }));
  const own = weights.find((w) => w.unitCode === unitCode);
  if (!own || !(own.weight > 0)) return null;
  try {
    return ancestorTargets.map((t) => ({
      ...t,
      value: splitTarget(t.value, weights, rule.valueType).find((part) => part.unitCode === unitCode)!.value,
    }));
  } catch (error) {
    // A target the split refuses (e.g. a fractional count) is shown as no target rather than a wrong one.
    if (error instanceof Invalid) return null;
    throw error;
  }
}

/** Own targets win; without any, the inherited ones; without those, none. */
export function effectiveTargetsOf<T extends TargetValue>(
  own: readonly T[],
  inherited: readonly T[] | null,
): { targets: T[]; source: TargetSource } {
  if (own.length > 0) return { targets: [...own], source: 'own' };
  if (inherited && inherited.length > 0) return { targets: [...inherited], source: 'split_from_province' };
  return { targets: [], source: 'none' };
}
