// Solves the maximal-covering MIP with HiGHS, blocking the thread it runs on (highs-worker.ts runs it off the API's).
import highsExports, { type Highs } from 'highs';
import { DomainError } from '../../domain/errors.js';
import type { CoverInstance, PlanConstraints } from './instance.js';
import { chosenCandidates, coveredWeight, mapCoverColumns, startColumnValues, writeCoverLp } from './highs-model.js';

export interface ExactOptions {
  /** HiGHS's own time limit (its clock starts once the model is read, so building and reading it come on top). */
  timeLimitS?: number;
  /**
   * Relative gap at which HiGHS may stop and call the solution optimal. 0 by default (proven optimal up to HiGHS's
   * absolute gap of 1e-6); HiGHS's own default is 1e-4.
   */
  relativeGap?: number;
  /**
   * A feasible plan to start from (the greedy's, say): HiGHS then has an incumbent from the first second, so a time
   * limit never ends with a worse plan than this one. Checked by solve-exact.ts.
   */
  start?: readonly number[];
}

export type ExactStatus = 'optimal' | 'time_limit';

/**
 * What HiGHS reports while it runs, so that a caller that has to end the thread (HiGHS does not always stop at its
 * time limit: a root-node phase of minutes between checks was seen) still has the best plan and bound so far.
 */
export interface ExactProgress {
  /** Once the model is read: the bound that holds before HiGHS proves any, and the model's size. */
  onModel?(coverableWeight: number, modelRows: number, modelColumns: number): void;
  onIncumbent?(chosen: number[], objective: number): void;
  onBound?(bound: number): void;
}

export interface ExactSolution {
  /** Chosen candidates, ascending. */
  chosen: number[];
  /** Covered weight of `chosen`, counted from the instance (not HiGHS's objective, which it matches to tolerance). */
  objective: number;
  /** HiGHS's proven bound on the best objective: optimal means bound − objective is within the gap asked for. */
  bound: number;
  status: ExactStatus;
  /** Seconds HiGHS ran, reading the model excluded (for an answer at the deadline: the call's wall-clock seconds). */
  solverSeconds: number;
  /** Rows and columns of the model HiGHS was given, to size a run. */
  modelRows: number;
  modelColumns: number;
}

/**
 * The package is CommonJS to TypeScript, which therefore types the default import as the whole `module.exports` (the
 * loader under `.default`); Node loads the package's ES build, whose default export is the loader itself.
 */
const highsLoader = highsExports as unknown as (typeof highsExports)['default'];

let runtime: Promise<Highs> | null = null;

/** HiGHS's runtime, loaded once per thread (about 70 ms). */
function loadHighs(): Promise<Highs> {
  runtime ??= highsLoader();
  return runtime;
}

/**
 * The best plan HiGHS finds within the time limit and the bound it proves. The instance and constraints are assumed
 * validated (validate-instance.ts): the mandatory sites alone then always make a feasible plan.
 */
export async function solveCoverWithHighs(
  instance: CoverInstance,
  constraints: PlanConstraints,
  options: ExactOptions = {},
  progress: ExactProgress = {},
): Promise<ExactSolution> {
  const lp = writeCoverLp(instance, constraints);
  const mandatory = [...(constraints.mandatory ?? [])].sort((a, b) => a - b);
  if (lp.modelledDemandCount === 0)
    return {
      chosen: mandatory,
      objective: 0,
      bound: 0,
      status: 'optimal',
      solverSeconds: 0,
      modelRows: 0,
      modelColumns: 0,
    };

  const highs = await loadHighs();
  const model = highs.createModel({ format: 'lp', data: lp.text });
  try {
    model.options.set({
      output_flag: false,
      mip_rel_gap: options.relativeGap ?? 0,
      ...(options.timeLimitS !== undefined ? { time_limit: options.timeLimitS } : {}),
    });
    const { numRows, numCols } = model.getDimensions();
    progress.onModel?.(lp.coverableWeight, numRows, numCols);
    const columns = mapCoverColumns(instance, numCols, (column) => model.getColName(column));
    if (options.start) model.setSolution({ colValue: startColumnValues(instance, columns, numCols, options.start) });
    const { callbackType } = highs.constants;
    // The bound comes with the MIP's checkpoints (its logging channel stays silent with output off).
    const reportBound = (bound: number | undefined) => {
      if (typeof bound === 'number' && Number.isFinite(bound)) progress.onBound?.(Math.min(bound, lp.coverableWeight));
    };
    const { modelStatus } = model.run({
      [callbackType.mipImprovingSolution]: (event) => {
        const values = event.data.mip_solution;
        if (values && progress.onIncumbent) {
          const chosen = chosenCandidates(lp, columns, values);
          progress.onIncumbent(chosen, coveredWeight(instance, chosen));
        }
        reportBound(event.data.mip_dual_bound);
      },
      [callbackType.mipInterrupt]: (event) => {
        reportBound(event.data.mip_dual_bound);
      },
    });
    const { optimal, timeLimit } = highs.constants.modelStatus;
    if (modelStatus !== optimal && modelStatus !== timeLimit)
      throw new DomainError('internal', `HiGHS stopped with model status ${modelStatus} on the covering model`);
    const hasSolution = model.info.get('primal_solution_status') === highs.constants.solutionStatus.feasible;
    // No incumbent (a time limit hit early, no start given): the mandatory sites alone are the plan.
    let chosen = mandatory;
    if (hasSolution) {
      const values = model.getSolution().colValue;
      chosen = chosenCandidates(lp, columns, values);
    }
    const objective = coveredWeight(instance, chosen);
    // Before HiGHS has a bound of its own (a time limit hit early) the coverable weight is still one.
    const dualBound = Number(model.info.get('mip_dual_bound'));
    const bound = Math.max(
      objective,
      Number.isFinite(dualBound) ? Math.min(dualBound, lp.coverableWeight) : lp.coverableWeight,
    );
    return {
      chosen,
      objective,
      bound,
      status: modelStatus === optimal ? 'optimal' : 'time_limit',
      solverSeconds: model.getRunTime(),
      modelRows: numRows,
      modelColumns: numCols,
    };
  } finally {
    model.dispose();
  }
}
