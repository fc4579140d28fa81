import { Invalid } from '../../domain/errors.js';
import type { SiteRecord } from '../../domain/coverage/site-record.js';
import type { Technology } from '../../domain/coverage/technology.js';
import { normaliseOperator } from '../../domain/coverage/operators.js';
import { foldText } from '../fold-text.js';
import { detectNumberLocale, type NumberLocale } from '../parse-number.js';
import { readUploadedTable } from '../read-table.js';
import { looksLikeJson, readGeoJson } from './read-geojson.js';
import { outside, readBandMhz, readEnvironment, readNumber, readTechnology, type Checked } from './read-cell.js';
import { mapSiteColumns, type ColumnIndex, type SiteColumn } from './site-columns.js';
import type { SiteError } from './site-error.js';
import type { SiteRow, SiteTable } from './site-table.js';

export { formatSiteError, type SiteError } from './site-error.js';

export interface ReadSitesOptions {
  /**
   * For projected coordinates (x/y columns, or GeoJSON with a non-WGS 84 `crs`): (easting, northing) in the
   * file's CRS → [lon, lat] in WGS 84. X/Y columns written the Vietnamese survey way (X = northing) are
   * recognised and passed as (easting, northing).
   */
  toWgs84?: (x: number, y: number) => [number, number];
  /** Operator for rows whose operator cell is blank or when there is no operator column; default: none (the run's main operator). */
  defaultOperator?: string;
  /** Band (MHz) for rows whose band cell is blank, per technology; makes the band column optional. */
  defaultTechnologyBands?: Partial<Record<Technology, number>>;
}

export type ReadSitesResult =
  { ok: true; sites: SiteRecord[] } | { ok: false; errors: SiteError[]; sites: SiteRecord[] };

const NUMERIC: SiteColumn[] = [
  'band', 'lat', 'lon', 'x', 'y', 'height', 'azimuth', 'mechanicalTilt', 'electricalTilt',
  'hBeamwidth', 'vBeamwidth', 'power', 'eirp', 'gain', 'loss',
]; // prettier-ignore
const EIRP_TOLERANCE_DB = 0.5;
const DEFAULT_H_BEAMWIDTH = 65;
const DEFAULT_V_BEAMWIDTH = 10;

/**
 * Reads a cell-site list (CSV, XLSX, or GeoJSON detected by content) into validated records, reporting every
 * bad cell of every row. Throws Invalid for a file-level problem: unreadable file, missing columns,
 * projected coordinates without `toWgs84`. `sites` holds the rows that passed, also when `ok` is false.
 */
export async function readSitesFile(
  file: { name: string; bytes: Uint8Array },
  options: ReadSitesOptions = {},
): Promise<ReadSitesResult> {
  const { table, errors } = looksLikeJson(file.bytes)
    ? readGeoJson(file.name, file.bytes, options.toWgs84 !== undefined)
    : { table: { ...(await readUploadedTable(file)), projected: false } as SiteTable, errors: [] as SiteError[] };
  const where = table.sheet ? `${table.file}, sheet "${table.sheet}"` : table.file;
  const geo = table.format === 'geojson';
  const empty = () => new Invalid('sites.empty', `${where} has no sites`);
  if (geo && table.rows.length === 0) throw empty(); // before the properties, which none of the features has
  const columns = mapSiteColumns(table.header, where, {
    hasGeometry: geo,
    bandOptional: options.defaultTechnologyBands !== undefined,
    noun: geo ? 'property' : 'column',
  });
  if (table.rows.length === 0) throw empty();
  const projected = geo ? table.projected : columns.lat === undefined;
  if (projected && !options.toWgs84) {
    throw new Invalid(
      'sites.crs',
      `${where} gives x/y coordinates, and projected coordinates need the file's CRS: choose it (e.g. VN-2000 TM-3 for the province) or give latitude and longitude`,
    );
  }
  const text = (row: SiteRow, column: SiteColumn) => {
    const index = columns[column];
    return index === undefined ? '' : (row.cells[index] ?? '').trim();
  };
  const numeric = (row: SiteRow, column: SiteColumn) => row.numeric?.[columns[column] ?? -1] === true;
  const hint = detectNumberLocale(
    table.rows.flatMap((row) => NUMERIC.filter((c) => !numeric(row, c)).map((c) => text(row, c))),
  );
  const ctx: RowContext = { table, columns, text, numeric, hint, options, errors, northFirst: false, seen: new Map() };
  ctx.northFirst = !geo && projected && looksNorthFirst(ctx);

  const sites: SiteRecord[] = [];
  for (const row of table.rows) {
    const site = checkRow(row, ctx);
    if (site) sites.push(site);
  }
  if (errors.length === 0) return { ok: true, sites };
  // In the order the user reads the file: by row, then left to right (a whole-row problem, the geometry first).
  const order = (column: string) =>
    column === '' ? -2 : column === 'geometry' && geo ? -1 : table.header.indexOf(column) >>> 0;
  errors.sort((a, b) => a.row - b.row || order(a.column) - order(b.column));
  return { ok: false, errors, sites };
}

