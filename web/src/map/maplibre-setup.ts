/**
 * What every MapLibre map of the app needs before it is made: the worker served from our own origin (MapLibre 6
 * ships it as a separate module; CSP: worker-src 'self' blob:), a check that the browser can draw at all, and the
 * options every map of the province starts from.
 * Imported only from the lazily loaded map chunks.
 */
import { AttributionControl, NavigationControl, setWorkerUrl, type Map, type MapOptions } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

setWorkerUrl(workerUrl);

/** True when the browser can make a WebGL context (MapLibre needs one). */
export function supportsWebGL(): boolean {
  try {
    const canvas = document.createElement('canvas');
    return Boolean(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
  } catch {
    return false;
  }
}

/** A flat map that cannot be rotated or tilted, over the province until its data is fitted; controls are added after. */
export function provinceMapOptions(
  container: HTMLElement,
  style: MapOptions['style'],
  locale: Record<string, string>,
): MapOptions {
  return {
    container,
    style,
    center: [108.2, 13.8],
    zoom: 7,
    minZoom: 5,
    maxZoom: 15,
    attributionControl: false,
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    // On a touch screen one finger scrolls the page; two move the map.
    cooperativeGestures: window.matchMedia?.('(pointer: coarse)').matches ?? false,
    locale,
    fadeDuration: 0,
  };
}

/** Zoom buttons without a compass (the map does not rotate), the base map's attribution when it has one. */
export function addProvinceMapControls(map: Map, withAttribution: boolean): void {
  map.touchZoomRotate.disableRotation();
  map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
  if (withAttribution) map.addControl(new AttributionControl({ compact: true }), 'bottom-right');
}
