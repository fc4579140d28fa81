/**
 * How the map words what it shows: a commune's name (from its boundary, else the unit tree), a value in the
 * chosen indicator's own format, the names layer's text and the hover tooltip.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang, UnitTreeNode } from '../../../../src/domain/overview-contract.js';
import type { BoundaryFeature, CoverageHotspot } from '../../api/types.js';
import { formatCount, formatPeriod, formatValue } from '../../format.js';
import type { MapTooltip } from '../../map/CoverageMap.js';
import { unitName } from '../../units.js';
import { choiceName, type MapChoice } from './map-choices.js';

export function useMapTexts(
  lang: Lang,
  choice: MapChoice | null,
  period: string | null,
  featureByCode: ReadonlyMap<string, BoundaryFeature>,
  communes: readonly UnitTreeNode[] | undefined,
  hotspots: readonly CoverageHotspot[],
) {
  const { t } = useTranslation();
  const nameOf = useCallback(
    (code: string) => {
      const node = featureByCode.get(code)?.properties ?? communes?.find((c) => c.code === code);
      return node ? unitName(node, lang) : t('mapPage.hotspots.unknownUnit', { code });
    },
    [featureByCode, communes, lang, t],
  );
  const formatChoice = useCallback(
    (value: number | null | undefined) =>
      choice ? formatValue(value ?? null, choice.valueType, choice.decimals, lang) : '—',
    [choice, lang],
  );
  const labelOf = useCallback((p: BoundaryFeature['properties']) => unitName(p, lang), [lang]);
  const tooltipFor = useCallback(
    (kind: 'commune' | 'hotspot', code: string, rank: number | null): MapTooltip | null => {
      if (kind === 'hotspot') {
        const spot = rank !== null ? hotspots[rank - 1] : undefined;
        if (!spot) return null;
        return {
          title: t('mapPage.hotspots.people', { value: formatCount(Math.round(spot.people), lang) }),
          detail: nameOf(spot.unit),
        };
      }
      const feature = featureByCode.get(code);
      return feature
        ? { title: unitName(feature.properties, lang), detail: formatChoice(feature.properties.value) }
        : null;
    },
    [hotspots, featureByCode, nameOf, formatChoice, lang, t],
  );
  const periodText = period ? formatPeriod(period, lang) : '';
  const choiceText = choice ? choiceName(choice, lang) : '';
  return { nameOf, formatChoice, labelOf, tooltipFor, periodText, choiceText, what: `${choiceText} · ${periodText}` };
}
