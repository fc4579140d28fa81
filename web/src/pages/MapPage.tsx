import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitTreeNode } from '../../../src/domain/overview-contract.js';
import {
  coverageLayerUrl,
  getChildBoundaries,
  getCoverageLegend,
  getCoverageRuns,
  getRollup,
  getUnitTree,
} from '../api/client.js';
import type {
  BoundaryCollection,
  BoundaryFeature,
  CoverageLegendClass,
  CoverageRun,
  RollupResult,
  Technology,
} from '../api/types.js';
import { AppHeader } from '../components/AppHeader.js';
import { ProblemNotice } from '../components/ProblemNotice.js';
import { formatCount, formatPercent, formatPeriod, formatValue } from '../format.js';
import { loadAgreement, useResource, useUrlSearch, type Loader } from '../hooks.js';
import { currentLang } from '../i18n.js';
import { buildChoropleth } from '../map/choropleth.js';
import {
  computedCode,
  hotspotFeatures,
  isDemoRun,
  latestSucceededRun,
  MAP_TECHNOLOGIES,
  mapIndicatorOptions,
  pickIndicator,
  pickPeriod,
  reportedCode,
  REPORTED_TECHNOLOGIES,
  runMonthFor,
  sortHotspots,
  yearsWithData,
  type MapIndicatorOption,
} from '../map/coverage.js';
import type { MapFocus, MapOverlay, MapTooltip } from '../map/CoverageMap.js';
import { bboxOf, orderCorners } from '../map/geo.js';
import { HotspotList } from '../map/HotspotList.js';
import { MapControls } from '../map/MapControls.js';
import { CommunePanel, MapLegend, type CompareRow } from '../map/MapPanels.js';
import { ModelPanel, ModelSignIn } from '../map/ModelPanel.js';
import { useModelRun } from '../map/use-model-run.js';
import { navigate } from '../navigation.js';
import { useCan } from '../session.js';
import { mapUnitsFor, unitName } from '../units.js';

// MapLibre (and its CSS) is the largest dependency of all: only this page loads it, in its own chunk.
const CoverageMap = lazy(() => import('../map/CoverageMap.js'));

/** Digits of the legend's class breaks (values are shown with the indicator's own digits). */
const LEGEND_DECIMALS = 1;
/** Digits of coverage percentages. */
const PERCENT_DECIMALS = 2;
/** The years asked of the roll-up to find those with data. */
const YEARS_FROM = '2015';
const YEARS_TO = '2035';

const loadTree: Loader<UnitTreeNode> = (signal) => getUnitTree({ signal, lang: currentLang() });
const loadRuns: Loader<CoverageRun[]> = (signal) => getCoverageRuns({ signal, lang: currentLang() });
const loadLegend: Loader<CoverageLegendClass[]> = (signal) => getCoverageLegend({ signal, lang: currentLang() });

/**
 * Loaders for the values of the map. `_runKey` is the latest run's id: a new run (new computed values) makes a
 * new loader, so the values reload.
 */
function yearsLoader(unit: string, indicator: string, _runKey: string | null): Loader<RollupResult> {
  return (signal) =>
    getRollup({ indicator, unit, from: YEARS_FROM, to: YEARS_TO, by: 'year' }, { signal, lang: currentLang() });
}

function boundariesLoader(
  unit: string,
  indicator: string,
  period: string,
  _runKey: string | null,
): Loader<BoundaryCollection> {
  return (signal) => getChildBoundaries(unit, { indicator, period }, { signal, lang: currentLang() });
}

