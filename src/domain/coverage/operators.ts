/**
 * Several operators' networks over one population. Each cell carries one bit per operator (covered by that
 * operator's sites); from the bits come each operator's covered population, the largest of them (ITU
 * indicator 9.c.1: "when there are multiple operators offering the service, the maximum population number
 * covered should be reported") and the union, people within reach of at least one network.
 */
import { Invalid } from '../errors.js';

/** The run's main operator when a site names none: the agreement's indicator is Viettel's. */
export const MAIN_OPERATOR = 'VTL';
/** One bit per operator in a Uint8 mask. */
export const MAX_OPERATORS = 8;

/** Operator codes compare as written, trimmed and upper-cased ("vtl " is VTL). */
export function normaliseOperator(text: string): string {
  return text.trim().toUpperCase();
}

/** The operator of a site: its own, or the run's main operator when it names none. */
export function operatorOf(site: { operator?: string | undefined }, mainOperator: string): string {
  return site.operator === undefined || site.operator.trim() === ''
    ? normaliseOperator(mainOperator)
    : normaliseOperator(site.operator);
}

/**
 * The operators of a site list, main operator first (bit 0, also when it has no site), then the others
 * alphabetically, so a run's bits do not depend on row order. Throws past MAX_OPERATORS.
 */
export function operatorCodes(sites: readonly { operator?: string | undefined }[], mainOperator: string): string[] {
  const main = normaliseOperator(mainOperator);
  const others = [...new Set(sites.map((s) => operatorOf(s, main)))].filter((o) => o !== main).sort();
  const codes = [main, ...others];
  if (codes.length > MAX_OPERATORS)
    throw new Invalid(
      'coverage.operators',
      `at most ${MAX_OPERATORS} operators in one run, got ${codes.length}: ${codes.join(', ')}`,
    );
  return codes;
}

/**
 * Σ people per operator bit and for the union (any bit), over cells with their people and bit masks.
 * Returns operatorCount + 1 sums: one per operator, the union last.
 */
export function sumByOperator(people: ArrayLike<number>, masks: ArrayLike<number>, operatorCount: number): number[] {
  const sums = new Array<number>(operatorCount + 1).fill(0);
  for (let i = 0; i < people.length; i++) {
    const bits = masks[i]!;
    const p = people[i]!;
    if (bits === 0 || !(p > 0)) continue;
    sums[operatorCount]! += p;
    for (let o = 0; o < operatorCount; o++) if (bits & (1 << o)) sums[o]! += p;
  }
  return sums;
}

export interface OperatorFigure {
  operator: string;
  covered: number;
}

/** The operator covering the most people (ITU 9.c.1); a tie goes to the one listed first (the main operator). */
export function maxOperatorFigure(
  byOperator: Readonly<Record<string, number>>,
  codes: readonly string[],
): OperatorFigure | null {
  let best: OperatorFigure | null = null;
  for (const operator of codes) {
    const covered = byOperator[operator];
    if (covered === undefined) continue;
    if (!best || covered > best.covered) best = { operator, covered };
  }
  return best;
}
