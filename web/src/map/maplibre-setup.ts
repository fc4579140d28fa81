/**
 * What every MapLibre map of the app needs before it is made: the worker served from our own origin (MapLibre 6
 * ships it as a separate module; CSP: worker-src 'self' blob:), and the one way the app makes a map: checked that the
 * browser can draw it, with the same view, gestures and controls everywhere.
 * Imported only from the lazily loaded map chunks.
 */
import { AttributionControl, Map as MapLibreMap, NavigationControl, setWorkerUrl, type MapOptions } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { styleFor, type BaseMap } from './map-style.js';

setWorkerUrl(workerUrl);

/** True when the browser can make a WebGL context (MapLibre needs one). */
function supportsWebGL(): boolean {
  try {
    const canvas = document.createElement('canvas');
    return Boolean(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
  } catch {
    return false;
  }
}

/** A flat map that cannot be rotated or tilted, over the province until its data is fitted. */
function provinceMapOptions(
  container: HTMLElement,
  baseMap: BaseMap | null,
  locale: Record<string, string>,
): MapOptions {
  return {
    container,
    style: styleFor(baseMap),
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

export interface ProvinceMapSetup {
  /** Optional tiles; without them the style has a background only (map-style.ts). */
  baseMap: BaseMap | null;
  /** MapLibre's UI strings (zoom buttons, gesture hints). */
  locale: Record<string, string>;
  /** The map's accessible name. */
  label: string;
}

/**
 * A province map in `container` with zoom buttons (no compass: it does not rotate) and the base map's attribution
 * when it has one; null after telling `onFatal` why it cannot be drawn ('webgl', or what MapLibre threw).
 */
export function createProvinceMap(
  container: HTMLElement,
  { baseMap, locale, label }: ProvinceMapSetup,
  onFatal: (reason: 'webgl' | string) => void,
): MapLibreMap | null {
  if (!supportsWebGL()) {
    onFatal('webgl');
    return null;
  }
  let map: MapLibreMap;
  try {
    map = new MapLibreMap(provinceMapOptions(container, baseMap, locale));
  } catch (error) {
    onFatal(error instanceof Error ? error.message : String(error));
    return null;
  }
  map.touchZoomRotate.disableRotation();
  map.keyboard.disableRotation();
  map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
  if (baseMap?.attribution) map.addControl(new AttributionControl({ compact: true }), 'bottom-right');
  map.getCanvas().setAttribute('aria-label', label);
  return map;
}
