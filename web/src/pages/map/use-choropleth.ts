/**
 * The communes coloured by the chosen indicator for the chosen period: the periods with data (from the
 * province's monthly values), the period shown, the boundaries with each commune's value, their classes and the
 * province's own value.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Lang } from '../../../../src/domain/overview-contract.js';
import type { BoundaryFeature, CoverageRun } from '../../api/types.js';
import { buildChoropleth, DEFAULT_CLASSES } from '../../map/choropleth.js';
import { pickPeriod } from '../../map/coverage.js';
import { bboxOf } from '../../map/geo.js';
import type { MapChoice } from './map-choices.js';
import { periodsWithData } from './map-periods.js';
import { childBoundariesQuery, monthlyValuesQuery, periodValueQuery } from './map-queries.js';

export function useChoropleth(
  lang: Lang,
  provinceCode: string | null,
  choice: MapChoice | null,
  periodParam: string | null,
  latestRun: CoverageRun | null,
  runsSettled: boolean,
) {
  // A new run writes new computed values: the reads below carry its id, so they are read again.
  const runKey = latestRun?.id ?? null;
  const indicator = runsSettled && choice ? choice.code : null;

  const months = useQuery(monthlyValuesQuery(lang, provinceCode, indicator, runKey));
  const periods = useMemo(
    () => (months.data || months.isError ? periodsWithData(months.data?.values) : undefined),
    [months.data, months.isError],
  );
  const picked = choice ? pickPeriod(periodParam, choice, latestRun, periods?.years) : null;
  // The API spells a quarter 2025Q3; the URL may say 2025-Q3.
  const period = picked ? picked.replace(/^(\d{4})-?[Qq]([1-4])$/, '$1Q$2') : null;

  const boundaries = useQuery({
    ...childBoundariesQuery(lang, provinceCode, indicator, period, runKey),
    // While another indicator or period loads, the last map stays on screen.
    placeholderData: keepPreviousData,
  });
  const provinceValue = useQuery(periodValueQuery(lang, provinceCode, indicator, period));

  const collection = boundaries.data;
  const decimals = choice?.decimals ?? 1;
  const valueType = choice?.valueType;
  const choropleth = useMemo(
    () =>
      collection
        ? buildChoropleth(collection, decimals, DEFAULT_CLASSES, valueType === 'count' || valueType === 'number')
        : null,
    [collection, decimals, valueType],
  );
  const bounds = useMemo(() => (collection ? bboxOf(collection) : null), [collection]);
  const featureByCode = useMemo(() => {
    const map = new Map<string, BoundaryFeature>();
    for (const f of collection?.features ?? []) map.set(f.properties.code, f);
    return map;
  }, [collection]);

  return {
    periods,
    period,
    boundaries,
    collection,
    choropleth,
    bounds,
    featureByCode,
    provinceValue: provinceValue.data ?? null,
    isDemo: collection?.features.some((f) => f.properties.isDemo) ?? false,
  };
}

export type ChoroplethData = ReturnType<typeof useChoropleth>;
