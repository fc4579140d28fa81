import type { Queryable } from './database.js';
import { findUnit, type StoredUnit } from './org-units.js';
import { findAgreement, findAgreementForProvince } from './agreements.js';
import { yearsReporting } from './reporting-completeness.js';
import {
  chooseDefaultYear,
  MIN_REPORTING_SHARE,
  reportingShare,
  type YearChoice,
} from '../domain/reporting/default-period.js';
import { findIndicator, listIndicators, type Indicator } from './indicators.js';
import { effectiveTargets } from './unit-targets.js';
import { rollUp, rollUpSeries } from './roll-ups.js';
import { attainment } from '../domain/indicators/progress.js';
import { LEVEL_DEPTH } from '../domain/indicators/indicator-rule.js';
import { parsePeriod, yearPeriod } from '../domain/periods.js';
import { endOf } from '../domain/targets/trajectory.js';
import { STATUS_RULE_EN, STATUS_RULE_VI, trackStatus } from '../domain/targets/status.js';
import { NotFound } from '../domain/errors.js';
import type { IndicatorProgress, ProgressSummary } from '../domain/overview-contract.js';

async function provinceOf(db: Queryable, unit: StoredUnit): Promise<StoredUnit | null> {
  if (unit.level === 'province') return unit;
  if (unit.level === 'commune' && unit.parentCode) return findUnit(db, unit.parentCode);
  return null;
}

async function indicatorProgress(
  db: Queryable,
  indicator: Indicator,
  unit: StoredUnit,
  year: number,
): Promise<IndicatorProgress> {
  const reportable = LEVEL_DEPTH[unit.level] <= LEVEL_DEPTH[indicator.reportingLevel];
  const current = reportable
    ? await rollUp(db, indicator, unit, String(year))
    : { value: null, reported: 0, expected: 0 };
  const series = reportable
    ? await rollUpSeries(db, indicator, unit, { from: yearPeriod(year - 1), to: yearPeriod(year), bucket: 'month' })
    : [];
  const { targets, source: targetSource } = await effectiveTargets(db, indicator, unit);
  const baseline = targets.filter((t) => t.kind === 'baseline' && t.year <= year).at(-1) ?? null;
  const target = targets.filter((t) => t.kind === 'target').at(-1) ?? null;
  const track = trackProgress(indicator, current.value, series, baseline, targets);
  const computed =
    indicator.computedCode && reportable ? await computedValue(db, indicator.computedCode, unit, year) : null;
  return {
    code: indicator.code,
    nameVi: indicator.nameVi,
    nameEn: indicator.nameEn,
    unitVi: indicator.unitVi,
    unitEn: indicator.unitEn,
    // Yes/no per commune becomes a percent of communes once rolled up above the reporting level.
    valueType:
      indicator.unitAggregation === 'share_meeting' && LEVEL_DEPTH[unit.level] < LEVEL_DEPTH[indicator.reportingLevel]
        ? 'percent'
        : indicator.valueType,
    decimals: indicator.decimals,
    direction: indicator.direction,
    isDemo: indicator.isDemo || unit.isDemo,
    period: String(year),
    current: current.value,
    coverage: { reported: current.reported, expected: current.expected },
    baseline: baseline && { year: baseline.year, value: baseline.value },
    target: target && { year: target.year, value: target.value },
    ...(targetSource === 'none' ? {} : { targetSource }),
    attainment: attainment(current.value, target?.value ?? null, indicator.direction),
    series: series.map((point) => ({ period: point.period, value: point.value })),
    status: track.status,
    expected: track.expected,
    computed,
  };
}

/** The coverage engine's figure for a reported indicator, for the same unit and year, if a run wrote one. */
async function computedValue(db: Queryable, code: string, unit: StoredUnit, year: number) {
  const twin = await findIndicator(db, code);
  const value = await rollUp(db, twin, unit, String(year));
  return value.value === null ? null : { code: twin.code, value: value.value };
}

/**
 * Status against the trajectory at the time of the latest reported month. A flow's year-to-date sum
 * is scaled to a full year first, since its yearly targets are whole-year amounts.
 */
function trackProgress(
  indicator: Indicator,
  current: number | null,
  series: readonly { period: string; value: number | null }[],
  baseline: { year: number; value: number } | null,
  targets: readonly { year: number; kind: string; value: number }[],
) {
  const yearly = targets.filter((t) => t.kind === 'target').map((t) => ({ year: t.year, value: t.value }));
  if (!baseline) return { status: yearly.length ? ('no_data' as const) : ('no_target' as const), expected: null };
  const latest = series.filter((p) => p.value !== null).at(-1);
  if (!latest || current === null)
    return trackStatus({
      actual: null,
      baseline,
      targets: yearly,
      direction: indicator.direction,
      at: { year: baseline.year, fraction: 1 },
    });
  const at = endOf(parsePeriod(latest.period));
  const actual = indicator.timeAggregation === 'sum' ? current / at.fraction : current;
  const flowAt = indicator.timeAggregation === 'sum' ? { year: at.year, fraction: 1 } : at;
  return trackStatus({ actual, baseline, targets: yearly, direction: indicator.direction, at: flowAt });
}

/** Everything the overview shows for one unit: each area of its agreement with its indicators' progress. */
export async function progressSummary(
  db: Queryable,
  unitCode: string,
  requestedYear?: number,
): Promise<ProgressSummary> {
  const unit = await findUnit(db, unitCode);
  const province = await provinceOf(db, unit);
  const summary = province ? await findAgreementForProvince(db, province.code) : null;
  if (!summary)
    throw new NotFound('agreement.not_found', `No agreement covers the unit "${unitCode}"`, undefined, {
      unit: unitCode,
    });
  const agreement = await findAgreement(db, summary.code);
  const years = await yearsReporting(db, unit.id);
  const chosen = chooseDefaultYear(years);
  const year = requestedYear ?? chosen?.year ?? agreement.periodFrom;
  const yearChoice: YearChoice = requestedYear !== undefined ? 'requested' : (chosen?.choice ?? 'latest_with_data');
  const all = await listIndicators(db);
  // Computed twins are shown beside the reported indicator, not as cards of their own.
  const twins = new Set(all.map((i) => i.computedCode).filter((code) => code !== null));
  const indicators = all.filter((i) => !twins.has(i.code));
  const areas = [];
  for (const area of agreement.areas) {
    const progress = [];
    for (const indicator of indicators.filter((i) => i.areaCode === area.code)) {
      progress.push(await indicatorProgress(db, indicator, unit, year));
    }
    areas.push({ code: area.code, nameVi: area.nameVi, nameEn: area.nameEn, indicators: progress });
  }
  const { id: _id, ...publicUnit } = unit;
  return {
    unit: publicUnit,
    year,
    yearChoice,
    defaultYear: chosen?.year ?? agreement.periodFrom,
    minReportingShare: MIN_REPORTING_SHARE,
    years: years.map((y) => ({ ...y, share: reportingShare(y) })),
    agreement: {
      code: agreement.code,
      titleVi: agreement.titleVi,
      titleEn: agreement.titleEn,
      periodFrom: agreement.periodFrom,
      periodTo: agreement.periodTo,
    },
    isDemo: unit.isDemo || areas.some((a) => a.indicators.some((i) => i.isDemo)),
    statusRule: { vi: STATUS_RULE_VI, en: STATUS_RULE_EN },
    areas,
  };
}
