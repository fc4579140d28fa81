import { lazy, Suspense, useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../../src/domain/overview-contract.js';
import { formatValue } from '../../format.js';
import { targetsQuery, yearlySeriesQuery, type IndicatorDefinition, type TargetPoint } from './indicator-api.js';

const TrendChart = lazy(() => import('./TrendChart.js'));

/** The years the chart spans: from the baseline (or the year before the period) to the last target. */
export function chartYears(targets: readonly TargetPoint[], periodYear: number): number[] {
  const years = targets.map((t) => t.year);
  const from = Math.min(periodYear - 1, ...years);
  const to = Math.max(periodYear, ...years);
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** The trend of the unit's value by year beside its target trajectory. */
export function IndicatorTrend(props: {
  definition: IndicatorDefinition;
  unit: string;
  periodYear: number;
  lang: Lang;
}) {
  const { t } = useTranslation();
  const { definition, unit, periodYear, lang } = props;
  const targets = useQuery(targetsQuery(definition.code, unit, lang));
  const years = useMemo(() => chartYears(targets.data ?? [], periodYear), [targets.data, periodYear]);
  const series = useQuery({
    ...yearlySeriesQuery(definition.code, unit, years[0]!, Math.min(years.at(-1)!, periodYear), lang),
    enabled: targets.isSuccess,
  });
  const chart = useMemo(() => {
    if (!series.data || !targets.data) return null;
    const byYear = new Map(series.data.values.map((v) => [v.period, v.value]));
    const baseline = targets.data.filter((p) => p.kind === 'baseline').at(0);
    const trajectory = years.map((year) => {
      const target = targets.data.find((p) => p.kind === 'target' && p.year === year);
      if (target) return target.value;
      return baseline && baseline.year === year ? baseline.value : null;
    });
    return { actual: years.map((year) => byYear.get(String(year)) ?? null), trajectory };
  }, [series.data, targets.data, years]);
  const format = useMemo(
    () => (value: number) => formatValue(value, definition.valueType, definition.decimals, lang),
    [definition.valueType, definition.decimals, lang],
  );
  const labels = useMemo(
    () => ({
      actual: t('indicatorPage.chartActual'),
      target: t('indicatorPage.chartTarget'),
      year: t('indicatorPage.chartYear'),
      unit: lang === 'en' ? definition.unitEn : definition.unitVi,
    }),
    [t, lang, definition.unitEn, definition.unitVi],
  );
  const error = targets.error ?? series.error;
  return (
    <section className="indicator-panel" aria-labelledby="indicator-trend-title">
      <h2 id="indicator-trend-title">{t('indicatorPage.chartTitle')}</h2>
      {error && <p role="alert">{error.message}</p>}
      {!error && !chart && <p role="status">{t('indicatorPage.chartLoading')}</p>}
      {chart &&
        (chart.actual.every((v) => v === null) && chart.trajectory.every((v) => v === null) ? (
          <p>{t('indicatorPage.chartEmpty')}</p>
        ) : (
          <Suspense fallback={<p role="status">{t('indicatorPage.chartLoading')}</p>}>
            <TrendChart
              years={years}
              actual={chart.actual}
              trajectory={chart.trajectory}
              labels={labels}
              format={format}
              description={years
                .map((year, i) => `${year}: ${chart.actual[i] === null ? '—' : format(chart.actual[i]!)}`)
                .join('; ')}
            />
          </Suspense>
        ))}
    </section>
  );
}
