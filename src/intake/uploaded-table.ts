import { Invalid } from '../domain/errors.js';

/** More data rows than this are refused: an upload is a report, not a data dump. */
export const MAX_ROWS = 200_000;

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

/** The first non-empty row is the header; fully empty rows are dropped but the others keep their numbers. */
export function assembleTable(
  format: UploadedTable['format'],
  file: string,
  sheet: string | null,
  records: Iterable<TableRow>,
): UploadedTable {
  const where = describeSource(file, sheet);
  let head: TableRow | undefined;
  const rows: TableRow[] = [];
  for (const record of records) {
    if (record.cells.every((cell) => cell.trim() === '')) continue;
    if (!head) head = record;
    else if (rows.push(record) > MAX_ROWS) {
      throw new Invalid('intake.too_many_rows', `${where} has more than ${MAX_ROWS.toLocaleString('en-US')} rows`);
    }
  }
  if (!head) throw new Invalid('intake.empty', `${where} is empty: expected a header row and data rows`);
  // Trailing empty header cells stay: a CSV record is checked against the header's full width.
  const header = head.cells.map((cell) => cell.trim());
  return { format, file, sheet, headerRowNumber: head.rowNumber, header, rows };
}
