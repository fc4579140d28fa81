import { expect, it } from 'vitest';
import { loadGiaLaiUnits, parseGiaLaiUnitsCsv } from './gia-lai-units.js';

const HEADER = 'province_code,province_name,unit_code,unit_name,unit_type';

it('loads the 135 units of Gia Lai: 110 communes and 25 wards, unique codes', () => {
  const units = loadGiaLaiUnits();
  expect(units).toHaveLength(135);
  expect(units.filter((u) => u.unitType === 'commune')).toHaveLength(110);
  expect(units.filter((u) => u.unitType === 'ward')).toHaveLength(25);
  expect(new Set(units.map((u) => u.code)).size).toBe(135);
  expect(units).toContainEqual({ code: '60309134', nameVi: 'Xã Ia O', unitType: 'commune' });
  expect(units).toContainEqual({ code: '50701001', nameVi: 'Phường Quy Nhơn', unitType: 'ward' });
});

it('maps unit types and accepts CRLF line ends', () => {
  const text = `${HEADER}\r\n24,Gia Lai,1,Xã A,xa\r\n24,Gia Lai,2,Phường B,phuong\r\n24,Gia Lai,3,Đặc khu C,dac_khu\r\n`;
  expect(parseGiaLaiUnitsCsv(text, 'x.csv')).toEqual([
    { code: '1', nameVi: 'Xã A', unitType: 'commune' },
    { code: '2', nameVi: 'Phường B', unitType: 'ward' },
    { code: '3', nameVi: 'Đặc khu C', unitType: 'special_zone' },
  ]);
});

it('names file, row and field of a malformed row', () => {
  expect(() => parseGiaLaiUnitsCsv(`${HEADER}\n24,Gia Lai,1,Xã A,xa\n24,Gia Lai,2,Xã B,town\n`, 'u.csv')).toThrow(
    /u\.csv: row 3, field unit_type: unknown type "town"/,
  );
  expect(() => parseGiaLaiUnitsCsv(`${HEADER}\n24,Gia Lai,abc,Xã A,xa\n`, 'u.csv')).toThrow(
    /u\.csv: row 2, field unit_code/,
  );
  expect(() => parseGiaLaiUnitsCsv(`${HEADER}\n24,Gia Lai,1,,xa\n`, 'u.csv')).toThrow(/row 2, field unit_name: empty/);
  expect(() => parseGiaLaiUnitsCsv(`${HEADER}\n24,Gia Lai,1,Xã A\n`, 'u.csv')).toThrow(/row 2: expected 5 fields/);
  expect(() => parseGiaLaiUnitsCsv(`${HEADER}\n24,Gia Lai,1,Xã A,xa\n24,Gia Lai,1,Xã B,xa\n`, 'u.csv')).toThrow(
    /row 3, field unit_code: duplicate/,
  );
  expect(() => parseGiaLaiUnitsCsv('code,name\n1,A\n', 'u.csv')).toThrow(/u\.csv: row 1 \(header\), field 1/);
});
