export type RowField = 'indicator' | 'unit' | 'period' | 'value' | 'comment' | 'row';

/** One bad cell (or row): where it is as the user sees the file, what it holds and why it is refused. */
export interface RowError {
  file: string;
  sheet: string | null;
  row: number;
  /** The header text as the user wrote it; '' for a problem with the whole row. */
  column: string;
  field: RowField;
  /** The cell as read; '' for an empty cell. */
  value: string;
  /** A predicate on the value: 'is not a number', 'is empty', … */
  reason: string;
}

/** `values.xlsx, sheet "Dữ liệu", row 12, column "Giá trị": "12,5,3" is not a number` */
export function formatRowError(e: RowError): string {
  const where = [
    e.file,
    e.sheet ? `sheet "${e.sheet}"` : null,
    `row ${e.row}`,
    e.column ? `column "${e.column}"` : null,
  ]
    .filter((part) => part !== null)
    .join(', ');
  const subject = e.value !== '' ? `"${e.value}"` : e.field === 'row' ? 'the row' : 'the cell';
  return `${where}: ${subject} ${e.reason}`;
}
