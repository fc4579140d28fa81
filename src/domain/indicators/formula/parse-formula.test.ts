import { describe, expect, it } from 'vitest';
import { Invalid } from '../../errors.js';
import type { FormulaNode } from './formula-ast.js';
import { evaluateFormula } from './evaluate-formula.js';
import { MAX_FORMULA_LENGTH, MAX_FORMULA_NESTING, parseFormula } from './parse-formula.js';

/** The tree as an S-expression, so grouping is visible at a glance. */
function sexpr(node: FormulaNode): string {
  switch (node.kind) {
    case 'number':
      return String(node.value);
    case 'ref':
      return `{${node.code}}`;
    case 'unary':
      return `(${node.op} ${sexpr(node.operand)})`;
    case 'binary':
    case 'compare':
    case 'logical':
      return `(${node.op} ${sexpr(node.left)} ${sexpr(node.right)})`;
    case 'call':
      return `(${node.name}${node.args.map((arg) => ` ${sexpr(arg)}`).join('')})`;
  }
}
const tree = (source: string) => sexpr(parseFormula(source));
const value = (source: string) => evaluateFormula(parseFormula(source), () => null);

/** The Invalid a source raises, checked to be a formula.syntax error whose field error repeats the message. */
function syntaxErrorOf(source: string): string {
  try {
    parseFormula(source);
  } catch (error) {
    expect(error).toBeInstanceOf(Invalid);
    const invalid = error as Invalid;
    expect(invalid.code).toBe('formula.syntax');
    expect(invalid.details).toEqual([{ path: 'formula', message: invalid.message }]);
    return invalid.message;
  }
  throw new Error(`${JSON.stringify(source)} parsed`);
}

describe('precedence and associativity', () => {
  it('groups subtraction and division from the left', () => {
    expect(tree('2 - 3 - 4')).toBe('(- (- 2 3) 4)');
    expect(value('2 - 3 - 4')).toBe(-5);
    expect(value('24 / 4 / 2')).toBe(3);
  });

  it('multiplies before adding, and parentheses override', () => {
    expect(tree('2 * 3 + 4')).toBe('(+ (* 2 3) 4)');
    expect(tree('2 + 3 * 4')).toBe('(+ 2 (* 3 4))');
    expect(value('2 * 3 + 4')).toBe(10);
    expect(value('2 * (3 + 4)')).toBe(14);
  });

  it('binds a sign tighter than multiplication', () => {
    expect(tree('-2 * 3')).toBe('(* (- 2) 3)');
    expect(tree('2 * -3')).toBe('(* 2 (- 3))');
    expect(tree('- -+2')).toBe('(- (- (+ 2)))');
  });

  it('compares after arithmetic, and applies not, and, or after that', () => {
    expect(tree('1 + 2 < 3 * 4')).toBe('(< (+ 1 2) (* 3 4))');
    expect(value('1 + 2 >= 3')).toBe(1);
    expect(tree('not {A} > 0 and {B} or {C}')).toBe('(or (and (not (> {A} 0)) {B}) {C})');
    expect(tree('{A} or {B} and {C}')).toBe('(or {A} (and {B} {C}))');
  });

  it('reads every comparison', () => {
    expect(['<', '<=', '>', '>=', '==', '!='].map((op) => tree(`1 ${op} 2`))).toEqual(
      ['<', '<=', '>', '>=', '==', '!='].map((op) => `(${op} 1 2)`),
    );
  });
});

