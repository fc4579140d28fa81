/**
 * The map itself with its fallbacks: MapLibre loads lazily in its own chunk (only the pages with a map load it);
 * without WebGL, or when MapLibre fails, the lists and panels beside it still work.
 */
import { lazy, Suspense, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BaseMap, CoverageMapProps } from '../../map/CoverageMap.js';
import { MapFailed, MapLoading, useMapLocale } from '../../map/MapFallback.js';

const CoverageMap = lazy(() => import('../../map/CoverageMap.js'));

/** CoverageMap's props but those MapView gives it (MapLibre's strings, what to do when it fails). */
type MapViewMapProps = Omit<CoverageMapProps, 'baseMap' | 'locale' | 'onFatal' | 'onLayerError'>;

export interface MapViewProps extends MapViewMapProps {
  /** Null until the configuration is known: the map is made once, with or without its base map. */
  baseMap: BaseMap | null | undefined;
  /** Shown over the map while its data loads (or when it failed). */
  loading: boolean;
  failed: boolean;
}

export function MapView({ baseMap, loading, failed, ...mapProps }: MapViewProps) {
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
        ) : baseMap === undefined ? (
          <MapLoading />
        ) : (
          <Suspense fallback={<MapLoading />}>
            <CoverageMap
              {...mapProps}
              baseMap={baseMap}
              locale={locale}
              onFatal={onFatal}
              onLayerError={onLayerError}
            />
          </Suspense>
        )}
        {loading && !mapProps.data && !fatal && !failed && (
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
