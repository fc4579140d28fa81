import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import type { Queryable } from '../db/database.js';
import { listSites } from '../db/cell-sites.js';
import { planRunGrids, type AreaUnit, type RunPlan } from '../engines/coverage/run-grids.js';
import {
  fileSource,
  memorySource,
  openRasterSource,
  type RasterSourceRef,
} from '../engines/coverage/raster/raster-source.js';
import { readHgt } from '../engines/coverage/raster/read-hgt.js';
import { assertPopulationCounts, assertPopulationSourceCounts } from '../engines/coverage/raster/population-raster.js';
import type { RasterHeader } from '../engines/coverage/raster/read-geotiff.js';
import { transformer, WGS84 } from '../engines/coverage/raster/crs.js';
import { pixelAt } from '../engines/coverage/raster/raster.js';
import type { ProjectedSite } from '../engines/coverage/predict/window-tile.js';
import { DEFAULT_COVERAGE_PARAMS, type CoverageParams } from '../engines/coverage/predict/coverage-params.js';
import { formatSiteError, readSitesFile } from '../intake/sites/read-sites.js';
import type { SiteRecord } from '../domain/coverage/site-record.js';
import { siteSetHash } from '../domain/coverage/site-hash.js';
import { operatorCodes } from '../domain/coverage/operators.js';
import type { Technology } from '../domain/coverage/technology.js';
import { Invalid } from '../domain/errors.js';
import { readUploadedGeoTiff, unitBoundaries, type UploadedFile } from './coverage-inputs.js';
import { basename } from 'node:path';

/**
 * A streamed run's tile side unless the run asks for another: 2,048 cells (61 km at 30 m). Each tile is one
 * block of the output COGs, whose coarse overviews are then held at 1/64 of the grid's cells, and the margin
 * of terrain a tile reads around itself for the sites reaching in costs less the larger the tile.
 */
export const STREAMED_TILE_CELLS = 2048;

/** A run read tile by tile from its files: where the inputs are, the grids and tiles, the sites on each grid. */
export interface StreamedRunInputs {
  units: AreaUnit[];
  plan: RunPlan;
  sites: SiteRecord[];
  /** Per grid, every site in its CRS (index = position in `sites`). */
  sitesByGrid: ProjectedSite[][];
  dem: RasterSourceRef[];
  population: RasterSourceRef[];
  technologies: Technology[];
  params: CoverageParams;
  inputs: Record<string, string>;
  /** The files as given and every site read (all technologies): what the run keeps for plans made on it. */
  files: RunInputFiles;
}

/** An input as a path on disk (read by window) or an upload already in memory. */
export type InputFile = string | UploadedFile;

/** A run's inputs as given: terrain and population files, and the sites read (of every technology). */
export interface RunInputFiles {
  dem: InputFile[];
  population: InputFile;
  sites: SiteRecord[];
}

/** Sites for a run: a file, the stored sites, or records already read and checked (a run's kept sites). */
export type SitesInput = InputFile | 'stored' | { records: SiteRecord[] };

async function inputHash(files: readonly InputFile[]): Promise<string> {
  const hash = createHash('sha256');
  for (const file of files) {
    if (typeof file !== 'string') hash.update(file.bytes);
    else for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  }
  return hash.digest('hex');
}

/** A terrain input as a source: a file is opened per tile; an upload is read (and checked) once. */
async function terrainSource(file: InputFile): Promise<RasterSourceRef> {
  if (typeof file === 'string') return fileSource(file);
  return memorySource(
    /\.hgt$/i.test(file.name) ? readHgt(file.bytes, file.name) : await readUploadedGeoTiff(file, 'terrain model'),
  );
}

/**
 * The population input, checked to hold counts before any work: an upload whole (it is in memory anyway),
 * a file strip by strip, so a bad file is refused up front by its name and never more than a strip is held.
 */
async function populationSource(file: InputFile): Promise<RasterSourceRef> {
  if (typeof file !== 'string') {
    const raster = await readUploadedGeoTiff(file, 'population raster');
    assertPopulationCounts(raster);
    return memorySource(raster);
  }
  const ref = fileSource(file);
  const open = await openRasterSource(ref); // refuses an unreadable file by its name
  try {
    await assertPopulationSourceCounts(open);
  } finally {
    await open.close();
  }
  return ref;
}

