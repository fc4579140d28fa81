import {
  createSortedRowModel,
  FlexRender,
  rowSortingFeature,
  sortFns,
  tableFeatures,
  useTable,
  type ColumnDef,
  type Header,
  type RowData,
  type SortingState,
} from '@tanstack/react-table';
import { useState, type ReactNode } from 'react';
import { SortableHeader } from './SortableHeader.js';
import { TableContent } from './TableContent.js';
import { ScrollTable } from './ScrollTable.js';

export const sortedTableFeatures = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns,
});
export type SortedColumn<Row extends RowData> = ColumnDef<typeof sortedTableFeatures, Row>;

/** A header that sorts its column on a press; a column that cannot sort (no value) gets a plain header. */
export function sortableHeader<Row extends RowData>(
  header: Header<typeof sortedTableFeatures, Row, unknown>,
  className: string | undefined,
): ReactNode {
  const { column } = header;
  const content = <FlexRender header={header} />;
  if (!column.getCanSort())
    return (
      <th key={header.id} scope="col" className={className}>
        {content}
      </th>
    );
  return (
    <SortableHeader
      key={header.id}
      sorted={column.getIsSorted()}
      onToggle={column.getToggleSortingHandler()}
      column={String(column.columnDef.header)}
      className={className}
    >
      {content}
    </SortableHeader>
  );
}

/** A TanStack table sorted by the column last pressed, and by `initialSorting` until then. */
export function useSortedTable<Row extends RowData>(
  columns: SortedColumn<Row>[],
  data: Row[],
  { rowId, initialSorting = [] }: { rowId: (row: Row) => string; initialSorting?: SortingState | undefined },
) {
  const [sorting, setSorting] = useState<SortingState>(initialSorting);
  return useTable({
    features: sortedTableFeatures,
    columns,
    data,
    state: { sorting },
    onSortingChange: setSorting,
    getRowId: rowId,
  });
}

export interface SortedTableProps<Row extends RowData> {
  columns: SortedColumn<Row>[];
  data: Row[];
  /** The table's caption, also the scroll region's name. */
  label: string;
  /** Columns holding numbers (right-aligned). */
  numeric: ReadonlySet<string>;
  rowId: (row: Row) => string;
  initialSorting?: SortingState;
  /** A class besides `data-table`. */
  className?: string;
  /** The column whose cells head their rows. */
  rowHeader?: string;
  /** Rows below the body: a `<tfoot>` of totals. */
  footer?: ReactNode;
}

/** A table sortable by any column, scrolling sideways on a phone. */
export function SortedTable<Row extends RowData>({
  columns,
  data,
  label,
  numeric,
  rowId,
  initialSorting,
  className,
  rowHeader,
  footer,
}: SortedTableProps<Row>) {
  const table = useSortedTable(columns, data, { rowId, initialSorting });
  return (
    <ScrollTable label={label} className={className}>
      <TableContent
        table={table}
        columnClass={(id) => (numeric.has(id) ? 'num' : undefined)}
        rowHeader={rowHeader}
        renderHeader={sortableHeader}
      />
      {footer}
    </ScrollTable>
  );
}
