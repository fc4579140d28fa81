import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang, UnitTreeNode } from '../../../../../src/domain/overview-contract.js';
import { SortedTable, type SortedColumn } from '../../../components/SortedTable.js';
import { formatValue } from '../../../format.js';
import { fold, unitName } from '../../../units.js';
import type { IndicatorDefinition } from '../indicators/indicator-definition.js';
import type { SplitResult } from './targets-api.js';

/** Amounts are divided among the communes (so they add up); rates and yes/no targets are copied to each. */
export function isDivided(indicator: Pick<IndicatorDefinition, 'valueType'>): boolean {
  return indicator.valueType === 'count' || indicator.valueType === 'number';
}

interface SplitRow {
  code: string;
  name: string;
  values: Map<string, number>;
}

/** `baseline:2025` or `target:2030`: one column per year and kind found in the answer. */
const columnKey = (kind: string, year: number) => `${kind}:${year}`;

export interface SplitTableProps {
  result: readonly SplitResult[];
  indicator: IndicatorDefinition;
  province: UnitTreeNode | undefined;
  lang: Lang;
}

/** What the split wrote: one row per commune, a column per baseline and target year, totals for amounts. */
export function SplitTable({ result, indicator, province, lang }: SplitTableProps) {
  const { t } = useTranslation();
  const fmt = (v: number | undefined) => formatValue(v, indicator.valueType, indicator.decimals, lang);

  const data = useMemo<SplitRow[]>(
    () =>
      result.map((r) => {
        const node = province?.children.find((c) => c.code === r.unit);
        return {
          code: r.unit,
          name: node ? unitName(node, lang) : r.unit,
          values: new Map(r.targets.map((x) => [columnKey(x.kind, x.year), x.value])),
        };
      }),
    [result, province, lang],
  );
  const keys = useMemo(() => {
    const all = new Map<string, { kind: string; year: number }>();
    for (const r of result) for (const x of r.targets) all.set(columnKey(x.kind, x.year), x);
    // The baseline first, then the targets year by year.
    return [...all.entries()].sort(([, a], [, b]) =>
      a.kind === b.kind ? a.year - b.year : a.kind === 'baseline' ? -1 : 1,
    );
  }, [result]);

  const columns = useMemo<SortedColumn<SplitRow>[]>(
    () => [
      {
        id: 'name',
        accessorFn: (row) => fold(row.name),
        header: t('adminTargets.columns.unit'),
        cell: ({ row }) => row.original.name,
      },
      ...keys.map(([key, { kind, year }]): SortedColumn<SplitRow> => ({
        id: key,
        accessorFn: (row) => row.values.get(key),
        sortUndefined: 'last',
        header: kind === 'baseline' ? t('adminTargets.columns.baseline', { year }) : String(year),
        cell: ({ row }) => fmt(row.original.values.get(key)),
      })),
    ],
    // fmt reads only what the other dependencies already name.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, keys, indicator, lang],
  );
  const numeric = useMemo(() => new Set(keys.map(([key]) => key)), [keys]);
  const total = (key: string) => data.reduce((sum, row) => sum + (row.values.get(key) ?? 0), 0);

  return (
    <SortedTable
      columns={columns}
      data={data}
      label={t('adminTargets.splitResult')}
      numeric={numeric}
      rowId={(row) => row.code}
      className="admin-table"
      rowHeader="name"
      footer={
        isDivided(indicator) && (
          <tfoot>
            <tr>
              <th scope="row">{t('adminTargets.columns.total')}</th>
              {keys.map(([key]) => (
                <td key={key} className="num">
                  {fmt(total(key))}
                </td>
              ))}
            </tr>
          </tfoot>
        )
      }
    />
  );
}
