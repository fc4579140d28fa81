import { describe, expect, it } from 'vitest';
import { tokenize, type Token } from './tokens.js';

const brief = (tokens: Token[]) =>
  tokens.map((token) => {
    switch (token.kind) {
      case 'number':
        return token.value;
      case 'ref':
        return `{${token.code}}`;
      case 'name':
        return `name:${token.name}`;
      case 'symbol':
        return token.symbol;
      case 'end':
        return 'end';
    }
  });

describe('tokenize', () => {
  it('reads every number form', () => {
    expect(brief(tokenize('12 3.5 .5 1e6 2.5E-3 7. 1e+2'))).toEqual([12, 3.5, 0.5, 1e6, 0.0025, 7, 100, 'end']);
  });

  it('reads references with dots, dashes and underscores, and keeps offsets', () => {
    const tokens = tokenize(' {A.b-1_C}+{x}');
    expect(brief(tokens)).toEqual(['{A.b-1_C}', '+', '{x}', 'end']);
    expect(tokens.map((token) => token.start)).toEqual([1, 10, 11, 14]);
  });

  it('maps the Unicode operators to ASCII but keeps what was written', () => {
    const tokens = tokenize('1×2÷3−4 ≤ ≥ ≠');
    expect(brief(tokens)).toEqual([1, '*', 2, '/', 3, '-', 4, '<=', '>=', '!=', 'end']);
    expect(tokens[1]!.text).toBe('×');
  });

  it('reads two-character comparisons as one token', () => {
    expect(brief(tokenize('<=>=!===<>'))).toEqual(['<=', '>=', '!=', '==', '<', '>', 'end']);
  });

  it('lower-cases names and skips any whitespace', () => {
    expect(brief(tokenize('\tMAX(\n1,\u00a0Round)'))).toEqual(['name:max', '(', 1, ',', 'name:round', ')', 'end']);
  });

  it.each([
    ['1 = 2', /Unexpected character "=" at column 3 \(use "==" to compare\)/],
    ['1 # 2', /Unexpected character "#" at column 3:/],
    ['{A', /Unclosed "\{" at column 1:/],
    ['{A + {B}', /Unclosed "\{" at column 1:/],
    ['1 + {}', /Empty indicator reference "\{\}" at column 5/],
    ['{A B}', /Unexpected character " " in indicator code at column 3/],
    ['2x', /Malformed number "2x" at column 1/],
    ['1.2.3', /Malformed number "1.2.3" at column 1/],
    ['1 + 1e999', /Number "1e999" is too large at column 5/],
    ['a 😀', /Unexpected character "😀" at column 3/],
  ])('refuses %j', (source, message) => {
    expect(() => tokenize(source)).toThrow(message);
  });
});
