import { describe, expect, it } from 'vitest';
import type { FormulaNode } from './formula-ast.js';
import { findFormulaCycle, firstReferences, formulaReferences, referencePath } from './formula-references.js';
import { parseFormula } from './parse-formula.js';

const definitions = (entries: Record<string, string | null>) =>
  new Map<string, FormulaNode | null>(
    Object.entries(entries).map(([code, source]) => [code, source === null ? null : parseFormula(source)]),
  );

describe('formulaReferences', () => {
  it('lists each code once, in order of first appearance, untaken branches included', () => {
    expect(formulaReferences(parseFormula('{B} + if({A} > 0, {C}, {B}) * max({A}, {D})'))).toEqual([
      'B',
      'A',
      'C',
      'D',
    ]);
    expect(formulaReferences(parseFormula('round(2.5)'))).toEqual([]);
  });

  it('keeps where each code first appears', () => {
    expect(firstReferences(parseFormula('{A} - {B} / {A}')).map((ref) => [ref.code, ref.start])).toEqual([
      ['A', 0],
      ['B', 6],
    ]);
  });
});

describe('findFormulaCycle', () => {
  it('finds a cycle across three definitions', () => {
    const defs = definitions({ A: '{B} + 1', B: '2 * {C}', C: 'if({S} > 0, {A}, 0)', S: null });
    expect(findFormulaCycle(defs)).toEqual(['A', 'B', 'C', 'A']);
  });

  it('reports the cycle from where the search enters it', () => {
    const defs = definitions({ TOP: '{X}', X: '{Y}', Y: '{Z} + {S}', Z: '{X}', S: null });
    expect(findFormulaCycle(defs)).toEqual(['X', 'Y', 'Z', 'X']);
  });

  it('finds a formula referring to itself', () => {
    expect(findFormulaCycle(definitions({ A: '{A} + 1' }))).toEqual(['A', 'A']);
  });

  it('finds none in a DAG, shared parts and stored or missing indicators included', () => {
    const defs = definitions({ A: '{B} + {C}', B: '{D} * 2', C: '{D} + {MISSING}', D: null });
    expect(findFormulaCycle(defs)).toBeNull();
    expect(findFormulaCycle(new Map())).toBeNull();
  });
});

describe('referencePath', () => {
  it('follows references to the target without expanding the target itself', () => {
    const defs = definitions({ A: '{S}', B: '{S} + {C}', C: '{A}', S: null });
    expect(referencePath(defs, 'B', 'A')).toEqual(['B', 'C', 'A']);
    expect(referencePath(defs, 'S', 'A')).toBeNull();
    expect(referencePath(definitions({ A: '{A}' }), 'A', 'A')).toEqual(['A']);
  });
});
