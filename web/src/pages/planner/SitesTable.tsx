import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount, formatNumber, NO_VALUE } from '../../format.js';
import { currentLang } from '../../i18n.js';
import type { PlannedSite, PlanResult } from './planner-api.js';
import { SortedTable, type SortedColumn } from '../../components/SortedTable.js';

const NUMERIC = new Set(['order', 'cost', 'gain', 'year']);

/** The chosen sites in build order: code, year, commune, kind, cost and the demand each adds. */
export function SitesTable({ result }: { result: PlanResult }) {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.resolvedLanguage);
  const names = useMemo(() => new Map(result.effects.units.map((u) => [u.unit, u.name])), [result]);
  const phased = result.sites.some((s) => s.year !== null);
  const columns = useMemo<SortedColumn<PlannedSite>[]>(() => {
    const list: SortedColumn<PlannedSite>[] = [
      { id: 'order', accessorFn: (s) => s.order, header: t('planner.result.order') },
      {
        id: 'code',
        accessorFn: (s) => s.code,
        header: t('planner.result.code'),
        cell: ({ row }) => (
          <>
            <code>{row.original.code}</code>
            {row.original.mandatory && <span className="tag">{t('planner.result.mandatory')}</span>}
          </>
        ),
      },
    ];
    if (phased) list.push({ id: 'year', accessorFn: (s) => s.year ?? undefined, header: t('planner.result.year') });
    list.push(
      {
        id: 'commune',
        accessorFn: (s) => (s.unit ? (names.get(s.unit) ?? s.unit) : ''),
        header: t('planner.result.commune'),
        cell: ({ getValue }) => String(getValue()) || NO_VALUE,
      },
      {
        id: 'source',
        accessorFn: (s) => s.source,
        header: t('planner.result.source'),
        cell: ({ row }) => t(`planner.result.sourceName.${row.original.source}`),
      },
      {
        id: 'cost',
        accessorFn: (s) => s.cost,
        header: t('planner.result.siteCost'),
        cell: ({ row }) => formatNumber(row.original.cost, 1, lang),
      },
      {
        id: 'gain',
        accessorFn: (s) => s.gain,
        header: t('planner.result.gain'),
        cell: ({ row }) => formatCount(row.original.gain, lang),
      },
    );
    return list;
  }, [t, lang, names, phased]);
  return (
    <section className="planner-section">
      <h3 className="section-title">{t('planner.result.sitesTitle')}</h3>
      <SortedTable
        columns={columns}
        data={result.sites}
        label={t('planner.result.sitesTitle')}
        numeric={NUMERIC}
        rowId={(s) => s.code}
      />
    </section>
  );
}
