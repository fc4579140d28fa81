import { describe, expect, it } from 'vitest';
import { evaluateFormula, roundHalfAwayFromZero } from './evaluate-formula.js';
import { parseFormula } from './parse-formula.js';

const values: Record<string, number | null> = { A: 6, B: 3, ZERO: 0, NONE: null, NEG: -2.5 };
const looked: string[] = [];
const lookup = (code: string) => {
  looked.push(code);
  return values[code] ?? null;
};
const evaluate = (source: string) => evaluateFormula(parseFormula(source), lookup);

describe('evaluateFormula', () => {
  it('computes the examples of the indicator definitions', () => {
    expect(
      evaluateFormula(parseFormula('100 * {T_SIGNED} / {T_TOTAL}'), (code) => (code === 'T_SIGNED' ? 45 : 60)),
    ).toBe(75);
    const coverage = (sites: number) => (code: string) =>
      code === 'SITES_5G' ? sites : code === 'POP_COV_5G' ? 38.2 : null;
    const formula = parseFormula('if({SITES_5G} > 0, {POP_COV_5G}, 0)');
    expect(evaluateFormula(formula, coverage(12))).toBe(38.2);
    expect(evaluateFormula(formula, coverage(0))).toBe(0);
  });

  it('gives null when any referenced value is missing', () => {
    for (const source of ['{NONE}', '{A} + {NONE}', '-{NONE}', '{NONE} * 0', 'min({A}, {NONE})', 'max({NONE}, 1)']) {
      expect(evaluate(source), source).toBeNull();
    }
    for (const source of ['abs({NONE})', 'round({A}, {NONE})', '{NONE} < 1', 'not {NONE}', '{ZERO} and {NONE}']) {
      expect(evaluate(source), source).toBeNull();
    }
    expect(evaluate('{UNKNOWN} + 1')).toBeNull();
  });

  it('stops looking up once a value is missing', () => {
    looked.length = 0;
    expect(evaluate('{NONE} + {A}')).toBeNull();
    expect(looked).toEqual(['NONE']);
  });

  it('evaluates only the branch if() takes', () => {
    expect(evaluate('if({A} > 1, {B}, {NONE})')).toBe(3);
    expect(evaluate('if({ZERO}, {NONE}, {B})')).toBe(3);
    expect(evaluate('if({A}, {NONE}, 1)')).toBeNull();
    expect(evaluate('if({NONE}, 1, 1)')).toBeNull();
    looked.length = 0;
    evaluate('if(1, {A}, {B})');
    expect(looked).toEqual(['A']);
  });

  it('gives null for division by zero and other non-finite results', () => {
    expect(evaluate('{A} / {ZERO}')).toBeNull();
    expect(evaluate('0 / 0')).toBeNull();
    expect(evaluate('1e308 * 10')).toBeNull();
    expect(evaluate('if(1e308 * 10 > 0, 1, 0)')).toBeNull();
    expect(evaluateFormula(parseFormula('{X}'), () => Number.POSITIVE_INFINITY)).toBeNull();
    expect(evaluateFormula(parseFormula('{X} * 0'), () => Number.NaN)).toBeNull();
  });

  it('does arithmetic with the Unicode operators', () => {
    expect(evaluate('{A} × {B} ÷ 2 − 1')).toBe(8);
  });

  it('compares to 1 or 0, and treats any non-zero value as true', () => {
    expect([evaluate('{A} > {B}'), evaluate('{A} <= {B}'), evaluate('{A} == 6'), evaluate('{A} != 6')]).toEqual([
      1, 0, 1, 0,
    ]);
    expect([evaluate('{NEG} and 2'), evaluate('{ZERO} or 0'), evaluate('not {NEG}'), evaluate('not {ZERO}')]).toEqual([
      1, 0, 0, 1,
    ]);
  });

  it('applies the functions', () => {
    expect(evaluate('min({A}, {B}, {NEG})')).toBe(-2.5);
    expect(evaluate('max({A}, {B}, {NEG})')).toBe(6);
    expect(evaluate('abs({NEG})')).toBe(2.5);
    expect(evaluate('round({NEG})')).toBe(-3);
    expect(evaluate('round(1234.5678, 2)')).toBe(1234.57);
    expect(evaluate('round(1234.5678, -2)')).toBe(1200);
    expect(evaluate('round(1.25, 1.9)')).toBe(1.3); // digits are truncated to a whole number
  });

  it('never gives negative zero', () => {
    expect(Object.is(evaluate('-0'), 0)).toBe(true);
    expect(Object.is(evaluate('round(-0.2)'), 0)).toBe(true);
  });
});

describe('roundHalfAwayFromZero', () => {
  it('rounds halves away from zero, decimal halves included', () => {
    expect([0.5, 1.5, 2.5, -0.5, -2.5].map((x) => roundHalfAwayFromZero(x, 0))).toEqual([1, 2, 3, -1, -3]);
    expect(roundHalfAwayFromZero(1.005, 2)).toBe(1.01);
    expect(roundHalfAwayFromZero(-1.005, 2)).toBe(-1.01);
    expect(roundHalfAwayFromZero(2.675, 2)).toBe(2.68);
  });

  it('leaves values alone where a double has no more precision, and handles extreme digits', () => {
    expect(roundHalfAwayFromZero(1e300, 5)).toBe(1e300);
    expect(roundHalfAwayFromZero(1.5e-7, 7)).toBe(2e-7);
    expect(roundHalfAwayFromZero(0.1, 400)).toBe(0.1);
    expect(roundHalfAwayFromZero(123, -400)).toBe(0);
  });
});