describe('syntax', () => {
  it('reads the Unicode operators as their ASCII forms', () => {
    expect(tree('6 × 2 ÷ 3 − 1')).toBe(tree('6 * 2 / 3 - 1'));
    expect(tree('−{A} ≤ 1')).toBe('(<= (- {A}) 1)');
  });

  it('reads function calls with case-insensitive names', () => {
    expect(tree('MAX(1, Min({A}, 2, 3), abs(-1), round(2.5), ROUND(2.25, 1))')).toBe(
      '(max 1 (min {A} 2 3) (abs (- 1)) (round 2.5) (round 2.25 1))',
    );
    expect(tree('if({SITES_5G} > 0, {POP_COV_5G}, 0)')).toBe('(if (> {SITES_5G} 0) {POP_COV_5G} 0)');
  });

  it('allows whitespace anywhere, line breaks included', () => {
    expect(tree(' \t( 100\n*{A} )/ max ( {B} , 1 ) ')).toBe('(/ (* 100 {A}) (max {B} 1))');
  });

  it('records where every node starts', () => {
    const node = parseFormula('100 * {A} / -(max({B}, 2))');
    expect(node).toMatchObject({
      kind: 'binary',
      start: 0,
      left: { kind: 'binary', start: 0, left: { start: 0 }, right: { kind: 'ref', start: 6 } },
      right: { kind: 'unary', start: 12, operand: { kind: 'call', start: 14, args: [{ start: 18 }, { start: 23 }] } },
    });
  });
});

describe('errors name the column and point at it', () => {
  it('shows the source with a caret under the unexpected token', () => {
    expect(syntaxErrorOf('100 * {A} / )')).toBe('Unexpected ")" at column 13:\n100 * {A} / )\n            ^');
  });

  it.each([
    ['', /^Empty formula at column 1:/],
    ['   ', /^Empty formula at column 1:/],
    ['(1 + 2', /^Unexpected end of formula at column 7 \(expected "\)" to close the "\(" at column 1\)/],
    ['1 +', /^Unexpected end of formula at column 4:/],
    ['1 2', /^Unexpected "2" at column 3 \(expected an operator or the end of the formula\)/],
    ['{A} {B}', /^Unexpected "\{B\}" at column 5/],
    ['(1))', /^Unexpected "\)" at column 4 \(no "\(" opens it\)/],
    ['3,5', /^Unexpected "," at column 2 \(commas only separate function arguments; decimals use "."\)/],
    ['1 < 2 < 3', /^Comparisons cannot be chained at column 7 \(join them with "and"\)/],
    ['1 + not 0', /^Unexpected "not" at column 5/],
    ['1 and', /^Unexpected end of formula at column 6/],
    ['2 * sqrt({A})', /^Unknown function "sqrt" at column 5 \(known functions: abs, if, max, min, round\)/],
    ['foo + 1', /^Unknown name "foo" at column 1 \(indicator codes go in braces: \{foo\}\)/],
    ['max + 1', /^Unexpected "\+" at column 5 \(expected "\(" after "max"\)/],
    ['1 + round(1, 2, 3)', /^Wrong number of arguments for round\(\) at column 5 \(it takes 1 or 2, got 3\)/],
    ['if({A}, 1)', /^Wrong number of arguments for if\(\) at column 1 \(it takes 3, got 2\)/],
    ['min()', /^Wrong number of arguments for min\(\) at column 1 \(it takes at least 1, got 0\)/],
    ['abs(1 2)', /^Unexpected "2" at column 7 \(expected "," or "\)"\)/],
    ['max(1,)', /^Unexpected "\)" at column 7:/],
    ['{A', /^Unclosed "\{" at column 1:/],
    ['1 + {}', /^Empty indicator reference "\{\}" at column 5/],
    ['1 + 1e999', /^Number "1e999" is too large at column 5/],
  ])('%j', (source, message) => {
    expect(syntaxErrorOf(source)).toMatch(message);
  });

  it('names the line when the formula spans several', () => {
    expect(syntaxErrorOf('{A}\n  * )')).toBe('Unexpected ")" at line 2, column 5:\n  * )\n    ^');
  });

  it('refuses formulas too long or too deeply nested to walk safely', () => {
    expect(syntaxErrorOf('1+'.repeat(MAX_FORMULA_LENGTH / 2) + '1')).toMatch(/^Formula is too long/);
    const deep = (depth: number) => '('.repeat(depth) + '1' + ')'.repeat(depth);
    expect(value(deep(MAX_FORMULA_NESTING))).toBe(1);
    expect(syntaxErrorOf(deep(MAX_FORMULA_NESTING + 1))).toMatch(/^Formula nests too deeply at column 51/);
    expect(syntaxErrorOf('-'.repeat(MAX_FORMULA_NESTING + 1) + '1')).toMatch(/^Formula nests too deeply/);
  });
});
