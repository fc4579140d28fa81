import { Invalid } from '../../errors.js';
import { FORMULA_FUNCTIONS, isFunctionName, type CompareOp, type FormulaNode } from './formula-ast.js';
import { locate, syntaxError } from './formula-error.js';
import { tokenize, type Token, type TokenSymbol } from './tokens.js';

/** Formulas are short; refusing long ones outright keeps every tree walk's recursion shallow. */
export const MAX_FORMULA_LENGTH = 5000;
/** Parentheses, calls and prefix operators nested deeper than this are refused, for the same reason. */
export const MAX_FORMULA_NESTING = 50;

const COMPARE_OPS: ReadonlySet<TokenSymbol> = new Set<CompareOp>(['<', '<=', '>', '>=', '==', '!=']);
const KEYWORDS: ReadonlySet<string> = new Set(['and', 'or', 'not']);
const KNOWN_FUNCTIONS = Object.keys(FORMULA_FUNCTIONS).sort().join(', ');

/**
 * Parses a formula into its syntax tree. Loosest to tightest binding: `or`, `and`, `not`, comparisons
 * (which do not chain), `+ -`, `* /`, unary `- +`; binary operators group left to right.
 * Throws Invalid('formula.syntax') whose message names the column and shows a caret under it.
 */
export function parseFormula(source: string): FormulaNode {
  if (source.length > MAX_FORMULA_LENGTH) {
    const message = `Formula is too long: ${source.length} characters, at most ${MAX_FORMULA_LENGTH}`;
    throw new Invalid('formula.syntax', message, [{ path: 'formula', message }]);
  }
  return new Parser(source, tokenize(source)).formula();
}

type NameToken = Extract<Token, { kind: 'name' }>;

class Parser {
  private at = 0;
  private nesting = 0;

  constructor(
    private readonly source: string,
    private readonly tokens: readonly Token[],
  ) {}

  formula(): FormulaNode {
    if (this.peek().kind === 'end') throw syntaxError(this.source, 0, 'Empty formula');
    const node = this.or();
    const next = this.peek();
    if (next.kind === 'end') return node;
    if (this.isSymbol(')')) throw this.unexpected(next, 'no "(" opens it');
    if (this.isSymbol(',')) throw this.unexpected(next, 'commas only separate function arguments; decimals use "."');
    throw this.unexpected(next, 'expected an operator or the end of the formula');
  }

  private or(): FormulaNode {
    let left = this.and();
    while (this.isName('or')) {
      this.take();
      left = { kind: 'logical', op: 'or', left, right: this.and(), start: left.start };
    }
    return left;
  }

  private and(): FormulaNode {
    let left = this.not();
    while (this.isName('and')) {
      this.take();
      left = { kind: 'logical', op: 'and', left, right: this.not(), start: left.start };
    }
    return left;
  }

  private not(): FormulaNode {
    if (!this.isName('not')) return this.compare();
    const { start } = this.take();
    return this.nested(start, () => ({ kind: 'unary', op: 'not', operand: this.not(), start }));
  }

  private compare(): FormulaNode {
    const left = this.additive();
    const token = this.peek();
    if (token.kind !== 'symbol' || !COMPARE_OPS.has(token.symbol)) return left;
    this.take();
    const right = this.additive();
    const chained = this.peek();
    if (chained.kind === 'symbol' && COMPARE_OPS.has(chained.symbol)) {
      throw syntaxError(this.source, chained.start, 'Comparisons cannot be chained', 'join them with "and"');
    }
    return { kind: 'compare', op: token.symbol as CompareOp, left, right, start: left.start };
  }

  private additive(): FormulaNode {
    let left = this.multiplicative();
    for (let op = this.symbolOf('+', '-'); op; op = this.symbolOf('+', '-')) {
      this.take();
      left = { kind: 'binary', op, left, right: this.multiplicative(), start: left.start };
    }
    return left;
  }

  private multiplicative(): FormulaNode {
    let left = this.unary();
    for (let op = this.symbolOf('*', '/'); op; op = this.symbolOf('*', '/')) {
      this.take();
      left = { kind: 'binary', op, left, right: this.unary(), start: left.start };
    }
    return left;
  }

