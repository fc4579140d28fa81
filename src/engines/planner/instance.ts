/** A maximal-covering instance: candidates cover demand points (CSR by candidate). */
export interface CoverInstance {
  candidateCount: number;
  demandCount: number;
  weight: Float64Array;
  candStart: Uint32Array;
  candDemand: Uint32Array;
  cost: Float64Array;
}
