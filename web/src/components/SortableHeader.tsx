import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface SortableHeaderProps {
  /** The column's sort direction as TanStack Table reports it (`column.getIsSorted()`). */
  sorted: false | 'asc' | 'desc';
  /** `column.getToggleSortingHandler()`. */
  onToggle: ((event: unknown) => void) | undefined;
  /** The column's name, for the button's accessible name ("Sắp xếp theo Giá trị"). */
  column: string;
  className?: string | undefined;
  /** The header's content (`<table.FlexRender header={header} />`). */
  children: ReactNode;
}

/** A column header that sorts on a press: aria-sort for screen readers, an arrow for the eye. */
export function SortableHeader({ sorted, onToggle, column, className, children }: SortableHeaderProps) {
  const { t } = useTranslation();
  return (
    <th
      scope="col"
      className={className}
      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
    >
      <button type="button" className="sort-button" onClick={onToggle} aria-label={t('table.sortBy', { column })}>
        {children}
        <span aria-hidden="true">{sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}</span>
      </button>
    </th>
  );
}