  private unary(): FormulaNode {
    const op = this.symbolOf('-', '+');
    if (!op) return this.primary();
    const { start } = this.take();
    return this.nested(start, () => ({ kind: 'unary', op, operand: this.unary(), start }));
  }

  private primary(): FormulaNode {
    const token = this.take();
    if (token.kind === 'number') return { kind: 'number', value: token.value, start: token.start };
    if (token.kind === 'ref') return { kind: 'ref', code: token.code, start: token.start };
    if (token.kind === 'name' && !KEYWORDS.has(token.name)) return this.call(token);
    if (token.kind === 'symbol' && token.symbol === '(') {
      return this.nested(token.start, () => {
        const inner = this.or();
        this.close(`expected ")" to close the "(" at ${locate(this.source, token.start).where}`);
        return inner;
      });
    }
    throw this.unexpected(
      token,
      token.kind === 'name' && token.name === 'not' ? 'put "not …" in parentheses' : undefined,
    );
  }

  private call(name: NameToken): FormulaNode {
    const opensCall = this.isSymbol('(');
    if (!isFunctionName(name.name)) {
      if (opensCall)
        throw syntaxError(
          this.source,
          name.start,
          `Unknown function "${name.text}"`,
          `known functions: ${KNOWN_FUNCTIONS}`,
        );
      throw syntaxError(
        this.source,
        name.start,
        `Unknown name "${name.text}"`,
        `indicator codes go in braces: {${name.text}}`,
      );
    }
    if (!opensCall) throw this.unexpected(this.peek(), `expected "(" after "${name.text}"`);
    this.take();
    const fn = name.name;
    return this.nested(name.start, () => {
      const args: FormulaNode[] = [];
      if (!this.isSymbol(')')) {
        args.push(this.or());
        while (this.isSymbol(',')) {
          this.take();
          args.push(this.or()); // so "max(1,)" is an error
        }
      }
      this.close('expected "," or ")"');
      const { minArgs, maxArgs } = FORMULA_FUNCTIONS[fn];
      if (args.length < minArgs || args.length > maxArgs) {
        const takes =
          maxArgs === Infinity
            ? `at least ${minArgs}`
            : minArgs === maxArgs
              ? `${minArgs}`
              : `${minArgs} or ${maxArgs}`;
        const hint = `it takes ${takes}, got ${args.length}`;
        throw syntaxError(this.source, name.start, `Wrong number of arguments for ${fn}()`, hint);
      }
      return { kind: 'call', name: fn, args, start: name.start };
    });
  }

  private nested<T>(start: number, parse: () => T): T {
    if (++this.nesting > MAX_FORMULA_NESTING) {
      throw syntaxError(this.source, start, 'Formula nests too deeply', `at most ${MAX_FORMULA_NESTING} levels`);
    }
    try {
      return parse();
    } finally {
      this.nesting -= 1;
    }
  }

  private close(hint: string): void {
    if (!this.isSymbol(')')) throw this.unexpected(this.peek(), hint);
    this.take();
  }

  private unexpected(token: Token, hint?: string): Invalid {
    const what = token.kind === 'end' ? 'Unexpected end of formula' : `Unexpected "${token.text}"`;
    return syntaxError(this.source, token.start, what, hint);
  }

  private peek(): Token {
    return this.tokens[this.at]!;
  }

  private take(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.at += 1;
    return token;
  }

  private isSymbol(symbol: TokenSymbol): boolean {
    const token = this.peek();
    return token.kind === 'symbol' && token.symbol === symbol;
  }

  private isName(name: string): boolean {
    const token = this.peek();
    return token.kind === 'name' && token.name === name;
  }

  private symbolOf<S extends TokenSymbol>(...symbols: S[]): S | null {
    const token = this.peek();
    return token.kind === 'symbol' && (symbols as TokenSymbol[]).includes(token.symbol) ? (token.symbol as S) : null;
  }
}
