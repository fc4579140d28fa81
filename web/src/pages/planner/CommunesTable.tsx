import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount, formatNumber, formatPercent, NO_VALUE } from '../../format.js';
import { currentLang } from '../../i18n.js';
import { communeRows, type CommuneRow } from './plan-view.js';
import type { PlanResult } from './planner-api.js';
import { SortedTable, type SortedColumn } from '../../components/SortedTable.js';

const NUMERIC = new Set(['population', 'before', 'after', 'gain']);

/** Each commune's 5G share before and after the plan, with its border and economic-zone marks; sortable. */
export function CommunesTable({ result }: { result: PlanResult }) {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.resolvedLanguage);
  const rows = useMemo(() => communeRows(result), [result]);
  const percent = (value: number | null) => (value === null ? NO_VALUE : formatPercent(value, 1, lang));
  const columns = useMemo<SortedColumn<CommuneRow>[]>(
    () => [
      { id: 'name', accessorFn: (r) => r.name, header: t('planner.result.communeName') },
      {
        id: 'marks',
        accessorFn: (r) => (r.isBorder ? 2 : 0) + (r.isEconomicZone ? 1 : 0),
        header: t('planner.result.marks'),
        cell: ({ row }) => (
          <>
            {row.original.isBorder && <span className="tag">{t('planner.result.border')}</span>}{' '}
            {row.original.isEconomicZone && <span className="tag">{t('planner.result.economicZone')}</span>}
          </>
        ),
      },
      {
        id: 'population',
        accessorFn: (r) => r.population,
        header: t('planner.result.population'),
        cell: ({ row }) => formatCount(row.original.population, lang),
      },
      {
        id: 'before',
        accessorFn: (r) => r.beforePercent ?? undefined,
        sortUndefined: 'last',
        header: t('planner.result.before'),
        cell: ({ row }) => percent(row.original.beforePercent),
      },
      {
        id: 'after',
        accessorFn: (r) => r.afterPercent ?? undefined,
        sortUndefined: 'last',
        header: t('planner.result.after'),
        cell: ({ row }) => percent(row.original.afterPercent),
      },
      {
        id: 'gain',
        accessorFn: (r) => r.gainPoints ?? undefined,
        sortUndefined: 'last',
        header: t('planner.result.gainPoints'),
        cell: ({ row }) =>
          row.original.gainPoints === null ? NO_VALUE : formatNumber(row.original.gainPoints, 1, lang),
      },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps -- percent only reads lang
    [t, lang],
  );
  const { thresholdShare, border, economicZone } = result.effects.reachingThreshold;
  return (
    <section className="planner-section">
      <h3 className="section-title">{t('planner.result.communesTitle')}</h3>
      <p className="muted">
        {t('planner.result.reaching', {
          threshold: formatPercent(thresholdShare * 100, 0, lang),
          borderBefore: border.before,
          borderAfter: border.after.at(-1) ?? border.before,
          border: border.units,
          ezBefore: economicZone.before,
          ezAfter: economicZone.after.at(-1) ?? economicZone.before,
          ez: economicZone.units,
        })}
      </p>
      <SortedTable
        columns={columns}
        data={rows}
        label={t('planner.result.communesTitle')}
        numeric={NUMERIC}
        rowId={(r) => r.unit}
        initialSorting={[{ id: 'gain', desc: true }]}
      />
    </section>
  );
}
