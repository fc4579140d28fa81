import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FORMULA_FUNCTIONS, type FormulaNode, type FunctionName } from './formula-ast.js';
import { evaluateFormula } from './evaluate-formula.js';
import { formatFormula } from './format-formula.js';
import { parseFormula } from './parse-formula.js';

const canonical = (source: string) => formatFormula(parseFormula(source));

describe('formatFormula', () => {
  it('writes canonical text with only the parentheses the tree needs', () => {
    expect(canonical('100*{A}/{B}')).toBe('100 * {A} / {B}');
    expect(canonical('((2 - 3) - 4)')).toBe('2 - 3 - 4');
    expect(canonical('2 - (3 - 4)')).toBe('2 - (3 - 4)');
    expect(canonical('(2 * 3) + 4')).toBe('2 * 3 + 4');
    expect(canonical('2 * (3 + 4)')).toBe('2 * (3 + 4)');
    expect(canonical('-(2 * 3)')).toBe('-(2 * 3)');
    expect(canonical('--2')).toBe('-(-2)');
    expect(canonical('(1 < 2) < 3')).toBe('(1 < 2) < 3');
    expect(canonical('NOT ({A} AND {B}) OR (not {C})')).toBe('not ({A} and {B}) or not {C}');
    expect(canonical('-(not 1)')).toBe('-(not 1)');
  });

  it('writes ASCII operators, lower-case names and plain numbers', () => {
    expect(canonical('6×2÷3−1 ≠ IF({A}≥.5, 1E6, ROUND( 2.50 ))')).toBe(
      '6 * 2 / 3 - 1 != if({A} >= 0.5, 1000000, round(2.5))',
    );
  });

  it('prints negative numbers, which only code can build, as signs', () => {
    const node: FormulaNode = {
      kind: 'binary',
      op: '-',
      left: { kind: 'number', value: -1.5, start: 0 },
      right: { kind: 'number', value: -2, start: 0 },
      start: 0,
    };
    expect(formatFormula(node)).toBe('-1.5 - -2');
  });
});

// ---- Round trip: random trees → text → tree ----

const values: Record<string, number | null> = { A: 3, B: -2.5, C: 1e6, ZERO: 0, NONE: null, 'x.y-1_Z': 0.1 };
const lookup = (code: string) => values[code] ?? null;

/** What the parser keeps: the tree without positions. */
const withoutPositions = (node: FormulaNode): unknown =>
  JSON.parse(JSON.stringify(node, (key, v) => (key === 'start' ? undefined : v)));

const nonNegative = fc.oneof(
  fc.integer({ min: 0, max: 1000 }),
  fc.double({ min: 0, max: 1e12, noNaN: true }).map(Math.abs), // Math.abs: no -0
  fc.constantFrom(0.5, 1e-7, 1e21, 5e-324, Number.MAX_VALUE),
);
const anySign = fc.oneof(nonNegative, fc.double({ min: -1e12, max: 1e12, noNaN: true }));

function formulas(numbers: fc.Arbitrary<number>): fc.Arbitrary<FormulaNode> {
  return fc.letrec<{ node: FormulaNode }>((tie) => {
    const child = tie('node');
    const pair = { left: child, right: child, start: fc.constant(0) };
    const names = Object.keys(FORMULA_FUNCTIONS) as FunctionName[];
    return {
      node: fc.oneof(
        { maxDepth: 4 },
        fc.oneof(
          numbers.map((value): FormulaNode => ({ kind: 'number', value, start: 0 })),
          fc
            .constantFrom(...Object.keys(values), 'MISSING')
            .map((code): FormulaNode => ({ kind: 'ref', code, start: 0 })),
        ),
        fc.record({
          kind: fc.constant('unary'),
          op: fc.constantFrom('-', '+', 'not'),
          operand: child,
          start: fc.constant(0),
        }),
        fc.record({ kind: fc.constant('binary'), op: fc.constantFrom('+', '-', '*', '/'), ...pair }),
        fc.record({ kind: fc.constant('compare'), op: fc.constantFrom('<', '<=', '>', '>=', '==', '!='), ...pair }),
        fc.record({ kind: fc.constant('logical'), op: fc.constantFrom('and', 'or'), ...pair }),
        fc.constantFrom(...names).chain((name) => {
          const { minArgs, maxArgs } = FORMULA_FUNCTIONS[name];
          return fc
            .array(child, { minLength: minArgs, maxLength: Math.min(maxArgs, 3) })
            .map((args): FormulaNode => ({ kind: 'call', name, args, start: 0 }));
        }),
      ) as fc.Arbitrary<FormulaNode>,
    };
  }).node;
}

describe('formatFormula then parseFormula', () => {
  it('rebuilds the same tree, which evaluates to the same value', () => {
    fc.assert(
      fc.property(formulas(nonNegative), (node) => {
        const text = formatFormula(node);
        const reparsed = parseFormula(text);
        expect(withoutPositions(reparsed)).toEqual(withoutPositions(node));
        expect(evaluateFormula(reparsed, lookup)).toBe(evaluateFormula(node, lookup));
        expect(formatFormula(reparsed)).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps the value of trees the parser cannot make (negative numbers)', () => {
    fc.assert(
      fc.property(formulas(anySign), (node) => {
        expect(evaluateFormula(parseFormula(formatFormula(node)), lookup)).toBe(evaluateFormula(node, lookup));
      }),
      { numRuns: 500 },
    );
  });
});
