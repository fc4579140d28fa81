/**
 * The live formula check of the indicator form: the server's own parser and checks (syntax, unknown indicators,
 * cycles), run in the browser as the user types, so the message appears before saving and says the same.
 */
import {
  parseFormula,
  checkFormulaDefinition,
  type FormulaNode,
} from '../../../../../src/domain/indicators/formula/index.js';
import { Invalid } from '../../../../../src/domain/errors.js';

export type FormulaProblemKind = 'syntax' | 'unknown_reference' | 'cycle';

export interface FormulaProblem {
  kind: FormulaProblemKind;
  /** 1-based; the line is 1 for a one-line formula. */
  line: number;
  column: number;
  /** The offending line with a caret under the position. */
  display: string;
  /** The checker's own words (English), e.g. 'Unknown indicator {TEACHER}' with its hint. */
  detail: string;
}

/** The catalogue as the checker needs it: each code with its formula's tree, or null for a stored indicator. */
export function knownFormulas(indicators: readonly { code: string; formula: string | null }[]) {
  const known = new Map<string, FormulaNode | null>();
  for (const i of indicators) {
    try {
      known.set(i.code, i.formula ? parseFormula(i.formula) : null);
    } catch {
      known.set(i.code, null); // a stored formula that no longer parses cannot take part in a cycle check
    }
  }
  return known;
}

const KINDS: Record<string, FormulaProblemKind> = {
  'formula.syntax': 'syntax',
  'formula.unknown_reference': 'unknown_reference',
  'formula.cycle': 'cycle',
};

/** What is wrong with `source` as the formula of `code`, or null when it would be accepted. */
export function checkFormula(
  code: string,
  source: string,
  known: ReadonlyMap<string, FormulaNode | null>,
): FormulaProblem | null {
  if (source.trim() === '') return null;
  try {
    checkFormulaDefinition(code, source, known);
    return null;
  } catch (error) {
    if (!(error instanceof Invalid) || !(error.code in KINDS)) throw error;
    const message = error.details?.[0]?.message ?? error.message;
    const position = /at (?:line (\d+), )?column (\d+)(?: \(([^)]*)\))?:\n([\s\S]*)$/.exec(message);
    const head = message.split(' at ')[0] ?? message;
    return {
      kind: KINDS[error.code]!,
      line: Number(position?.[1] ?? 1),
      column: Number(position?.[2] ?? 1),
      display: position?.[4] ?? '',
      detail: position?.[3] ? `${head} (${position[3]})` : head,
    };
  }
}
