import type { Queryable } from './database.js';
import { findTargets, type Indicator, type TargetPoint } from './indicators.js';
import { findUnit, unitsAtLevelBelow, type StoredUnit } from './org-units.js';
import { LEVEL_DEPTH } from '../domain/indicators/indicator-rule.js';
import { effectiveTargetsOf, inheritedTargets, type TargetSource } from '../domain/targets/unit-targets.js';

export interface EffectiveTarget {
  year: number;
  kind: 'baseline' | 'target';
  value: number;
  isDemo: boolean;
}

/**
 * The baseline and targets that apply to a unit: its own, or, without any, those read off the nearest
 * ancestor up to the province that has some (percentages as they are, amounts split by population).
 * Read-only: an inherited target is never stored. A unit below the indicator's reporting level gets none.
 */
export async function effectiveTargets(
  db: Queryable,
  indicator: Indicator,
  unit: StoredUnit,
): Promise<{ targets: EffectiveTarget[]; source: TargetSource }> {
  const own = (await findTargets(db, indicator.id, unit.id)).map(toEffective);
  if (own.length > 0 || LEVEL_DEPTH[unit.level] > LEVEL_DEPTH[indicator.reportingLevel])
    return effectiveTargetsOf(own, null);
  const ancestor = await nearestAncestorWithTargets(db, indicator, unit);
  if (!ancestor) return effectiveTargetsOf(own, null);
  const peers = await unitsAtLevelBelow(db, ancestor.unit.id, unit.level);
  const weights = peers.map((peer) => ({ unitCode: peer.code, weight: peer.population ?? 0 }));
  return effectiveTargetsOf(own, inheritedTargets(ancestor.targets, indicator, unit.code, weights));
}

async function nearestAncestorWithTargets(
  db: Queryable,
  indicator: Indicator,
  unit: StoredUnit,
): Promise<{ unit: StoredUnit; targets: EffectiveTarget[] } | null> {
  let parentCode = unit.parentCode;
  while (parentCode) {
    const parent = await findUnit(db, parentCode);
    // The nation's targets are national figures, not a province's to pass on.
    if (LEVEL_DEPTH[parent.level] < LEVEL_DEPTH.province) return null;
    const targets = (await findTargets(db, indicator.id, parent.id)).map(toEffective);
    if (targets.length > 0) return { unit: parent, targets };
    parentCode = parent.parentCode;
  }
  return null;
}

function toEffective({ year, kind, value, isDemo }: TargetPoint): EffectiveTarget {
  return { year, kind, value, isDemo };
}
