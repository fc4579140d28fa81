import type { SiteRecord } from '../../domain/coverage/site-record.js';
import { toGridCell } from './analysis-grid.js';
import type { GridSite } from './predict/site-signal.js';
import type { GridSpec } from './raster/raster.js';

/** Site records on the analysis grid, in order (`index` = position in the list). */
export function toGridSites(sites: readonly SiteRecord[], grid: GridSpec): GridSite[] {
  return sites.map((s, index) => {
    const { x, y } = toGridCell(s.lon, s.lat, grid);
    return {
      index,
      technology: s.technology,
      x,
      y,
      bandMhz: s.bandMhz,
      antennaHeightM: s.antennaHeightM,
      azimuthDeg: s.azimuthDeg,
      mechanicalTiltDeg: s.mechanicalTiltDeg,
      electricalTiltDeg: s.electricalTiltDeg,
      hBeamwidthDeg: s.hBeamwidthDeg,
      vBeamwidthDeg: s.vBeamwidthDeg,
      txPowerDbm: s.txPowerDbm,
      antennaGainDbi: s.antennaGainDbi,
      cableLossDb: s.cableLossDb,
      environment: s.environment,
      ...(s.operator ? { operator: s.operator } : {}),
    };
  });
}
