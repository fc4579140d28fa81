import { formatRowError, type RowError } from '../../../intake/row-error.js';

import type { Technology } from '../../../domain/coverage/technology.js';

export type { Technology };
export type Environment = 'urban' | 'suburban' | 'rural';

/** One sector (or omni cell) of one site, validated, in WGS 84. */
export interface SiteRecord {
  /** The spreadsheet row or CSV record (1-based), or the GeoJSON feature index + 1. */
  rowNumber: number;
  siteCode: string;
  /** '' when the file has no sector column or the cell is blank. */
  sector: string;
  technology: Technology;
  bandMhz: number;
  lat: number;
  lon: number;
  antennaHeightM: number;
  /** Degrees clockwise from north, 0 ≤ a < 360; null = omni. */
  azimuthDeg: number | null;
  mechanicalTiltDeg: number;
  electricalTiltDeg: number;
  /** null = omni (no azimuth and no beamwidth given). */
  hBeamwidthDeg: number | null;
  vBeamwidthDeg: number;
  /** Transmit power at the antenna port; equals the EIRP (with gain and loss 0) when only an EIRP was given. */
  txPowerDbm: number;
  antennaGainDbi: number;
  cableLossDb: number;
  environment: Environment;
}

/**
 * A RowError whose `field` is 'value' for a bad cell and 'row' for a whole-row problem. In a GeoJSON
 * file (`location: 'feature'`) `row` is the feature index + 1 and `column` the property name (or 'geometry').
 */
export interface SiteError extends RowError {
  location: 'row' | 'feature';
}

/** `sites.csv, row 4, column "Độ cao anten": "-5" is …`, or `sites.geojson, feature 12 (features[11]), property "height": …` */
export function formatSiteError(e: SiteError): string {
  if (e.location === 'row') return formatRowError(e);
  const where = [e.file, `feature ${e.row} (features[${e.row - 1}])`, e.column ? `property "${e.column}"` : null];
  const subject = e.value !== '' ? `"${e.value}"` : e.field === 'row' ? 'the feature' : 'the property';
  return `${where.filter((p) => p !== null).join(', ')}: ${subject} ${e.reason}`;
}
