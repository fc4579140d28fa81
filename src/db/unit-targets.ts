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

export interface UnitTargets {
  targets: EffectiveTarget[];
  source: TargetSource;
}

/**
 * The baseline and targets that apply to a unit: its own, or, without any, those read off the nearest
 * ancestor up to the province that has some (percentages as they are, amounts split by population).
 * Read-only: an inherited target is never stored. A unit below the indicator's reporting level gets none.
 */
export async function effectiveTargets(db: Queryable, indicator: Indicator, unit: StoredUnit): Promise<UnitTargets> {
  return (await effectiveTargetsOfUnits(db, indicator, [unit])).get(unit.id)!;
}

/**
 * effectiveTargets for many units at once (a table of a province's communes): own targets in one query, and
 * each ancestor and its peers looked up once per parent rather than once per unit.
 */
export async function effectiveTargetsOfUnits(
  db: Queryable,
  indicator: Indicator,
  units: readonly StoredUnit[],
): Promise<Map<number, UnitTargets>> {
  const ownByUnit = await ownTargetsOf(
    db,
    indicator.id,
    units.map((u) => u.id),
  );
  const ancestors = new Map<string, Promise<{ unit: StoredUnit; targets: EffectiveTarget[] } | null>>();
  const peersOf = new Map<string, Promise<{ unitCode: string; weight: number }[]>>();
  const result = new Map<number, UnitTargets>();
  for (const unit of units) {
    const own = ownByUnit.get(unit.id) ?? [];
    if (own.length > 0 || !unit.parentCode || LEVEL_DEPTH[unit.level] > LEVEL_DEPTH[indicator.reportingLevel]) {
      result.set(unit.id, effectiveTargetsOf(own, null));
      continue;
    }
    const parentCode = unit.parentCode;
    if (!ancestors.has(parentCode)) ancestors.set(parentCode, nearestAncestorWithTargets(db, indicator, parentCode));
    const ancestor = await ancestors.get(parentCode)!;
    if (!ancestor) {
      result.set(unit.id, effectiveTargetsOf(own, null));
      continue;
    }
    const peersKey = `${ancestor.unit.id}:${unit.level}`;
    if (!peersOf.has(peersKey))
      peersOf.set(
        peersKey,
        unitsAtLevelBelow(db, ancestor.unit.id, unit.level).then((peers) =>
          peers.map((peer) => ({ unitCode: peer.code, weight: peer.population ?? 0 })),
        ),
      );
    const weights = await peersOf.get(peersKey)!;
    result.set(unit.id, effectiveTargetsOf(own, inheritedTargets(ancestor.targets, indicator, unit.code, weights)));
  }
  return result;
}

async function ownTargetsOf(
  db: Queryable,
  indicatorId: number,
  unitIds: readonly number[],
): Promise<Map<number, EffectiveTarget[]>> {
  const byUnit = new Map<number, EffectiveTarget[]>();
  if (unitIds.length === 0) return byUnit;
  const rows = await db.query<EffectiveTarget & { unitId: number } & Record<string, unknown>>(
    `select org_unit_id as "unitId", year, kind, value, is_demo as "isDemo" from indicator_target
     where indicator_id = $1 and org_unit_id = any($2::int[]) order by org_unit_id, year, kind`,
    [indicatorId, unitIds],
  );
  for (const { unitId, ...target } of rows) {
    const list = byUnit.get(unitId) ?? [];
    list.push(target);
    byUnit.set(unitId, list);
  }
  return byUnit;
}

async function nearestAncestorWithTargets(
  db: Queryable,
  indicator: Indicator,
  firstParentCode: string,
): Promise<{ unit: StoredUnit; targets: EffectiveTarget[] } | null> {
  let parentCode: string | null = firstParentCode;
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
