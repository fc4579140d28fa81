import type { Queryable } from './database.js';
import { appendAudit, type NewAuditEntry, type WriteContext } from './audit-log.js';
import type { SiteRecord } from '../domain/coverage/site-record.js';

/** A stored site: what a file gave, without its row number, with its operator always named. */
export type CellSite = Omit<SiteRecord, 'rowNumber' | 'operator'> & { operator: string; isDemo: boolean };
/** A sector to store: the operator is required (the caller applies the main operator to rows naming none). */
export type NewCellSite = Omit<SiteRecord, 'rowNumber' | 'operator'> & { operator: string };

const SELECT_SITES = `select operator, site_code as "siteCode", sector, technology, band_mhz as "bandMhz", lat, lon,
  antenna_height_m as "antennaHeightM", azimuth_deg as "azimuthDeg", mechanical_tilt_deg as "mechanicalTiltDeg",
  electrical_tilt_deg as "electricalTiltDeg", h_beamwidth_deg as "hBeamwidthDeg", v_beamwidth_deg as "vBeamwidthDeg",
  tx_power_dbm as "txPowerDbm", antenna_gain_dbi as "antennaGainDbi", cable_loss_db as "cableLossDb", environment,
  is_demo as "isDemo" from cell_site`;

export async function listSites(db: Queryable, technology?: string): Promise<CellSite[]> {
  return technology
    ? db.query<CellSite>(`${SELECT_SITES} where technology = $1 order by operator, site_code, sector`, [technology])
    : db.query<CellSite>(`${SELECT_SITES} order by technology, operator, site_code, sector`);
}

const keyOf = (s: { operator: string; siteCode: string; sector: string; technology: string }) =>
  `${s.operator}\u0000${s.siteCode}\u0000${s.sector}\u0000${s.technology}`;
// What makes two versions of a sector the same, in a fixed order so they compare as JSON.
const SITE_FIELDS = [
  'operator', 'siteCode', 'sector', 'technology', 'bandMhz', 'lat', 'lon', 'antennaHeightM', 'azimuthDeg', 'mechanicalTiltDeg',
  'electricalTiltDeg', 'hBeamwidthDeg', 'vBeamwidthDeg', 'txPowerDbm', 'antennaGainDbi', 'cableLossDb', 'environment',
] as const; // prettier-ignore
const comparable = (s: NewCellSite | CellSite) => Object.fromEntries(SITE_FIELDS.map((field) => [field, s[field]]));

/**
 * Saves a site set: new sectors are added, changed ones updated, and with `replace` the sectors
 * missing from the set are removed. Every change is audited, so the site list is versioned like values.
 */
export async function saveSites(
  tx: Queryable,
  sites: readonly NewCellSite[],
  options: { replace: boolean; isDemo?: boolean },
  context: WriteContext,
): Promise<{ inserted: number; updated: number; deleted: number; unchanged: number }> {
  const existing = new Map((await listSites(tx)).map((s) => [keyOf(s), s]));
  const summary = { inserted: 0, updated: 0, deleted: 0, unchanged: 0 };
  const audit: NewAuditEntry[] = [];
  const seen = new Set<string>();
  for (const site of sites) {
    const key = keyOf(site);
    seen.add(key);
    const before = existing.get(key);
    const after = comparable(site);
    if (before && JSON.stringify(comparable(before)) === JSON.stringify(after)) {
      summary.unchanged += 1;
      continue;
    }
    await tx.query(
      `insert into cell_site (operator, site_code, sector, technology, band_mhz, lat, lon, antenna_height_m, azimuth_deg, mechanical_tilt_deg,
         electrical_tilt_deg, h_beamwidth_deg, v_beamwidth_deg, tx_power_dbm, antenna_gain_dbi, cable_loss_db, environment, is_demo, updated_by)
       values ($19, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
       on conflict (operator, site_code, sector, technology) do update set band_mhz = excluded.band_mhz, lat = excluded.lat, lon = excluded.lon,
         antenna_height_m = excluded.antenna_height_m, azimuth_deg = excluded.azimuth_deg, mechanical_tilt_deg = excluded.mechanical_tilt_deg,
         electrical_tilt_deg = excluded.electrical_tilt_deg, h_beamwidth_deg = excluded.h_beamwidth_deg, v_beamwidth_deg = excluded.v_beamwidth_deg,
         tx_power_dbm = excluded.tx_power_dbm, antenna_gain_dbi = excluded.antenna_gain_dbi, cable_loss_db = excluded.cable_loss_db,
         environment = excluded.environment, is_demo = excluded.is_demo, updated_by = excluded.updated_by, updated_at = now()`,
      [
        site.siteCode,
        site.sector,
        site.technology,
        site.bandMhz,
        site.lat,
        site.lon,
        site.antennaHeightM,
        site.azimuthDeg,
        site.mechanicalTiltDeg,
        site.electricalTiltDeg,
        site.hBeamwidthDeg,
        site.vBeamwidthDeg,
        site.txPowerDbm,
        site.antennaGainDbi,
        site.cableLossDb,
        site.environment,
        options.isDemo ?? false,
        context.actor,
        site.operator,
      ],
    );
    if (before) summary.updated += 1;
    else summary.inserted += 1;
    audit.push({
      action: before ? 'site.update' : 'site.insert',
      entity: 'cell_site',
      entityKey: { operator: site.operator, site: site.siteCode, sector: site.sector, technology: site.technology },
      oldValue: before ? comparable(before) : null,
      newValue: after,
    });
  }
  if (options.replace) {
    for (const [key, before] of existing) {
      if (seen.has(key)) continue;
      await tx.query(
        'delete from cell_site where operator = $1 and site_code = $2 and sector = $3 and technology = $4',
        [before.operator, before.siteCode, before.sector, before.technology],
      );
      summary.deleted += 1;
      audit.push({
        action: 'site.delete',
        entity: 'cell_site',
        entityKey: {
          operator: before.operator,
          site: before.siteCode,
          sector: before.sector,
          technology: before.technology,
        },
        oldValue: comparable(before),
        newValue: null,
      });
    }
  }
  await appendAudit(tx, context, audit);
  return summary;
}
