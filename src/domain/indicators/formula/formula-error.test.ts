import { expect, it } from 'vitest';
import { Invalid } from '../../errors.js';
import { describeAt, locate, syntaxError } from './formula-error.js';

it('puts a caret under the offset, counting columns from 1', () => {
  expect(describeAt('1 + )', 4, 'Unexpected ")"')).toBe('Unexpected ")" at column 5:\n1 + )\n    ^');
});

it('names the line of a multi-line source and shows only that line', () => {
  expect(locate('1 +\n  2 )\n+ 3', 8)).toEqual({ where: 'line 2, column 5', display: '  2 )\n    ^' });
});

it('counts code points, and shows tabs as single spaces so the caret lines up', () => {
  expect(locate('\t😀 )', 4)).toEqual({ where: 'column 4', display: ' 😀 )\n   ^' });
});

it('raises Invalid formula.syntax with the message as the formula field error', () => {
  const error = syntaxError('x', 0, 'Bad', 'why');
  expect(error).toBeInstanceOf(Invalid);
  expect(error.code).toBe('formula.syntax');
  expect(error.details).toEqual([{ path: 'formula', message: 'Bad at column 1 (why):\nx\n^' }]);
});
