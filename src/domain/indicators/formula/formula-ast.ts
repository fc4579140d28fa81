/**
 * The syntax tree of an indicator formula. Every node keeps `start`, the 0-based offset (in UTF-16
 * code units, as JavaScript indexes strings) of its first character in the source, so callers can
 * point at it. A parenthesised expression has no node of its own: its start is its content's.
 */
export type FormulaNode = NumberNode | RefNode | UnaryNode | BinaryNode | CompareNode | LogicalNode | CallNode;

export interface NumberNode {
  kind: 'number';
  /** Finite; the parser only makes non-negative values (a leading minus is a unary node). */
  value: number;
  start: number;
}

/** A reference to another indicator by code, written `{CODE}`. */
export interface RefNode {
  kind: 'ref';
  code: string;
  start: number;
}

export interface UnaryNode {
  kind: 'unary';
  op: UnaryOp;
  operand: FormulaNode;
  start: number;
}

export interface BinaryNode {
  kind: 'binary';
  op: ArithmeticOp;
  left: FormulaNode;
  right: FormulaNode;
  start: number;
}

/** Gives 1 when true, 0 when false. */
export interface CompareNode {
  kind: 'compare';
  op: CompareOp;
  left: FormulaNode;
  right: FormulaNode;
  start: number;
}

/** `and` / `or`: any non-zero value counts as true; gives 1 or 0. */
export interface LogicalNode {
  kind: 'logical';
  op: LogicalOp;
  left: FormulaNode;
  right: FormulaNode;
  start: number;
}

export interface CallNode {
  kind: 'call';
  name: FunctionName;
  args: FormulaNode[];
  start: number;
}

export type UnaryOp = '-' | '+' | 'not';
export type ArithmeticOp = '+' | '-' | '*' | '/';
export type CompareOp = '<' | '<=' | '>' | '>=' | '==' | '!=';
export type LogicalOp = 'and' | 'or';

/** The functions a formula may call, with how many arguments each takes. */
export const FORMULA_FUNCTIONS = {
  abs: { minArgs: 1, maxArgs: 1 },
  if: { minArgs: 3, maxArgs: 3 },
  max: { minArgs: 1, maxArgs: Infinity },
  min: { minArgs: 1, maxArgs: Infinity },
  round: { minArgs: 1, maxArgs: 2 },
} as const;

export type FunctionName = keyof typeof FORMULA_FUNCTIONS;

export function isFunctionName(name: string): name is FunctionName {
  return Object.hasOwn(FORMULA_FUNCTIONS, name);
}

/** A node's direct children, left to right as they appear in the source. */
export function childrenOf(node: FormulaNode): readonly FormulaNode[] {
  switch (node.kind) {
    case 'number':
    case 'ref':
      return [];
    case 'unary':
      return [node.operand];
    case 'binary':
    case 'compare':
    case 'logical':
      return [node.left, node.right];
    case 'call':
      return node.args;
  }
}
