import {
  columnFilteringFeature,
  createColumnHelper,
  createFilteredRowModel,
  tableFeatures,
  useTable,
  type ColumnFiltersState,
} from '@tanstack/react-table';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../../src/domain/overview-contract.js';
import { TableContent } from '../../components/TableContent.js';
import { formatCount, formatPeriod } from '../../format.js';
import { LINE_STATUSES, type DiffLine, type LineStatus } from './diff-lines.js';
import { rowErrorReason } from './row-error-text.js';

/** Lines rendered at first and per "show more": a file with thousands of values stays responsive. */
export const DIFF_PAGE_SIZE = 100;

const features = tableFeatures({ columnFilteringFeature, filteredRowModel: createFilteredRowModel() });
const helper = createColumnHelper<typeof features, DiffLine>();

const STATUS_KEYS = {
  new: 'statusNew',
  changed: 'statusChanged',
  unchanged: 'statusUnchanged',
  error: 'statusError',
  warning: 'statusWarning',
} as const;

export interface DiffTableProps {
  lines: readonly DiffLine[];
  /** Lines of each kind in the whole file (the list may hold fewer). */
  counts: Record<LineStatus, number>;
  file: string;
  lang: Lang;
}

const plain = (value: number | null, lang: Lang) =>
  value === null
    ? '—'
    : new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: 6 }).format(value);

/**
 * What the file will write, line by line: new values, changed ones (old → new), unchanged ones, and every error
 * and warning at its row, filterable by kind. It scrolls sideways inside its own focusable box, never the page.
 */
export function DiffTable({ lines, counts, file, lang }: DiffTableProps) {
  const { t } = useTranslation();
  const id = useId();
  const [filter, setFilter] = useState<LineStatus | 'all'>('all');
  const [shown, setShown] = useState(DIFF_PAGE_SIZE);
  const columnFilters = useMemo<ColumnFiltersState>(
    () => (filter === 'all' ? [] : [{ id: 'status', value: filter }]),
    [filter],
  );

  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor('status', {
          header: () => t('importPage.diff.status'),
          cell: (info) => (
            <span className={`diff-badge diff-${info.getValue()}`}>
              {t(`importPage.diff.${STATUS_KEYS[info.getValue()]}`)}
            </span>
          ),
          filterFn: (row, columnId, value) => row.getValue(columnId) === value,
        }),
        helper.accessor('row', { header: () => t('importPage.preview.row'), cell: (info) => info.getValue() }),
        helper.accessor('indicator', { header: () => t('importPage.diff.indicator'), cell: (info) => info.getValue() }),
        helper.accessor('unit', { header: () => t('importPage.diff.unit'), cell: (info) => info.getValue() }),
        helper.accessor('period', {
          header: () => t('importPage.diff.period'),
          cell: (info) => (info.getValue() ? formatPeriod(info.getValue(), lang) : ''),
        }),
        helper.display({
          id: 'change',
          header: () => t('importPage.diff.change'),
          cell: ({ row: { original: line } }) => <ChangeCell line={line} lang={lang} />,
        }),
        helper.display({
          id: 'detail',
          header: () => t('importPage.diff.detail'),
          cell: ({ row: { original: line } }) =>
            line.problem ? (
              <span className="cell-reason">
                {line.problem.column && <span className="muted">{line.problem.column}: </span>}
                {rowErrorReason(t, lang, line.problem)}
              </span>
            ) : line.commentChanged ? (
              <span className="muted">{t('importPage.diff.commentChanged')}</span>
            ) : null,
        }),
      ]),
    [t, lang],
  );

  const data = useMemo(() => [...lines], [lines]);
  const table = useTable({
    features,
    columns,
    data,
    state: { columnFilters },
    onColumnFiltersChange: () => {},
    getRowId: (line) => line.id,
  });
  const rows = table.getRowModel().rows;
  const visible = rows.slice(0, shown);
  const hidden = rows.length - visible.length;
  const choices = (['all', ...LINE_STATUSES] as const).filter(
    (status) => status === 'all' || status !== 'warning' || counts.warning > 0,
  );
  const total = counts.new + counts.changed + counts.unchanged + counts.error + counts.warning;

  return (
    <div className="diff-table">
      <div className="diff-filter" role="group" aria-label={t('importPage.diff.filterLabel')}>
        {choices.map((status) => (
          <button
            key={status}
            type="button"
            className={`chip${filter === status ? ' chip-active' : ''}`}
            aria-pressed={filter === status}
            onClick={() => {
              setFilter(status);
              setShown(DIFF_PAGE_SIZE);
            }}
          >
            {t(`importPage.diff.${status}`, { n: formatCount(status === 'all' ? total : counts[status], lang) })}
          </button>
        ))}
      </div>
      <div className="table-scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
        <table className="data-table">
          <caption id={`${id}-caption`}>{t('importPage.diff.caption', { file })}</caption>
          <TableContent
            table={table}
            rows={visible}
            columnClass={(column) => (column === 'row' ? 'num' : undefined)}
            rowProps={(row) => ({ className: `diff-line diff-line-${row.original.status}` })}
          />
        </table>
        {rows.length === 0 && <p className="diff-none">{t('importPage.diff.none')}</p>}
      </div>
      {hidden > 0 && (
        <div className="table-more">
          <button type="button" className="button button-secondary" onClick={() => setShown((n) => n + DIFF_PAGE_SIZE)}>
            {t('importPage.diff.showMore', { n: formatCount(Math.min(hidden, DIFF_PAGE_SIZE), lang) })}
          </button>
        </div>
      )}
    </div>
  );
}

function ChangeCell({ line, lang }: { line: DiffLine; lang: Lang }) {
  const { t } = useTranslation();
  if (line.problem) {
    const value = line.problem.value;
    return value === '' ? (
      <span className="muted">{t('importPage.preview.emptyCell')}</span>
    ) : (
      <span className="cell-value">{value}</span>
    );
  }
  if (line.status === 'changed')
    return (
      <span className="diff-change">
        <del>{plain(line.oldValue, lang)}</del> <span aria-hidden="true">→</span>
        <span className="visually-hidden">{` ${t('importPage.diff.to')} `}</span>{' '}
        <ins>{plain(line.newValue, lang)}</ins>
      </span>
    );
  return <span>{plain(line.newValue, lang)}</span>;
}
