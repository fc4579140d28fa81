import type { Queryable } from './database.js';
import { findIndicator, listIndicators, type Indicator } from './indicators.js';
import { findUnit, unitsAtLevelBelow, unitsBelowCte, type StoredUnit } from './org-units.js';
import { rollUp } from './roll-ups.js';
import { listValidationRules } from './validation-rules.js';
import { evaluateFormula, formulaReferences, parseFormula } from '../domain/indicators/formula/index.js';
import { LEVEL_DEPTH, type UnitLevel } from '../domain/indicators/indicator-rule.js';
import { checkRule, sortViolations, type Violation } from '../domain/validation/rule-check.js';
import { explanationsBelow, findingKeyOf, type FindingExplanation } from './finding-explanations.js';
import { findOutliers } from '../domain/validation/outliers.js';
import { isMaterialChange } from '../domain/validation/materiality.js';
import { checkValue } from '../domain/indicators/value-check.js';
import { addMonths, monthsOf, parsePeriod, type Period } from '../domain/periods.js';

const OUTLIER_HISTORY_MONTHS = 24;

/** The coarsest level among the stored indicators a formula needs: every part can be rolled up to it. */
async function ruleLevel(db: Queryable, codes: readonly string[]): Promise<UnitLevel> {
  let level: UnitLevel = 'commune';
  const visit = async (code: string) => {
    const indicator = await findIndicator(db, code);
    if (indicator.formula) {
      for (const part of formulaReferences(parseFormula(indicator.formula))) await visit(part);
    } else if (LEVEL_DEPTH[indicator.reportingLevel] < LEVEL_DEPTH[level]) level = indicator.reportingLevel;
  };
  for (const code of codes) await visit(code);
  return level;
}

async function ruleViolations(db: Queryable, root: StoredUnit, period: Period): Promise<Violation[]> {
  const violations: Violation[] = [];
  for (const rule of await listValidationRules(db)) {
    const left = parseFormula(rule.left);
    const shown = { ...rule, left: rule.left.replace(/[{}]/g, ''), right: rule.right.replace(/[{}]/g, '') }; // messages read better without braces
    const right = parseFormula(rule.right);
    const codes = [...new Set([...formulaReferences(left), ...formulaReferences(right)])];
    const level = await ruleLevel(db, codes);
    if (LEVEL_DEPTH[root.level] > LEVEL_DEPTH[level]) continue;
    const indicators = new Map<string, Indicator>();
    for (const code of codes) indicators.set(code, await findIndicator(db, code));
    for (const leaf of await unitsAtLevelBelow(db, root.id, level)) {
      const unit = await findUnit(db, leaf.code);
      const values = new Map<string, number | null>();
      for (const [code, indicator] of indicators)
        values.set(code, (await rollUp(db, indicator, unit, period.code)).value);
      const lookup = (code: string) => values.get(code) ?? null;
      const result = checkRule(shown, evaluateFormula(left, lookup), evaluateFormula(right, lookup));
      if (result.status === 'fail') {
        violations.push({
          kind: 'rule',
          ruleCode: rule.code,
          indicator: null,
          unit: unit.code,
          period: period.code,
          value: evaluateFormula(left, lookup),
          message: result.message,
          importance: rule.importance,
        });
      }
    }
  }
  return violations;
}

interface StoredPoint {
  indicator: string;
  unit: string;
  period: string;
  value: number;
}

/** Stored values of every unit at or below `root` in a date range. */
async function storedValues(db: Queryable, root: StoredUnit, fromDate: string, toDate: string): Promise<StoredPoint[]> {
  return db.query<StoredPoint>(
    `${unitsBelowCte(1)}
     select i.code as indicator, u.code as unit, p.code as period, v.value
     from indicator_value v join below b on b.id = v.org_unit_id
     join indicator i on i.id = v.indicator_id join org_unit u on u.id = v.org_unit_id join period p on p.id = v.period_id
     where p.start_date >= $2::date and p.end_date <= $3::date
     order by i.code, u.code, p.start_date`,
    [root.id, fromDate, toDate],
  );
}

/** A finding and, when a reviewer has explained it, who did, when and why. */
export type ExplainedViolation = Violation & {
  explanation: { comment: string; explainedBy: string; explainedAt: string } | null;
};

const explanationOf = (e: FindingExplanation | undefined): ExplainedViolation['explanation'] =>
  e ? { comment: e.comment, explainedBy: e.explainedBy, explainedAt: e.explainedAt } : null;

/**
 * Everything wrong with the data of `unit` and the units below it for `period`: values outside their
 * type or bounds, failed validation rules, and outliers against each unit's own monthly history.
 */
export async function runValidation(
  db: Queryable,
  unitCode: string,
  periodCode: string,
): Promise<{ unit: string; period: string; violations: ExplainedViolation[] }> {
  const root = await findUnit(db, unitCode);
  const period = parsePeriod(periodCode);
  const months = monthsOf(period);
  const indicators = new Map((await listIndicators(db)).map((i) => [i.code, i]));
  const violations: Violation[] = [];

  const historyStart = addMonths(months[0]!, -OUTLIER_HISTORY_MONTHS);
  const points = await storedValues(db, root, historyStart.startDate, months.at(-1)!.endDate);
  const series = new Map<string, StoredPoint[]>();
  for (const point of points) {
    const key = `${point.indicator}\u0000${point.unit}`;
    series.set(key, [...(series.get(key) ?? []), point]);
  }
  for (const [key, list] of series) {
    const indicator = indicators.get(list[0]!.indicator)!;
    for (const point of list) {
      const inPeriod = parsePeriod(point.period).startDate >= period.startDate;
      if (!inPeriod) continue;
      const problem =
        checkValue(indicator.valueType, point.value) ??
        (indicator.minValue !== null && point.value < indicator.minValue
          ? `below the minimum ${indicator.minValue}`
          : null) ??
        (indicator.maxValue !== null && point.value > indicator.maxValue
          ? `above the maximum ${indicator.maxValue}`
          : null);
      if (problem)
        violations.push({
          kind: 'bounds',
          ruleCode: 'bounds',
          indicator: indicator.code,
          unit: point.unit,
          period: point.period,
          value: point.value,
          message: `${indicator.code}: ${problem}`,
          importance: 'high',
        });
    }
    if (indicator.valueType === 'boolean') continue; // yes/no values have no meaningful outliers
    const monthly = list.filter((p) => parsePeriod(p.period).type === 'month');
    for (const outlier of findOutliers(monthly, { window: OUTLIER_HISTORY_MONTHS })) {
      if (parsePeriod(outlier.period).startDate < period.startDate) continue;
      if (!isMaterialChange(indicator.valueType, outlier.value, outlier.median)) continue;
      violations.push({
        kind: 'outlier',
        ruleCode: 'outlier',
        indicator: indicator.code,
        unit: key.split('\u0000')[1]!,
        period: outlier.period,
        value: outlier.value,
        message: `${indicator.code} ${outlier.value} is far from this unit's usual values (median ${outlier.median}, robust z ${outlier.z.toFixed(1)})`,
        importance: 'low',
      });
    }
  }
  violations.push(...(await ruleViolations(db, root, period)));
  const explanations = await explanationsBelow(db, root.id, period.startDate, months.at(-1)!.endDate);
  return {
    unit: root.code,
    period: period.code,
    violations: sortViolations(violations).map((violation) => ({
      ...violation,
      explanation: explanationOf(explanations.get(findingKeyOf(violation))),
    })),
  };
}
