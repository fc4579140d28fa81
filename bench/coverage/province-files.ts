/**
 * The synthetic province as a user would hold it: a DEM GeoTIFF, a population GeoTIFF, a sites CSV on
 * disk, and the communes with their boundaries in a database. Rasters and boundaries are placed on one
 * UTM 49N grid, the communes 2 km inside the rasters' edges, so that the terrain and the people reach past
 * the boundaries for the sites just outside them.
 */
import { join } from 'node:path';
import type { Queryable } from '../../src/db/database.js';
import { writeGeoTiffFile } from '../../src/engines/coverage/raster/write-geotiff.js';
import { transformer, UTM_49N, WGS84 } from '../../src/engines/coverage/raster/crs.js';
import type { GridPolygon } from '../../src/engines/coverage/zones/rasterize-units.js';
import type { GridSite } from '../../src/engines/coverage/predict/site-signal.js';
import type { Province } from './province.js';
import { writeSitesCsvFile } from './sites-csv.js';
import { insertBenchUnits } from './store-units.js';

export const CELL_M = 30;
/** UTM 49N origin of the grid (top-left corner); the same place as the in-memory benchmark's grid. */
const ORIGIN_X = 300_000;
const ORIGIN_Y = 1_650_000;
/** The band of raster kept around the boundaries, 2 km in cells rounded up: sites just outside still lie on the terrain. */
const MARGIN_CELLS = Math.ceil(2_000 / CELL_M);

export interface ProvinceFiles {
  dem: string;
  population: string;
  sites: string;
}

const toWgs84 = transformer(WGS84, UTM_49N);
/** Grid coordinates (cells from the top-left corner) → WGS 84 [lon, lat]. */
const lonLat = (x: number, y: number): [number, number] =>
  toWgs84.inverse(ORIGIN_X + x * CELL_M, ORIGIN_Y - y * CELL_M);

export function writeProvinceRasters(province: Province, folder: string): Pick<ProvinceFiles, 'dem' | 'population'> {
  const raster = {
    width: province.width,
    height: province.height,
    crs: UTM_49N,
    transform: { originX: ORIGIN_X, originY: ORIGIN_Y, pixelWidth: CELL_M, pixelHeight: -CELL_M },
  };
  const dem = join(folder, 'dem-30m.tif');
  const population = join(folder, 'population-30m.tif');
  writeGeoTiffFile(dem, { ...raster, data: province.dem, noData: -9999, description: 'elevation', unit: 'm' });
  writeGeoTiffFile(population, { ...raster, data: province.population, noData: -9999, description: 'people' });
  return { dem, population };
}

/** One row per sector; three sectors a mast share its site code. */
export function writeSitesCsv(sites: readonly GridSite[], folder: string): string {
  const path = join(folder, 'sites.csv');
  writeSitesCsvFile(
    path,
    sites.map(({ index: _index, x, y, ...radio }, i) => {
      // A site's grid position is its cell centre (integer), so the lon/lat is of x + 0.5, y + 0.5.
      const [lon, lat] = lonLat(x + 0.5, y + 0.5);
      return { siteCode: `GL-${Math.floor(i / 3) + 1}`, sector: (i % 3) + 1, lon, lat, radio };
    }),
  );
  return path;
}

/**
 * GeoJSON boundaries of the communes: their grid polygons shrunk into the grid less the job's margin, so
 * that boundaries plus margin come back to the grid's edges.
 */
export function communeBoundaries(
  units: readonly GridPolygon[][],
  width: number,
  height: number,
): { type: 'MultiPolygon'; coordinates: number[][][][] }[] {
  const sx = (width - 2 * MARGIN_CELLS) / width;
  const sy = (height - 2 * MARGIN_CELLS) / height;
  return units.map((polygons) => ({
    type: 'MultiPolygon',
    coordinates: polygons.map((rings) =>
      rings.map((ring) => {
        const points = ring.map(([x, y]) => lonLat(MARGIN_CELLS + x * sx, MARGIN_CELLS + y * sy) as number[]);
        const [first, last] = [points[0]!, points.at(-1)!];
        if (first[0] !== last[0] || first[1] !== last[1]) points.push([...first]); // GeoJSON rings close
        return points;
      }),
    ),
  }));
}

/** Nation VN → province GL → communes GL-001…, with boundaries; the province code is returned. */
export async function storeCommunes(
  db: Queryable,
  boundaries: readonly { type: 'MultiPolygon'; coordinates: number[][][][] }[],
): Promise<string> {
  await insertBenchUnits(db, [
    { code: 'VN', parentCode: null, level: 'nation', unitType: 'nation', nameVi: 'Việt Nam', boundary: null },
    {
      code: 'GL',
      parentCode: 'VN',
      level: 'province',
      unitType: 'province',
      nameVi: 'Tỉnh Gia Lai (tổng hợp)',
      boundary: null,
    },
    ...boundaries.flatMap((boundary, i) =>
      boundary.coordinates.length === 0
        ? []
        : [
            {
              code: `GL-${String(i + 1).padStart(3, '0')}`,
              parentCode: 'GL',
              level: 'commune' as const,
              unitType: 'commune' as const,
              nameVi: `Xã ${i + 1}`,
              boundary,
            },
          ],
    ),
  ]);
  return 'GL';
}
