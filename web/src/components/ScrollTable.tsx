import type { ReactNode } from 'react';

export interface ScrollTableProps {
  /** The scroll region's name, and the table's (hidden) caption unless `caption` is false. */
  label: string;
  /** A class besides `data-table` on the table. */
  className?: string | undefined;
  /** A class besides `table-scroll` on the scrolling box. */
  boxClassName?: string | undefined;
  caption?: boolean;
  /** The table's head, body and foot. */
  children: ReactNode;
}

/** A data table that scrolls sideways inside its own focusable box on a phone, never the page. */
export function ScrollTable({ label, className, boxClassName, caption = true, children }: ScrollTableProps) {
  return (
    <div
      className={boxClassName ? `table-scroll ${boxClassName}` : 'table-scroll'}
      tabIndex={0}
      role="region"
      aria-label={label}
    >
      <table className={className ? `data-table ${className}` : 'data-table'}>
        {caption && <caption className="visually-hidden">{label}</caption>}
        {children}
      </table>
    </div>
  );
}
