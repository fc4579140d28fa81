import { generateInstance } from './generate-instance.js';
import type { CoverInstance } from './instance.js';

/** Small seeded instances for the solver's tests: few enough candidates to enumerate, costs between 1 and 3. */
export function smallInstance(seed: number, candidateCount = 12): CoverInstance {
  return generateInstance({
    seed,
    sideKm: 12,
    candidateCount,
    demandCount: 80,
    reachKm: { min: 1.5, max: 3.5 },
    clusterCount: 3,
    costRange: { min: 1, max: 3 },
  });
}
