/**
 * What every MapLibre map of the app needs before it is made: the worker served from our own origin (MapLibre 6
 * ships it as a separate module; CSP: worker-src 'self' blob:) and a check that the browser can draw at all.
 * Imported only from the lazily loaded map chunks.
 */
import { setWorkerUrl } from 'maplibre-gl';
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
