/**
 * What stands in a map's frame while MapLibre loads, or when it cannot draw, and the strings MapLibre shows in the
 * user's language. Outside the map chunk: shown before it loads.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** MapLibre's UI strings (zoom buttons, popup close, attribution, gesture hints) in the user's language. */
export function useMapLocale(): Record<string, string> {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      'NavigationControl.ZoomIn': t('mapPage.zoomIn'),
      'NavigationControl.ZoomOut': t('mapPage.zoomOut'),
      'Popup.Close': t('mapPage.popupClose'),
      'AttributionControl.ToggleAttribution': t('mapPage.attribution'),
      'CooperativeGesturesHandler.MobileHelpText': t('mapPage.mobileGestures'),
      'CooperativeGesturesHandler.WindowsHelpText': t('mapPage.windowsGestures'),
      'CooperativeGesturesHandler.MacHelpText': t('mapPage.macGestures'),
    }),
    [t],
  );
}

export function MapLoading() {
  const { t } = useTranslation();
  return (
    <div className="map-fallback" role="status">
      <span className="spinner" aria-hidden="true" />
      {t('mapPage.loadingMap')}
    </div>
  );
}

/** The map cannot be drawn: `reason` is 'webgl' (no WebGL) or what MapLibre threw. */
export function MapFailed({ reason }: { reason: string }) {
  const { t } = useTranslation();
  return (
    <div className="map-fallback" role="alert">
      <p>{reason === 'webgl' ? t('mapPage.noWebgl') : t('mapPage.mapFailed', { message: reason })}</p>
    </div>
  );
}
