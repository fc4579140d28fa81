import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { agreementQuery, indicatorsQuery, unitTreeQuery } from '../../api/queries.js';
import type { Technology } from '../../api/types.js';
import { AppHeader } from '../../components/AppHeader.js';
import { ProblemNotice } from '../../components/ProblemNotice.js';
import { useUrlSearch } from '../../hooks.js';
import { currentLang } from '../../i18n.js';
import { isDemoRun, runMonthFor } from '../../map/coverage.js';
import { formatPercent } from '../../format.js';
import { useCan } from '../../session.js';
import { mapUnitsFor, unitName } from '../../units.js';
import { CommunePanel } from './CommunePanel.js';
import { HotspotList } from './HotspotList.js';
import { mapChoices, pickChoice } from './map-choices.js';
import { coverageLegendQuery, mapConfigQuery, unitBoundaryQuery } from './map-queries.js';
import { MapControls } from './MapControls.js';
import { MapLegend } from './MapLegend.js';
import { MapPopup } from './MapPopup.js';
import { MapView } from './MapView.js';
import { ModelPanel, ModelSignIn } from './ModelPanel.js';
import { useChoropleth } from './use-choropleth.js';
import { useCommuneCompare } from './use-commune-compare.js';
import { useCoverageRun, useCoverageRuns } from './use-coverage-run.js';
import { useMapLayers } from './use-map-layers.js';
import { useMapSelection } from './use-map-selection.js';
import { useMapTexts } from './use-map-texts.js';
import './map.css';

