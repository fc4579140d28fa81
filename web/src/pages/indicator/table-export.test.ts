import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { formatValue } from '../../format.js';
import { ROWS } from './fixture-rows.js';
import { exportMatrix, toCsv, toXlsx, type ExportInput } from './table-export.js';

const input: ExportInput = {
  rows: ROWS,
  lang: 'vi',
  valueType: 'number',
  decimals: 2,
  columns: { code: 'Mã', name: 'Xã', value: 'Giá trị', target: 'Mục tiêu', status: 'Tình trạng', reported: 'Báo cáo' },
  statusLabel: (row) => row.status,
  reportedLabel: (row) => (row.reported ? 'Đã báo cáo' : 'Chưa báo cáo'),
};

it('writes an XLSX whose numbers read back as the table’s figures, formatted as numbers', async () => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await toXlsx(input, 'POP_COV_4G 2025'));
  const sheet = workbook.worksheets[0]!;
  const read: unknown[][] = [];
  sheet.eachRow((row) => read.push((row.values as unknown[]).slice(1)));
  const expected = exportMatrix(input).map((row) => row.map((cell) => cell ?? undefined));
  expect(read.map((row) => [...row, ...Array(6 - row.length).fill(undefined)])).toEqual(expected);
  const value = sheet.getCell('C3');
  expect(typeof value.value).toBe('number');
  expect(value.numFmt).toBe('#,##0.00');
  // Same figures as on screen once rounded the way the screen rounds them.
  expect(formatValue(value.value as number, 'number', 2, 'vi')).toBe('1.234,56');
});

it('writes a CSV with a BOM, a decimal comma and an empty cell where nothing was reported', () => {
  const csv = toCsv(input);
  expect(csv.startsWith('\uFEFFMã;Xã;Giá trị')).toBe(true);
  const lines = csv.trim().split('\r\n');
  expect(lines[2]).toBe('60309001;Phường Đống Đa;1234,56;1500,00;on_track;Đã báo cáo');
  expect(lines[3]).toBe('60309002;Xã Ia Grai;;90,00;no_data;Chưa báo cáo');
});
