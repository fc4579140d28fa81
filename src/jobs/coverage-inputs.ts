/**
 * What the runs share about their inputs: an upload, the whole-grid input of the demo's runner
 * (PreparedCoverage), reading an uploaded GeoTIFF, and the run's units with their boundaries.
 */
import type { Queryable } from '../db/database.js';
import { communeBoundariesBelow, findUnit } from '../db/org-units.js';
import type { GeoJsonArea } from '../engines/coverage/analysis-grid.js';
import type { ZoneMap } from '../engines/coverage/zones/rasterize-units.js';
import { readGeoTiff } from '../engines/coverage/raster/read-geotiff.js';
import type { GridSpec, Raster } from '../engines/coverage/raster/raster.js';
import type { SiteRecord } from '../domain/coverage/site-record.js';
import type { GridSite } from '../engines/coverage/predict/site-signal.js';
import type { CoverageParams } from '../engines/coverage/predict/coverage-params.js';
import type { Technology } from '../domain/coverage/technology.js';
import { Invalid, UnsupportedType } from '../domain/errors.js';
import { KIND_NAMES, sniffFileKind } from '../intake/file-kind.js';

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

/** Everything the whole-grid engine needs, checked, on one analysis grid; and the hashes that name the inputs. */
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

/** The communes (or other lowest units) below the root with their boundaries, in code order. */
export async function unitBoundaries(db: Queryable, rootCode: string) {
  const root = await findUnit(db, rootCode);
  const rows = (await communeBoundariesBelow(db, root.id)) as { code: string; boundary: GeoJsonArea }[];
  if (rows.length === 0)
    throw new Invalid('coverage.no_boundaries', `No commune below ${rootCode} has a boundary: import boundaries first`);
  return rows;
}
