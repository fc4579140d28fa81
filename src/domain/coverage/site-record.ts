import type { Technology } from './technology.js';

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
  /** Network operator code (e.g. VTL, MBF, VNP); absent = the run's main operator (operators.ts). */
  operator?: string;
}