interface RowContext {
  table: SiteTable;
  columns: ColumnIndex;
  text: (row: SiteRow, column: SiteColumn) => string;
  numeric: (row: SiteRow, column: SiteColumn) => boolean;
  hint: NumberLocale | null;
  options: ReadSitesOptions;
  errors: SiteError[];
  /** X/Y columns hold (northing, easting), as Vietnamese survey tables write them. */
  northFirst: boolean;
  /** The first row of each (operator, site, sector, technology). */
  seen: Map<string, number>;
}

function report(
  ctx: RowContext,
  row: SiteRow,
  column: SiteColumn | 'geometry' | null,
  reason: string,
  value?: string,
  field: 'value' | 'row' = 'value',
) {
  const geo = ctx.table.format === 'geojson';
  const label =
    column === null ? '' : column === 'geometry' ? column : (ctx.table.header[ctx.columns[column] ?? -1] ?? column);
  const cell = value ?? (column === null || column === 'geometry' ? '' : ctx.text(row, column));
  const { file, sheet } = ctx.table;
  ctx.errors.push({
    file,
    sheet,
    row: row.rowNumber,
    column: label,
    field: column === null ? 'row' : field,
    value: cell,
    reason,
    location: geo ? 'feature' : 'row',
  });
}

/** Most rows have X ≥ 900 000 m above Y: a northing in Vietnam (easting stays near 500 000 m). */
function looksNorthFirst(ctx: RowContext): boolean {
  let votes = 0;
  let counted = 0;
  for (const row of ctx.table.rows) {
    const x = readNumber(ctx.text(row, 'x'), ctx.numeric(row, 'x'), ctx.hint);
    const y = readNumber(ctx.text(row, 'y'), ctx.numeric(row, 'y'), ctx.hint);
    if (!x.ok || !y.ok) continue;
    counted++;
    if (x.value >= 900_000 && y.value < 900_000) votes++;
  }
  return counted > 0 && votes * 2 > counted;
}

