import type { CallNode, FormulaNode } from './formula-ast.js';

/** Reads another indicator's value; null when it has none (for the period and unit being computed). */
export type FormulaLookup = (code: string) => number | null;

/**
 * Computes a formula, or null when it has no meaningful value:
 * - missing data propagates: any operand that is null (including a lookup giving null or a non-finite
 *   number) makes the result null, in every operator and function, min and max included;
 * - except `if(condition, then, else)`, which evaluates only the branch it takes, so a null in the
 *   other branch does not matter (a null condition still gives null);
 * - division by zero gives null rather than Infinity, and so does any other non-finite result.
 * Truth is "not zero"; comparisons, `and`, `or` and `not` give 1 or 0. `and`/`or` are strict
 * too: a null on either side gives null, even where the other side would decide. Comparisons are exact, as with any float.
 */
export function evaluateFormula(node: FormulaNode, lookup: FormulaLookup): number | null {
  switch (node.kind) {
    case 'number':
      return finite(node.value);
    case 'ref':
      return finite(lookup(node.code));
    case 'unary': {
      const value = evaluateFormula(node.operand, lookup);
      if (value === null) return null;
      return node.op === 'not' ? truth(value === 0) : finite(node.op === '-' ? -value : value);
    }
    case 'binary': {
      const pair = operands(node.left, node.right, lookup);
      if (pair === null) return null;
      const [left, right] = pair;
      switch (node.op) {
        case '+':
          return finite(left + right);
        case '-':
          return finite(left - right);
        case '*':
          return finite(left * right);
        case '/':
          return right === 0 ? null : finite(left / right);
      }
      break;
    }
    case 'compare': {
      const pair = operands(node.left, node.right, lookup);
      if (pair === null) return null;
      const [left, right] = pair;
      switch (node.op) {
        case '<':
          return truth(left < right);
        case '<=':
          return truth(left <= right);
        case '>':
          return truth(left > right);
        case '>=':
          return truth(left >= right);
        case '==':
          return truth(left === right);
        case '!=':
          return truth(left !== right);
      }
      break;
    }
    case 'logical': {
      const pair = operands(node.left, node.right, lookup);
      if (pair === null) return null;
      const [left, right] = pair;
      return truth(node.op === 'and' ? left !== 0 && right !== 0 : left !== 0 || right !== 0);
    }
    case 'call':
      return call(node, lookup);
  }
}

function call(node: CallNode, lookup: FormulaLookup): number | null {
  if (node.name === 'if') {
    const [condition, then, otherwise] = node.args as [FormulaNode, FormulaNode, FormulaNode];
    const taken = evaluateFormula(condition, lookup);
    if (taken === null) return null;
    return evaluateFormula(taken !== 0 ? then : otherwise, lookup);
  }
  const args: number[] = [];
  for (const arg of node.args) {
    const value = evaluateFormula(arg, lookup);
    if (value === null) return null;
    args.push(value);
  }
  switch (node.name) {
    case 'min':
      return finite(Math.min(...args));
    case 'max':
      return finite(Math.max(...args));
    case 'abs':
      return finite(Math.abs(args[0]!));
    case 'round':
      return finite(roundHalfAwayFromZero(args[0]!, Math.trunc(args[1] ?? 0)));
  }
}

/**
 * Rounds to `digits` decimals (negative: to tens, hundreds…), halves away from zero as reports do.
 * Shifting through the decimal text rather than multiplying keeps 1.005 → 1.01 (1.005 * 100 is 100.4999…).
 */
export function roundHalfAwayFromZero(value: number, digits: number): number {
  const scaled = shift(Math.abs(value), digits);
  // At that scale the value is already whole (or beyond a double's precision): nothing to round.
  if (!Number.isFinite(scaled) || scaled >= 2 ** 52) return value;
  return Math.sign(value) * shift(Math.round(scaled), -digits);
}

function shift(value: number, places: number): number {
  const [mantissa, exponent = '0'] = String(value).split('e');
  return Number(`${mantissa}e${Number(exponent) + places}`);
}

/** Both sides' values, or null as soon as one is missing (the other is then not looked up). */
function operands(left: FormulaNode, right: FormulaNode, lookup: FormulaLookup): [number, number] | null {
  const leftValue = evaluateFormula(left, lookup);
  if (leftValue === null) return null;
  const rightValue = evaluateFormula(right, lookup);
  return rightValue === null ? null : [leftValue, rightValue];
}

const truth = (condition: boolean): number => (condition ? 1 : 0);

/** Null for missing or non-finite values; -0 becomes 0 so results compare and print plainly. */
function finite(value: number | null): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  return value === 0 ? 0 : value;
}
