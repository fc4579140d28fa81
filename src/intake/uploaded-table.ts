import { Invalid, TooLarge } from '../domain/errors.js';
import { INTAKE_LIMITS, type IntakeLimits } from './intake-limits.js';

/** More data rows than this are refused: an upload is a report, not a data dump. */
export const MAX_ROWS = INTAKE_LIMITS.rows;

export interface TableRow {
  /** As the user sees it: the spreadsheet row, or the CSV record, 1-based. */
  rowNumber: number;
  cells: string[];
  /**
   * True where the cell held an XLSX number: its text is then canonical (`.` decimal, no grouping)
   * whatever the file's locale. Absent for CSV.
   */
  numeric?: boolean[];
}

export interface UploadedTable {
  format: 'csv' | 'xlsx';
  file: string;
  sheet: string | null;
  headerRowNumber: number;
  header: string[];
  rows: TableRow[];
}

export function describeSource(file: string, sheet: string | null): string {
  return sheet ? `${file}, sheet "${sheet}"` : file;
}

/** `A`, `Z`, `AA`, `XFD`: a 1-based column number as a spreadsheet names it. */
export function columnLetters(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

const count = (n: number) => n.toLocaleString('en-US');

/**
 * Builds a table from records as they are read, refusing it as soon as it passes a limit: the first
 * non-empty row is the header; fully empty rows are dropped but the others keep their numbers.
 */
export class TableAssembler {
  private head: TableRow | undefined;
  private readonly rows: TableRow[] = [];
  private records = 0;
  private readonly where: string;

  constructor(
    private readonly format: UploadedTable['format'],
    private readonly file: string,
    private readonly sheet: string | null,
    private readonly limits: IntakeLimits = INTAKE_LIMITS,
  ) {
    this.where = describeSource(file, sheet);
  }

  /** How a column is named in a message: its letter in a workbook, its position in a CSV, and its header. */
  columnName(column: number): string {
    const header = this.head?.cells[column - 1]?.trim();
    const position = this.format === 'xlsx' ? columnLetters(column) : `${column}`;
    return header ? `${position} ("${header}")` : position;
  }

  /** Refuses a cell past the column limit or holding more text than a cell may; the reader calls it per cell. */
  checkCell(rowNumber: number, column: number, text: string): void {
    if (text === '' || (column <= this.limits.columns && text.length <= this.limits.cellChars)) return;
    const params = { file: this.file, sheet: this.sheet ?? '', row: rowNumber };
    if (column > this.limits.columns) {
      throw new TooLarge(
        'intake.too_many_columns',
        `${this.where}, row ${count(rowNumber)} has a value in column ${this.columnName(column)}: at most ${count(this.limits.columns)} columns are read; remove the columns past ${columnLetters(this.limits.columns)} or split the file`,
        undefined,
        { ...params, column: this.columnName(column), limit: this.limits.columns },
      );
    }
    if (text.length > this.limits.cellChars) {
      throw new TooLarge(
        'intake.cell_too_long',
        `${this.where}, row ${count(rowNumber)}, column ${this.columnName(column)} holds ${count(text.length)} characters: a cell holds at most ${count(this.limits.cellChars)}`,
        undefined,
        { ...params, column: this.columnName(column), chars: text.length, limit: this.limits.cellChars },
      );
    }
  }

  add(record: TableRow): void {
    // Empty rows cost time too: a file of nothing but line breaks stops at Excel's own size.
    if (++this.records > this.limits.sheetRows || record.rowNumber > this.limits.sheetRows) {
      throw new TooLarge(
        'intake.too_many_rows',
        `${this.where} has more than ${count(this.limits.sheetRows)} rows counting empty ones, more than Excel holds: save only the data rows`,
        undefined,
        { file: this.file, sheet: this.sheet ?? '', row: record.rowNumber, limit: this.limits.rows },
      );
    }
    const { cells } = record;
    for (let i = 0; i < cells.length; i += 1) this.checkCell(record.rowNumber, i + 1, cells[i]!);
    if (record.cells.every((cell) => cell.trim() === '')) return;
    if (!this.head) this.head = record;
    else if (this.rows.push(record) > this.limits.rows) {
      throw new TooLarge(
        'intake.too_many_rows',
        `${this.where} has more than ${count(this.limits.rows)} rows (row ${count(record.rowNumber)} is past the limit): split it into several files`,
        undefined,
        { file: this.file, sheet: this.sheet ?? '', row: record.rowNumber, limit: this.limits.rows },
      );
    }
  }

  finish(): UploadedTable {
    const head = this.head;
    if (!head) throw new Invalid('intake.empty', `${this.where} is empty: expected a header row and data rows`);
    // Trailing empty header cells stay: a CSV record is checked against the header's full width.
    const header = head.cells.map((cell) => cell.trim());
    return {
      format: this.format,
      file: this.file,
      sheet: this.sheet,
      headerRowNumber: head.rowNumber,
      header,
      rows: this.rows,
    };
  }
}

/** The table of records already read, checked against the limits as TableAssembler checks them. */
export function assembleTable(
  format: UploadedTable['format'],
  file: string,
  sheet: string | null,
  records: Iterable<TableRow>,
  limits: IntakeLimits = INTAKE_LIMITS,
): UploadedTable {
  const table = new TableAssembler(format, file, sheet, limits);
  for (const record of records) table.add(record);
  return table.finish();
}
