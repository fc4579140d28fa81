import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang, ValueType } from '../../../../src/domain/overview-contract.js';
import { formatValue } from '../../format.js';
import { fold } from '../../units.js';
import { Link } from '../../components/Link.js';
import { sortableHeader, useSortedTable, type SortedColumn } from '../../components/SortedTable.js';
import { TableContent } from '../../components/TableContent.js';
import { routeHref } from '../../routes.js';
import type { UnitRow } from './indicator-api.js';

const NUMERIC = new Set(['value', 'target']);

export interface UnitTableProps {
  rows: readonly UnitRow[];
  lang: Lang;
  valueType: ValueType;
  decimals: number;
  showApproval: boolean;
  /** The rows as shown (searched and sorted), for the export to write the same. */
  onShownRows?: (rows: UnitRow[]) => void;
  onHistory?: ((row: UnitRow) => void) | undefined;
}

export function unitLabel(row: Pick<UnitRow, 'nameVi' | 'nameEn'>, lang: Lang): string {
  return lang === 'en' && row.nameEn ? row.nameEn : row.nameVi;
}

/** Every word of the query appears in the name, accents and case aside; or the query is the code. */
export function rowMatches(row: UnitRow, query: string): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0 || row.code === query.trim()) return true;
  const haystack = `${fold(row.nameVi)} ${row.nameEn ? fold(row.nameEn) : ''}`;
  return words.every((word) => haystack.includes(word));
}

/** The table by commune: sortable by any column, searchable without diacritics, each row leading to the commune. */
export function UnitTable({ rows, lang, valueType, decimals, showApproval, onShownRows, onHistory }: UnitTableProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const data = useMemo(() => rows.filter((row) => rowMatches(row, query)), [rows, query]);

  const columns = useMemo<SortedColumn<UnitRow>[]>(() => {
    const list: SortedColumn<UnitRow>[] = [
      {
        id: 'name',
        accessorFn: (row) => fold(unitLabel(row, lang)),
        header: t('indicatorPage.columns.name'),
        cell: ({ row }) => (
          <Link href={routeHref('commune', '', {}, { code: row.original.code })}>{unitLabel(row.original, lang)}</Link>
        ),
      },
      {
        id: 'value',
        accessorFn: (row) => row.value ?? undefined,
        sortUndefined: 'last',
        header: t('indicatorPage.columns.value'),
        cell: ({ row }) => formatValue(row.original.value, valueType, decimals, lang),
      },
      {
        id: 'target',
        accessorFn: (row) => row.target ?? undefined,
        sortUndefined: 'last',
        header: t('indicatorPage.columns.target'),
        cell: ({ row }) => (
          <>
            {formatValue(row.original.target, valueType, decimals, lang)}
            {row.original.targetSource === 'split_from_province' && row.original.target !== null && (
              <>
                <sup className="target-split-mark" aria-hidden="true">
                  *
                </sup>
                <span className="visually-hidden"> ({t('overviewTargets.splitFromProvince')})</span>
              </>
            )}
          </>
        ),
      },
      {
        id: 'status',
        accessorFn: (row) => row.status,
        header: t('indicatorPage.columns.status'),
        cell: ({ row }) => (
          <span className={`status-pill status-${row.original.status}`}>
            {t(`indicatorPage.status.${row.original.status}`)}
          </span>
        ),
      },
      {
        id: 'reported',
        accessorFn: (row) => (row.reported ? 1 : 0),
        header: t('indicatorPage.columns.reported'),
        cell: ({ row }) => (row.original.reported ? t('indicatorPage.reported') : t('indicatorPage.notReported')),
      },
    ];
    if (showApproval)
      list.push({
        id: 'approval',
        accessorFn: (row) => row.approval ?? '',
        header: t('indicatorPage.columns.approval'),
        cell: ({ row }) => (row.original.approval ? t(`indicatorPage.approval.${row.original.approval}`) : ''),
      });
    if (onHistory)
      list.push({
        id: 'history',
        header: t('indicatorPage.history'),
        cell: ({ row }) => (
          <button
            type="button"
            className="link-button"
            onClick={() => onHistory(row.original)}
            aria-label={t('indicatorPage.historyOf', { unit: unitLabel(row.original, lang) })}
          >
            {t('indicatorPage.history')}
          </button>
        ),
      });
    return list;
  }, [t, lang, valueType, decimals, showApproval, onHistory]);

  const table = useSortedTable(columns, data, { rowId: (row) => row.code });
  const shown = table.getRowModel().rows.map((row) => row.original);
  onShownRows?.(shown);

  return (
    <div className="indicator-table">
      <label className="indicator-search">
        <span>{t('indicatorPage.search')}</span>
        <input
          type="search"
          value={query}
          placeholder={t('indicatorPage.searchPlaceholder')}
          onChange={(event) => setQuery(event.target.value)}
        />
      </label>
      <p className="indicator-shown" aria-live="polite">
        {t('indicatorPage.shown', { shown: shown.length, total: rows.length })}
      </p>
      {shown.length === 0 ? (
        <p className="state-detail">
          {rows.length === 0 ? t('indicatorPage.empty') : t('indicatorPage.noMatch', { query })}
        </p>
      ) : (
        <div className="indicator-table-scroll">
          <table>
            <TableContent
              table={table}
              columnClass={(id) => (NUMERIC.has(id) ? 'num' : undefined)}
              rowProps={(row) => ({ className: row.original.reported ? undefined : 'not-reported' })}
              renderHeader={sortableHeader}
            />
          </table>
          {shown.some((row) => row.targetSource === 'split_from_province' && row.target !== null) && (
            <p className="indicator-table-note">
              <span aria-hidden="true">* </span>
              {t('overviewTargets.splitFromProvince')}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