function checkRow(row: SiteRow, ctx: RowContext): SiteRecord | null {
  const { table, columns, options } = ctx;
  if (row.unusable) return null;
  // A comma CSV with an unquoted `13,98` splits the cell and shifts every later one: say so, check nothing else.
  if (table.format === 'csv' && row.cells.length > table.header.length) {
    const why = `has ${row.cells.length} cells but the header has ${table.header.length} (in a comma-separated file, a decimal comma must be in quotes: "13,98")`;
    report(ctx, row, null, why);
    return null;
  }
  let ok = row.point !== null; // a GeoJSON geometry error is already reported
  const bad = (column: SiteColumn | 'geometry', reason: string, value?: string): null => {
    report(ctx, row, column, reason, value);
    ok = false;
    return null;
  };
  const take = <T>(column: SiteColumn, result: Checked<T>): T | null =>
    result.ok ? result.value : bad(column, result.reason);
  const blank = (column: SiteColumn) => ctx.text(row, column) === '';
  /** undefined for a blank optional cell; null once reported. */
  const number = (column: SiteColumn, required: boolean, range?: [number, number, string, boolean?]) => {
    if (blank(column)) return required ? bad(column, 'is empty') : undefined;
    const possible =
      column === 'lat'
        ? (v: number) => Math.abs(v) <= 90
        : column === 'lon'
          ? (v: number) => Math.abs(v) <= 180
          : undefined;
    const value = take(column, readNumber(ctx.text(row, column), ctx.numeric(row, column), ctx.hint, possible));
    const why = value !== null && range ? outside(value, ...range) : null;
    return why ? bad(column, why) : value;
  };

  const siteCode = blank('site') ? bad('site', 'is empty') : ctx.text(row, 'site');
  const technology = blank('technology')
    ? bad('technology', 'is empty')
    : take('technology', readTechnology(ctx.text(row, 'technology')));
  const operatorText = ctx.text(row, 'operator');
  const operator = operatorText !== '' ? normaliseOperator(operatorText) : options.defaultOperator;
  if (operator !== undefined && !/^[A-Z0-9][A-Z0-9 ._-]{0,31}$/.test(operator))
    bad('operator', 'is not an operator code: use letters and digits, up to 32 (e.g. VTL, MBF, VNP)');
  if (siteCode !== null && technology) {
    const sector = ctx.text(row, 'sector');
    // Operators may share a site code; only the same operator's row is a duplicate.
    const key = [operator ?? '', siteCode.toUpperCase(), sector.toUpperCase(), technology].join('\u0000');
    const first = ctx.seen.get(key);
    if (first === undefined) ctx.seen.set(key, row.rowNumber);
    else {
      const why = `duplicates ${table.format === 'geojson' ? 'feature' : 'row'} ${first} (same site, sector and technology${operator ? ` of ${operator}` : ''})`;
      report(ctx, row, 'site', why, [siteCode, sector, technology].filter((p) => p !== '').join(' / '), 'row');
      ok = false;
    }
  }
  let bandMhz: number | null = null;
  if (!blank('band')) bandMhz = take('band', readBandMhz(ctx.text(row, 'band'), ctx.numeric(row, 'band'), ctx.hint));
  else if (technology && options.defaultTechnologyBands?.[technology] !== undefined)
    bandMhz = options.defaultTechnologyBands[technology]!;
  else if (technology || !options.defaultTechnologyBands)
    bad(
      'band',
      options.defaultTechnologyBands ? `is empty and there is no default band for ${technology}` : 'is empty',
    );

  const position = checkPosition(row, ctx, number, bad);
  const antennaHeightM = number('height', true, [0, 300, ' m', true]);
  const azimuthText = ctx.text(row, 'azimuth');
  const omni = azimuthText === '' || foldText(azimuthText) === 'omni';
  const azimuth = omni ? undefined : number('azimuth', true, [0, 360, '°']);
  const mechanicalTiltDeg = number('mechanicalTilt', false, [-20, 45, '°']) ?? 0;
  const electricalTiltDeg = number('electricalTilt', false, [-20, 45, '°']) ?? 0;
  const hBeamwidth = number('hBeamwidth', false, [0, 360, '°', true]);
  const vBeamwidthDeg = number('vBeamwidth', false, [0, 360, '°', true]) ?? DEFAULT_V_BEAMWIDTH;
  let hBeamwidthDeg: number | null = omni ? null : DEFAULT_H_BEAMWIDTH;
  if (typeof hBeamwidth === 'number') {
    if (!omni || hBeamwidth === 360) hBeamwidthDeg = omni ? null : hBeamwidth;
    else
      bad(
        'azimuth',
        `is ${azimuthText === '' ? 'empty' : 'omni'} but the horizontal beamwidth is ${hBeamwidth}°: a directional antenna needs an azimuth (leave the beamwidth blank for an omni antenna)`,
      );
  }

  const power = number('power', false, [-10, 80, ' dBm']);
  const eirp = number('eirp', false, [-10, 80, ' dBm']);
  const gain = number('gain', false);
  const loss = number('loss', false);
  if (typeof loss === 'number' && loss < 0) bad('loss', 'is negative: give the cable loss as a positive number of dB');
  let txPowerDbm = power ?? null;
  let antennaGainDbi = gain ?? 0;
  let cableLossDb = loss ?? 0;
  if (power === undefined && eirp === undefined) bad(columns.power !== undefined ? 'power' : 'eirp', 'is empty');
  else if (power === undefined && typeof eirp === 'number') [txPowerDbm, antennaGainDbi, cableLossDb] = [eirp, 0, 0];
  else if (typeof power === 'number' && typeof eirp === 'number' && gain !== null && loss !== null) {
    const expected = power + antennaGainDbi - cableLossDb;
    if (Math.abs(expected - eirp) > EIRP_TOLERANCE_DB) {
      bad(
        'eirp',
        `does not match transmit power + gain − loss = ${power} + ${antennaGainDbi} − ${cableLossDb} = ${Math.round(expected * 100) / 100} dBm`,
      );
    }
  }
  const environment = take('environment', readEnvironment(ctx.text(row, 'environment')));

  if (!ok || siteCode === null || !technology || bandMhz === null || !position || antennaHeightM == null) return null;
  if (azimuth === null || txPowerDbm === null || !environment) return null;
  return {
    rowNumber: row.rowNumber, siteCode, sector: ctx.text(row, 'sector'), technology, bandMhz, ...position, antennaHeightM,
    azimuthDeg: azimuth === undefined ? null : azimuth % 360, mechanicalTiltDeg, electricalTiltDeg, hBeamwidthDeg,
    vBeamwidthDeg, txPowerDbm, antennaGainDbi, cableLossDb, environment, ...(operator ? { operator } : {}),
  }; // prettier-ignore
}

