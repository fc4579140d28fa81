import type { CoverInstance } from './instance.js';

/** Demand-major CSR: point i is covered by candidates demandCand[demandStart[i] .. demandStart[i+1]-1], ascending. */
export interface DemandCoverers {
  demandStart: Uint32Array;
  demandCand: Uint32Array;
}

/** Transposes the candidate-major CSR in two passes (count, then fill), so rows come out ascending. */
export function transposeCover(instance: CoverInstance): DemandCoverers {
  const { candidateCount, demandCount, candStart, candDemand } = instance;
  const demandStart = new Uint32Array(demandCount + 1);
  for (let j = 0; j < candDemand.length; j++) demandStart[candDemand[j]! + 1]!++;
  for (let i = 0; i < demandCount; i++) demandStart[i + 1]! += demandStart[i]!;
  const fill = demandStart.slice(0, demandCount);
  const demandCand = new Uint32Array(candDemand.length);
  for (let c = 0; c < candidateCount; c++) {
    for (let j = candStart[c]!, end = candStart[c + 1]!; j < end; j++) demandCand[fill[candDemand[j]!]!++] = c;
  }
  return { demandStart, demandCand };
}
