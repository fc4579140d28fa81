import { deferAggregates, rebuildAggregates } from './stored-aggregates.js';
import type { Database, Queryable } from './database.js';
import { ensurePeriods } from './periods.js';
import { appendAudit } from './audit-log.js';
import { findIndicator } from './indicators.js';
import { findUnit } from './org-units.js';
import { rollUp } from './roll-ups.js';
import { loadGiaLaiUnits } from '../demo/gia-lai-units.js';
import { generateProvinceGeometry } from '../demo/province-geometry.js';
import { buildDemoUnits, GIA_LAI_CODE, type DemoUnit } from '../demo/demo-province.js';
import { buildDemoValues, type ReportedFigures } from '../demo/demo-values.js';
import { DEMO_VALIDATION_RULES, INDICATOR_CATALOGUE } from '../demo/indicator-catalogue.js';
import { commitmentsFrom, loadAgreementFile, reportedFigure, type AgreementFile } from '../demo/agreement-seed.js';
import { interpolateTarget } from '../domain/indicators/progress.js';

export const DEMO_AGREEMENT_CODE = 'GL-VTL-2025';
const DEMO_USER = 'demo-seed';
const BASELINE_YEAR = 2025;
const CHUNK = 5000;

export interface SeedReport {
  seeded: boolean;
  units: number;
  indicators: number;
  values: number;
}

export async function isDemoSeeded(db: Queryable): Promise<boolean> {
  const rows = await db.query('select 1 from agreement where code = $1', [DEMO_AGREEMENT_CODE]);
  return rows.length > 0;
}

/** True when nothing has been loaded yet: the embedded database then gets the demo on first start. */
export async function isEmpty(db: Queryable): Promise<boolean> {
  const rows = await db.query('select 1 from org_unit limit 1');
  return rows.length === 0;
}

function reportedFigures(file: AgreementFile): ReportedFigures {
  const figure = (code: keyof ReportedFigures) => {
    const value = reportedFigure(file, code);
    if (typeof value !== 'number')
      throw new Error(`agreement-gia-lai-2025.json: results_2023_2025 has no figure for ${code}`);
    return value;
  };
  return {
    POP_COV_4G: figure('POP_COV_4G'),
    POP_COV_2G: figure('POP_COV_2G'),
    SITES_5G: figure('SITES_5G'),
    SCHOOLS_FREE_INTERNET: figure('SCHOOLS_FREE_INTERNET'),
    TEACHERS_DIGITAL_SIGNATURE: figure('TEACHERS_DIGITAL_SIGNATURE'),
    MARKETS_4_0: figure('MARKETS_4_0'),
    E_INVOICES: figure('E_INVOICES'),
  };
}

async function insertUnits(tx: Queryable, units: readonly DemoUnit[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const unit of units) {
    const [row] = await tx.query<{ id: number }>(
      `insert into org_unit (code, parent_id, level, unit_type, name_vi, name_en, source, population, area_km2,
                             is_border, is_economic_zone, boundary, is_demo)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) returning id`,
      [
        unit.code,
        unit.parentCode ? ids.get(unit.parentCode) : null,
        unit.level,
        unit.unitType,
        unit.nameVi,
        unit.nameEn,
        unit.source,
        unit.population,
        unit.areaKm2,
        unit.isBorder,
        unit.isEconomicZone,
        unit.boundary === null ? null : JSON.stringify(unit.boundary),
        unit.isDemo,
      ],
    );
    ids.set(unit.code, row!.id);
  }
  return ids;
}

