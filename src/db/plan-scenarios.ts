import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from './database.js';
import { appendAudit, type WriteContext } from './audit-log.js';
import { Conflict, NotFound } from '../domain/errors.js';
import type { PlanSettings } from '../domain/planner/plan-settings.js';
import type { PlanScenario, PlanStatus } from '../domain/planner/plan-contract.js';

export type { PlanScenario } from '../domain/planner/plan-contract.js';

const SELECT_SCENARIO = `select s.id, s.name, s.status, u.code as "rootUnit", s.coverage_run_id as "coverageRunId",
  s.settings, s.stage, s.progress, s.result, s.error, s.created_by as "createdBy",
  to_char(s.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "createdAt",
  to_char(s.started_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "startedAt",
  to_char(s.finished_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "finishedAt"
  from plan_scenario s join org_unit u on u.id = s.root_unit_id`;

export async function findScenario(db: Queryable, id: string): Promise<PlanScenario> {
  const [row] = await db.query<PlanScenario>(`${SELECT_SCENARIO} where s.id = $1`, [id]);
  if (!row) throw new NotFound('plan.not_found', `No plan scenario has the id "${id}"`, undefined, { id });
  return row;
}

/** The newest first, without their results (a list compares names, status and headline figures). */
export async function listScenarios(db: Queryable, limit = 100): Promise<PlanScenario[]> {
  return db.query<PlanScenario>(`${SELECT_SCENARIO} order by s.created_at desc, s.id limit $1`, [limit]);
}

type Audit = Pick<WriteContext, 'actor' | 'requestId'>;
const context = (audit: Audit): WriteContext => ({ ...audit, reason: null, source: 'api' });

export async function createScenario(
  db: Database,
  scenario: { rootUnitId: number; coverageRunId: string | null; settings: PlanSettings },
  audit: Audit,
): Promise<string> {
  const id = randomUUID();
  await db.transaction(async (tx) => {
    await tx.query(
      `insert into plan_scenario (id, name, status, root_unit_id, coverage_run_id, settings, created_by)
       values ($1, $2, 'queued', $3, $4, $5, $6)`,
      [
        id,
        scenario.settings.name,
        scenario.rootUnitId,
        scenario.coverageRunId,
        JSON.stringify(scenario.settings),
        audit.actor,
      ],
    );
    await appendAudit(tx, context(audit), [
      { action: 'plan.create', entity: 'plan_scenario', entityKey: { id }, oldValue: null, newValue: { ...scenario } },
    ]);
  });
  return id;
}

export async function markScenarioRunning(db: Queryable, id: string): Promise<void> {
  await db.query(
    `update plan_scenario set status = 'running', started_at = coalesce(started_at, now()) where id = $1 and status = 'queued'`,
    [id],
  );
}

export async function recordScenarioProgress(
  db: Queryable,
  id: string,
  stage: string,
  progress: number,
): Promise<void> {
  await db.query(`update plan_scenario set stage = $2, progress = $3 where id = $1 and status = 'running'`, [
    id,
    stage,
    progress,
  ]);
}

async function finish(
  db: Database,
  id: string,
  status: Exclude<PlanStatus, 'queued' | 'running'>,
  fields: { result?: unknown; error?: string },
  audit: Audit,
): Promise<PlanScenario> {
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ status: PlanStatus }>('select status from plan_scenario where id = $1 for update', [
      id,
    ]);
    if (!row) throw new NotFound('plan.not_found', `No plan scenario has the id "${id}"`, undefined, { id });
    // A scenario cancelled while it was finishing stays cancelled.
    if (row.status !== 'queued' && row.status !== 'running') return findScenario(tx, id);
    await tx.query(
      `update plan_scenario set status = $2, result = $3, error = $4, progress = case when $2 = 'succeeded' then 1 else progress end,
         finished_at = now() where id = $1`,
      [id, status, fields.result === undefined ? null : JSON.stringify(fields.result), fields.error ?? null],
    );
    await appendAudit(tx, context(audit), [
      {
        action: status === 'succeeded' ? 'plan.complete' : status === 'failed' ? 'plan.fail' : 'plan.cancel',
        entity: 'plan_scenario',
        entityKey: { id },
        oldValue: { status: row.status },
        newValue: status === 'failed' ? { status, error: fields.error ?? null } : { status },
      },
    ]);
    return findScenario(tx, id);
  });
}

export const completeScenario = (db: Database, id: string, result: unknown, audit: Audit) =>
  finish(db, id, 'succeeded', { result }, audit);

export const failScenario = (db: Database, id: string, error: string, audit: Audit) =>
  finish(db, id, 'failed', { error }, audit);

/** Stops a queued or running scenario (its worker stops at once); a finished one answers 409. */
export async function cancelScenario(db: Database, id: string, audit: Audit): Promise<PlanScenario> {
  const scenario = await findScenario(db, id);
  if (scenario.status === 'succeeded' || scenario.status === 'failed')
    throw new Conflict('plan.finished', `Plan scenario ${id} has already ${scenario.status}`);
  if (scenario.status === 'cancelled') return scenario;
  return finish(db, id, 'cancelled', {}, audit);
}

export async function isScenarioCancelled(db: Queryable, id: string): Promise<boolean> {
  const [row] = await db.query<{ status: PlanStatus }>('select status from plan_scenario where id = $1', [id]);
  return row?.status === 'cancelled';
}

/** Removes a finished scenario (its audit records stay). */
export async function deleteScenario(db: Database, id: string, audit: Audit): Promise<void> {
  const scenario = await findScenario(db, id);
  if (scenario.status === 'queued' || scenario.status === 'running')
    throw new Conflict('plan.running', `Plan scenario ${id} is still ${scenario.status}: cancel it first`);
  await db.transaction(async (tx) => {
    await tx.query('delete from plan_scenario where id = $1', [id]);
    await appendAudit(tx, context(audit), [
      {
        action: 'plan.delete',
        entity: 'plan_scenario',
        entityKey: { id },
        oldValue: { name: scenario.name },
        newValue: null,
      },
    ]);
  });
}
