/**
 * The input files of the national coverage benchmark: a synthetic Vietnam (about 331,000 km², 34
 * provinces, 3,321 communes with their real names and codes, about 101 million people, 30,000 masts of
 * three operators), deterministic from a seed. In the folder:
 *
 * - N08E104.hgt …: SRTM-style 3″ DEM tiles over the land and 40 km around it (nation-terrain.ts);
 * - population-3s.tif: people per pixel, a WGS 84 COG at 3″ over the land's bounding box, 0 off the land;
 * - sites.csv: one row per sector and technology, with an operator column (nation-sites.ts);
 * - units.geojson: the nation, its provinces and communes with boundaries, for storeNation.
 *
 * Small scale is Huế and Đà Nẵng (134 communes, 500 masts) on either side of 108°E, in a few seconds.
 *
 *   npx tsx bench/coverage/nation-files.ts <folder> [--scale=small] [--seed=N]
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Queryable } from '../../src/db/database.js';
import { WGS84 } from '../../src/engines/coverage/raster/crs.js';
import { writeGeoTiffFile } from '../../src/engines/coverage/raster/write-geotiff.js';
import { formatBytes, formatMs } from '../stats.js';
import { locate, rowPoint } from './nation-layout.js';
import { buildNationSites } from './nation-sites.js';
import { elevationWindow, latticeX, latticeY, SAMPLES_PER_DEGREE, tilesNear, writeHgtTile } from './nation-terrain.js';
import { buildNationUnits, type NationProvince, type NationUnits } from './nation-units.js';
import { spreadPopulation, type RowSpans, type Town } from './province.js';
import { writeSitesCsvFile } from './sites-csv.js';
import { insertBenchUnits, type BenchUnit } from './store-units.js';

export const NATION_SEED = 20250701;
export const NATION_PEOPLE = 101_000_000;
const DEM_MARGIN_KM = 40;
const KM_PER_DEGREE = 111.32;
/** Octaves of terrain under the population: the landform is what thins people with altitude. */
const POPULATION_DEM_OCTAVES = 4;

export type NationScale = 'full' | 'small';

const SCALES: Record<NationScale, { provinces: string[] | null; masts: number }> = {
  full: { provinces: null, masts: 30_000 },
  small: { provinces: ['20', '21'], masts: 500 },
};

export interface NationFiles {
  folder: string;
  scale: NationScale;
  seed: number;
  /** .hgt tiles, south-west to north-east. */
  dem: string[];
  population: string;
  sites: string;
  units: string;
  counts: { provinces: number; communes: number; masts: number; siteRows: number; demTiles: number };
  people: number;
  landKm2: number;
  /** Milliseconds per step. */
  timings: { units: number; population: number; dem: number; sites: number };
}

/** The population grid: whole 3″ pixels from a corner on the global lattice. */
interface PixelGrid {
  west: number;
  north: number;
  width: number;
  height: number;
}

const STEP = 1 / SAMPLES_PER_DEGREE;

function gridAround(provinces: readonly NationProvince[]): PixelGrid {
  const lons = provinces.flatMap((p) => p.ring.map((q) => q[0]!));
  const lats = provinces.flatMap((p) => p.ring.map((q) => q[1]!));
  const west = Math.floor(Math.min(...lons) * SAMPLES_PER_DEGREE) / SAMPLES_PER_DEGREE;
  const north = Math.ceil(Math.max(...lats) * SAMPLES_PER_DEGREE) / SAMPLES_PER_DEGREE;
  return {
    west,
    north,
    width: Math.ceil((Math.max(...lons) - west) * SAMPLES_PER_DEGREE),
    height: Math.ceil((north - Math.min(...lats)) * SAMPLES_PER_DEGREE),
  };
}

/** Per pixel row, the pixels whose centres lie in the provinces (they stack into one span a row). */
function landSpans(grid: PixelGrid, provinces: readonly NationProvince[]): RowSpans {
  const from = new Int32Array(grid.height);
  const to = new Int32Array(grid.height);
  for (let y = 0; y < grid.height; y++) {
    const lat = grid.north - (y + 0.5) * STEP;
    let west = Infinity;
    let east = -Infinity;
    for (const { cell } of provinces) {
      const [, top] = rowPoint(cell.row, 0, 0);
      const [, bottom] = rowPoint(cell.row, 0, 1);
      if (lat > top || lat < bottom) continue;
      const v = (top - lat) / (top - bottom);
      west = Math.min(west, rowPoint(cell.row, cell.u0, v)[0]);
      east = Math.max(east, rowPoint(cell.row, cell.u1, v)[0]);
    }
    const column = (lon: number) => Math.min(grid.width, Math.max(0, Math.ceil((lon - grid.west) / STEP - 0.5)));
    if (west < east) {
      from[y] = column(west);
      to[y] = column(east);
    }
  }
  return { from, to };
}

