/** What the entry form works with: the indicators a unit reports, their period codes and the rules a value obeys. */
import type { Lang } from '../../../../src/domain/overview-contract.js';
import type { IndicatorInfo } from '../../api/types.js';
import { parseLocalNumber } from './number-input.js';

export type PeriodType = 'month' | 'quarter' | 'year';

/** `/api/indicators` also says which period type values are collected at, and which party reports them. */
export type EntryIndicator = IndicatorInfo & { periodType?: PeriodType; reportingParty?: string | null };

/** The period a value of the indicator is stored under, for the month the form is for ('2025-09'). */
export function periodFor(indicator: EntryIndicator, month: string): string {
  const year = month.slice(0, 4);
  switch (indicator.periodType ?? 'month') {
    case 'year':
      return year;
    case 'quarter':
      return `${year}Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`;
    default:
      return month;
  }
}

/**
 * Stored indicators (not computed ones) reported at the unit's level by the user's party, in catalogue order: a
 * user of one agreement party does not report another party's indicators (the server refuses them too).
 */
export function enterableIndicators(
  indicators: readonly EntryIndicator[],
  level: string,
  party: string | null,
): EntryIndicator[] {
  return indicators.filter(
    (i) =>
      i.formula === null &&
      i.reportingLevel === level &&
      (party === null || !i.reportingParty || i.reportingParty === party),
  );
}

/** Lowest and highest allowed value: the definition's bounds, and 0–100 for a percent, 0–1 for yes/no. */
export function boundsOf(indicator: EntryIndicator): { min: number | null; max: number | null } {
  const min = indicator.minValue ?? (indicator.valueType === 'number' ? null : 0);
  const max =
    indicator.maxValue ?? (indicator.valueType === 'percent' ? 100 : indicator.valueType === 'boolean' ? 1 : null);
  return { min, max };
}

export type ValueProblem =
  | { key: 'entry.error.notNumber' }
  | { key: 'entry.error.whole' }
  | { key: 'entry.error.min'; min: number }
  | { key: 'entry.error.max'; max: number };

/** Why the typed text cannot be stored, or null when it can (an empty field clears the value). */
export function valueProblem(indicator: EntryIndicator, text: string, lang: Lang): ValueProblem | null {
  const value = parseLocalNumber(text, lang);
  if (value === null) return null;
  if (value === 'invalid') return { key: 'entry.error.notNumber' };
  if ((indicator.valueType === 'count' || indicator.valueType === 'boolean') && !Number.isInteger(value))
    return { key: 'entry.error.whole' };
  const { min, max } = boundsOf(indicator);
  if (min !== null && value < min) return { key: 'entry.error.min', min };
  if (max !== null && value > max) return { key: 'entry.error.max', max };
  return null;
}

/** Form field names: indicator codes may hold dots, which the form library would read as nesting. */
export function fieldName(index: number): string {
  return `f${index}`;
}
