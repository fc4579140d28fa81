import { describe, expect, it } from 'vitest';
import { Invalid } from '../domain/errors.js';
import { headerRole, indicatorCodeOf, mapColumns } from './columns.js';

const at = { file: 'values.csv' };

describe('headerRole', () => {
  it('recognises Vietnamese headers with or without diacritics, any case and spacing', () => {
    expect(headerRole('Mã chỉ tiêu')).toBe('indicator');
    expect(headerRole('MA CHI TIEU')).toBe('indicator');
    expect(headerRole('machitieu')).toBe('indicator');
    expect(headerRole('Mã đơn vị')).toBe('unit');
    expect(headerRole('Ma don vi')).toBe('unit');
    expect(headerRole(' Mã xã ')).toBe('unit');
    expect(headerRole('Kỳ')).toBe('period');
    expect(headerRole('Ky bao cao')).toBe('period');
    expect(headerRole('Giá trị')).toBe('value');
    expect(headerRole('Gia tri (%)')).toBe('value');
    expect(headerRole('Ghi chú')).toBe('comment');
  });

  it('recognises English headers', () => {
    expect(headerRole('indicator')).toBe('indicator');
    expect(headerRole('Indicator_Code')).toBe('indicator');
    expect(headerRole('unit')).toBe('unit');
    expect(headerRole('unit_code')).toBe('unit');
    expect(headerRole('org_unit')).toBe('unit');
    expect(headerRole('Period')).toBe('period');
    expect(headerRole('VALUE')).toBe('value');
    expect(headerRole('comment')).toBe('comment');
  });

  it('gives extra columns no role', () => {
    expect(headerRole('Tên đơn vị')).toBeNull();
    expect(headerRole('Tên chỉ tiêu')).toBeNull();
    expect(headerRole('')).toBeNull();
  });
});

describe('indicatorCodeOf', () => {
  it('reads the code before an optional (name, unit)', () => {
    expect(indicatorCodeOf('POP_COV_4G')).toBe('POP_COV_4G');
    expect(indicatorCodeOf('POP_COV_4G (Tỷ lệ dân số được phủ sóng 4G, %)')).toBe('POP_COV_4G');
    expect(indicatorCodeOf('STT')).toBeNull();
    expect(indicatorCodeOf('Tên đơn vị')).toBeNull();
  });
});

describe('mapColumns', () => {
  it('maps the long layout and ignores extra columns', () => {
    const header = ['STT', 'Mã chỉ tiêu', 'Tên chỉ tiêu', 'Mã xã', 'Tên đơn vị', 'Kỳ', 'Giá trị', 'Ghi chú'];
    expect(mapColumns(header, at)).toEqual({
      layout: 'long',
      indicator: 1,
      unit: 3,
      period: 5,
      value: 6,
      comment: 7,
    });
    expect(mapColumns(['indicator_code', 'org_unit', 'period', 'value'], at)).toMatchObject({ comment: null });
  });

  it('names every missing column in a file-level error', () => {
    const attempt = () => mapColumns(['Mã đơn vị', 'Tên đơn vị', 'Giá trị'], { file: 'values.xlsx', sheet: 'Dữ liệu' });
    expect(attempt).toThrow(Invalid);
    expect(attempt).toThrow(
      /values\.xlsx, sheet "Dữ liệu": missing columns indicator code \(Mã chỉ tiêu\), period \(Kỳ\)/,
    );
  });

  it('refuses two columns with one role', () => {
    expect(() => mapColumns(['Mã chỉ tiêu', 'Mã xã', 'Mã đơn vị', 'Kỳ', 'Giá trị'], at)).toThrow(
      /columns "Mã xã" and "Mã đơn vị" both hold the unit code/,
    );
  });

  it('maps the wide layout with a period column', () => {
    const header = ['Mã đơn vị', 'Tên đơn vị', 'Kỳ', 'POP_COV_4G (Phủ sóng 4G, %)', 'BTS_COUNT', 'Ghi chú'];
    expect(mapColumns(header, at)).toEqual({
      layout: 'wide',
      unit: 0,
      period: 2,
      defaultPeriod: null,
      comment: 5,
      indicators: [
        { column: 3, code: 'POP_COV_4G' },
        { column: 4, code: 'BTS_COUNT' },
      ],
    });
  });

  it('takes the wide layout’s period once from the caller', () => {
    expect(mapColumns(['Mã xã', 'POP_COV_4G'], { ...at, period: '2025Q3' })).toMatchObject({
      layout: 'wide',
      period: null,
      defaultPeriod: '2025Q3',
    });
    expect(() => mapColumns(['Mã xã', 'POP_COV_4G'], at)).toThrow(/no period/);
    expect(() => mapColumns(['Mã xã', 'POP_COV_4G'], { ...at, period: 'Q3' })).toThrow(/"Q3" is not a period/);
    expect(() => mapColumns(['Tên đơn vị', 'POP_COV_4G'], { ...at, period: '2025' })).toThrow(
      /missing column unit code/,
    );
  });
});
