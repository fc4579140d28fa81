import { describe, expect, it } from 'vitest';
import { checkRule, sortViolations, type ValidationRule, type Violation } from './rule-check.js';

const rule = (operator: ValidationRule['operator'], extra: Partial<ValidationRule> = {}): ValidationRule => ({
  code: 'R_POP',
  nameVi: 'Dân số được phủ sóng không vượt quá dân số',
  nameEn: 'Covered population does not exceed population',
  left: 'POP_COVERED',
  operator,
  right: 'POPULATION',
  importance: 'high',
  ...extra,
});

describe('checkRule', () => {
  it('fails naming both sides and their values', () => {
    expect(checkRule(rule('<='), 3_600_000, 3_583_693)).toEqual({
      status: 'fail',
      message: 'POP_COVERED (3,600,000) must be ≤ POPULATION (3,583,693)',
    });
  });
  it('passes, still naming both sides', () => {
    expect(checkRule(rule('<='), 3_583_693, 3_583_693)).toEqual({
      status: 'pass',
      message: 'POP_COVERED (3,583,693) ≤ POPULATION (3,583,693)',
    });
  });
  it('skips when a side is missing: missing data is not a violation', () => {
    expect(checkRule(rule('<='), null, 5)).toEqual({ status: 'skipped', message: 'Skipped: no value for POP_COVERED' });
    expect(checkRule(rule('<='), 5, NaN).status).toBe('skipped');
    expect(checkRule(rule('<='), null, null).message).toBe('Skipped: no value for POP_COVERED or POPULATION');
  });
  it.each([
    ['<', 1, 2, 'pass'],
    ['<', 2, 2, 'fail'],
    ['<=', 2, 2, 'pass'],
    ['<=', 3, 2, 'fail'],
    ['==', 2, 2, 'pass'],
    ['==', 2, 3, 'fail'],
    ['!=', 2, 3, 'pass'],
    ['!=', 2, 2, 'fail'],
    ['>=', 2, 2, 'pass'],
    ['>=', 1, 2, 'fail'],
    ['>', 3, 2, 'pass'],
    ['>', 2, 2, 'fail'],
  ] as const)('%s with %d and %d: %s', (operator, left, right, status) => {
    expect(checkRule(rule(operator), left, right).status).toBe(status);
  });
  it('applies an absolute tolerance to ==', () => {
    expect(checkRule(rule('==', { tolerance: 5 }), 100, 105).status).toBe('pass');
    expect(checkRule(rule('==', { tolerance: 5 }), 100, 105.5)).toEqual({
      status: 'fail',
      message: 'POP_COVERED (100) must equal POPULATION (105.5) (within ±5)',
    });
    expect(checkRule(rule('!=', { tolerance: 5 }), 100, 104).message).toBe(
      'POP_COVERED (100) must differ from POPULATION (104) by more than 5',
    );
    expect(() => checkRule(rule('==', { tolerance: -1 }), 1, 1)).toThrow(/tolerance/);
  });
  it('ignores floating-point noise from evaluated sums', () => {
    expect(checkRule(rule('<='), 0.1 + 0.2, 0.3).status).toBe('pass');
    expect(checkRule(rule('=='), 0.1 + 0.2, 0.3).status).toBe('pass');
    expect(checkRule(rule('<'), 0.1 + 0.2, 0.3).status).toBe('fail');
  });
});

describe('sortViolations', () => {
  const v = (unit: string, period: string, importance: Violation['importance'], ruleCode = 'R'): Violation => ({
    kind: 'rule',
    ruleCode,
    indicator: null,
    unit,
    period,
    value: null,
    message: '',
    importance,
  });
  it('orders by unit, then period in time, then importance', () => {
    const input = [
      v('B', '2025-01', 'high'),
      v('A', '2025-10', 'low'),
      v('A', '2025-02', 'low'),
      v('A', '2025-02', 'high'),
      v('A', '2025Q1', 'medium'),
      v('A', '2025-02', 'medium', 'Q'),
      v('A', '2025-02', 'medium', 'P'),
    ];
    const sorted = sortViolations(input);
    expect(sorted.map((x) => `${x.unit} ${x.period} ${x.importance} ${x.ruleCode}`)).toEqual([
      'A 2025Q1 medium R',
      'A 2025-02 high R',
      'A 2025-02 medium P',
      'A 2025-02 medium Q',
      'A 2025-02 low R',
      'A 2025-10 low R',
      'B 2025-01 high R',
    ]);
    expect(input[0]!.unit).toBe('B'); // a copy: the input is untouched
  });
});
