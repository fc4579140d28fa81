import { DomainError } from '../../domain/errors.js';
import { startModuleWorker } from '../../start-worker.js';
import type { CoverInstance, PlanConstraints } from './instance.js';
import type { ExactJob, ExactReply } from './exact-messages.js';
import type { ExactOptions, ExactSolution } from './solve-cover-highs.js';
import { checkStartPlan } from './start-plan.js';
import { validateInstance } from './validate-instance.js';

export interface SolveExactOptions extends ExactOptions {
  /** Aborting ends the worker thread, and with it HiGHS, at once; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
}

export interface SolveExactResult extends ExactSolution {
  /** Wall-clock seconds of the whole call: starting the thread, writing and reading the model, solving. */
  seconds: number;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The exact solve was aborted', 'AbortError');
}

/**
 * Solves a covering instance exactly with HiGHS in a worker thread of its own, so the caller's thread is never
 * blocked. HiGHS stops at `timeLimitS` with the best plan found and its proven bound (status 'time_limit').
 * Bad input is refused here, before a thread starts, with an Invalid naming the field.
 */
export async function solveExact(
  instance: CoverInstance,
  constraints: PlanConstraints,
  options: SolveExactOptions = {},
): Promise<SolveExactResult> {
  const { signal, ...exact } = options;
  validateInstance(instance, constraints);
  if (exact.start) checkStartPlan(instance, constraints, exact.start);
  if (signal?.aborted) throw abortReason(signal);
  const startedMs = performance.now();
  const worker = startModuleWorker(import.meta.url, './highs-worker');
  let lastError: Error | null = null;
  try {
    return await new Promise<SolveExactResult>((resolve, reject) => {
      const onAbort = () => reject(abortReason(signal!));
      signal?.addEventListener('abort', onAbort, { once: true });
      const settle = () => signal?.removeEventListener('abort', onAbort);
      worker.on('message', (reply: ExactReply) => {
        settle();
        if (reply.ok) resolve({ ...reply.solution, seconds: (performance.now() - startedMs) / 1000 });
        else reject(new DomainError(reply.error.code, `exact solve: ${reply.error.message}`));
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
    void worker.terminate(); // settled promises ignore the 'exit' this causes
  }
}
