import { describe, expect, it } from 'vitest';
import { Invalid } from '../../errors.js';
import type { FormulaNode } from './formula-ast.js';
import { checkFormulaDefinition } from './check-formula-definition.js';
import { parseFormula } from './parse-formula.js';

const known = new Map<string, FormulaNode | null>([
  ['TEACHERS_TOTAL', null],
  ['TEACHERS_WITH_SIGNATURE', null],
  ['SIGNATURE_SHARE', parseFormula('100 * {TEACHERS_WITH_SIGNATURE} / {TEACHERS_TOTAL}')],
  ['B', parseFormula('{C} + 1')],
  ['C', parseFormula('{A} * 2')],
  ['A', parseFormula('{TEACHERS_TOTAL}')],
]);

function rejection(code: string, source: string): Invalid {
  try {
    checkFormulaDefinition(code, source, known);
  } catch (error) {
    expect(error).toBeInstanceOf(Invalid);
    return error as Invalid;
  }
  throw new Error(`${code} = ${source} was accepted`);
}

describe('checkFormulaDefinition', () => {
  it('returns the tree of a valid formula', () => {
    const formula = checkFormulaDefinition('GAP', '{TEACHERS_TOTAL} - {TEACHERS_WITH_SIGNATURE}', known);
    expect(formula).toEqual(parseFormula('{TEACHERS_TOTAL} - {TEACHERS_WITH_SIGNATURE}'));
    expect(checkFormulaDefinition('A', '{SIGNATURE_SHARE} / 2', known).kind).toBe('binary');
  });

  it('passes syntax errors through', () => {
    expect(rejection('X', '1 +').code).toBe('formula.syntax');
  });

  it('rejects an unknown reference, naming its column', () => {
    const error = rejection('X', '2 * {TEACHERS_TOTAL} + {NOPE}');
    expect(error.code).toBe('formula.unknown_reference');
    expect(error.message).toBe(
      'Unknown indicator {NOPE} at column 24:\n2 * {TEACHERS_TOTAL} + {NOPE}\n                       ^',
    );
    expect(error.details).toEqual([{ path: 'formula', message: error.message }]);
  });

  it('names every unknown reference once, suggesting a code that differs only in case', () => {
    const error = rejection('X', '{NOPE} + {teachers_total} + {NOPE}');
    expect(error.message).toBe('Unknown indicators: {NOPE} at column 1, {teachers_total} at column 10');
    expect(error.details!.map((detail) => detail.message.split('\n')[0])).toEqual([
      'Unknown indicator {NOPE} at column 1:',
      'Unknown indicator {teachers_total} at column 10 (did you mean {TEACHERS_TOTAL}?):',
    ]);
  });

  it('rejects a self reference, known or new', () => {
    for (const code of ['A', 'NEW']) {
      const error = rejection(code, `1 + {${code}}`);
      expect(error.code).toBe('formula.cycle');
      expect(error.message).toBe(`Circular reference ${code} → ${code} at column 5:\n1 + {${code}}\n    ^`);
      expect(error.details).toEqual([{ path: 'formula', message: error.message }]);
    }
  });

  it('rejects a formula that would close a cycle through others', () => {
    const error = rejection('A', '{TEACHERS_TOTAL} + {B}');
    expect(error.code).toBe('formula.cycle');
    expect(error.message).toMatch(/^Circular reference A → B → C → A at column 20:/);
  });
});