/** The map: communes coloured by coverage, the coverage model's layers and hot spots, and a demo model run. */
export function MapPage() {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.resolvedLanguage);
  const [search, setSearch] = useUrlSearch();
  const unitParam = search.get('unit')?.trim() || null;
  const indicatorParam = search.get('indicator');
  const periodParam = search.get('period');

  // Model runs are unpublished work: the public's map shows the reported figures only, and asks for no run.
  const mayReadRuns = useCan('data.read');
  const mayRun = useCan('coverage.run');

  const tree = useResource(loadTree);
  const agreement = useResource(loadAgreement);
  const runs = useResource(mayReadRuns ? loadRuns : null);
  const legend = useResource(loadLegend);

  const units = useMemo(() => (tree.data ? mapUnitsFor(tree.data, unitParam) : null), [tree.data, unitParam]);
  const provinceCode = units?.province.code ?? null;
  const selected = units?.commune ?? null;

  const runList = runs.data ?? runs.previous;
  // Which indicators the map offers depends on the runs: wait for them (or their failure) before loading values.
  const runsSettled = !mayReadRuns || runList !== undefined || runs.error !== undefined;
  const latestRun = useMemo(
    () => (provinceCode ? latestSucceededRun(runList, provinceCode) : null),
    [runList, provinceCode],
  );
  // A new run changes the computed values: the loaders below depend on it, so they reload when it arrives.
  const runKey = latestRun?.id ?? null;
  const options = useMemo(() => mapIndicatorOptions(latestRun), [latestRun]);
  const option = pickIndicator(options, indicatorParam);

  // Years with data for the indicator (and the province-wide value of each).
  const loadYears = useMemo(
    () => (provinceCode && runsSettled ? yearsLoader(provinceCode, option.code, runKey) : null),
    [provinceCode, runsSettled, option.code, runKey],
  );
  const years = useResource(loadYears);
  const yearList = useMemo(
    () => (years.data || years.error ? yearsWithData(years.data?.values) : undefined),
    [years.data, years.error],
  );
  const period = pickPeriod(periodParam, option, latestRun, yearList);

  const loadBoundaries = useMemo(
    () => (provinceCode && period && runsSettled ? boundariesLoader(provinceCode, option.code, period, runKey) : null),
    [provinceCode, runsSettled, option.code, period, runKey],
  );
  const boundaries = useResource(loadBoundaries);
  const shownBoundaries = boundaries.data ?? (boundaries.loading ? boundaries.previous : undefined);
  const choropleth = useMemo(
    () => (shownBoundaries ? buildChoropleth(shownBoundaries, LEGEND_DECIMALS) : null),
    [shownBoundaries],
  );
  const bounds = useMemo(() => (shownBoundaries ? bboxOf(shownBoundaries) : null), [shownBoundaries]);
  const featureByCode = useMemo(() => {
    const map = new Map<string, BoundaryFeature>();
    for (const f of shownBoundaries?.features ?? []) map.set(f.properties.code, f);
    return map;
  }, [shownBoundaries]);

  const communes = units?.province.children;
  const nameOf = useCallback(
    (code: string) => {
      const feature = featureByCode.get(code)?.properties;
      const node = feature ?? communes?.find((c) => c.code === code);
      return node ? unitName(node, lang) : t('mapPage.hotspots.unknownUnit', { code });
    },
    [featureByCode, communes, lang, t],
  );

  const fmtPercent = useCallback(
    (value: number | null | undefined) => formatValue(value ?? null, 'percent', PERCENT_DECIMALS, lang),
    [lang],
  );
  const indicatorLabel = (o: MapIndicatorOption) =>
    t(o.kind === 'computed' ? 'mapPage.indicatorComputed' : 'mapPage.indicatorReported', { tech: o.technology });

  // ---- Model runs: start, watch, cancel (for those allowed to).
  const runPeriod = runMonthFor(period ?? latestRun?.period ?? String(new Date().getFullYear()));
  const modelRun = useModelRun(runList, provinceCode, latestRun, runPeriod, runs.retry);
  const activeView = modelRun.active;

  // ---- Layers.
  const [layerOn, setLayerOn] = useState<Partial<Record<Technology, boolean>>>({});
  const [opacity, setOpacity] = useState(0.8);
  const [showHotspots, setShowHotspots] = useState(true);
  const corners = useMemo(() => orderCorners(latestRun?.result?.corners), [latestRun]);
  const runTechs = latestRun?.result?.technologies ?? [];
  const overlays = useMemo<MapOverlay[]>(
    () =>
      latestRun && corners
        ? MAP_TECHNOLOGIES.filter((tech) => layerOn[tech] && latestRun.result?.technologies.includes(tech)).map(
            (technology) => ({ technology, url: coverageLayerUrl(latestRun.id, technology), corners }),
          )
        : [],
    [latestRun, corners, layerOn],
  );

  const hotspotTech: Technology = latestRun?.result?.hotspots?.[option.technology] ? option.technology : '4G';
  const hotspots = useMemo(() => sortHotspots(latestRun?.result?.hotspots?.[hotspotTech]), [latestRun, hotspotTech]);
  const hotspotData = useMemo(
    () => (showHotspots && hotspots.length ? hotspotFeatures(hotspots) : null),
    [showHotspots, hotspots],
  );

  // ---- Selection and camera.
  const [focus, setFocus] = useState<MapFocus | null>(null);
  const focusKey = useRef(0);
  const mapFrame = useRef<HTMLDivElement>(null);
  const select = useCallback(
    (code: string | null) => {
      if (!provinceCode) return;
      const url = new URL(window.location.href);
      url.searchParams.set('unit', code ?? provinceCode);
      navigate(url, { replace: true });
    },
    [provinceCode],
  );
  const selectAndShow = (code: string | null) => {
    select(code);
    const feature = code ? featureByCode.get(code) : undefined;
    const box = feature ? bboxOf({ type: 'FeatureCollection', features: [feature] }) : null;
    if (box) setFocus({ key: ++focusKey.current, kind: 'bbox', bbox: box });
  };
  const showHotspot = (index: number) => {
    const spot = hotspots[index];
    if (!spot) return;
    select(spot.unit);
    setFocus({ key: ++focusKey.current, kind: 'point', lon: spot.lon, lat: spot.lat });
    mapFrame.current?.scrollIntoView({ block: 'nearest' });
  };

  // ---- Compare reported and computed coverage for the selected commune.
  const computedTechs = runTechs.join(',');
  const loadCompare = useMemo<Loader<CompareRow[]> | null>(() => {
    if (!selected || !period) return null;
    const techs = computedTechs ? computedTechs.split(',') : [];
    return async (signal) => {
      const value = async (indicator: string) => {
        try {
          const r = await getRollup({ indicator, unit: selected, from: period }, { signal, lang: currentLang() });
          return (r.values.find((v) => v.period === period) ?? r.values[0])?.value ?? null;
        } catch (err) {
          if (signal.aborted) throw err;
          return null;
        }
      };
      return Promise.all(
        MAP_TECHNOLOGIES.map(async (technology) => ({
          technology,
          reported: REPORTED_TECHNOLOGIES.includes(technology) ? await value(reportedCode(technology)) : undefined,
          computed: techs.includes(technology) ? await value(computedCode(technology)) : undefined,
        })),
      );
    };
  }, [selected, period, computedTechs]);
  const compare = useResource(loadCompare);

  // ---- Map fallbacks.
  const [fatal, setFatal] = useState<string | null>(null);
  const [layerError, setLayerError] = useState<string | null>(null);
  const onFatal = useCallback((reason: string) => setFatal(reason), []);
  const onLayerError = useCallback((message: string) => setLayerError(message), []);

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
      if (!feature) return null;
      return { title: unitName(feature.properties, lang), detail: fmtPercent(feature.properties.value) };
    },
    [hotspots, featureByCode, nameOf, fmtPercent, lang, t],
  );

  const locale = useMemo(
    () => ({
      'NavigationControl.ZoomIn': t('mapPage.zoomIn'),
      'NavigationControl.ZoomOut': t('mapPage.zoomOut'),
      'CooperativeGesturesHandler.MobileHelpText': t('mapPage.mobileGestures'),
      'CooperativeGesturesHandler.WindowsHelpText': t('mapPage.windowsGestures'),
      'CooperativeGesturesHandler.MacHelpText': t('mapPage.macGestures'),
    }),
    [t],
  );

  useEffect(() => {
    document.title = t('pageTitle.map');
  }, [t]);

  const isDemo =
    (shownBoundaries?.features.some((f) => f.properties.isDemo) ?? false) ||
    isDemoRun(latestRun) ||
    isDemoRun(activeView);
  const periodText = period ? formatPeriod(period, lang) : '';
  const provinceName = units ? unitName(units.province, lang) : '';
  const mapLabel = t('mapPage.mapLabel', { indicator: indicatorLabel(option), period: periodText });
  const provinceValue = years.data?.values.find((v) => v.period === period)?.value ?? null;

  const selectedFeature = selected ? featureByCode.get(selected) : undefined;
  const selectedNode = selected ? communes?.find((c) => c.code === selected) : undefined;
  const blockingError = tree.error ?? (boundaries.data ? undefined : boundaries.error);

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
      <main id="main" className="main map-main" tabIndex={-1} aria-busy={boundaries.loading || tree.loading}>
        <div className="page-head">
          <div>
            <h1 className="page-title">{t('mapPage.title')}</h1>
            {units && (
              <p className="page-subtitle">
                {t('mapPage.subtitle', { province: provinceName, period: periodText, count: communes?.length ?? 0 })}
              </p>
            )}
          </div>
          {boundaries.loading && shownBoundaries && (
            <span className="updating" role="status">
              <span className="spinner" aria-hidden="true" />
              {t('overview.updating')}
            </span>
          )}
        </div>

        <MapControls
          lang={lang}
          options={options}
          option={option}
          indicatorLabel={indicatorLabel}
          onIndicator={(code) => setSearch({ indicator: code })}
          period={period}
          years={yearList}
          onPeriod={(p) => setSearch({ period: p })}
          communes={communes}
          selected={selected}
          onCommune={selectAndShow}
        />

        {blockingError ? (
          <ProblemNotice
            error={blockingError}
            title={t('error.title')}
            onRetry={tree.error ? tree.retry : boundaries.retry}
          />
        ) : null}

        <div className="map-layout">
          <div className="map-col">
            <div className="map-frame" ref={mapFrame}>
              {fatal ? (
                <div className="map-fallback" role="alert">
                  <p>{fatal === 'webgl' ? t('mapPage.noWebgl') : t('mapPage.mapFailed', { message: fatal })}</p>
                </div>
              ) : (
                <Suspense
                  fallback={
                    <div className="map-fallback" role="status">
                      <span className="spinner" aria-hidden="true" />
                      {t('mapPage.loadingMap')}
                    </div>
                  }
                >
                  <CoverageMap
                    data={choropleth?.data ?? null}
                    bounds={bounds}
                    fitKey={provinceCode ?? ''}
                    selected={selected}
                    onSelect={select}
                    overlays={overlays}
                    overlayOpacity={opacity}
                    hotspots={hotspotData}
                    focus={focus}
                    label={mapLabel}
                    locale={locale}
                    tooltipFor={tooltipFor}
                    onFatal={onFatal}
                    onLayerError={onLayerError}
                  />
                </Suspense>
              )}
              {!shownBoundaries && !fatal && !blockingError && (
                <div className="map-loading" role="status">
                  <span className="spinner" aria-hidden="true" />
                  {t('mapPage.loadingData')}
                </div>
              )}
              {selected && !fatal && (
                <a className="map-selected-chip" href="#map-commune-panel">
                  <strong>{nameOf(selected)}</strong>
                  <span>{fmtPercent(selectedFeature?.properties.value)}</span>
                  <span className="map-selected-chip-more">{t('mapPage.details')} ↓</span>
                </a>
              )}
            </div>
            {layerError && (
              <p className="notice notice-warn notice-inline" role="status">
                {t('mapPage.layerFailed', { message: layerError })}
              </p>
            )}
            <MapLegend
              lang={lang}
              title={`${indicatorLabel(option)} · ${periodText}`}
              provinceValue={provinceValue !== null ? fmtPercent(provinceValue) : null}
              choropleth={choropleth}
              formatBreak={(v) => formatPercent(v, LEGEND_DECIMALS, lang)}
              hasBorder={shownBoundaries?.features.some((f) => f.properties.isBorder) ?? false}
              hasEconomicZone={shownBoundaries?.features.some((f) => f.properties.isEconomicZone) ?? false}
              hotspotTech={hotspotData ? hotspotTech : null}
              overlays={overlays.map((o) => o.technology)}
              coverageLegend={legend.data}
              run={latestRun}
            />
          </div>

          <aside className="map-side">
            <CommunePanel
              lang={lang}
              code={selected}
              name={selected ? nameOf(selected) : null}
              unit={selectedFeature?.properties ?? selectedNode ?? null}
              indicatorLabel={indicatorLabel(option)}
              value={selectedFeature?.properties.value ?? null}
              period={period}
              compare={compare}
              run={latestRun}
              onClose={() => select(null)}
            />
            {mayReadRuns ? (
              <>
                <ModelPanel
                  lang={lang}
                  view={modelRun.view}
                  demo={isDemoRun(latestRun) || isDemoRun(activeView)}
                  mayRun={mayRun}
                  onStart={modelRun.start}
                  onCancel={modelRun.cancel}
                  technologies={MAP_TECHNOLOGIES.filter((tech) => runTechs.includes(tech))}
                  layerOn={layerOn}
                  onToggleLayer={(tech, on) => setLayerOn((s) => ({ ...s, [tech]: on }))}
                  layersAvailable={corners !== null}
                  opacity={opacity}
                  onOpacity={setOpacity}
                  showHotspots={showHotspots}
                  onToggleHotspots={setShowHotspots}
                />
                <HotspotList
                  lang={lang}
                  tech={hotspotTech}
                  hasRun={latestRun !== null}
                  demo={isDemoRun(latestRun)}
                  hotspots={hotspots}
                  nameOf={nameOf}
                  onShow={showHotspot}
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
