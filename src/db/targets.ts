import type { Queryable } from './database.js';
import { findTargets, type Indicator } from './indicators.js';
import { findUnit, listChildren, type StoredUnit } from './org-units.js';
import { rollUp } from './roll-ups.js';
import { appendAudit, type NewAuditEntry, type WriteContext } from './audit-log.js';
import { trajectory, splitTarget } from '../domain/targets/trajectory.js';
import { checkValue } from '../domain/indicators/value-check.js';
import { Invalid } from '../domain/errors.js';

export interface TargetRow {
  year: number;
  kind: 'baseline' | 'target';
  value: number;
}

/** Upserts baseline and yearly targets for one unit; each changed row is audited. */
export async function saveTargets(
  tx: Queryable,
  indicator: Indicator,
  unit: StoredUnit,
  rows: readonly TargetRow[],
  context: WriteContext,
): Promise<TargetRow[]> {
  const errors = rows.flatMap((row, i) => {
    const problem = checkValue(
      indicator.valueType === 'boolean' &&
        indicator.unitAggregation === 'share_meeting' &&
        unit.level !== indicator.reportingLevel
        ? 'percent'
        : indicator.valueType,
      row.value,
    );
    return problem ? [{ path: `body.targets[${i}].value`, message: problem }] : [];
  });
  if (errors.length > 0) throw new Invalid('target.invalid', errors.map((e) => e.message).join('; '), errors);
  const existing = await findTargets(tx, indicator.id, unit.id);
  const merged = new Map(existing.map((t) => [`${t.kind}:${t.year}`, t as TargetRow]));
  for (const row of rows) merged.set(`${row.kind}:${row.year}`, row);
  const baselines = [...merged.values()].filter((t) => t.kind === 'baseline').sort((a, b) => a.year - b.year);
  if (baselines.length > 0) {
    // Throws when a target falls on or before the baseline, or a year has two targets.
    trajectory([baselines.at(-1)!, ...[...merged.values()].filter((t) => t.kind === 'target')]);
  }
  const audit: NewAuditEntry[] = [];
  for (const row of rows) {
    const before = existing.find((t) => t.year === row.year && t.kind === row.kind);
    if (before && before.value === row.value) continue;
    await tx.query(
      `insert into indicator_target (indicator_id, org_unit_id, year, kind, value, source, is_demo, updated_by, updated_at)
       values ($1, $2, $3, $4, $5, $6, false, $7, now())
       on conflict (indicator_id, org_unit_id, year, kind) do update set value = excluded.value, source = excluded.source,
         is_demo = false, updated_by = excluded.updated_by, updated_at = now(), version = nextval('row_version_seq')`,
      [indicator.id, unit.id, row.year, row.kind, row.value, context.source, context.actor],
    );
    audit.push({
      action: before ? 'target.update' : 'target.insert',
      entity: 'indicator_target',
      entityKey: { indicator: indicator.code, unit: unit.code, year: row.year, kind: row.kind },
      oldValue: before ? { value: before.value } : null,
      newValue: { value: row.value },
    });
  }
  await appendAudit(tx, context, audit);
  return (await findTargets(tx, indicator.id, unit.id)).map(({ year, kind, value }) => ({ year, kind, value }));
}

/** The version of a unit's set of targets: the highest row version (every change takes a new, higher one). */
export function targetSetVersion(targets: readonly { version: number }[]): number {
  return targets.reduce((max, t) => Math.max(max, t.version), 0);
}

/**
 * Splits a unit's baseline and targets over the units directly below it, by population or by each
 * one's share of the baseline year's value. Counts split into whole numbers that add up exactly;
 * percents are not divided. A share-of-units target cannot be divided at all.
 */
export async function splitTargets(
  tx: Queryable,
  indicator: Indicator,
  unit: StoredUnit,
  by: 'population' | 'baseline',
  context: WriteContext,
): Promise<{ unit: string; targets: TargetRow[] }[]> {
  if (indicator.unitAggregation === 'share_meeting') {
    throw new Invalid(
      'target.split',
      `${indicator.code} is a share of units meeting a threshold; set each unit's target directly`,
    );
  }
  const targets = await findTargets(tx, indicator.id, unit.id);
  if (targets.length === 0)
    throw new Invalid('target.split', `${unit.code} has no targets for ${indicator.code} to split`);
  const children = await listChildren(tx, unit.code);
  if (children.length === 0) throw new Invalid('target.split', `${unit.code} has no units below it`);
  let weights: number[];
  if (by === 'population') {
    weights = children.map((c) => c.population ?? 0);
  } else {
    const baselineYear = targets.find((t) => t.kind === 'baseline')?.year ?? targets[0]!.year;
    weights = [];
    for (const child of children)
      weights.push((await rollUp(tx, indicator, await findUnit(tx, child.code), String(baselineYear))).value ?? 0);
  }
  const perChild = new Map<string, TargetRow[]>(children.map((c) => [c.code, []]));
  for (const target of targets) {
    const parts = splitTarget(
      target.value,
      children.map((c, i) => ({ unitCode: c.code, weight: weights[i]! })),
      indicator.valueType,
    );
    for (const part of parts)
      perChild.get(part.unitCode)!.push({ year: target.year, kind: target.kind, value: part.value });
  }
  const result = [];
  for (const child of children) {
    const saved = await saveTargets(tx, indicator, await findUnit(tx, child.code), perChild.get(child.code)!, context);
    result.push({ unit: child.code, targets: saved });
  }
  return result;
}
