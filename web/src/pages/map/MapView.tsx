/**
 * The map itself with its fallbacks: MapLibre loads lazily in its own chunk (only the pages with a map load it);
 * without WebGL, or when MapLibre fails, the lists and panels beside it still work.
 */
import { lazy, Suspense, useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoundaryCollection, BoundaryFeature } from '../../api/types.js';
import type { BaseMap, MapFocus, MapOverlay, MapTooltip } from '../../map/CoverageMap.js';
import type { BBox } from '../../map/geo.js';
import { MapFailed, MapLoading, useMapLocale } from '../../map/MapFallback.js';
import type { HotspotFeature } from '../../map/coverage.js';

const CoverageMap = lazy(() => import('../../map/CoverageMap.js'));

export interface MapViewProps {
  /** Null until the configuration is known: the map is made once, with or without its base map. */
  baseMap: BaseMap | null | undefined;
  outline: BoundaryFeature | null;
  data: BoundaryCollection | null;
  bounds: BBox | null;
  fitKey: string;
  selected: string | null;
  onSelect: (code: string | null) => void;
  overlays: readonly MapOverlay[];
  overlayOpacity: number;
  hotspots: { type: 'FeatureCollection'; features: HotspotFeature[] } | null;
  focus: MapFocus | null;
  label: string;
  labelOf: (properties: BoundaryFeature['properties']) => string;
  tooltipFor: (kind: 'commune' | 'hotspot', code: string, rank: number | null) => MapTooltip | null;
  renderPopup: (code: string) => ReactNode;
  /** Shown over the map while its data loads (or when it failed). */
  loading: boolean;
  failed: boolean;
}

export function MapView(props: MapViewProps) {
  const { t } = useTranslation();
  const [fatal, setFatal] = useState<string | null>(null);
  const [layerError, setLayerError] = useState<string | null>(null);
  const onFatal = useCallback((reason: string) => setFatal(reason), []);
  const onLayerError = useCallback((message: string) => setLayerError(message), []);

  const locale = useMapLocale();

  return (
    <>
      <div className="map-frame">
        {fatal ? (
          <MapFailed reason={fatal} />
        ) : props.baseMap === undefined ? (
          <MapLoading />
        ) : (
          <Suspense fallback={<MapLoading />}>
            <CoverageMap
              baseMap={props.baseMap}
              outline={props.outline}
              data={props.data}
              bounds={props.bounds}
              fitKey={props.fitKey}
              selected={props.selected}
              onSelect={props.onSelect}
              overlays={props.overlays}
              overlayOpacity={props.overlayOpacity}
              hotspots={props.hotspots}
              focus={props.focus}
              label={props.label}
              locale={locale}
              labelOf={props.labelOf}
              tooltipFor={props.tooltipFor}
              renderPopup={props.renderPopup}
              onFatal={onFatal}
              onLayerError={onLayerError}
            />
          </Suspense>
        )}
        {props.loading && !props.data && !fatal && !props.failed && (
          <div className="map-loading" role="status">
            <span className="spinner" aria-hidden="true" />
            {t('mapPage.loadingData')}
          </div>
        )}
      </div>
      {layerError && (
        <p className="notice notice-warn notice-inline" role="status">
          {t('mapPage.layerFailed', { message: layerError })}
        </p>
      )}
    </>
  );
}
