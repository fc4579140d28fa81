import type { Database } from '../db/database.js';
import { findIndicator, findTargets } from '../db/indicators.js';
import { findUnit } from '../db/org-units.js';
import { lockWriters } from '../db/audit-log.js';
import { saveTargets, splitTargets, targetSetVersion, type TargetRow } from '../db/targets.js';
import type { Actor } from '../domain/auth/actor.js';
import { auditContext } from './audit-context.js';
import { requireUnits } from './authorize.js';
import { refuseStaleVersion } from './stale-version.js';
import { transactionAs } from './transaction-as.js';

/** A unit's baseline and targets for an indicator, with the version of the set (its ETag). */
export async function targetsOf(db: Database, indicatorCode: string, unitCode: string) {
  const indicator = await findIndicator(db, indicatorCode);
  const unit = await findUnit(db, unitCode);
  const targets = await findTargets(db, indicator.id, unit.id);
  return { indicator, unit, targets, version: targetSetVersion(targets) };
}

/** Sets a unit's baseline and yearly targets, if the actor may set them there and nobody changed them meanwhile. */
export async function saveTargetsAs(
  db: Database,
  actor: Actor,
  input: { indicator: string; unit: string; rows: readonly TargetRow[]; expectedVersion?: number | undefined },
  reason: string | null,
  requestId: string | null,
): Promise<{ targets: TargetRow[]; version: number }> {
  const indicator = await findIndicator(db, input.indicator);
  const unit = await findUnit(db, input.unit);
  await requireUnits(db, actor, 'target.write', [unit]);
  return transactionAs(db, actor, async (tx) => {
    await lockWriters(tx);
    const stored = await findTargets(tx, indicator.id, unit.id);
    refuseStaleVersion(input.expectedVersion, targetSetVersion(stored), {
      what: `the targets of ${indicator.code} for ${unit.code}`,
      current: stored,
      updatedBy: stored.map((t) => t.updatedBy).find((by) => by !== null) ?? null,
    });
    const targets = await saveTargets(tx, indicator, unit, input.rows, auditContext(actor, requestId, reason, 'api'));
    return { targets, version: targetSetVersion(await findTargets(tx, indicator.id, unit.id)) };
  });
}

/** Splits a unit's targets over the units below it (they all lie within the actor's units if the unit does). */
export async function splitTargetsAs(
  db: Database,
  actor: Actor,
  input: { indicator: string; unit: string; by: 'population' | 'baseline' },
  reason: string | null,
  requestId: string | null,
) {
  const indicator = await findIndicator(db, input.indicator);
  const unit = await findUnit(db, input.unit);
  await requireUnits(db, actor, 'target.write', [unit]);
  return transactionAs(db, actor, (tx) =>
    splitTargets(tx, indicator, unit, input.by, auditContext(actor, requestId, reason, 'api')),
  );
}
