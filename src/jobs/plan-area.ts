import type { SiteRecord } from '../domain/coverage/site-record.js';
import { buildDemoCoverageScenario, DEMO_COVERAGE_PARAMS } from '../demo/coverage/demo-scenario.js';
import type { CoverageParams } from '../engines/coverage/predict/coverage-params.js';
import type { PlanArea } from '../engines/planner/plan-inputs.js';

/** Where a plan's area, network and model parameters come from. */
export type PlanAreaSource = { kind: 'demo'; params?: Partial<CoverageParams> };

export interface LoadedPlanArea {
  area: PlanArea;
  sites: SiteRecord[];
  params: CoverageParams;
}

/**
 * The demo province as a plan's area: the synthetic terrain, people and communes (with their border and
 * economic-zone flags) and the calibrated network, on the grid and with the parameters the demo's coverage runs
 * use, so "covered now" is the demo run's 5G. CPU-heavy (seconds): called in the plan's worker thread.
 */
export function loadPlanArea(source: PlanAreaSource): LoadedPlanArea {
  const scenario = buildDemoCoverageScenario();
  const params = { ...DEMO_COVERAGE_PARAMS, ...source.params, cellSizeM: DEMO_COVERAGE_PARAMS.cellSizeM };
  return {
    area: {
      grid: scenario.grid,
      dem: scenario.dem,
      population: scenario.population,
      zones: scenario.zones,
      units: scenario.communes.map((c) => ({ isBorder: c.isBorder, isEconomicZone: c.isEconomicZone })),
      unitCodes: scenario.unitCodes,
      unitNames: scenario.communes.map((c) => c.nameVi),
      unitTypes: scenario.communes.map((c) => c.unitType),
    },
    sites: scenario.sites,
    params,
  };
}
