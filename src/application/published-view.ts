import type { Database } from '../db/database.js';
import { approvedAbove, approvedPeriodsAbove } from '../db/approvals.js';
import { findUnit, type StoredUnit } from '../db/org-units.js';
import { findIndicator, listIndicators } from '../db/indicators.js';
import { progressSummary } from '../db/progress-summary.js';
import { rollUpSeries, type RolledUpValue } from '../db/roll-ups.js';
import { actorCan, type Actor } from '../domain/auth/actor.js';
import { isPublished, latestPublishedYear } from '../domain/approval/published.js';
import type { IndicatorProgress, ProgressSummary } from '../domain/overview-contract.js';
import { NotFound } from '../domain/errors.js';
import type { Period, PeriodType } from '../domain/periods.js';

/** Signed-in readers see every stored value; everyone else only published figures (approved, public indicators). */
export function seesAllData(actor: Actor): boolean {
  return actorCan(actor, 'data.read');
}

function withheld(indicator: IndicatorProgress, published: (period: string) => boolean): IndicatorProgress {
  const series = indicator.series.map((point) => (published(point.period) ? point : { ...point, value: null }));
  if (published(indicator.period)) return { ...indicator, series, computed: null };
  return {
    ...indicator,
    current: null,
    coverage: { reported: 0, expected: indicator.coverage.expected },
    attainment: null,
    series,
    status: 'not_published',
    expected: null,
    computed: null,
  };
}

/**
 * The overview for an actor. The public gets the same document with only what is published: public indicators,
 * and values only for periods approved whole at the unit or above (a draft never reaches it). Without a year the
 * public overview opens on the latest year published.
 */
export async function progressFor(
  db: Database,
  actor: Actor,
  unitCode: string,
  year?: number,
): Promise<ProgressSummary> {
  if (seesAllData(actor)) return { ...(await progressSummary(db, unitCode, year)), view: 'all' };
  const unit = await findUnit(db, unitCode);
  const approved = await approvedPeriodsAbove(db, unit.id);
  const publishedYear = latestPublishedYear(approved);
  const summary = await progressSummary(db, unitCode, year ?? publishedYear ?? undefined);
  const publicCodes = new Set((await listIndicators(db)).filter((i) => i.isPublic).map((i) => i.code));
  const published = (period: string) => isPublished(approved, period);
  return {
    ...summary,
    view: 'published',
    yearChoice: year === undefined && publishedYear !== null ? 'published' : summary.yearChoice,
    defaultYear: publishedYear ?? summary.defaultYear,
    // Drafts' reporting counts are not public: the public picks among published years only.
    years: summary.years?.filter((y) => published(String(y.year))),
    areas: summary.areas.map((area) => ({
      ...area,
      indicators: area.indicators.filter((i) => publicCodes.has(i.code)).map((i) => withheld(i, published)),
    })),
  };
}

/** An indicator the actor may read figures of: the public reads public indicators only. */
export async function readableIndicator(db: Database, actor: Actor, code: string) {
  const indicator = await findIndicator(db, code);
  if (!seesAllData(actor) && !indicator.isPublic)
    throw new NotFound('indicator.not_found', `No indicator has the code "${code}"`, undefined, { code });
  return indicator;
}

/** Which of a unit's periods the actor may see values for. */
export async function publishedFilter(
  db: Database,
  actor: Actor,
  unit: StoredUnit,
): Promise<(period: string) => boolean> {
  if (seesAllData(actor)) return () => true;
  const approved = await approvedPeriodsAbove(db, unit.id);
  return (period) => isPublished(approved, period);
}

/** publishedFilter for several units at once (the map's communes), in one query. */
export async function publishedFilters(
  db: Database,
  actor: Actor,
  unitIds: readonly number[],
): Promise<(unitId: number, period: string) => boolean> {
  if (seesAllData(actor)) return () => true;
  const approvals = await approvedAbove(db, unitIds);
  return (unitId, period) =>
    isPublished(
      (approvals.get(unitId) ?? []).map((a) => a.period),
      period,
    );
}

/** A roll-up series for an actor: for the public, values of periods not published are withheld (null, 0 reported). */
export async function rollUpFor(
  db: Database,
  actor: Actor,
  indicatorCode: string,
  unitCode: string,
  range: { from: Period; to: Period; bucket: PeriodType },
): Promise<{ indicator: string; unit: string; values: (RolledUpValue & { published?: boolean })[] }> {
  const indicator = await readableIndicator(db, actor, indicatorCode);
  const unit = await findUnit(db, unitCode);
  const values = await rollUpSeries(db, indicator, unit, range);
  if (seesAllData(actor)) return { indicator: indicator.code, unit: unit.code, values };
  const published = await publishedFilter(db, actor, unit);
  return {
    indicator: indicator.code,
    unit: unit.code,
    values: values.map((v) =>
      published(v.period) ? { ...v, published: true } : { ...v, value: null, reported: 0, published: false },
    ),
  };
}
