import type { FormulaNode } from './formula-ast.js';

// Binding strength, loosest first; mirrors the parser's levels.
const OR = 1;
const AND = 2;
const NOT = 3;
const COMPARE = 4;
const ADDITIVE = 5;
const MULTIPLICATIVE = 6;
const SIGN = 7;
const ATOM = 8;

/**
 * Canonical text: single spaces around binary operators, lower-case function names, ASCII operators,
 * and only the parentheses the tree needs, so parseFormula(formatFormula(n)) rebuilds n (positions aside).
 * A negative number node (which the parser never makes) prints as a sign, evaluating the same.
 */
export function formatFormula(node: FormulaNode): string {
  return format(node).text;
}

interface Printed {
  text: string;
  strength: number;
}

function format(node: FormulaNode): Printed {
  switch (node.kind) {
    case 'number':
      return node.value < 0 || Object.is(node.value, -0)
        ? { text: `-${String(-node.value)}`, strength: SIGN }
        : { text: String(node.value), strength: ATOM };
    case 'ref':
      return { text: `{${node.code}}`, strength: ATOM };
    case 'call':
      return { text: `${node.name}(${node.args.map((arg) => format(arg).text).join(', ')})`, strength: ATOM };
    case 'unary':
      return node.op === 'not'
        ? { text: `not ${operand(node.operand, NOT)}`, strength: NOT }
        : // A sign takes only an atom, so "-(-2)" rather than "--2".
          { text: `${node.op}${operand(node.operand, ATOM)}`, strength: SIGN };
    case 'binary': {
      const strength = node.op === '+' || node.op === '-' ? ADDITIVE : MULTIPLICATIVE;
      return infix(node.left, node.op, node.right, strength, strength + 1, strength);
    }
    case 'compare':
      // Comparisons do not chain, so both sides must bind tighter.
      return infix(node.left, node.op, node.right, ADDITIVE, ADDITIVE, COMPARE);
    case 'logical': {
      const strength = node.op === 'or' ? OR : AND;
      return infix(node.left, node.op, node.right, strength, strength + 1, strength);
    }
  }
}

function infix(
  left: FormulaNode,
  op: string,
  right: FormulaNode,
  leftNeeds: number,
  rightNeeds: number,
  strength: number,
): Printed {
  return { text: `${operand(left, leftNeeds)} ${op} ${operand(right, rightNeeds)}`, strength };
}

/** The operand's text, parenthesised when it binds more loosely than its position requires. */
function operand(node: FormulaNode, needs: number): string {
  const printed = format(node);
  return printed.strength >= needs ? printed.text : `(${printed.text})`;
}
