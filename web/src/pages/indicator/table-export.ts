/**
 * The table by unit as a file: CSV (UTF-8 with a byte-order mark, so Excel reads the diacritics) and XLSX (real
 * numbers with a vi-VN number format, not text). Both carry the rows as shown on screen, in the same order.
 */
import type { Lang, ValueType } from '../../../../src/domain/overview-contract.js';
import type { UnitRow } from './indicator-api.js';

export interface ExportColumns {
  code: string;
  name: string;
  value: string;
  target: string;
  status: string;
  reported: string;
}

export interface ExportInput {
  rows: readonly UnitRow[];
  lang: Lang;
  columns: ExportColumns;
  statusLabel: (row: UnitRow) => string;
  reportedLabel: (row: UnitRow) => string;
  valueType: ValueType;
  decimals: number;
}

type Cell = string | number | null;

function name(row: UnitRow, lang: Lang): string {
  return lang === 'en' && row.nameEn ? row.nameEn : row.nameVi;
}

/** The sheet as a header and one array per row: what both files are written from. */
export function exportMatrix(input: ExportInput): Cell[][] {
  const { columns } = input;
  return [
    [columns.code, columns.name, columns.value, columns.target, columns.status, columns.reported],
    ...input.rows.map((row) => [
      row.code,
      name(row, input.lang),
      row.value,
      row.target,
      input.statusLabel(row),
      input.reportedLabel(row),
    ]),
  ];
}

function csvCell(cell: Cell, lang: Lang, decimals: number, separator: string): string {
  if (cell === null) return '';
  const text =
    typeof cell === 'number'
      ? // vi-VN CSV: decimal comma, no thousands separator, so the file opens as numbers in a Vietnamese Excel.
        cell.toFixed(decimals).replace('.', lang === 'vi' ? ',' : '.')
      : cell;
  const quoted = text.includes(separator) || /["\n\r]/.test(text);
  return quoted ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV with a BOM; separated by ';' in Vietnamese (the decimal comma is taken) and ',' in English. */
export function toCsv(input: ExportInput): string {
  const separator = input.lang === 'vi' ? ';' : ',';
  const lines = exportMatrix(input).map((row) =>
    row.map((cell) => csvCell(cell, input.lang, input.decimals, separator)).join(separator),
  );
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** An Excel number format showing `decimals` digits (Excel renders the separators in the reader's locale). */
export function numberFormatFor(valueType: ValueType, decimals: number): string {
  const digits = decimals > 0 ? `.${'0'.repeat(decimals)}` : '';
  return valueType === 'percent' ? `#,##0${digits}" %"` : `#,##0${digits}`;
}

/** The XLSX file's bytes; exceljs is loaded only when someone exports. */
export async function toXlsx(input: ExportInput, sheetName: string): Promise<ArrayBuffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31).replace(/[*?:\\/[\]]/g, ' '));
  for (const row of exportMatrix(input)) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  const format = numberFormatFor(input.valueType, input.decimals);
  for (const column of [3, 4]) sheet.getColumn(column).numFmt = format;
  sheet.getColumn(2).width = 32;
  return (await workbook.xlsx.writeBuffer()) as ArrayBuffer;
}

/** Hands a file to the browser as a download. */
export function download(data: BlobPart, type: string, filename: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
