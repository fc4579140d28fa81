import {
  columnFilteringFeature,
  createColumnHelper,
  createFilteredRowModel,
  tableFeatures,
  useTable,
  type ColumnFiltersState,
} from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Violation } from '../../api/types.js';
import { TableContent } from '../../components/TableContent.js';
import { formatExact, formatNumber, formatPeriod } from '../../format.js';
import { outlierStats } from '../../validation.js';
import { FindingActions, type FindingActionHandlers } from './FindingActions.js';
import { findingKey, matchesFilters, type FindingFilters } from './finding-filters.js';
import { formatDay, subjectOf, unitLabel, valueOf, type Lookups } from './finding-labels.js';
import { ScrollTable } from '../../components/ScrollTable.js';

const features = tableFeatures({ columnFilteringFeature, filteredRowModel: createFilteredRowModel() });
const helper = createColumnHelper<typeof features, Violation>();

/** One filter on the whole row: the URL's filters are checked together by matchesFilters. */
const FILTER_COLUMN = 'finding';

export interface FindingsTableProps extends FindingActionHandlers {
  violations: Violation[];
  filters: FindingFilters;
  lookups: Lookups;
  /** Whether the user may mark findings explained (value.write). */
  canExplain: boolean;
}

/**
 * The findings as a table on a wide screen and as a list of cards on a phone, both from the same filtered rows.
 */
export function FindingsTable({ violations, filters, lookups, canExplain, onExplain, onUnmark }: FindingsTableProps) {
  const { t } = useTranslation();
  const { lang } = lookups;
  const columnFilters = useMemo<ColumnFiltersState>(() => [{ id: FILTER_COLUMN, value: filters }], [filters]);
  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor('importance', {
          id: FILTER_COLUMN,
          header: () => t('checks.severity'),
          cell: (info) => <SeverityTag importance={info.getValue()} />,
          filterFn: (row, _id, value: FindingFilters) => matchesFilters(row.original, value),
        }),
        helper.display({
          id: 'subject',
          header: () => t('checks.subject'),
          cell: ({ row }) => <Subject v={row.original} lookups={lookups} />,
        }),
        helper.accessor('unit', {
          header: () => t('checks.unit'),
          cell: (info) => unitLabel(info.getValue(), lookups, t),
        }),
        helper.accessor('period', {
          header: () => t('checks.period'),
          cell: (info) => formatPeriod(info.getValue(), lang),
        }),
        helper.display({
          id: 'value',
          header: () => t('checks.value'),
          cell: ({ row }) => <span className="num">{valueOf(row.original, lookups)}</span>,
        }),
        helper.display({
          id: 'detail',
          header: () => t('checks.detail'),
          cell: ({ row }) => <Detail v={row.original} lookups={lookups} />,
        }),
        helper.display({
          id: 'actions',
          header: () => t('checks.actions'),
          cell: ({ row }) => (
            <FindingActions v={row.original} canExplain={canExplain} onExplain={onExplain} onUnmark={onUnmark} />
          ),
        }),
      ]),
    [t, lookups, lang, canExplain, onExplain, onUnmark],
  );
  const table = useTable({
    features,
    columns,
    data: violations,
    state: { columnFilters },
    getRowId: (row) => findingKey(row),
  });
  const rows = table.getRowModel().rows;

  if (rows.length === 0)
    return (
      <p className="empty-state muted" role="status">
        {t('checks.noneMatch')}
      </p>
    );
  return (
    <>
      <ScrollTable label={t('checks.table')} boxClassName="checks-table">
        <TableContent
          table={table}
          rows={rows}
          rowProps={(row) => ({ className: row.original.explanation ? 'is-explained' : undefined })}
        />
      </ScrollTable>
      <ul className="checks-cards" aria-label={t('checks.table')}>
        {rows.map(({ id, original: v }) => (
          <li key={id} className={v.explanation ? 'violation is-explained' : 'violation'}>
            <div className="violation-head">
              <SeverityTag importance={v.importance} />
              <Subject v={v} lookups={lookups} />
            </div>
            <p className="violation-meta">
              {unitLabel(v.unit, lookups, t)} · {formatPeriod(v.period, lang)} · {t('checks.value')}:{' '}
              <strong>{valueOf(v, lookups)}</strong>
            </p>
            <Detail v={v} lookups={lookups} />
            <FindingActions v={v} canExplain={canExplain} onExplain={onExplain} onUnmark={onUnmark} />
          </li>
        ))}
      </ul>
    </>
  );
}

function SeverityTag({ importance }: { importance: Violation['importance'] }) {
  const { t } = useTranslation();
  return (
    <span className={`tag importance importance-${importance}`}>
      <span className="visually-hidden">{t('importance.label')}: </span>
      {t(`importance.${importance}`)}
    </span>
  );
}

function Subject({ v, lookups }: { v: Violation; lookups: Lookups }) {
  const { t } = useTranslation();
  const subject = subjectOf(v, lookups, t);
  const code = v.kind === 'rule' ? v.ruleCode : v.indicator;
  return (
    <p className="violation-subject">
      {subject}
      {code && code !== subject && <code className="violation-code">{code}</code>}
    </p>
  );
}

/** An outlier's median and robust z in the user's language, read from the server's message. */
function OutlierStats({ v, lookups }: { v: Violation; lookups: Lookups }) {
  const { t } = useTranslation();
  const stats = v.kind === 'outlier' ? outlierStats(v.message) : null;
  if (!stats) return null;
  const indicator = v.indicator ? lookups.indicators.get(v.indicator) : undefined;
  // A median is a summary, not a stored value: two decimals are enough.
  const median = formatExact(
    stats.median,
    indicator?.valueType,
    0,
    lookups.lang,
    Math.max(2, indicator?.decimals ?? 0),
  );
  const z = Number.isFinite(stats.z) ? formatNumber(stats.z, 1, lookups.lang) : stats.z > 0 ? '∞' : '−∞';
  return (
    <p className="violation-stats">
      {t('validationPage.median', { value: median })} · {t('validationPage.z', { value: z })}
    </p>
  );
}

function Detail({ v, lookups }: { v: Violation; lookups: Lookups }) {
  const { t } = useTranslation();
  return (
    <div className="checks-detail">
      <OutlierStats v={v} lookups={lookups} />
      <p className="violation-message" lang="en">
        {v.message}
      </p>
      {v.explanation && (
        <p className="checks-explanation">
          <span className="tag">{t('checks.explained')}</span>{' '}
          {t('checks.explainedBy', {
            who: v.explanation.explainedBy,
            when: formatDay(v.explanation.explainedAt, lookups.lang),
            comment: v.explanation.comment,
          })}
        </p>
      )}
    </div>
  );
}
