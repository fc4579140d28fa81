/** The sites CSV the coverage intake reads: one row per sector and technology, in the intake's column names. */
import { writeFileSync } from 'node:fs';
import type { GridSite } from '../../src/engines/coverage/predict/site-signal.js';

export interface SiteCsvRow {
  siteCode: string;
  sector: number | string;
  lon: number;
  lat: number;
  /** The radio fields; its operator is written only when some row has one (a last column, operator). */
  radio: Omit<GridSite, 'index' | 'x' | 'y'>;
}

const COLUMNS =
  'site_code,sector,technology,band_mhz,lat,lon,antenna_height_m,azimuth,mechanical_tilt,electrical_tilt,' +
  'h_beamwidth,v_beamwidth,tx_power_dbm,antenna_gain_dbi,cable_loss_db,environment';

export function writeSitesCsvFile(path: string, rows: readonly SiteCsvRow[]): void {
  const withOperator = rows.some((row) => row.radio.operator !== undefined);
  const lines = rows.map(({ siteCode, sector, lon, lat, radio: s }) => {
    const cells: (string | number)[] = [
      siteCode,
      sector,
      s.technology,
      s.bandMhz,
      lat.toFixed(7),
      lon.toFixed(7),
      s.antennaHeightM,
      s.azimuthDeg === null ? '' : s.azimuthDeg.toFixed(1), // blank: omnidirectional
      s.mechanicalTiltDeg,
      s.electricalTiltDeg,
      s.hBeamwidthDeg ?? '', // blank: omnidirectional
      s.vBeamwidthDeg,
      s.txPowerDbm,
      s.antennaGainDbi,
      s.cableLossDb,
      s.environment,
    ];
    if (withOperator) cells.push(s.operator ?? '');
    return cells.join(',');
  });
  const header = withOperator ? `${COLUMNS},operator` : COLUMNS;
  writeFileSync(path, [header, ...lines].join('\n') + '\n');
}
