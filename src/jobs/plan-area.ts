import type { SiteRecord } from '../domain/coverage/site-record.js';
import { buildDemoCoverageScenario, DEMO_COVERAGE_PARAMS } from '../demo/coverage/demo-scenario.js';
import type { CoverageParams } from '../engines/coverage/predict/coverage-params.js';
import type { PlanArea } from '../engines/planner/plan-inputs.js';
import type { GeoJsonArea } from '../engines/coverage/analysis-grid.js';
import type { RasterSourceRef } from '../engines/coverage/raster/raster-source.js';
import type { GridSpec } from '../engines/coverage/raster/raster.js';
import { TileInputReader, tileZones } from '../engines/coverage/tile-inputs.js';

/** A unit of a plan's area read from files: its boundary and what the demand weights need. */
export interface PlanAreaUnit {
  code: string;
  name: string;
  unitType: string;
  isBorder: boolean;
  isEconomicZone: boolean;
  boundary: GeoJsonArea;
}

/**
 * Where a plan's area, network and model parameters come from: the demo province, or the files a coverage run
 * reads (terrain and population by window, on the run's one grid), with the units and sites already checked.
 */
export type PlanAreaSource =
  | { kind: 'demo'; params?: Partial<CoverageParams> }
  | {
      kind: 'files';
      grid: GridSpec;
      dem: RasterSourceRef[];
      population: RasterSourceRef[];
      units: PlanAreaUnit[];
      sites: SiteRecord[];
      params: CoverageParams;
    };

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
export async function loadPlanArea(source: PlanAreaSource): Promise<LoadedPlanArea> {
  if (source.kind === 'files') return loadFilesArea(source);
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

/** The area of a plan made from files: terrain and people read over the whole grid, the units burnt into it. */
async function loadFilesArea(source: Extract<PlanAreaSource, { kind: 'files' }>): Promise<LoadedPlanArea> {
  const { grid, units } = source;
  const whole = { x0: 0, y0: 0, width: grid.width, height: grid.height };
  const reader = await TileInputReader.open({ dem: source.dem, population: source.population });
  try {
    const dem = await reader.terrain(grid, whole);
    const population = await reader.people(grid, whole);
    return {
      area: {
        grid,
        dem,
        population,
        zones: tileZones(
          grid,
          whole,
          units.map((unit) => unit.boundary),
        ),
        units: units.map((unit) => ({ isBorder: unit.isBorder, isEconomicZone: unit.isEconomicZone })),
        unitCodes: units.map((unit) => unit.code),
        unitNames: units.map((unit) => unit.name),
        unitTypes: units.map((unit) => unit.unitType),
      },
      sites: source.sites,
      params: source.params,
    };
  } finally {
    await reader.close();
  }
}
