/**
 * The coverage images a run puts on the map: one per technology and grid, each placed by its grid's corners.
 * Pure (no MapLibre, no DOM).
 */
import { coverageLayerUrl } from '../api/client.js';
import type { CoverageMapLayer, CoverageRun, Technology } from '../api/types.js';
import { orderCorners, type Corners } from './geo.js';
import { OVERLAY_TECHS, overlayId } from './map-style.js';

export interface MapOverlay {
  /** The MapLibre source and layer id (one per technology and grid). */
  id: string;
  technology: Technology;
  url: string;
  corners: Corners;
}

/** A run's layers: as listed, or for a run made before they were (one grid), the one placed by `corners`. */
export function runLayers(run: Pick<CoverageRun, 'result'> | null | undefined): CoverageMapLayer[] {
  const result = run?.result;
  if (!result) return [];
  if (result.layers) return result.layers;
  return result.corners ? [{ grid: null, corners: result.corners }] : [];
}

/** The grids of a run whose layers can be placed (four valid corners), with their corners in MapLibre's order. */
export function placedLayers(run: CoverageRun | null | undefined): { grid: string | null; corners: Corners }[] {
  return runLayers(run).flatMap((layer) => {
    const corners = orderCorners(layer.corners);
    return corners ? [{ grid: layer.grid, corners }] : [];
  });
}

/** The images for `technologies` (lowest first), every grid of each. */
export function coverageOverlays(run: CoverageRun | null, technologies: readonly Technology[]): MapOverlay[] {
  if (!run) return [];
  const layers = placedLayers(run);
  return technologies.flatMap((technology) =>
    layers.map(({ grid, corners }) => ({
      id: overlayId(technology, grid),
      technology,
      url: coverageLayerUrl(run.id, technology, grid),
      corners,
    })),
  );
}

/**
 * The layer a new image is added under, so that images stack by technology: the lowest of a higher technology
 * already on the map; null when there is none (the image goes under the commune outlines).
 */
export function overlayAbove(
  overlay: MapOverlay,
  overlays: readonly MapOverlay[],
  isOnMap: (id: string) => boolean,
): string | null {
  const rank = (o: MapOverlay) => OVERLAY_TECHS.indexOf(o.technology);
  const higher = overlays.filter((o) => rank(o) > rank(overlay) && isOnMap(o.id));
  higher.sort((a, b) => rank(a) - rank(b));
  return higher[0]?.id ?? null;
}