/** The map: communes coloured by any indicator and period, the coverage model's layers and hot spots. */
export function MapPage() {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.resolvedLanguage);
  const [search, setSearch] = useUrlSearch();
  const unitParam = search.get('unit')?.trim() || null;

  // Model runs are unpublished work: the public's map shows the reported figures only, and asks for no run.
  const mayReadRuns = useCan('data.read');
  const mayRun = useCan('coverage.run');

  const tree = useQuery(unitTreeQuery(lang));
  const agreement = useQuery(agreementQuery(lang));
  const indicators = useQuery(indicatorsQuery(lang));
  const mapConfig = useQuery(mapConfigQuery());
  const coverageLegend = useQuery(coverageLegendQuery(lang));
  const units = useMemo(() => (tree.data ? mapUnitsFor(tree.data, unitParam) : null), [tree.data, unitParam]);
  const provinceCode = units?.province.code ?? null;
  const selected = units?.commune ?? null;
  const outline = useQuery(unitBoundaryQuery(provinceCode));

  const runs = useCoverageRuns(lang, mayReadRuns, provinceCode);
  const computedName = useCallback(
    (tech: Technology, l: typeof lang) => t('mapPage.indicatorComputed', { tech, lng: l }),
    [t],
  );
  const choices = useMemo(
    () => mapChoices(runs.latestRun, indicators.data, computedName),
    [runs.latestRun, indicators.data, computedName],
  );
  const choice = pickChoice(choices, search.get('indicator'));
  const map = useChoropleth(lang, provinceCode, choice, search.get('period'), runs.latestRun, runs.settled);
  const { period, featureByCode } = map;

  const runPeriod = runMonthFor(period ?? runs.latestRun?.period ?? String(new Date().getFullYear()));
  const modelRun = useCoverageRun(lang, runs, provinceCode, runPeriod);
  const layers = useMapLayers(runs.latestRun, choice?.technology ?? null);
  const selection = useMapSelection(provinceCode, featureByCode);
  const compare = useCommuneCompare(lang, selected, period, layers.runTechnologies);
  const mapTop = useRef<HTMLElement>(null);

  const communes = units?.province.children;
  const texts = useMapTexts(lang, choice, period, featureByCode, communes, layers.hotspots);
  const { nameOf, formatChoice, periodText, choiceText, what } = texts;
  const yesNo = choice?.valueType === 'boolean';
  const renderPopup = (code: string) => (
    <MapPopup
      code={code}
      name={nameOf(code)}
      valueText={formatChoice(featureByCode.get(code)?.properties.value)}
      what={t('mapPage.popup.value', { indicator: choiceText, period: periodText })}
    />
  );

  useEffect(() => {
    document.title = t('pageTitle.map');
  }, [t]);

  const isDemo = map.isDemo || isDemoRun(runs.latestRun) || isDemoRun(modelRun.active);
  const provinceName = units ? unitName(units.province, lang) : '';
  const selectedFeature = selected ? featureByCode.get(selected) : undefined;
  const selectedNode = selected ? communes?.find((c) => c.code === selected) : undefined;
  const blockingError = tree.error ?? indicators.error ?? (map.collection ? null : map.boundaries.error);
  const retry = () =>
    void (tree.error ? tree.refetch() : indicators.error ? indicators.refetch() : map.boundaries.refetch());

  return (
    <div className="app">
      <AppHeader agreement={agreement.data} />
      {isDemo && (
        <div className="demo-banner" role="note">
          <span className="demo-banner-icon" aria-hidden="true">
            ⚠
          </span>
          {t('demo.banner')}
        </div>
      )}
      <main id="main" className="main map-main" tabIndex={-1} aria-busy={map.boundaries.isFetching || tree.isLoading}>
        <div className="page-head">
          <div>
            <h1 className="page-title">{t('mapPage.title')}</h1>
            {units && (
              <p className="page-subtitle">
                {t('mapPage.subtitle', { province: provinceName, period: periodText, count: communes?.length ?? 0 })}
              </p>
            )}
          </div>
          {map.boundaries.isPlaceholderData && (
            <span className="updating" role="status">
              <span className="spinner" aria-hidden="true" />
              {t('overview.updating')}
            </span>
          )}
        </div>

        {blockingError && <ProblemNotice error={blockingError} title={t('error.title')} onRetry={retry} />}
        {indicators.data && choices.length === 0 && <p className="notice notice-warn">{t('mapPage.noIndicators')}</p>}

        <div className="map-shell">
          <section className="map-stage" ref={mapTop} aria-label={t('mapPage.regionLabel')}>
            <MapView
              baseMap={mapConfig.isPending ? undefined : (mapConfig.data?.baseMap ?? null)}
              outline={outline.data ?? null}
              data={map.choropleth?.data ?? null}
              bounds={map.bounds}
              fitKey={provinceCode ?? ''}
              selected={selected}
              onSelect={selection.select}
              overlays={layers.overlays}
              overlayOpacity={layers.opacity}
              hotspots={layers.hotspotData}
              focus={selection.focus}
              label={t('mapPage.mapLabel', { indicator: choiceText, period: periodText })}
              labelOf={texts.labelOf}
              tooltipFor={texts.tooltipFor}
              renderPopup={renderPopup}
              loading={map.boundaries.isLoading || !runs.settled}
              failed={blockingError !== null}
            />
            <MapLegend
              lang={lang}
              title={what}
              provinceValue={
                map.provinceValue === null
                  ? null
                  : yesNo // above a commune a yes/no indicator is the share of its communes with a yes
                    ? formatPercent(map.provinceValue, 1, lang)
                    : formatChoice(map.provinceValue)
              }
              yesNo={yesNo}
              choropleth={map.choropleth}
              formatBreak={(v) => formatChoice(v)}
              hasBorder={map.collection?.features.some((f) => f.properties.isBorder) ?? false}
              hasEconomicZone={map.collection?.features.some((f) => f.properties.isEconomicZone) ?? false}
              hotspotTech={layers.hotspotData ? layers.hotspotTech : null}
              overlays={layers.overlayTechnologies}
              coverageLegend={coverageLegend.data}
              run={runs.latestRun}
              ownGeometryOnly={!mapConfig.data?.baseMap}
            />
          </section>

          <aside className="map-aside" aria-label={t('mapPage.asideLabel')}>
            <MapControls
              lang={lang}
              choices={choices}
              choice={choice}
              areas={agreement.data?.areas}
              onChoice={(code) => setSearch({ indicator: code })}
              period={period}
              periods={map.periods}
              onPeriod={(p) => setSearch({ period: p })}
              communes={communes}
              selected={selected}
              onCommune={selection.selectAndShow}
            />
            <CommunePanel
              lang={lang}
              code={selected}
              name={selected ? nameOf(selected) : null}
              unit={selectedFeature?.properties ?? selectedNode ?? null}
              what={what}
              valueText={formatChoice(selectedFeature?.properties.value)}
              periodText={periodText}
              technology={choice?.technology ?? null}
              compare={{ rows: compare.data, loading: compare.isLoading, failed: compare.isError }}
              run={runs.latestRun}
              onClose={() => selection.select(null)}
            />
            {mayReadRuns ? (
              <>
                <ModelPanel
                  lang={lang}
                  view={modelRun.view}
                  demo={isDemoRun(runs.latestRun) || isDemoRun(modelRun.active)}
                  mayRun={mayRun}
                  onStart={modelRun.start}
                  onCancel={modelRun.cancel}
                  technologies={layers.runTechnologies}
                  layerOn={layers.layerOn}
                  onToggleLayer={layers.toggleLayer}
                  layersAvailable={layers.layersAvailable}
                  opacity={layers.opacity}
                  onOpacity={layers.setOpacity}
                  showHotspots={layers.showHotspots}
                  onToggleHotspots={layers.setShowHotspots}
                />
                <HotspotList
                  lang={lang}
                  tech={layers.hotspotTech}
                  hasRun={runs.latestRun !== null}
                  demo={isDemoRun(runs.latestRun)}
                  hotspots={layers.hotspots}
                  nameOf={nameOf}
                  onShow={(index) => {
                    const spot = layers.hotspots[index];
                    if (!spot) return;
                    selection.showPoint(spot.unit, spot.lon, spot.lat);
                    mapTop.current?.scrollIntoView({ block: 'nearest' });
                  }}
                />
              </>
            ) : (
              <ModelSignIn />
            )}
          </aside>
        </div>
      </main>
    </div>
  );
}
