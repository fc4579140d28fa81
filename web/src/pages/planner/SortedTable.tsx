import {
  createSortedRowModel,
  rowSortingFeature,
  sortFns,
  tableFeatures,
  useTable,
  type ColumnDef,
  type RowData,
  type SortingState,
} from '@tanstack/react-table';
import { useState } from 'react';
import { SortableHeader } from '../../components/SortableHeader.js';

export const sortedTableFeatures = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns,
});
export type SortedColumn<Row extends RowData> = ColumnDef<typeof sortedTableFeatures, Row>;

export interface SortedTableProps<Row extends RowData> {
  columns: SortedColumn<Row>[];
  data: Row[];
  /** The table's caption, also the scroll region's name. */
  label: string;
  /** Columns holding numbers (right-aligned). */
  numeric: ReadonlySet<string>;
  rowId: (row: Row) => string;
  initialSorting?: SortingState;
}

/** A table sortable by any column, scrolling sideways on a phone: the planner's sites and communes. */
export function SortedTable<Row extends RowData>({
  columns,
  data,
  label,
  numeric,
  rowId,
  initialSorting = [],
}: SortedTableProps<Row>) {
  const [sorting, setSorting] = useState<SortingState>(initialSorting);
  const table = useTable({
    features: sortedTableFeatures,
    columns,
    data,
    state: { sorting },
    onSortingChange: setSorting,
    getRowId: rowId,
  });
  const className = (id: string) => (numeric.has(id) ? 'num' : undefined);
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={label}>
      <table className="data-table">
        <caption className="visually-hidden">{label}</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <SortableHeader
                  key={header.id}
                  sorted={header.column.getIsSorted()}
                  onToggle={header.column.getToggleSortingHandler()}
                  column={String(header.column.columnDef.header)}
                  className={className(header.column.id)}
                >
                  <table.FlexRender header={header} />
                </SortableHeader>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id}>
              {row.getAllCells().map((cell) => (
                <td key={cell.id} className={className(cell.column.id)}>
                  <table.FlexRender cell={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
