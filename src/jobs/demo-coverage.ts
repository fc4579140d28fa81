import { createHash } from 'node:crypto';
import type { Queryable } from '../db/database.js';
import { isDemoUnitLoaded } from '../db/org-units.js';
import {
  buildDemoCoverageScenario,
  DEMO_COVERAGE_CELL_M,
  DEMO_COVERAGE_PARAMS,
} from '../demo/coverage/demo-scenario.js';
import { siteSetHash } from '../domain/coverage/site-hash.js';
import type { CoverageParams } from '../engines/coverage/predict/coverage-params.js';
import type { Technology } from '../domain/coverage/technology.js';
import { Invalid } from '../domain/errors.js';
import type { PreparedCoverage } from './coverage-inputs.js';

/**
 * The demo province's synthetic scenario (terrain, population, network) ready for the engine. Its grid
 * resolution is the one the network was calibrated at, so a different cell size is refused.
 */
export async function demoCoverageInputs(
  db: Queryable,
  technologies: Technology[],
  params: Partial<CoverageParams>,
): Promise<PreparedCoverage> {
  if (!(await isDemoUnitLoaded(db, '24')))
    throw new Invalid('coverage.demo_missing', 'The demo province is not loaded: run `dx-compact seed-demo` first');
  if (params.cellSizeM !== undefined && params.cellSizeM !== DEMO_COVERAGE_CELL_M) {
    throw new Invalid(
      'coverage.demo_cell',
      `The demo network was calibrated on ${DEMO_COVERAGE_CELL_M} m cells; leave cellSizeM out for the demo`,
    );
  }
  const scenario = buildDemoCoverageScenario();
  const keep = scenario.sites.map((s, i) => (technologies.includes(s.technology) ? i : -1)).filter((i) => i >= 0);
  const sites = keep.map((i) => scenario.sites[i]!);
  const gridSites = keep.map((i, index) => ({ ...scenario.gridSites[i]!, index }));
  const digest = (data: ArrayBufferView) =>
    createHash('sha256')
      .update(new Uint8Array(data.buffer, data.byteOffset, data.byteLength))
      .digest('hex');
  return {
    grid: scenario.grid,
    dem: scenario.dem,
    population: scenario.population,
    zones: scenario.zones,
    unitCodes: scenario.unitCodes,
    sites,
    gridSites,
    technologies,
    params: { ...DEMO_COVERAGE_PARAMS, ...params, cellSizeM: DEMO_COVERAGE_CELL_M },
    inputs: {
      dem: `demo:${digest(scenario.dem)}`,
      population: `demo:${digest(scenario.population)}`,
      sites: siteSetHash(sites),
    },
  };
}