type NumberOf = (column: SiteColumn, required: boolean) => number | null | undefined;

/** WGS 84 lat/lon from lat/lon columns, projected x/y columns, or a GeoJSON Point; null once reported. */
function checkPosition(
  row: SiteRow,
  ctx: RowContext,
  number: NumberOf,
  bad: (c: SiteColumn | 'geometry', r: string, v?: string) => null,
) {
  let lat: number | null | undefined;
  let lon: number | null | undefined;
  let at: { lat: SiteColumn | 'geometry'; lon: SiteColumn | 'geometry'; value?: string };
  const project = (x: number, y: number) => {
    try {
      [lon, lat] = ctx.options.toWgs84!(x, y);
    } catch {
      [lon, lat] = [NaN, NaN]; // reported below as not convertible
    }
  };
  if (row.point !== undefined) {
    if (!row.point) return null;
    at = { lat: 'geometry', lon: 'geometry', value: JSON.stringify(row.point) };
    if (ctx.table.projected) project(...row.point);
    else [lon, lat] = row.point;
  } else if (ctx.columns.lat !== undefined) {
    at = { lat: 'lat', lon: 'lon' };
    [lat, lon] = [number('lat', true), number('lon', true)];
  } else {
    const [x, y] = [number('x', true), number('y', true)];
    if (typeof x !== 'number' || typeof y !== 'number') return null;
    at = { lat: 'x', lon: 'x', value: `${ctx.text(row, 'x')}; ${ctx.text(row, 'y')}` };
    if (ctx.northFirst) project(y, x);
    else project(x, y);
  }
  if (typeof lat !== 'number' || typeof lon !== 'number') return null;
  const via =
    at.lat === 'lat' ? '' : ` (${at.lat === 'x' ? 'x/y give' : 'the point gives'} latitude ${lat}, longitude ${lon})`;
  if (!Number.isFinite(lat) || !Number.isFinite(lon))
    return bad(at.lat, 'could not be converted to latitude and longitude: check the CRS', at.value);
  if (Math.abs(lat) > 90 && Math.abs(lon) <= 90) {
    return bad(at.lat, `is outside −90..90${via}: latitude and longitude look swapped`, at.value);
  }
  const latWhy = outside(lat, -90, 90, '°');
  const lonWhy = outside(lon, -180, 180, '°');
  if (latWhy) bad(at.lat, `${latWhy}${via}`, at.value);
  if (lonWhy && !(latWhy && at.lat === at.lon)) bad(at.lon, `${lonWhy}${via}`, at.value);
  return latWhy || lonWhy ? null : { lat, lon };
}
