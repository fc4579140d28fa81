import { describe, expect, it } from 'vitest';
import { checkRows, formatRowError, type Catalogue, type RowError } from './check-rows.js';
import { mapColumns } from './columns.js';
import { readUploadedTable } from './read-table.js';
import type { UploadedTable } from './uploaded-table.js';

const catalogue: Catalogue = {
  indicators: new Map([
    ['POP_COV_4G', { valueType: 'percent', reportingLevel: 'commune' }],
    ['BTS_COUNT', { valueType: 'count', reportingLevel: 'commune' }],
    ['PORTAL_LIVE', { valueType: 'boolean', reportingLevel: 'province' }],
    ['SPEND', { valueType: 'number', reportingLevel: 'commune' }],
  ]),
  units: new Map([
    ['24', { level: 'province' }],
    ['60309134', { level: 'commune' }],
    ['60309135', { level: 'commune' }],
    ['0012345', { level: 'commune' }],
  ]),
};

async function csv(text: string, name = 'values.csv'): Promise<UploadedTable> {
  return readUploadedTable({ name, bytes: new TextEncoder().encode(text) });
}

async function check(text: string, options: { period?: string; locale?: 'vi' | 'en' | 'auto' } = {}) {
  const table = await csv(text);
  const mapping = mapColumns(table.header, { file: table.file, period: options.period ?? null });
  return checkRows(table, mapping, catalogue, options.locale ?? 'auto');
}

const brief = (errors: RowError[]) => errors.map((e) => [e.row, e.column, e.value, e.reason]);