async function insertAgreement(tx: Queryable, file: AgreementFile, provinceId: number): Promise<Map<string, number>> {
  const [agreement] = await tx.query<{ id: number }>(
    `insert into agreement (code, title_vi, title_en, signed_on, period_from, period_to, province_unit_id, source)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
    [
      DEMO_AGREEMENT_CODE,
      'Thỏa thuận hợp tác chuyển đổi số giai đoạn 2025–2030 giữa UBND tỉnh Gia Lai và Tập đoàn Viettel',
      'Digital-transformation cooperation agreement 2025–2030 between Gia Lai Province and Viettel',
      file.signed_on,
      file.period.from,
      file.period.to,
      provinceId,
      file.source,
    ],
  );
  const agreementId = agreement!.id;
  for (const party of file.parties) {
    await tx.query(
      'insert into agreement_party (agreement_id, code, role, name_vi, name_en) values ($1, $2, $3, $4, $5)',
      [agreementId, party.code, party.role, party.name_vi, party.name_en],
    );
  }
  const areaIds = new Map<string, number>();
  for (const [position, area] of file.areas.entries()) {
    const [row] = await tx.query<{ id: number }>(
      'insert into agreement_area (agreement_id, code, position, name_vi, name_en) values ($1, $2, $3, $4, $5) returning id',
      [agreementId, area.code, position + 1, area.name_vi, area.name_en],
    );
    areaIds.set(area.code, row!.id);
  }
  for (const commitment of commitmentsFrom(file)) {
    await tx.query(
      `insert into commitment (agreement_id, area_id, owner_party, text_vi, text_en, due_date, status, is_demo)
       values ($1, $2, $3, $4, $5, $6, $7, true)`,
      [
        agreementId,
        commitment.areaCode ? areaIds.get(commitment.areaCode) : null,
        commitment.ownerParty,
        commitment.textVi,
        commitment.textEn,
        commitment.dueDate,
        commitment.status,
      ],
    );
  }
  return areaIds;
}

async function insertIndicators(tx: Queryable, areaIds: Map<string, number>): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const [position, d] of INDICATOR_CATALOGUE.entries()) {
    const [row] = await tx.query<{ id: number }>(
      `insert into indicator (code, name_vi, name_en, unit_vi, unit_en, area_id, pillar, value_type, unit_aggregation,
                              threshold, time_aggregation, direction, reporting_level, decimals, position, is_demo, formula,
                              reporting_party, is_public, period_type)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, 'month') returning id`,
      [
        d.code,
        d.nameVi,
        d.nameEn,
        d.unitVi,
        d.unitEn,
        areaIds.get(d.areaCode),
        d.pillar,
        d.valueType,
        d.unitAggregation,
        d.threshold,
        d.timeAggregation,
        d.direction,
        d.reportingLevel,
        d.decimals,
        position + 1,
        d.isDemo,
        d.formula ?? null,
        d.reportingParty,
        d.isPublic,
      ],
    );
    ids.set(d.code, row!.id);
  }
  return ids;
}

async function insertTargets(
  tx: Queryable,
  file: AgreementFile,
  indicatorIds: Map<string, number>,
  provinceId: number,
) {
  const province = await findUnit(tx, GIA_LAI_CODE);
  for (const d of INDICATOR_CATALOGUE) {
    const indicatorId = indicatorIds.get(d.code)!;
    const reported = reportedFigure(file, d.code);
    // The agreement's results are the 2025 baselines; "done, no figure" counts as yes.
    let baseline: number | null = reported === undefined ? null : reported === null ? 1 : reported;
    const fromAgreement = baseline !== null;
    if (baseline === null)
      baseline = (await rollUp(tx, await findIndicator(tx, d.code), province, String(BASELINE_YEAR))).value;
    if (baseline === null) continue;
    await tx.query(
      `insert into indicator_target (indicator_id, org_unit_id, year, kind, value, source, is_demo)
       values ($1, $2, $3, 'baseline', $4, $5, $6)`,
      [
        indicatorId,
        provinceId,
        BASELINE_YEAR,
        baseline,
        fromAgreement ? 'agreement report 2025-09-11' : 'demo roll-up',
        !fromAgreement,
      ],
    );
    for (let year = BASELINE_YEAR + 1; year <= file.period.to; year += 1) {
      const exact = interpolateTarget(
        { year: BASELINE_YEAR, value: baseline },
        { year: file.period.to, value: d.target2030 },
        year,
      );
      const value = d.valueType === 'count' ? Math.round(exact) : Math.round(exact * 100) / 100;
      await tx.query(
        `insert into indicator_target (indicator_id, org_unit_id, year, kind, value, source, is_demo)
         values ($1, $2, $3, 'target', $4, 'demo target', true)`,
        [indicatorId, provinceId, year, value],
      );
    }
  }
}

/** The province's 2024 and 2025 figures were published at the signing: approved, so the public sees them. */
export const DEMO_PUBLISHED_YEARS = ['2024', '2025'] as const;

async function publishReportedYears(tx: Queryable, provinceId: number) {
  const periodIds = await ensurePeriods(tx, DEMO_PUBLISHED_YEARS);
  for (const year of DEMO_PUBLISHED_YEARS) {
    await tx.query(
      `insert into approval (org_unit_id, period_id, status, updated_by, submitted_by, reason)
       values ($1, $2, 'approved', $3, $3, 'published at the signing of the agreement (demo)')`,
      [provinceId, periodIds.get(year), DEMO_USER],
    );
  }
}

/**
 * Loads the Gia Lai demo: the agreement, its indicators, the province with synthetic geometry and
 * population, and monthly values for 2024–2025 — all in one transaction. Does nothing when the demo
 * is already there.
 */
export async function seedDemo(db: Database): Promise<SeedReport> {
  if (await isDemoSeeded(db)) return { seeded: false, units: 0, indicators: 0, values: 0 };
  const file = loadAgreementFile();
  const inputs = loadGiaLaiUnits();
  const units = buildDemoUnits(inputs, generateProvinceGeometry(inputs));
  const values = buildDemoValues(units, reportedFigures(file));
  return db.transaction(async (tx) => {
    // A bulk load: the stored aggregates are built once at the end, not refreshed by every statement.
    await deferAggregates(tx);
    const unitIds = await insertUnits(tx, units);
    const areaIds = await insertAgreement(tx, file, unitIds.get(GIA_LAI_CODE)!);
    const indicatorIds = await insertIndicators(tx, areaIds);
    const periodIds = await ensurePeriods(
      tx,
      values.map((v) => v.period),
    );
    for (let start = 0; start < values.length; start += CHUNK) {
      const chunk = values.slice(start, start + CHUNK);
      await tx.query(
        `insert into indicator_value (indicator_id, org_unit_id, period_id, value, source, updated_by, is_demo)
         select i, u, p, v, 'demo', $5, true from unnest($1::int[], $2::int[], $3::int[], $4::float8[]) as t(i, u, p, v)`,
        [
          chunk.map((v) => indicatorIds.get(v.indicatorCode)),
          chunk.map((v) => unitIds.get(v.unitCode)),
          chunk.map((v) => periodIds.get(v.period)),
          chunk.map((v) => v.value),
          DEMO_USER,
        ],
      );
    }
    // Built once here: the targets below are computed from the values' roll-ups.
    await rebuildAggregates(tx);
    await insertTargets(tx, file, indicatorIds, unitIds.get(GIA_LAI_CODE)!);
    await publishReportedYears(tx, unitIds.get(GIA_LAI_CODE)!);
    for (const rule of DEMO_VALIDATION_RULES) {
      await tx.query(
        `insert into validation_rule (code, name_vi, name_en, left_formula, operator, right_formula, importance, is_demo)
         values ($1, $2, $3, $4, $5, $6, $7, true)`,
        [rule.code, rule.nameVi, rule.nameEn, rule.left, rule.operator, rule.right, rule.importance],
      );
    }
    // One record for the whole load: the demo's values are synthetic, not changes anybody made.
    await appendAudit(tx, { actor: DEMO_USER, requestId: null, reason: 'demo data (synthetic)', source: 'demo' }, [
      {
        action: 'demo.load',
        entity: 'dataset',
        entityKey: { agreement: DEMO_AGREEMENT_CODE },
        oldValue: null,
        newValue: {
          units: units.length,
          indicators: indicatorIds.size,
          values: values.length,
          approved: DEMO_PUBLISHED_YEARS.map((year) => `${GIA_LAI_CODE} ${year}`),
        },
      },
    ]);
    return { seeded: true, units: units.length, indicators: indicatorIds.size, values: values.length };
  });
}
