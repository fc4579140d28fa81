import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ModelOutputs } from '../engines/coverage/run-model.js';
import { writeGeoTiffFile } from '../engines/coverage/raster/write-geotiff.js';
import { gridTransform, type GridSpec } from '../engines/coverage/raster/raster.js';
import { COVERAGE_THRESHOLDS_DBM } from '../domain/coverage/link-budget.js';
import type { SiteRecord } from '../domain/coverage/site-record.js';
import type { Technology } from '../domain/coverage/technology.js';
import { bestServerAuxXml, bestServerCsv, bestServerRows } from './best-server-table.js';
import type { PreparedCoverage } from './coverage-inputs.js';
import { writeUncoveredPlaces } from './uncovered-places.js';

/** The best-server band's value where no site reaches. */
export const NO_SERVER = 65535;

/** How a run's best-level band describes itself to GIS tools (overviews: the mean of the valid pixels). */
export function signalBand(tech: Technology) {
  return {
    noData: Number.NaN,
    description: COVERAGE_THRESHOLDS_DBM[tech].metric,
    unit: 'dBm',
    metadata: { TECHNOLOGY: tech },
  };
}

/** How a run's best-server band describes itself, naming its site table (overviews: nearest). */
export function serverBand(tech: Technology) {
  return {
    noData: NO_SERVER,
    description: 'best server site index',
    metadata: { TECHNOLOGY: tech, SITE_TABLE: `best-server-${tech}.csv` },
  };
}

/** Site indices as the best-server band stores them: 16 bits, NO_SERVER where none (or beyond 16 bits). */
export function serverIndices(server: Int32Array | undefined, cells: number): Uint16Array {
  const band = new Uint16Array(cells).fill(NO_SERVER);
  if (server)
    for (let i = 0; i < cells; i++) band[i] = server[i]! < 0 || server[i]! >= NO_SERVER ? NO_SERVER : server[i]!;
  return band;
}

/**
 * Writes, per technology, the best level (dBm, float32, NaN = not reached) and the best server (site index;
 * 65535 = none) as Cloud-Optimised GeoTIFFs with band descriptions and units; beside each best-server
 * raster its site table as CSV and as a raster attribute table (.aux.xml) when the sites are given.
 */
export function writeCoverageRasters(
  folder: string,
  grid: GridSpec,
  outputs: Pick<ModelOutputs, 'bestSignalDbm' | 'bestServer'>,
  sites?: readonly SiteRecord[],
): string[] {
  mkdirSync(folder, { recursive: true });
  const files: string[] = [];
  const raster = { width: grid.width, height: grid.height, crs: grid.crs, transform: gridTransform(grid) };
  for (const [key, level] of Object.entries(outputs.bestSignalDbm)) {
    const tech = key as Technology;
    const signalFile = `signal-${tech}.tif`;
    writeGeoTiffFile(join(folder, signalFile), { ...raster, ...signalBand(tech), data: level });
    const server = outputs.bestServer[tech]!;
    const serverFile = `best-server-${tech}.tif`;
    writeGeoTiffFile(join(folder, serverFile), {
      ...raster,
      ...serverBand(tech),
      data: serverIndices(server, server.length),
    });
    files.push(signalFile, serverFile);
    if (sites) {
      const rows = bestServerRows(sites, tech);
      writeFileSync(join(folder, `best-server-${tech}.csv`), bestServerCsv(rows));
      writeFileSync(join(folder, `${serverFile}.aux.xml`), bestServerAuxXml(rows));
      files.push(`best-server-${tech}.csv`, `${serverFile}.aux.xml`);
    }
  }
  return files;
}

/** Every output file of a finished run into its folder: rasters, site tables and uncovered places. */
export function writeRunOutputs(
  folder: string,
  prepared: PreparedCoverage,
  outputs: Pick<ModelOutputs, 'bestSignalDbm' | 'bestServer'>,
): void {
  writeCoverageRasters(folder, prepared.grid, outputs, prepared.sites);
  writeUncoveredPlaces(folder, prepared, outputs.bestSignalDbm);
}