describe('checkRows: long layout', () => {
  it('returns the rows of a clean file', async () => {
    const result = await check(
      'Mã chỉ tiêu;Mã xã;Kỳ;Giá trị;Ghi chú\n' +
        'POP_COV_4G;60309134;2025Q3;99,21;\n' +
        'BTS_COUNT;60309134;2025Q3;6.500;mới lắp\n' +
        'PORTAL_LIVE;24;2025;Có;\n',
    );
    expect(result).toMatchObject({
      ok: true,
      rows: [
        { rowNumber: 2, indicator: 'POP_COV_4G', unit: '60309134', period: '2025Q3', value: 99.21, comment: null },
        { rowNumber: 3, indicator: 'BTS_COUNT', unit: '60309134', period: '2025Q3', value: 6500, comment: 'mới lắp' },
        { rowNumber: 4, indicator: 'PORTAL_LIVE', unit: '24', period: '2025', value: 1, comment: null },
      ],
    });
  });

  it('reports every bad cell of every row with its row number and header', async () => {
    const result = await check(
      'Mã chỉ tiêu,Mã xã,Kỳ,Giá trị\n' +
        'POP_COV_4G,60309134,2025,"99,5"\n' + // row 2: fine
        '\n' + // row 3: empty, skipped
        'NOPE,99999999,Q3 2025,"12,5,3"\n' + // row 4: four bad cells
        'POP_COV_4G,24,2025,120\n' + // row 5: wrong level, out of range
        'BTS_COUNT,60309135,2025-09,\n' + // row 6: empty value
        ',60309135,2025,x\n' + // row 7: empty indicator, not a number
        'POP_COV_4G,60309135,2025-09-01,50\n' + // row 8: a date, not a period
        'BTS_COUNT,60309135,2025,"2,5"\n', // row 9: a count must be whole
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(brief(result.errors)).toEqual([
      [4, 'Mã chỉ tiêu', 'NOPE', 'is not a known indicator code'],
      [4, 'Mã xã', '99999999', 'is not a known unit code'],
      [4, 'Kỳ', 'Q3 2025', 'is not a period: use 2025, 2025Q3 or 2025-09'],
      [4, 'Giá trị', '12,5,3', 'is not a number'],
      [5, 'Mã xã', '24', 'is the wrong level: POP_COV_4G is reported per commune; 24 is a province'],
      [5, 'Giá trị', '120', 'is out of range: a percent must be between 0 and 100, got 120'],
      [6, 'Giá trị', '', 'is empty: a value is required'],
      [7, 'Mã chỉ tiêu', '', 'is empty: an indicator code is required'],
      [7, 'Giá trị', 'x', 'is not a number'],
      [8, 'Kỳ', '2025-09-01', expect.stringMatching(/^is a date, not a period/)],
      [9, 'Giá trị', '2,5', 'is out of range: a count must be a whole number ≥ 0, got 2.5'],
    ]);
    expect(result.rows.map((r) => r.rowNumber)).toEqual([2]);
    expect(result.errors[0]).toMatchObject({ file: 'values.csv', sheet: null, field: 'indicator' });
    expect(formatRowError(result.errors[3]!)).toBe('values.csv, row 4, column "Giá trị": "12,5,3" is not a number');
  });

  it('reports the second of two values for one indicator, unit and period', async () => {
    const result = await check(
      'indicator,unit,period,value\n' +
        'POP_COV_4G,60309134,2025,50\n' +
        'POP_COV_4G,60309135,2025,50\n' +
        'pop_cov_4g,60309134,2025,51\n',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      {
        file: 'values.csv',
        sheet: null,
        row: 4,
        column: '',
        field: 'row',
        value: 'POP_COV_4G, 60309134, 2025',
        reason: 'is a duplicate of row 2 (same indicator POP_COV_4G, unit 60309134 and period 2025)',
        code: 'row.duplicate',
        params: { firstRow: 2, indicator: 'POP_COV_4G', unit: '60309134', period: '2025' },
      },
    ]);
    expect(result.rows.map((r) => r.rowNumber)).toEqual([2, 3]);
  });

  it('reads 6.500 by the file’s locale, and refuses to guess when nothing shows it', async () => {
    const header = 'indicator;unit;period;value\n';
    const vi = await check(header + 'BTS_COUNT;60309134;2025;6.500\nPOP_COV_4G;60309134;2025;99,21\n');
    expect(vi.ok && vi.rows.map((r) => r.value)).toEqual([6500, 99.21]);
    const en = await check(header + 'SPEND;60309134;2025;6.500\nPOP_COV_4G;60309134;2025;99.21\n');
    expect(en.ok && en.rows.map((r) => r.value)).toEqual([6.5, 99.21]);
    const unknown = await check(header + 'BTS_COUNT;60309134;2025;6.500\n');
    expect(!unknown.ok && brief(unknown.errors)).toEqual([
      [
        2,
        'value',
        '6.500',
        'is ambiguous (6.5 or 6500) and no other number in the file shows its format: write 6500 or 6,5 instead',
      ],
    ]);
    const explicit = await check(header + 'SPEND;60309134;2025;12.5\n', { locale: 'vi' });
    expect(!explicit.ok && explicit.errors[0]!.reason).toBe('is not a number in Vietnamese format (1.234,5)');
  });

  it('flags CSV records split by an unquoted decimal comma', async () => {
    const result = await check('indicator,unit,period,value\nPOP_COV_4G,60309134,2025,99,21\n');
    expect(!result.ok && result.errors.map((e) => formatRowError(e))).toEqual([
      'values.csv, row 2: the row has 5 cells but the header has 4 (in a comma-separated file, a decimal comma must be in quotes: "99,21")',
    ]);
    expect(result.rows).toEqual([]);
  });

  it('trusts XLSX number cells whatever the locale, and hints at lost leading zeros', () => {
    const table: UploadedTable = {
      format: 'xlsx',
      file: 'values.xlsx',
      sheet: 'Dữ liệu',
      headerRowNumber: 1,
      header: ['Mã chỉ tiêu', 'Mã xã', 'Kỳ', 'Giá trị'],
      rows: [
        { rowNumber: 2, cells: ['SPEND', '60309134', '2025', '6.125'], numeric: [false, true, true, true] },
        { rowNumber: 3, cells: ['SPEND', '12345', '2025', '1'], numeric: [false, true, true, true] },
        { rowNumber: 4, cells: ['POP_COV_4G', '60309134', '2025', '99.21%'], numeric: [false, true, true, true] },
      ],
    };
    const result = checkRows(table, mapColumns(table.header, { file: table.file }), catalogue, 'vi');
    expect(result.rows.map((r) => r.value)).toEqual([6.125, 99.21]);
    expect(!result.ok && result.errors.map((e) => formatRowError(e))).toEqual([
      'values.xlsx, sheet "Dữ liệu", row 3, column "Mã xã": "12345" is not a known unit code (Excel may have dropped leading zeros: did you mean 0012345? format the column as Text)',
    ]);
  });
});

