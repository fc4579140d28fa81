import { syntaxError } from './formula-error.js';

export type TokenSymbol = '+' | '-' | '*' | '/' | '(' | ')' | ',' | '<' | '<=' | '>' | '>=' | '==' | '!=';

/** `text` is the source as written (e.g. "×" for a `*` symbol), for error messages. */
export type Token =
  | { kind: 'number'; value: number; text: string; start: number }
  | { kind: 'ref'; code: string; text: string; start: number }
  /** A function name or and/or/not, lower-cased: names are case-insensitive. */
  | { kind: 'name'; name: string; text: string; start: number }
  | { kind: 'symbol'; symbol: TokenSymbol; text: string; start: number }
  | { kind: 'end'; text: ''; start: number };

// Two-character symbols first, so "<=" is not read as "<" then "=".
const SYMBOLS: ReadonlyArray<readonly [string, TokenSymbol]> = [
  ['<=', '<='],
  ['>=', '>='],
  ['==', '=='],
  ['!=', '!='],
  ['≤', '<='],
  ['≥', '>='],
  ['≠', '!='],
  ['+', '+'],
  ['-', '-'],
  ['\u2212', '-'], // − MINUS SIGN, as typeset documents write it
  ['*', '*'],
  ['×', '*'],
  ['/', '/'],
  ['÷', '/'],
  ['(', '('],
  [')', ')'],
  [',', ','],
  ['<', '<'],
  ['>', '>'],
];

// Characters people reach for from other languages; say what to write instead.
const MISTAKES: Readonly<Record<string, string>> = {
  '=': 'use "==" to compare',
  '!': 'use "!=" to compare, or "not"',
  '&': 'use "and"',
  '|': 'use "or"',
  '}': 'no "{" opens it',
};

const NUMBER = /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const NUMBER_TAIL = /[A-Za-z0-9_.]+/y;
const CODE = /[A-Za-z0-9_.-]*/y;
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;

const matchAt = (pattern: RegExp, source: string, at: number): string | null => {
  pattern.lastIndex = at;
  return pattern.exec(source)?.[0] ?? null;
};

/** Splits a formula into tokens, ending with one `end` token; throws Invalid('formula.syntax') on bad input. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const char = source[i]!;
    if (/\s/.test(char)) {
      i += 1;
      continue;
    }
    const start = i;
    const number = matchAt(NUMBER, source, i);
    if (number !== null) {
      const tail = matchAt(NUMBER_TAIL, source, i + number.length);
      if (tail !== null) throw syntaxError(source, start, `Malformed number "${number}${tail}"`);
      const value = Number(number);
      if (!Number.isFinite(value)) throw syntaxError(source, start, `Number "${number}" is too large`);
      tokens.push({ kind: 'number', value, text: number, start });
      i += number.length;
    } else if (char === '{') {
      tokens.push(readRef(source, start));
      i = source.indexOf('}', start) + 1;
    } else if (/[A-Za-z_]/.test(char)) {
      const text = matchAt(NAME, source, i)!;
      tokens.push({ kind: 'name', name: text.toLowerCase(), text, start });
      i += text.length;
    } else {
      const symbol = SYMBOLS.find(([text]) => source.startsWith(text, i));
      if (!symbol) {
        const text = String.fromCodePoint(source.codePointAt(i)!);
        throw syntaxError(source, start, `Unexpected character "${text}"`, MISTAKES[text]);
      }
      tokens.push({ kind: 'symbol', symbol: symbol[1], text: symbol[0], start });
      i += symbol[0].length;
    }
  }
  tokens.push({ kind: 'end', text: '', start: source.length });
  return tokens;
}

function readRef(source: string, open: number): Token {
  const code = matchAt(CODE, source, open + 1)!;
  const after = open + 1 + code.length;
  if (source[after] === '}') {
    if (code === '') {
      throw syntaxError(source, open, 'Empty indicator reference "{}"', 'put a code between the braces');
    }
    return { kind: 'ref', code, text: `{${code}}`, start: open };
  }
  // No "}" before the next "{" (or the end) means the brace was never closed; otherwise a stray character.
  const close = source.indexOf('}', after);
  const nextOpen = source.indexOf('{', after);
  if (close === -1 || (nextOpen !== -1 && nextOpen < close)) throw syntaxError(source, open, 'Unclosed "{"');
  const bad = String.fromCodePoint(source.codePointAt(after)!);
  throw syntaxError(
    source,
    after,
    `Unexpected character "${bad}" in indicator code`,
    'codes use letters, digits, "_", "." and "-"',
  );
}