/** Whether a point lies in one of the provinces. */
function onLandOf(provinces: readonly NationProvince[]): (lon: number, lat: number) => boolean {
  const byRow = new Map<number, NationProvince[]>();
  for (const p of provinces) byRow.set(p.cell.row, [...(byRow.get(p.cell.row) ?? []), p]);
  return (lon, lat) => {
    const at = locate(lon, lat);
    return at !== null && (byRow.get(at.row) ?? []).some((p) => at.u >= p.cell.u0 && at.u <= p.cell.u1);
  };
}

function writePopulation(folder: string, units: NationUnits, people: number, seed: number) {
  const grid = gridAround(units.provinces);
  const spans = landSpans(grid, units.provinces);
  const dem = elevationWindow(
    seed,
    latticeX(grid.west) + 0.5,
    latticeY(grid.north) + 0.5,
    grid.width,
    grid.height,
    POPULATION_DEM_OCTAVES,
  );
  const cellKm = KM_PER_DEGREE * STEP;
  const towns: Town[] = units.towns.map((t) => ({
    x: (t.lon - grid.west) / STEP - 0.5,
    y: (grid.north - t.lat) / STEP - 0.5,
    sigma: t.sigmaKm / cellKm,
    people: t.weight,
  }));
  const population = spreadPopulation(grid.width, grid.height, dem, spans, towns, people, seed);
  const path = join(folder, 'population-3s.tif');
  writeGeoTiffFile(path, {
    width: grid.width,
    height: grid.height,
    data: population,
    crs: WGS84,
    transform: { originX: grid.west, originY: grid.north, pixelWidth: STEP, pixelHeight: -STEP },
    noData: -9999,
    description: 'people',
    unit: 'people per pixel',
  });
  /** People per km² over the 5 × 5 pixels around a point. */
  const density = (lon: number, lat: number) => {
    const cx = Math.floor((lon - grid.west) / STEP);
    const cy = Math.floor((grid.north - lat) / STEP);
    let sum = 0;
    let n = 0;
    for (let y = cy - 2; y <= cy + 2; y++) {
      for (let x = cx - 2; x <= cx + 2; x++) {
        if (x < 0 || y < 0 || x >= grid.width || y >= grid.height) continue;
        sum += population[y * grid.width + x]!;
        n++;
      }
    }
    const pixelKm2 = cellKm * cellKm * Math.cos((lat * Math.PI) / 180);
    return n > 0 ? sum / n / pixelKm2 : 0;
  };
  return { path, density };
}

function writeUnits(folder: string, units: NationUnits): string {
  const multi = (ring: number[][]) => ({ type: 'MultiPolygon', coordinates: [[ring]] });
  const feature = (properties: Omit<BenchUnit, 'boundary'>, geometry: object | null) => ({
    type: 'Feature',
    properties,
    geometry,
  });
  const features = [
    feature({ code: 'VN', parentCode: null, level: 'nation', unitType: 'nation', nameVi: 'Việt Nam' }, null),
    ...units.provinces.map((p) =>
      feature(
        {
          code: p.spec.code,
          parentCode: 'VN',
          level: 'province',
          unitType: p.spec.unitType,
          nameVi: p.spec.nameVi,
          areaKm2: p.areaKm2,
        },
        multi(p.ring),
      ),
    ),
    ...units.communes.map((c) =>
      feature(
        {
          code: c.spec.code,
          parentCode: c.spec.provinceCode,
          level: 'commune',
          unitType: c.spec.unitType,
          nameVi: c.spec.nameVi,
          areaKm2: c.areaKm2,
        },
        multi(c.ring),
      ),
    ),
  ];
  const path = join(folder, 'units.geojson');
  writeFileSync(path, JSON.stringify({ type: 'FeatureCollection', features }));
  return path;
}

