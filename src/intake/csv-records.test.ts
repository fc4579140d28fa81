import { expect, it } from 'vitest';
import { csvRecords, CsvSyntaxError } from './csv-records.js';

const records = (text: string, delimiter = ',') => [...csvRecords(text, delimiter)];

it('splits fields and records on LF, CRLF or CR, keeping empty fields and lines', () => {
  expect(records('a,b\r\n1,\n\n,2\r3,4')).toEqual([['a', 'b'], ['1', ''], [''], ['', '2'], ['3', '4']]);
  expect(records('a;b;\n', ';')).toEqual([['a', 'b', '']]);
  expect(records('')).toEqual([]);
});

it('reads quoted fields with delimiters, line breaks and doubled quotes', () => {
  expect(records('"99,21","dòng 1\ndòng 2","nói ""có""",""\n')).toEqual([['99,21', 'dòng 1\ndòng 2', 'nói "có"', '']]);
});

it('keeps a quote inside an unquoted field, and text after a closing quote, as Excel does', () => {
  expect(records('6" pipe,"a"b\n')).toEqual([['6" pipe', 'ab']]);
});

it('refuses a quoted field that is never closed, naming its row', () => {
  expect(() => records('a,b\n1,"open\n2,3\n')).toThrow(CsvSyntaxError);
  expect(() => records('a,b\n1,"open\n2,3\n')).toThrow(/the quoted field opened in row 2 is never closed/);
});

it('costs the same for ragged and empty lines as for full ones', () => {
  const start = performance.now();
  expect(records('a,b,c\n' + '1\n\n'.repeat(500_000))).toHaveLength(1_000_001);
  expect(performance.now() - start).toBeLessThan(5000); // csv-parse took about 25 s
});