/** Every site's radio fields and its position in a grid's CRS. */
function projectSites(sites: readonly SiteRecord[], crs: string): ProjectedSite[] {
  const { forward } = transformer(WGS84, crs);
  return sites.map((site, index) => {
    const [easting, northing] = forward(site.lon, site.lat);
    const { rowNumber: _row, siteCode: _code, sector: _sector, lat: _lat, lon: _lon, ...radio } = site;
    return { ...radio, index, easting, northing };
  });
}

/**
 * Checks a run's inputs before any work (the terrain files' headers, the population file's pixels strip by
 * strip, every site row, the units' boundaries; uploads, already in memory, are read whole) and plans its grids
 * and tiles. A site outside every terrain file is refused by its row; a site outside the area is kept: its
 * signal counts where it reaches in.
 */
export async function prepareStreamedRun(
  db: Queryable,
  spec: {
    rootUnit: string;
    technologies: Technology[];
    params: Partial<CoverageParams>;
    dem: InputFile[];
    population: InputFile;
    sites: SitesInput;
  },
): Promise<StreamedRunInputs> {
  const params = { ...DEFAULT_COVERAGE_PARAMS, tileCells: STREAMED_TILE_CELLS, ...spec.params };
  const side = params.tileCells;
  if (!Number.isInteger(side) || side < 16 || (side & (side - 1)) !== 0)
    throw new Invalid(
      'coverage.tile_cells',
      `tileCells ${side}: a streamed run's tiles are a power of two of at least 16 cells (e.g. 256, 1024, 2048)`,
    );
  if (spec.dem.length === 0)
    throw new Invalid('coverage.dem_missing', 'A terrain model (GeoTIFF or SRTM .hgt tiles) is needed');
  const dem = await Promise.all(spec.dem.map(terrainSource));
  const population = [await populationSource(spec.population)];
  const demHeaders: RasterHeader[] = [];
  for (const ref of dem) {
    const open = await openRasterSource(ref); // refuses an unreadable file by its name
    demHeaders.push(open.header);
    await open.close();
  }
  let sites: SiteRecord[];
  if (spec.sites === 'stored') {
    sites = (await listSites(db)).map((s, i) => ({ ...s, rowNumber: i + 1 }));
  } else if (typeof spec.sites === 'object' && 'records' in spec.sites) {
    sites = spec.sites.records;
  } else {
    const file =
      typeof spec.sites === 'string'
        ? { name: basename(spec.sites), bytes: new Uint8Array(readFileSync(spec.sites)) }
        : spec.sites;
    const read = await readSitesFile(file);
    if (!read.ok) {
      throw new Invalid(
        'coverage.sites',
        `${file.name}: ${read.errors.length} problem(s): ${formatSiteError(read.errors[0]!)}`,
        read.errors.map((e) => ({ ...e, path: `${e.file} row ${e.row}`, message: formatSiteError(e) })),
      );
    }
    sites = read.sites;
  }
  const allSites = sites;
  sites = sites.filter((s) => spec.technologies.includes(s.technology));
  if (sites.length === 0) throw new Invalid('coverage.no_sites', `No site for ${spec.technologies.join(', ')}`);
  operatorCodes(sites, params.mainOperator);
  const off = sites.filter(
    (site) =>
      !demHeaders.some((header) => {
        const [x, y] = transformer(WGS84, header.crs).forward(site.lon, site.lat);
        return pixelAt(header.transform, header.width, header.height, x, y) !== null;
      }),
  );
  if (off.length > 0) {
    const names = demHeaders.map((h) => h.name).join(', ');
    throw new Invalid(
      'coverage.site_outside',
      `${off.length} site(s) lie outside the terrain model (${names}), e.g. ${off[0]!.siteCode} at (${off[0]!.lat}, ${off[0]!.lon})`,
      off.map((s) => ({ path: `sites row ${s.rowNumber}`, message: `${s.siteCode} outside the terrain model` })),
    );
  }
  const units = (await unitBoundaries(db, spec.rootUnit)) as AreaUnit[];
  const plan = planRunGrids(units, params.cellSizeM, params.tileCells);
  return {
    units,
    plan,
    sites,
    sitesByGrid: plan.grids.map((grid) => projectSites(sites, grid.spec.crs)),
    dem,
    population,
    technologies: spec.technologies,
    params,
    inputs: {
      dem: await inputHash(spec.dem),
      population: await inputHash([spec.population]),
      sites: siteSetHash(sites),
      boundaries: createHash('sha256').update(JSON.stringify(units)).digest('hex'),
    },
    files: { dem: [...spec.dem], population: spec.population, sites: allSites },
  };
}
