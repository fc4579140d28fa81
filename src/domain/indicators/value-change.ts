import type { FieldError } from '../errors.js';
import type { UnitLevel, ValueType } from './indicator-rule.js';
import { checkValue } from './value-check.js';

/** What a value must satisfy before it is stored: its indicator's type, bounds and reporting level. */
export interface ValueTarget {
  indicator: {
    code: string;
    valueType: ValueType;
    reportingLevel: UnitLevel;
    formula: string | null;
    minValue: number | null;
    maxValue: number | null;
  };
  unit: { code: string; level: UnitLevel };
}

/** Every reason the value cannot be stored, each with the field it concerns (path prefixed by `at`). */
export function valueChangeErrors(target: ValueTarget, value: number | null, at: string): FieldError[] {
  const { indicator, unit } = target;
  const errors: FieldError[] = [];
  if (indicator.formula !== null) {
    errors.push({
      path: `${at}.indicator`,
      message: `${indicator.code} is computed by a formula; it takes no entered values`,
    });
  }
  if (unit.level !== indicator.reportingLevel) {
    errors.push({
      path: `${at}.unit`,
      message: `${indicator.code} is reported per ${indicator.reportingLevel}; ${unit.code} is a ${unit.level}`,
    });
  }
  if (value !== null) {
    const typeProblem = checkValue(indicator.valueType, value);
    if (typeProblem) errors.push({ path: `${at}.value`, message: typeProblem });
    else if (indicator.minValue !== null && value < indicator.minValue) {
      errors.push({ path: `${at}.value`, message: `${indicator.code} must be ≥ ${indicator.minValue}, got ${value}` });
    } else if (indicator.maxValue !== null && value > indicator.maxValue) {
      errors.push({ path: `${at}.value`, message: `${indicator.code} must be ≤ ${indicator.maxValue}, got ${value}` });
    }
  }
  return errors;
}
