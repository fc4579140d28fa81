import { createHash } from 'node:crypto';
import type { Queryable } from '../db/database.js';
import { communeBoundariesBelow, findUnit } from '../db/org-units.js';
import { listSites } from '../db/cell-sites.js';
import { analysisGridFor, toGridCell, toGridPolygons, type GeoJsonArea } from '../engines/coverage/analysis-grid.js';
import { rasterizeUnits, type ZoneMap } from '../engines/coverage/zones/rasterize-units.js';
import { readGeoTiff } from '../engines/coverage/raster/read-geotiff.js';
import { readHgt } from '../engines/coverage/raster/read-hgt.js';
import { mosaic, resampleElevation } from '../engines/coverage/raster/resample-dem.js';
import { assertPopulationCounts, resampleCounts } from '../engines/coverage/raster/population-raster.js';
import { pixelAt, type GridSpec, type Raster } from '../engines/coverage/raster/raster.js';
import { transformer, WGS84 } from '../engines/coverage/raster/crs.js';
import { formatSiteError, readSitesFile } from '../intake/sites/read-sites.js';
import type { SiteRecord } from '../domain/coverage/site-record.js';
import { siteSetHash } from '../domain/coverage/site-hash.js';
import { operatorCodes } from '../domain/coverage/operators.js';
import type { GridSite } from '../engines/coverage/predict/site-signal.js';
import { DEFAULT_COVERAGE_PARAMS, type CoverageParams } from '../engines/coverage/predict/coverage-params.js';
import type { Technology } from '../domain/coverage/technology.js';
import { Invalid, UnsupportedType } from '../domain/errors.js';
import { KIND_NAMES, sniffFileKind } from '../intake/file-kind.js';

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

