import { Invalid } from '../errors.js';
import { comparePeriods, isPeriodCode, parsePeriod } from '../periods.js';

/**
 * Cross-indicator validation rules ("covered population ≤ population"). Formulas are evaluated
 * to numbers elsewhere; this module only compares the two numbers and words the outcome.
 */

export type RuleOperator = '<' | '<=' | '==' | '!=' | '>=' | '>';
export type Importance = 'high' | 'medium' | 'low';

export interface ValidationRule {
  code: string;
  nameVi: string;
  nameEn: string;
  /** Formula text, e.g. 'POP_COVERED' or 'TEACHERS_SIGNED + TEACHERS_PENDING'. */
  left: string;
  operator: RuleOperator;
  right: string;
  importance: Importance;
  /** Absolute slack for == (and !=): |left − right| ≤ tolerance counts as equal. Default 0. */
  tolerance?: number;
}

export interface RuleResult {
  status: 'pass' | 'fail' | 'skipped';
  message: string;
}

export const OPERATOR_SYMBOL: Record<RuleOperator, string> = {
  '<': '<',
  '<=': '≤',
  '==': '=',
  '!=': '≠',
  '>=': '≥',
  '>': '>',
};

const REQUIREMENT: Record<RuleOperator, string> = {
  '<': 'must be <',
  '<=': 'must be ≤',
  '==': 'must equal',
  '!=': 'must differ from',
  '>=': 'must be ≥',
  '>': 'must be >',
};

/** Relative slack for floating-point noise from formula sums (0.1 + 0.2 must satisfy ≤ 0.3). */
const FLOAT_NOISE = 1e-9;

const formatNumber = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 }).format;

/**
 * Compares the evaluated sides of a rule. A missing side (null or not finite) skips the rule:
 * missing data is reported by completeness checks, not as a violation.
 */
export function checkRule(rule: ValidationRule, left: number | null, right: number | null): RuleResult {
  const tolerance = rule.tolerance ?? 0;
  if (!(tolerance >= 0) || !Number.isFinite(tolerance))
    throw new Invalid('rule.tolerance', `rule ${rule.code}: tolerance must be a number ≥ 0, got ${tolerance}`);
  if (left === null || right === null || absent(left) || absent(right)) {
    const names = [absent(left) && rule.left, absent(right) && rule.right].filter((n) => typeof n === 'string');
    return { status: 'skipped', message: `Skipped: no value for ${names.join(' or ')}` };
  }

  const symbol = OPERATOR_SYMBOL[rule.operator];
  const shown = `${rule.left} (${formatNumber(left)}) ${symbol} ${rule.right} (${formatNumber(right)})`;
  if (holds(rule.operator, left, right, tolerance)) return { status: 'pass', message: shown };
  const slack =
    tolerance === 0
      ? ''
      : rule.operator === '=='
        ? ` (within ±${formatNumber(tolerance)})`
        : rule.operator === '!='
          ? ` by more than ${formatNumber(tolerance)}`
          : '';
  return {
    status: 'fail',
    message: `${rule.left} (${formatNumber(left)}) ${REQUIREMENT[rule.operator]} ${rule.right} (${formatNumber(right)})${slack}`,
  };
}

const absent = (value: number | null) => value === null || !Number.isFinite(value);

function holds(operator: RuleOperator, left: number, right: number, tolerance: number): boolean {
  const noise = FLOAT_NOISE * Math.max(Math.abs(left), Math.abs(right));
  const equal = Math.abs(left - right) <= noise;
  const equalWithin = Math.abs(left - right) <= tolerance + noise;
  switch (operator) {
    case '<':
      return left < right && !equal;
    case '<=':
      return left < right || equal;
    case '==':
      return equalWithin;
    case '!=':
      return !equalWithin;
    case '>=':
      return left > right || equal;
    case '>':
      return left > right && !equal;
  }
}

/** One problem found in a unit's data, whatever check found it; what the review screen lists. */
export interface Violation {
  kind: 'bounds' | 'rule' | 'outlier';
  /** The rule's code, or a fixed code for built-in checks (e.g. 'bounds', 'outlier'). */
  ruleCode: string;
  /** The indicator concerned; null for a rule spanning several indicators. */
  indicator: string | null;
  unit: string;
  period: string;
  value: number | null;
  message: string;
  importance: Importance;
}

const IMPORTANCE_ORDER: Record<Importance, number> = { high: 0, medium: 1, low: 2 };

/**
 * A sorted copy: by unit, then period (chronological for period codes), then importance (high
 * first); rule code and indicator break ties so the order does not depend on the input's.
 */
export function sortViolations(violations: readonly Violation[]): Violation[] {
  return [...violations].sort(
    (a, b) =>
      byCode(a.unit, b.unit) ||
      byPeriod(a.period, b.period) ||
      IMPORTANCE_ORDER[a.importance] - IMPORTANCE_ORDER[b.importance] ||
      byCode(a.ruleCode, b.ruleCode) ||
      byCode(a.indicator ?? '', b.indicator ?? ''),
  );
}

// Code-point order, not localeCompare: the same on every machine and locale.
const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function byPeriod(a: string, b: string): number {
  if (isPeriodCode(a) && isPeriodCode(b)) return comparePeriods(parsePeriod(a), parsePeriod(b));
  return byCode(a, b);
}
