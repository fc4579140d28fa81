import { DomainError } from '../../domain/errors.js';
import { startModuleWorker } from '../../start-worker.js';
import type { CoverInstance, PlanConstraints } from './instance.js';
import type { ExactJob, ExactReply } from './exact-messages.js';
import { coveredWeight } from './highs-model.js';
import type { ExactOptions, ExactSolution } from './solve-cover-highs.js';
import { checkStartPlan } from './start-plan.js';
import { validateInstance } from './validate-instance.js';

export interface SolveExactOptions extends ExactOptions {
  /** Aborting ends the worker thread, and with it HiGHS, at once; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /**
   * Wall-clock seconds after which the thread is ended even though HiGHS has not stopped, and the answer is the last
   * incumbent and bound HiGHS reported. By default 10 s plus 10 % past `timeLimitS`; none without a time limit.
   */
  deadlineS?: number;
}

export interface SolveExactResult extends ExactSolution {
  /** Wall-clock seconds of the whole call: starting the thread, writing and reading the model, solving. */
  seconds: number;
  /** HiGHS overran the deadline and its thread was ended: the plan and bound are the last it reported. */
  endedAtDeadline: boolean;
}

function totalWeight(instance: CoverInstance): number {
  return instance.weight.reduce((sum, w) => sum + w, 0);
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The exact solve was aborted', 'AbortError');
}

/**
 * Solves a covering instance exactly with HiGHS in a worker thread of its own, so the caller's thread is never
 * blocked. HiGHS stops at `timeLimitS` with the best plan found and its proven bound (status 'time_limit'); should it
 * not (see ExactProgress), the deadline ends it. Bad input is refused here, before a thread starts, with an Invalid
 * naming the field.
 *
 * HiGHS's time grows with the model's rows: merge identical demand points first (same candidates, same optimum;
 * 50,000 points became 12,000–16,000 and the solve 3–9× faster), and pass the heuristic's plan as `start`, which
 * HiGHS's own heuristics took tens of seconds to match on such an instance.
 */
export async function solveExact(
  instance: CoverInstance,
  constraints: PlanConstraints,
  options: SolveExactOptions = {},
): Promise<SolveExactResult> {
  const { signal, deadlineS, ...exact } = options;
  validateInstance(instance, constraints);
  if (exact.start) checkStartPlan(instance, constraints, exact.start);
  if (signal?.aborted) throw abortReason(signal);
  const startedMs = performance.now();
  const seconds = () => (performance.now() - startedMs) / 1000;
  // The best known so far, for an answer at the deadline: a valid start, or the mandatory sites (always feasible).
  const initial = [...(exact.start ?? constraints.mandatory ?? [])].sort((a, b) => a - b);
  const best = { chosen: initial, objective: coveredWeight(instance, initial), bound: Infinity, rows: 0, columns: 0 };
  const worker = startModuleWorker(import.meta.url, './highs-worker');
  let lastError: Error | null = null;
  let deadline: NodeJS.Timeout | undefined;
  try {
    return await new Promise<SolveExactResult>((resolve, reject) => {
      const onAbort = () => reject(abortReason(signal!));
      signal?.addEventListener('abort', onAbort, { once: true });
      const settle = () => signal?.removeEventListener('abort', onAbort);
      const deadlineAt = deadlineS ?? (exact.timeLimitS === undefined ? undefined : exact.timeLimitS * 1.1 + 10);
      if (deadlineAt !== undefined)
        deadline = setTimeout(() => {
          settle();
          resolve({
            chosen: best.chosen,
            objective: best.objective,
            // Before the model is read, the total weight is the bound known.
            bound: Math.max(best.objective, Number.isFinite(best.bound) ? best.bound : totalWeight(instance)),
            status: 'time_limit',
            solverSeconds: seconds(),
            modelRows: best.rows,
            modelColumns: best.columns,
            seconds: seconds(),
            endedAtDeadline: true,
          });
        }, deadlineAt * 1000);
      worker.on('message', (reply: ExactReply) => {
        if (reply.kind === 'model') {
          best.bound = Math.min(best.bound, reply.coverableWeight);
          [best.rows, best.columns] = [reply.modelRows, reply.modelColumns];
        } else if (reply.kind === 'incumbent') {
          if (reply.objective > best.objective) [best.chosen, best.objective] = [reply.chosen, reply.objective];
        } else if (reply.kind === 'bound') best.bound = Math.min(best.bound, reply.bound);
        else {
          settle();
          if (reply.ok) resolve({ ...reply.solution, seconds: seconds(), endedAtDeadline: false });
          else reject(new DomainError(reply.error.code, `exact solve: ${reply.error.message}`));
        }
      });
      worker.on('error', (error: Error) => {
        lastError = error; // the thread exits next; 'exit' reports it
      });
      worker.on('exit', (code: number) => {
        settle();
        const why = lastError ? `failed: ${lastError.message}` : `exited (code ${code})`;
        reject(new DomainError('internal', `the exact solve's worker ${why} before answering`));
      });
      worker.postMessage({ instance, constraints, options: exact } satisfies ExactJob);
    });
  } finally {
    clearTimeout(deadline);
    void worker.terminate(); // settled promises ignore the 'exit' this causes
  }
}