describe('checkRows: wide layout', () => {
  const header = 'Mã đơn vị,Tên đơn vị,Kỳ,POP_COV_4G (Phủ sóng 4G; %),BTS_COUNT (Trạm BTS),OLD_CODE,Ghi chú\n';

  it('skips blank cells and rows, and reads one value per filled cell', async () => {
    const result = await check(
      header +
        '60309134,Xã A,2025Q3,"99,21",12,,kiểm tra\n' +
        '60309135,Xã B,2025Q3,,,,\n' + // nothing reported: skipped
        '0012345,Xã C,,50,,,\n', // blank period: the upload's period
      { period: '2025Q3' },
    );
    expect(result).toMatchObject({
      ok: true,
      rows: [
        {
          rowNumber: 2,
          indicator: 'POP_COV_4G',
          unit: '60309134',
          period: '2025Q3',
          value: 99.21,
          comment: 'kiểm tra',
        },
        { rowNumber: 2, indicator: 'BTS_COUNT', unit: '60309134', period: '2025Q3', value: 12, comment: 'kiểm tra' },
        { rowNumber: 4, indicator: 'POP_COV_4G', unit: '0012345', period: '2025Q3', value: 50, comment: null },
      ],
    });
  });

  it('reports unknown indicator columns once, and each bad cell by its column', async () => {
    const result = await check(
      header +
        '60309134,Xã A,2025Q3,abc,-1,7,\n' +
        '24,Tỉnh,2025Q3,50,,,\n' +
        '60309134,Xã A,2025Q3,60,,,\n' +
        '60309135,Xã B,2025Q2,60,,,\n',
      { period: '2025Q3' },
    );
    expect(!result.ok && brief(result.errors)).toEqual([
      [1, 'OLD_CODE', 'OLD_CODE', 'is not a known indicator code'],
      [2, 'POP_COV_4G (Phủ sóng 4G; %)', 'abc', 'is not a number'],
      [2, 'BTS_COUNT (Trạm BTS)', '-1', 'is out of range: a count must be a whole number ≥ 0, got -1'],
      [
        3,
        'POP_COV_4G (Phủ sóng 4G; %)',
        '50',
        'cannot be given for unit 24: POP_COV_4G is reported per commune; 24 is a province',
      ],
      [
        4,
        'POP_COV_4G (Phủ sóng 4G; %)',
        '60',
        'is a duplicate of row 2 (same indicator POP_COV_4G, unit 60309134 and period 2025Q3)',
      ],
      [5, 'Kỳ', '2025Q2', 'does not match the period chosen for this upload (2025Q3)'],
    ]);
    expect(result.rows).toEqual([]);
  });

  it('refuses a wide CSV row whose unquoted decimal comma shifted the cells after it', async () => {
    // The template row "60309134,Xã A,2025Q3,,,,,": 99,21 typed unquoted into POP_COV_4G.
    const result = await check(header + '60309134,Xã A,2025Q3,99,21,,,\n', { period: '2025Q3' });
    expect(!result.ok && brief(result.errors)).toEqual([
      [2, '', '', expect.stringMatching(/^has 8 cells but the header has 7/)],
    ]);
    expect(result.rows).toEqual([]);
  });
});
