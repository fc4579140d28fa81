/**
 * DEMO ONLY — the synthetic coverage scenario of the demo province, assembled for the coverage engine
 * (`runCoverageModel`): analysis grid over the demo communes, synthetic terrain and population, and the
 * calibrated synthetic network from demo-sites.json (see calibrate-demo-network.ts). Nothing here is
 * real data: the point is a province whose computed coverage matches the reported figures
 * (4G 99.21 %, 2G 99.56 % of the population, 72 5G sites).
 */
import { analysisGridFor, toGridPolygons } from '../../engines/coverage/analysis-grid.js';
import { DEFAULT_COVERAGE_PARAMS, type CoverageParams } from '../../engines/coverage/predict/coverage-params.js';
import type { GridSite } from '../../engines/coverage/predict/site-signal.js';
import type { SiteRecord } from '../../domain/coverage/site-record.js';
import type { GridSpec } from '../../engines/coverage/raster/raster.js';
import { rasterizeUnits, type ZoneMap } from '../../engines/coverage/zones/rasterize-units.js';
import { buildDemoUnits, type DemoUnit } from '../demo-province.js';
import { loadGiaLaiUnits } from '../gia-lai-units.js';
import { generateProvinceGeometry } from '../province-geometry.js';
import { demoPopulation } from './demo-population.js';
import { demoTerrain } from './demo-terrain.js';
import { loadDemoSites } from './demo-network.js';
import { toGridSites } from '../../engines/coverage/grid-sites.js';
import { demoOtherOperatorSites } from './demo-operators.js';

/** Analysis grid cell size of the demo scenario (the calibration holds at this resolution only). */
export const DEMO_COVERAGE_CELL_M = 200;
/** Margin around the communes' bounding box, so sites just outside the province still count. */
export const DEMO_GRID_MARGIN_M = 3000;

/**
 * The engine parameters the demo network was calibrated with: the defaults (thresholds "good":
 * 2G −95 dBm RSSI, 4G −105 dBm RSRP, outdoor) at the demo resolution. `tileCells` only splits the work
 * (results do not depend on it): 2 × 2 tiles of the ≈1,100 × 850-cell grid suit a 2-core pool, since every
 * tile sweeps each site reaching it in full.
 */
export const DEMO_COVERAGE_PARAMS: CoverageParams = {
  ...DEFAULT_COVERAGE_PARAMS,
  cellSizeM: DEMO_COVERAGE_CELL_M,
  tileCells: 560,
};

/** Reported figures the demo is calibrated to (Gia Lai, 2025). */
export const DEMO_COVERAGE_TARGETS = { '4G': 99.21, '2G': 99.56, sites5G: 72 } as const;

type Boundary = Parameters<typeof analysisGridFor>[0][number];

export interface DemoCoverageBase {
  grid: GridSpec;
  dem: Float32Array;
  population: Float32Array;
  zones: ZoneMap;
  /** Commune codes, in zone-map order. */
  unitCodes: string[];
  /** The demo communes (same order as `unitCodes`). */
  communes: DemoUnit[];
}

export interface DemoCoverageScenario extends DemoCoverageBase {
  /**
   * The calibrated synthetic sites (the main operator's, naming none), then the two other operators'
   * (demo-operators.ts), WGS 84, as the sites importer gives them.
   */
  sites: SiteRecord[];
  /** The same sites on the analysis grid, for `runCoverageModel`. */
  gridSites: GridSite[];
}

/** Grid, terrain, zones and population of the demo province: everything but the network. */
export function buildDemoCoverageBase(cellSizeM = DEMO_COVERAGE_CELL_M): DemoCoverageBase {
  const inputs = loadGiaLaiUnits();
  const communes = buildDemoUnits(inputs, generateProvinceGeometry(inputs)).filter((u) => u.level === 'commune');
  const boundaries = communes.map((u) => u.boundary as Boundary);
  const grid = analysisGridFor(boundaries, cellSizeM, DEMO_GRID_MARGIN_M);
  const zones = rasterizeUnits(
    boundaries.map((b) => toGridPolygons(b, grid)),
    grid.width,
    grid.height,
  );
  const dem = demoTerrain(grid);
  const population = demoPopulation(grid, dem, zones, communes);
  return { grid, dem, population, zones, unitCodes: communes.map((u) => u.code), communes };
}

/** The whole demo scenario for the engine, with the calibrated network of demo-sites.json and two other operators. */
export function buildDemoCoverageScenario(): DemoCoverageScenario {
  const base = buildDemoCoverageBase();
  const main = loadDemoSites();
  const sites = [...main, ...demoOtherOperatorSites(main)];
  return { ...base, sites, gridSites: toGridSites(sites, base.grid) };
}
