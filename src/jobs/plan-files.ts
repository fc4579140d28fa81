import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gridTransform, type GridSpec } from '../engines/coverage/raster/raster.js';
import { writeGeoTiffFile } from '../engines/coverage/raster/write-geotiff.js';
import { renderNewCoverage } from '../engines/planner/new-coverage.js';

/** The files of a scenario, in `<coverage folder>/plans/<id>/`. */
export const PLAN_FILES = { raster: 'new-coverage-5G.tif', layer: 'new-coverage-5G.png' } as const;

export function planFolder(coverageDir: string, scenarioId: string): string {
  return join(coverageDir, 'plans', scenarioId);
}

/**
 * Writes the cells the plan newly covers (the phase number, 0 elsewhere) as a COG for GIS tools and as the map's
 * PNG layer. Written into a temporary folder renamed at the end, so a failed write leaves no half set.
 */
export function writePlanFiles(
  folder: string,
  grid: GridSpec,
  phaseOf: Uint8Array,
  years: readonly (number | null)[],
): void {
  const part = `${folder}.part`;
  rmSync(part, { recursive: true, force: true });
  mkdirSync(part, { recursive: true });
  writeGeoTiffFile(join(part, PLAN_FILES.raster), {
    width: grid.width,
    height: grid.height,
    crs: grid.crs,
    transform: gridTransform(grid),
    noData: 0,
    data: phaseOf,
    description: '5G newly covered: phase',
    overviews: 'nearest',
    metadata: Object.fromEntries(years.map((year, p) => [`PHASE_${p + 1}`, year === null ? 'plan' : String(year)])),
  });
  writeFileSync(join(part, PLAN_FILES.layer), renderNewCoverage(phaseOf, grid.width, grid.height));
  rmSync(folder, { recursive: true, force: true });
  renameSync(part, folder);
}