/** Everything the engine needs, checked, on one analysis grid; and the hashes that name the inputs. */
export interface PreparedCoverage {
  grid: GridSpec;
  dem: Float32Array;
  population: Float32Array;
  zones: ZoneMap;
  unitCodes: string[];
  sites: SiteRecord[];
  gridSites: GridSite[];
  technologies: Technology[];
  params: CoverageParams;
  inputs: Record<string, string>;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A raster upload is read as GeoTIFF only when its bytes are TIFF's, whatever it is called. */
export function readUploadedGeoTiff(file: UploadedFile, role: string): Promise<Raster> {
  const kind = sniffFileKind(file.bytes);
  if (kind !== 'tiff') {
    throw new UnsupportedType(
      'intake.file_type',
      `${file.name} is ${KIND_NAMES[kind]}, not a GeoTIFF: the ${role} must be a GeoTIFF${role === 'terrain model' ? ' or SRTM .hgt tiles' : ''}`,
      undefined,
      { file: file.name },
    );
  }
  return readGeoTiff(file.bytes, file.name);
}

export async function readDem(files: readonly UploadedFile[]): Promise<Raster> {
  if (files.length === 0)
    throw new Invalid('coverage.dem_missing', 'A terrain model (GeoTIFF or SRTM .hgt tiles) is needed');
  const rasters = await Promise.all(
    files.map((f) => (/\.hgt$/i.test(f.name) ? readHgt(f.bytes, f.name) : readUploadedGeoTiff(f, 'terrain model'))),
  );
  return rasters.length === 1 ? rasters[0]! : mosaic(rasters);
}

/** The communes (or other lowest units) below the root with their boundaries, in code order. */
export async function unitBoundaries(db: Queryable, rootCode: string) {
  const root = await findUnit(db, rootCode);
  const rows = (await communeBoundariesBelow(db, root.id)) as { code: string; boundary: GeoJsonArea }[];
  if (rows.length === 0)
    throw new Invalid('coverage.no_boundaries', `No commune below ${rootCode} has a boundary: import boundaries first`);
  return rows;
}

/** Places WGS 84 sites on the grid, refusing any that fall outside the terrain model. */
export function placeSites(
  sites: readonly SiteRecord[],
  grid: GridSpec,
  dem: Float32Array,
  demName: string,
): GridSite[] {
  const outside: { path: string; message: string }[] = [];
  const placed = sites.map((site, index) => {
    const { x, y } = toGridCell(site.lon, site.lat, grid);
    const col = Math.round(x);
    const row = Math.round(y);
    const ground =
      col >= 0 && col < grid.width && row >= 0 && row < grid.height ? dem[row * grid.width + col]! : Number.NaN;
    if (Number.isNaN(ground)) {
      outside.push({
        path: `sites row ${site.rowNumber}`,
        message: `site ${site.siteCode} (${site.lat}, ${site.lon}) lies outside the terrain model ${demName} or the analysis area`,
      });
    }
    const { rowNumber: _row, siteCode: _code, sector: _sector, lat: _lat, lon: _lon, ...radio } = site;
    return { ...radio, index, x, y };
  });
  if (outside.length > 0)
    throw new Invalid(
      'coverage.site_outside',
      `${outside.length} site(s) outside the terrain model: ${outside[0]!.message}`,
      outside,
    );
  return placed;
}

/**
 * Reads and checks every input before any work starts: the terrain model (known CRS), the population
 * raster (counts, not density), the sites (every bad row named; none outside the terrain), and the units'
 * boundaries; then puts them all on one analysis grid.
 */
export async function prepareFromFiles(
  db: Queryable,
  spec: {
    rootUnit: string;
    technologies: Technology[];
    params: Partial<CoverageParams>;
    dem: UploadedFile[];
    population: UploadedFile;
    sites: UploadedFile | 'stored';
  },
): Promise<PreparedCoverage> {
  const params = { ...DEFAULT_COVERAGE_PARAMS, ...spec.params };
  const demRaster = await readDem(spec.dem);
  const populationRaster = await readUploadedGeoTiff(spec.population, 'population raster');
  assertPopulationCounts(populationRaster);
  let sites: SiteRecord[];
  if (spec.sites === 'stored') {
    sites = (await listSites(db)).map((s, i) => ({ ...s, rowNumber: i + 1 }));
  } else {
    const read = await readSitesFile(spec.sites);
    if (!read.ok) {
      throw new Invalid(
        'coverage.sites',
        `${spec.sites.name}: ${read.errors.length} problem(s): ${formatSiteError(read.errors[0]!)}`,
        read.errors.map((e) => ({ ...e, path: `${e.file} row ${e.row}`, message: formatSiteError(e) })),
      );
    }
    sites = read.sites;
  }
  sites = sites.filter((s) => spec.technologies.includes(s.technology));
  if (sites.length === 0) throw new Invalid('coverage.no_sites', `No site for ${spec.technologies.join(', ')}`);
  operatorCodes(sites, params.mainOperator); // more operators than a covered mask holds: refused before the run
  // A site outside the terrain model is refused by its position in the model itself, before the grid clips anything.
  const toDem = transformer(WGS84, demRaster.crs);
  const off = sites.filter((s) => {
    const [x, y] = toDem.forward(s.lon, s.lat);
    return pixelAt(demRaster.transform, demRaster.width, demRaster.height, x, y) === null;
  });
  if (off.length > 0) {
    throw new Invalid(
      'coverage.site_outside',
      `${off.length} site(s) lie outside the terrain model ${demRaster.name}, e.g. ${off[0]!.siteCode} at (${off[0]!.lat}, ${off[0]!.lon})`,
      off.map((s) => ({ path: `sites row ${s.rowNumber}`, message: `${s.siteCode} outside ${demRaster.name}` })),
    );
  }
  const units = await unitBoundaries(db, spec.rootUnit);
  const grid = analysisGridFor(
    units.map((u) => u.boundary),
    params.cellSizeM,
    2_000,
  );
  const dem = resampleElevation(demRaster, grid);
  const population = resampleCounts(populationRaster, grid);
  const zones = rasterizeUnits(
    units.map((u) => toGridPolygons(u.boundary, grid)),
    grid.width,
    grid.height,
  );
  return {
    grid,
    dem,
    population,
    zones,
    unitCodes: units.map((u) => u.code),
    sites,
    gridSites: placeSites(sites, grid, dem, demRaster.name),
    technologies: spec.technologies,
    params,
    inputs: {
      dem: sha256(Buffer.concat(spec.dem.map((f) => Buffer.from(f.bytes)))),
      population: sha256(spec.population.bytes),
      sites: siteSetHash(sites),
      boundaries: createHash('sha256').update(JSON.stringify(units)).digest('hex'),
    },
  };
}
