import { Invalid, type FieldError } from '../../errors.js';
import type { FormulaNode } from './formula-ast.js';
import { describeAt, locate } from './formula-error.js';
import { firstReferences, referencePath } from './formula-references.js';
import { parseFormula } from './parse-formula.js';

/**
 * Validates `source` as the formula of indicator `code` against the `known` indicators (a formula's
 * tree, or null for a stored indicator) and returns its tree. Throws Invalid with code
 * - 'formula.syntax' when it does not parse;
 * - 'formula.unknown_reference' naming each code missing from `known`, with its column;
 * - 'formula.cycle' when it refers to itself, directly or through other formulas ("A → B → A").
 * `code` itself need not be in `known`; if it is, its current definition is ignored.
 */
export function checkFormulaDefinition(
  code: string,
  source: string,
  known: ReadonlyMap<string, FormulaNode | null>,
): FormulaNode {
  const formula = parseFormula(source);
  const references = firstReferences(formula);

  const unknown = references.filter((ref) => ref.code !== code && !known.has(ref.code));
  if (unknown.length > 0) {
    const details: FieldError[] = unknown.map((ref) => ({
      path: 'formula',
      message: describeAt(source, ref.start, `Unknown indicator {${ref.code}}`, suggestion(ref.code, known)),
    }));
    const message =
      unknown.length === 1
        ? details[0]!.message
        : `Unknown indicators: ${unknown.map((ref) => `{${ref.code}} at ${locate(source, ref.start).where}`).join(', ')}`;
    throw new Invalid('formula.unknown_reference', message, details);
  }

  for (const ref of references) {
    const path = referencePath(known, ref.code, code);
    if (path) {
      const cycle = [code, ...path].join(' → ');
      const message = describeAt(source, ref.start, `Circular reference ${cycle}`);
      throw new Invalid('formula.cycle', message, [{ path: 'formula', message }]);
    }
  }
  return formula;
}

/** Codes are case-sensitive; a known code differing only in case is most likely what was meant. */
function suggestion(code: string, known: ReadonlyMap<string, unknown>): string | undefined {
  const lower = code.toLowerCase();
  for (const candidate of known.keys()) {
    if (candidate.toLowerCase() === lower) return `did you mean {${candidate}}?`;
  }
  return undefined;
}
