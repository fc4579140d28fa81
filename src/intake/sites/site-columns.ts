import { Invalid } from '../../domain/errors.js';
import { foldText } from '../fold-text.js';

export type SiteColumn =
  | 'site'
  | 'sector'
  | 'technology'
  | 'band'
  | 'lat'
  | 'lon'
  | 'x'
  | 'y'
  | 'height'
  | 'azimuth'
  | 'mechanicalTilt'
  | 'electricalTilt'
  | 'hBeamwidth'
  | 'vBeamwidth'
  | 'power'
  | 'eirp'
  | 'gain'
  | 'loss'
  | 'environment'
  | 'operator';

/** Header spellings per column, folded (foldText: no case, diacritics, spaces or punctuation). */
const ALIASES: Record<SiteColumn, readonly string[]> = {
  site: ['id', 'site', 'sitecode', 'siteid', 'sitename', 'matram', 'tram'],
  sector: ['sector', 'sectorid', 'cell', 'cellid', 'cellname', 'o', 'mao'],
  technology: ['technology', 'tech', 'rat', 'congnghe'],
  band: ['band', 'bandmhz', 'frequency', 'frequencymhz', 'freq', 'freqmhz', 'tanso', 'tansomhz', 'bangtan'],
  lat: ['lat', 'latitude', 'vido'],
  lon: ['lon', 'lng', 'long', 'longitude', 'kinhdo'],
  x: ['x', 'easting', 'toadox'],
  y: ['y', 'northing', 'toadoy'],
  height: ['height', 'heightm', 'antennaheight', 'antennaheightm', 'docaoanten', 'docao', 'chieucaoanten'],
  azimuth: ['azimuth', 'azimuthdeg', 'azi', 'huong', 'huongphatsong', 'gocphuongvi'],
  mechanicalTilt: ['mechanicaltilt', 'mechanicaltiltdeg', 'mtilt', 'mechtilt', 'donghiengco'],
  // A single "tilt" column is the electrical tilt.
  electricalTilt: ['electricaltilt', 'electricaltiltdeg', 'etilt', 'tilt', 'tiltdeg', 'donghieng', 'donghiengdien'],
  hBeamwidth: ['hbeamwidth', 'hbeamwidthdeg', 'horizontalbeamwidth', 'hbw', 'beamwidth', 'doronbupngang'],
  vBeamwidth: ['vbeamwidth', 'vbeamwidthdeg', 'verticalbeamwidth', 'vbw', 'doronbupdung'],
  power: ['txpowerdbm', 'txpower', 'power', 'powerdbm', 'congsuat', 'congsuatdbm', 'congsuatphat'],
  eirp: ['eirpdbm', 'eirp'],
  gain: ['antennagaindbi', 'antennagain', 'gain', 'gaindbi', 'doloi', 'doloianten', 'doloidbi'],
  loss: ['cablelossdb', 'cableloss', 'loss', 'lossdb', 'suyhao', 'suyhaocap', 'suyhaodb'],
  environment: ['environment', 'env', 'areatype', 'clutter', 'moitruong', 'loaivung'],
  operator: ['operator', 'operatorcode', 'mno', 'network', 'carrier', 'nhamang', 'nhacungcap', 'doanhnghiep'],
};

/** How the file's columns name the fields, for messages: "site code (id, mã trạm)". */
export const COLUMN_LABELS: Record<SiteColumn, string> = {
  site: 'site code (id, site_code, mã trạm)',
  sector: 'sector (cell, ô)',
  technology: 'technology (tech, công nghệ)',
  band: 'band in MHz (band_mhz, frequency, tần số)',
  lat: 'latitude (lat, vĩ độ)',
  lon: 'longitude (lon, lng, kinh độ)',
  x: 'x',
  y: 'y',
  height: 'antenna height (height, antenna_height_m, độ cao anten)',
  azimuth: 'azimuth (hướng)',
  mechanicalTilt: 'mechanical_tilt',
  electricalTilt: 'electrical_tilt (tilt)',
  hBeamwidth: 'h_beamwidth',
  vBeamwidth: 'v_beamwidth',
  power: 'transmit power in dBm (tx_power_dbm, power, công suất) or eirp_dbm',
  eirp: 'eirp_dbm',
  gain: 'antenna_gain_dbi (gain)',
  loss: 'cable_loss_db (loss)',
  environment: 'environment (môi trường)',
  operator: 'operator (nhà mạng)',
};

/** The column a header names, ignoring case, diacritics, spaces and a trailing ` (…)` explanation ("Tần số (MHz)"). */
export function siteColumnOf(header: string): SiteColumn | null {
  const candidates = [foldText(header), foldText(header.replace(/\s*[([].*[)\]]\s*$/, ''))];
  for (const column of Object.keys(ALIASES) as SiteColumn[]) {
    if (candidates.some((c) => c !== '' && ALIASES[column].includes(c))) return column;
  }
  return null;
}

export type ColumnIndex = Partial<Record<SiteColumn, number>>;

/**
 * Where each field is; throws Invalid naming every missing required column (or doubled column).
 * `hasGeometry`: positions come from GeoJSON geometry, so no coordinate columns are needed (or read).
 */
export function mapSiteColumns(
  header: readonly string[],
  where: string,
  options: { hasGeometry: boolean; bandOptional: boolean; noun: 'column' | 'property' },
): ColumnIndex {
  const fail = (message: string): never => {
    throw new Invalid('sites.columns', `${where}: ${message}`, [{ path: where, message }]);
  };
  const found: ColumnIndex = {};
  header.forEach((text, index) => {
    const column = siteColumnOf(text);
    if (!column || (options.hasGeometry && ['lat', 'lon', 'x', 'y'].includes(column))) return;
    const first = found[column];
    if (first !== undefined)
      fail(`${options.noun}s "${header[first]}" and "${text}" both hold the ${COLUMN_LABELS[column]}`);
    found[column] = index;
  });
  const missing: string[] = [];
  const need = (column: SiteColumn) => {
    if (found[column] === undefined) missing.push(COLUMN_LABELS[column]);
  };
  need('site');
  need('technology');
  if (!options.bandOptional) need('band');
  if (!options.hasGeometry) {
    const xy = found.x !== undefined || found.y !== undefined;
    const latLon = found.lat !== undefined || found.lon !== undefined;
    if (!latLon && xy) (['x', 'y'] as const).forEach(need);
    else if (latLon) (['lat', 'lon'] as const).forEach(need);
    else missing.push('position: latitude and longitude (lat/lon, vĩ độ/kinh độ) or projected x and y');
  }
  need('height');
  if (found.power === undefined && found.eirp === undefined) need('power');
  if (missing.length > 0) {
    const seen = header.filter((h) => h.trim() !== '').map((h) => `"${h}"`);
    fail(
      `missing ${options.noun}${missing.length > 1 ? 's' : ''} ${missing.join('; ')}; ${options.noun}s found: ${seen.join(', ') || 'none'}`,
    );
  }
  return found;
}
