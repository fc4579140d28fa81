import { expect, it } from 'vitest';
import { checkFormula, knownFormulas } from './formula-check.js';

const known = knownFormulas([
  { code: 'TEACHERS', formula: null },
  { code: 'TEACHERS_SIGNED', formula: null },
  { code: 'SIGNED_SHARE', formula: '100 * {TEACHERS_SIGNED} / {TEACHERS}' },
]);

it('accepts a formula over known indicators', () => {
  expect(checkFormula('NEW', '100 * {TEACHERS_SIGNED} / {TEACHERS}', known)).toBeNull();
  expect(checkFormula('NEW', '   ', known)).toBeNull();
});

it('gives the position of a syntax error', () => {
  expect(checkFormula('NEW', '100 * {TEACHERS} / )', known)).toMatchObject({ kind: 'syntax', line: 1, column: 20 });
});

it('names an unknown indicator with its column and the likely one', () => {
  const problem = checkFormula('NEW', '2 * {teachers}', known);
  expect(problem).toMatchObject({ kind: 'unknown_reference', column: 5 });
  expect(problem!.detail).toMatch(/did you mean \{TEACHERS\}/);
});

it('refuses a cycle through another formula', () => {
  expect(checkFormula('TEACHERS_SIGNED', '{SIGNED_SHARE} + 1', known)).toMatchObject({ kind: 'cycle', column: 1 });
});
