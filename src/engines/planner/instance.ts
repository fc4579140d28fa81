/**
 * The planner's solver works on plain typed arrays so that it can run in a worker thread and be handed a province's
 * coverage (millions of demand points) without copying it into objects.
 */

/** A maximal-covering instance: candidates cover demand points (CSR by candidate). */
export interface CoverInstance {
  candidateCount: number;
  demandCount: number;
  /** Weight of each demand point (people × weights), ≥ 0. */
  weight: Float64Array;
  /** candidate c covers demand candDemand[candStart[c] .. candStart[c+1]-1], ascending, no duplicates. */
  candStart: Uint32Array; // length candidateCount + 1
  candDemand: Uint32Array;
  /** Cost of each candidate (> 0); 1 for every candidate when planning by site count. */
  cost: Float64Array;
}

export interface PlanConstraints {
  /** At most this many sites in total (mandatory included), and/or at most this total cost. At least one is given. */
  maxSites?: number;
  budget?: number;
  /** Candidates that must be built; they come first in the build order. */
  mandatory?: readonly number[];
  /** Candidates that may not be built. */
  excluded?: readonly number[];
}

export interface PlanSolution {
  /** Chosen candidates in the order they were picked (build order; mandatory first). */
  chosen: number[];
  /** Covered weight. */
  objective: number;
  cost: number;
  /** Proven upper bound on the best objective under the same constraints; gap = (bound − objective)/bound. */
  upperBound: number;
  gap: number;
  /** ms spent per stage, e.g. { merge, greedy, localSearch, bound }. */
  timings: Record<string, number>;
}
