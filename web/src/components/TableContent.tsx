import {
  FlexRender,
  type Header,
  type ReactTable,
  type Row,
  type RowData,
  type TableFeatures,
} from '@tanstack/react-table';
import type { HTMLAttributes, ReactNode } from 'react';

export interface TableContentProps<TFeatures extends TableFeatures, TData extends RowData> {
  table: ReactTable<TFeatures, TData>;
  /** The rows to show: the table's row model unless given (one page of it, say). */
  rows?: readonly Row<TFeatures, TData>[];
  /** A column's class, on its header and on its cells ('num' for numbers). */
  columnClass?: (columnId: string) => string | undefined;
  /** The column whose cells head their rows (`<th scope="row">`). */
  rowHeader?: string;
  /** Attributes of a row's `<tr>`: a class, aria-current. */
  rowProps?: (row: Row<TFeatures, TData>) => HTMLAttributes<HTMLTableRowElement>;
  /** A header cell of its own (a sort button); a plain `<th scope="col">` otherwise. */
  renderHeader?: (header: Header<TFeatures, TData, unknown>, className: string | undefined) => ReactNode;
}

/** A TanStack table's `<thead>` and `<tbody>`: one header row per header group, one row per row shown. */
export function TableContent<TFeatures extends TableFeatures, TData extends RowData>({
  table,
  rows = table.getRowModel().rows,
  columnClass = () => undefined,
  rowHeader,
  rowProps,
  renderHeader,
}: TableContentProps<TFeatures, TData>) {
  return (
    <>
      <thead>
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id}>
            {group.headers.map((header) =>
              renderHeader ? (
                renderHeader(header, columnClass(header.column.id))
              ) : (
                <th key={header.id} scope="col" className={columnClass(header.column.id)}>
                  <FlexRender header={header} />
                </th>
              ),
            )}
          </tr>
        ))}
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} {...rowProps?.(row)}>
            {row.getAllCells().map((cell) =>
              cell.column.id === rowHeader ? (
                <th key={cell.id} scope="row">
                  <FlexRender cell={cell} />
                </th>
              ) : (
                <td key={cell.id} className={columnClass(cell.column.id)}>
                  <FlexRender cell={cell} />
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </>
  );
}
