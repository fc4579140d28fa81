import { MEDIAN_CRITERION, requiredMarginDb } from '../../../domain/coverage/location-variability.js';
import { MAIN_OPERATOR, operatorCodes, operatorOf } from '../../../domain/coverage/operators.js';
import type { CoverageParams } from './coverage-params.js';
import type { CoverTest } from './predict-tile.js';
import type { GridSite } from './site-signal.js';

/**
 * The run's operators (main operator first: bit 0) and, per site, its operator's bit and the margin its
 * median level needs over the threshold. Worker and main thread compute it alike from the same sites. A tile that
 * holds only some of the run's sites passes the run's operators, so its bits and sums are laid out as the run's.
 */
export function siteCoverTest(
  sites: readonly GridSite[],
  params: Partial<Pick<CoverageParams, 'coverageCriterion' | 'mainOperator'>>,
  runOperators?: readonly string[],
): { operators: string[]; cover: CoverTest; operatorBitOf: (site: GridSite) => number } {
  const mainOperator = params.mainOperator ?? MAIN_OPERATOR;
  const operators = runOperators ? [...runOperators] : operatorCodes(sites, mainOperator);
  const bits = new Map(operators.map((code, bit) => [code, bit]));
  const marginDbBySite = new Float64Array(sites.reduce((n, s) => Math.max(n, s.index + 1), 0));
  // Params stored before the criterion existed meant the median.
  const criterion = params.coverageCriterion ?? MEDIAN_CRITERION;
  for (const site of sites) marginDbBySite[site.index] = requiredMarginDb(criterion, site.environment);
  return {
    operators,
    cover: { operatorCount: operators.length, marginDbBySite },
    operatorBitOf: (site) => bits.get(operatorOf(site, mainOperator))!,
  };
}
