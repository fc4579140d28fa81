import ExcelJS from 'exceljs';
import { Invalid } from '../domain/errors.js';
import { foldText } from './fold-text.js';
import { assembleTable, describeSource, MAX_ROWS, type TableRow, type UploadedTable } from './uploaded-table.js';

const DATA_SHEET_NAMES = new Set(['dulieu', 'data']);

/** A percent number format (`0.00%`), ignoring `%` inside quoted literals or [brackets]. */
function isPercentFormat(numFmt: string | undefined): boolean {
  return !!numFmt && numFmt.replace(/"[^"]*"|\[[^\]]*]/g, '').includes('%');
}

/**
 * A number as Excel shows it at full precision: 15 significant digits drops binary noise
 * (0.30000000000000004 → 0.3) without touching anything a person typed. A cell formatted as a
 * percent stores 0.9921 and shows 99.21%: the official means 99.21.
 */
export function numberText(value: number, numFmt?: string): string {
  if (isPercentFormat(numFmt)) return `${Number((value * 100).toPrecision(15))}%`;
  return String(Number(value.toPrecision(15)));
}

/** ISO date (`2025-09-30`), or date-time when the cell has a time of day. exceljs reads serials as UTC. */
export function isoDateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}

type Shown = { text: string; numeric: boolean };
const text = (t: string): Shown => ({ text: t, numeric: false });

function shownValue(value: ExcelJS.CellValue, numFmt: string | undefined): Shown {
  if (value === null || value === undefined) return text('');
  if (typeof value === 'number') return { text: numberText(value, numFmt), numeric: true };
  if (typeof value === 'string') return text(value);
  if (typeof value === 'boolean') return text(value ? 'TRUE' : 'FALSE');
  if (value instanceof Date) return text(isoDateText(value));
  if ('error' in value) return text(value.error);
  if ('richText' in value) return text(value.richText.map((run) => run.text).join(''));
  // A formula written by a program that does not compute (exceljs itself) may have no cached result: blank.
  if ('formula' in value || 'sharedFormula' in value) return shownValue(value.result, numFmt);
  if ('hyperlink' in value) return shownValue(value.text as ExcelJS.CellValue, numFmt);
  return text('');
}

function shownCell(cell: ExcelJS.Cell): Shown {
  // exceljs hands every cell of a merged range the master's value; Excel stores (and formulas see) blanks.
  if (cell.isMerged && cell.master.address !== cell.address) return text('');
  return shownValue(cell.value, cell.numFmt);
}

function pickSheet(workbook: ExcelJS.Workbook): ExcelJS.Worksheet | undefined {
  const sheets = workbook.worksheets; // tab order (exceljs sorts by orderNo)
  return (
    sheets.find((s) => DATA_SHEET_NAMES.has(foldText(s.name))) ??
    sheets.find((s) => s.state === 'visible' || s.state === undefined) ??
    sheets[0]
  );
}

/** The data sheet of an .xlsx: the one named `Dữ liệu`/`Data`, else the first visible one. */
export async function readXlsx(file: string, bytes: Uint8Array): Promise<UploadedTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types `load` with its own Buffer (an ArrayBuffer); a copy is one whatever `bytes` views.
    await workbook.xlsx.load(bytes.slice().buffer);
  } catch (error) {
    throw new Invalid(
      'intake.xlsx',
      `${file} could not be opened as an Excel workbook (.xlsx): ${(error as Error).message}`,
    );
  }
  const sheet = pickSheet(workbook);
  if (!sheet) throw new Invalid('intake.xlsx', `${file} has no worksheets: is it an Excel workbook (.xlsx)?`);
  if (sheet.actualRowCount > MAX_ROWS + 1) {
    throw new Invalid(
      'intake.too_many_rows',
      `${describeSource(file, sheet.name)} has more than ${MAX_ROWS.toLocaleString('en-US')} rows`,
    );
  }
  const records: TableRow[] = [];
  sheet.eachRow((row, rowNumber) => {
    const cells: string[] = [];
    const numeric: boolean[] = [];
    row.eachCell((cell, column) => {
      const shown = shownCell(cell);
      cells[column - 1] = shown.text;
      numeric[column - 1] = shown.numeric;
    });
    // eachCell skips empty cells: fill the holes so columns stay aligned.
    records.push({
      rowNumber,
      cells: Array.from(cells, (c) => c ?? ''),
      numeric: Array.from(numeric, (n) => n ?? false),
    });
  });
  return assembleTable('xlsx', file, sheet.name, records);
}
