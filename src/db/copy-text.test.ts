import { describe, expect, it } from 'vitest';
import { copyField, copyRow } from './copy-text.js';

describe('COPY text format', () => {
  it('writes null as \\N and escapes backslash, tab, newline and carriage return', () => {
    expect(copyField(null)).toBe('\\N');
    expect(copyField(2.5)).toBe('2.5');
    expect(copyField('a\\b\tc\nd\re')).toBe('a\\\\b\\tc\\nd\\re');
    expect(copyField('\\N')).toBe('\\\\N'); // the text "\N", not a null
    expect(copyRow([1, null, 'x\ty'])).toBe('1\t\\N\tx\\ty\n');
  });
});
