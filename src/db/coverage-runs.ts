import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from './database.js';
import { loadCatalogue } from './catalogue.js';
import { writeValues, type ValueChange } from './value-writes.js';
import type { WriteContext } from './audit-log.js';
import type { CoverageResult, CoverageRun, RunStatus } from '../domain/coverage/coverage-run-contract.js';
import { coveredPopulationCode, ensureCoverageIndicators, GRID_POPULATION_CODE } from './coverage-indicators.js';
import { Conflict, NotFound } from '../domain/errors.js';

export type { CoverageResult, CoverageRun, RunStatus, UnitCoverage } from '../domain/coverage/coverage-run-contract.js';

const SELECT_RUN = `select r.id, r.status, u.code as "rootUnit", r.period, r.params, r.inputs, r.tiles_total as "tilesTotal",
  r.tiles_done as "tilesDone", r.error, r.result, r.created_by as "createdBy",
  to_char(r.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "createdAt",
  to_char(r.started_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "startedAt",
  to_char(r.finished_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "finishedAt"
  from coverage_run r join org_unit u on u.id = r.root_unit_id`;

export async function findRun(db: Queryable, id: string): Promise<CoverageRun> {
  const [run] = await db.query<CoverageRun>(`${SELECT_RUN} where r.id = $1`, [id]);
  if (!run) throw new NotFound('coverage_run.not_found', `No coverage run has the id "${id}"`, undefined, { id });
  return run;
}

export async function listRuns(db: Queryable, limit = 50): Promise<CoverageRun[]> {
  return db.query<CoverageRun>(`${SELECT_RUN} order by r.created_at desc limit $1`, [limit]);
}

export async function createRun(
  db: Queryable,
  run: {
    rootUnitId: number;
    period: string;
    params: object;
    inputs: Record<string, string>;
    tilesTotal: number;
    createdBy: string;
  },
): Promise<string> {
  const id = randomUUID();
  await db.query(
    `insert into coverage_run (id, status, root_unit_id, period, params, inputs, tiles_total, created_by)
     values ($1, 'queued', $2, $3, $4, $5, $6, $7)`,
    [
      id,
      run.rootUnitId,
      run.period,
      JSON.stringify(run.params),
      JSON.stringify(run.inputs),
      run.tilesTotal,
      run.createdBy,
    ],
  );
  return id;
}

export async function markRunning(db: Queryable, id: string): Promise<void> {
  await db.query(
    `update coverage_run set status = 'running', started_at = coalesce(started_at, now()) where id = $1 and status = 'queued'`,
    [id],
  );
}

export async function recordProgress(db: Queryable, id: string, tilesDone: number): Promise<void> {
  await db.query(`update coverage_run set tiles_done = $2 where id = $1 and status = 'running'`, [id, tilesDone]);
}

/**
 * Asks a queued or running run to stop: a local run's workers stop inside the tile they hold, the queue's
 * workers before their next tile. Finished runs are left as they are.
 */
export async function cancelRun(db: Queryable, id: string): Promise<CoverageRun> {
  const run = await findRun(db, id);
  if (run.status === 'succeeded' || run.status === 'failed')
    throw new Conflict('coverage_run.finished', `Run ${id} has already ${run.status}`);
  await db.query(
    `update coverage_run set status = 'cancelled', finished_at = now() where id = $1 and status in ('queued', 'running')`,
    [id],
  );
  return findRun(db, id);
}

export async function isCancelled(db: Queryable, id: string): Promise<boolean> {
  const [row] = await db.query<{ status: RunStatus }>('select status from coverage_run where id = $1', [id]);
  return row?.status === 'cancelled';
}

export async function failRun(db: Queryable, id: string, error: string): Promise<void> {
  await db.query(
    `update coverage_run set status = 'failed', error = $2, finished_at = now() where id = $1 and status in ('queued', 'running')`,
    [id, error],
  );
}

/**
 * Writes a finished run's results in one transaction: the run's summary, and per unit the grid
 * population and the covered population per technology as indicator values for the run's period,
 * through the audited write path with the run's id, inputs and parameters as the reason. A cancelled
 * run writes nothing.
 */
export async function completeRun(
  db: Database,
  id: string,
  result: CoverageResult,
  context: Omit<WriteContext, 'reason' | 'source'>,
): Promise<CoverageRun> {
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ status: RunStatus }>('select status from coverage_run where id = $1 for update', [
      id,
    ]);
    if (!row) throw new NotFound('coverage_run.not_found', `No coverage run has the id "${id}"`, undefined, { id });
    if (row.status !== 'running')
      throw new Conflict('coverage_run.not_running', `Run ${id} is ${row.status}; its results are discarded`);
    const run = await findRun(tx, id);
    await ensureCoverageIndicators(tx, result.technologies);
    const catalogue = await loadCatalogue(tx);
    const changes: ValueChange[] = [];
    for (const unit of result.units) {
      const ref = catalogue.units.get(unit.unit);
      if (!ref) continue;
      changes.push({
        indicator: catalogue.indicators.get(GRID_POPULATION_CODE)!,
        unit: ref,
        period: run.period,
        value: Math.round(unit.population),
      });
      for (const technology of result.technologies) {
        changes.push({
          indicator: catalogue.indicators.get(coveredPopulationCode(technology))!,
          unit: ref,
          period: run.period,
          value: Math.round(unit.covered[technology] ?? 0),
        });
      }
    }
    const provenance = `coverage run ${id}; inputs ${JSON.stringify(run.inputs)}; params ${JSON.stringify(run.params)}`;
    await writeValues(
      tx,
      changes,
      { ...context, source: `coverage-run:${id}`, reason: provenance },
      { computedOutput: true },
    );
    await tx.query(
      `update coverage_run set status = 'succeeded', result = $2, tiles_done = tiles_total, finished_at = now() where id = $1`,
      [id, JSON.stringify(result)],
    );
    return findRun(tx, id);
  });
}

/** Marks a run as shared through the queue and stores what its workers need (see jobs/work-package.ts). */
export async function storeWorkPackage(db: Queryable, id: string, workPackage: Uint8Array): Promise<void> {
  await db.query('update coverage_run set distributed = true, work_package = $2 where id = $1', [id, workPackage]);
}

/** A distributed run's work package; null when the run has none. */
export async function findWorkPackage(db: Queryable, id: string): Promise<Uint8Array | null> {
  const [row] = await db.query<{ work_package: Uint8Array | null }>(
    'select work_package from coverage_run where id = $1',
    [id],
  );
  return row?.work_package ?? null;
}

/** The unit a run covers. */
export async function findRunRootUnit(db: Queryable, id: string): Promise<{ id: number; code: string } | null> {
  const [unit] = await db.query<{ id: number; code: string }>(
    'select u.id, u.code from coverage_run r join org_unit u on u.id = r.root_unit_id where r.id = $1',
    [id],
  );
  return unit ?? null;
}