export function writeNationFiles(folder: string, options: { scale: NationScale; seed?: number }): NationFiles {
  const seed = options.seed ?? NATION_SEED;
  const scale = SCALES[options.scale];
  mkdirSync(folder, { recursive: true });
  const clock = () => performance.now();

  let started = clock();
  const units = buildNationUnits(scale.provinces, seed);
  const unitsPath = writeUnits(folder, units);
  const landKm2 = units.provinces.reduce((a, p) => a + p.areaKm2, 0);
  const timeUnits = clock() - started;

  started = clock();
  const people = Math.round((NATION_PEOPLE * units.communes.length) / 3321);
  const population = writePopulation(folder, units, people, seed);
  const timePopulation = clock() - started;

  started = clock();
  const onLand = onLandOf(units.provinces);
  const lons = units.provinces.flatMap((p) => p.ring.map((q) => q[0]!));
  const lats = units.provinces.flatMap((p) => p.ring.map((q) => q[1]!));
  const bounds = {
    west: Math.min(...lons),
    east: Math.max(...lons),
    south: Math.min(...lats),
    north: Math.max(...lats),
  };
  const dem = tilesNear(onLand, bounds, DEM_MARGIN_KM).map((tile) => writeHgtTile(folder, seed, tile));
  const timeDem = clock() - started;

  started = clock();
  const areaSum = landKm2;
  const rows = buildNationSites(
    {
      masts: scale.masts,
      towns: units.towns,
      onLand,
      density: population.density,
      landPoint: (rand) => {
        let r = rand() * areaSum;
        const province = units.provinces.find((p) => (r -= p.areaKm2) <= 0) ?? units.provinces.at(-1)!;
        const { row, u0, u1 } = province.cell;
        return rowPoint(row, u0 + rand() * (u1 - u0), rand());
      },
    },
    seed,
  );
  const sites = join(folder, 'sites.csv');
  writeSitesCsvFile(sites, rows);
  const timeSites = clock() - started;

  return {
    folder,
    scale: options.scale,
    seed,
    dem,
    population: population.path,
    sites,
    units: unitsPath,
    counts: {
      provinces: units.provinces.length,
      communes: units.communes.length,
      masts: new Set(rows.map((r) => r.siteCode)).size,
      siteRows: rows.length,
      demTiles: dem.length,
    },
    people,
    landKm2,
    timings: { units: timeUnits, population: timePopulation, dem: timeDem, sites: timeSites },
  };
}

/** The units of units.geojson (the nation, its provinces and communes with boundaries) in the database. */
export async function storeNation(db: Queryable, unitsPath: string): Promise<{ nation: string; provinces: string[] }> {
  const collection = JSON.parse(readFileSync(unitsPath, 'utf8')) as {
    features: { properties: Omit<BenchUnit, 'boundary'>; geometry: BenchUnit['boundary'] }[];
  };
  const units = collection.features.map((f): BenchUnit => ({ ...f.properties, boundary: f.geometry }));
  await insertBenchUnits(db, units);
  return {
    nation: units.find((u) => u.level === 'nation')!.code,
    provinces: units.filter((u) => u.level === 'province').map((u) => u.code),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const folder = args.find((a) => !a.startsWith('--'));
  const scale = (args.find((a) => a.startsWith('--scale='))?.slice(8) ?? 'full') as NationScale;
  const seedArg = args.find((a) => a.startsWith('--seed='));
  if (!folder || !(scale in SCALES)) {
    console.error('usage: npx tsx bench/coverage/nation-files.ts <folder> [--scale=full|small] [--seed=N]');
    process.exit(2);
  }
  const started = performance.now();
  const files = writeNationFiles(folder, { scale, ...(seedArg ? { seed: Number(seedArg.slice(7)) } : {}) });
  const elapsed = performance.now() - started;
  const size = (path: string) => statSync(path).size;
  const demBytes = files.dem.reduce((a, p) => a + size(p), 0);
  const { counts, timings } = files;
  console.log(`${files.scale} nation, seed ${files.seed}, into ${folder}`);
  console.log(
    `  land ${Math.round(files.landKm2).toLocaleString('en')} km², ${files.people.toLocaleString('en')} people`,
  );
  console.log(
    `  units.geojson     ${formatBytes(size(files.units))}: ${counts.provinces} provinces, ${counts.communes} communes (${formatMs(timings.units)})`,
  );
  console.log(`  population-3s.tif ${formatBytes(size(files.population))} (${formatMs(timings.population)})`);
  console.log(`  ${counts.demTiles} .hgt tiles     ${formatBytes(demBytes)} (${formatMs(timings.dem)})`);
  console.log(
    `  sites.csv         ${formatBytes(size(files.sites))}: ${counts.masts} masts, ${counts.siteRows} rows (${formatMs(timings.sites)})`,
  );
  console.log(`  total ${formatMs(elapsed)}`);
}
