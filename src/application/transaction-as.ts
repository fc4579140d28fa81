import type { Database, Queryable, TransactionOptions } from '../db/database.js';
import { REQUEST_ROLE } from '../db/migrate.js';
import { unitIdsBelow } from '../db/org-units.js';
import { actorScope, type Actor } from '../domain/auth/actor.js';
import type { Action } from '../domain/auth/permissions.js';

/** '*' (everywhere), or the ids of the actor's units and all below them, for the actions that share a setting. */
async function unitSetting(tx: Queryable, actor: Actor, actions: readonly Action[]): Promise<string> {
  const scopes = actions.map((action) => actorScope(actor, action)).filter((s) => s !== null);
  if (scopes.length === 0) return '';
  if (scopes.includes('all') || actor.unitIds === null) return '*';
  return (await unitIdsBelow(tx, actor.unitIds)).join(',');
}

async function indicatorSetting(tx: Queryable, actor: Actor): Promise<string> {
  if (actor.party === null) return '*';
  const rows = await tx.query<{ id: number }>(
    'select id from indicator where reporting_party is null or reporting_party = $1 order by id',
    [actor.party],
  );
  return rows.map((row) => row.id).join(',');
}

/**
 * Scopes the transaction to the actor for row-level security: it switches to the request role and states which
 * units (and, for a party's staff, indicators) it may write. SET LOCAL ends with the transaction.
 */
export async function applyActorScope(tx: Queryable, actor: Actor): Promise<void> {
  const [writeUnits, targetUnits, approvalUnits, indicators] = [
    await unitSetting(tx, actor, ['value.write', 'value.import']),
    await unitSetting(tx, actor, ['target.write']),
    await unitSetting(tx, actor, ['approval.submit', 'approval.approve', 'approval.reopen']),
    await indicatorSetting(tx, actor),
  ];
  await tx.query(
    `select set_config('dx.write_units', $1, true), set_config('dx.target_units', $2, true),
            set_config('dx.approval_units', $3, true), set_config('dx.write_indicators', $4, true),
            set_config('dx.actor', $5, true)`,
    [writeUnits, targetUnits, approvalUnits, indicators, actor.name],
  );
  await tx.exec(`set local role ${REQUEST_ROLE}`);
}

/**
 * One transaction on behalf of an actor: a request's writes run under row-level security, so even a query that
 * forgot its unit filter cannot change rows outside the actor's units. System jobs are not restricted.
 */
export function transactionAs<T>(
  db: Database,
  actor: Actor,
  work: (tx: Queryable) => Promise<T>,
  options?: TransactionOptions,
): Promise<T> {
  return db.transaction(async (tx) => {
    if (actor.kind !== 'system') await applyActorScope(tx, actor);
    return work(tx);
  }, options);
}
