/** The formula language of computed indicators: parse, check, evaluate and print formulas. */
export type {
  ArithmeticOp,
  BinaryNode,
  CallNode,
  CompareNode,
  CompareOp,
  FormulaNode,
  FunctionName,
  LogicalNode,
  LogicalOp,
  NumberNode,
  RefNode,
  UnaryNode,
  UnaryOp,
} from './formula-ast.js';
export { FORMULA_FUNCTIONS } from './formula-ast.js';
export { parseFormula, MAX_FORMULA_LENGTH, MAX_FORMULA_NESTING } from './parse-formula.js';
export { formatFormula } from './format-formula.js';
export { evaluateFormula, type FormulaLookup } from './evaluate-formula.js';
export { formulaReferences, findFormulaCycle } from './formula-references.js';
export { checkFormulaDefinition } from './check-formula-definition.js';
