/**
 * Which of the latest run's layers are on the map: a coverage image per technology and grid, its opacity, and the hot
 * spots of the chosen technology (4G when the chosen indicator is about none, or the run has none for it).
 */
import { useMemo, useState } from 'react';
import type { CoverageRun, Technology } from '../../api/types.js';
import { hotspotFeatures, MAP_TECHNOLOGIES, sortHotspots } from '../../map/coverage.js';
import { coverageOverlays, placedLayers, type MapOverlay } from '../../map/coverage-overlays.js';

export function useMapLayers(latestRun: CoverageRun | null, chosenTechnology: Technology | null) {
  const [layerOn, setLayerOn] = useState<Partial<Record<Technology, boolean>>>({});
  const [opacity, setOpacity] = useState(0.8);
  const [showHotspots, setShowHotspots] = useState(true);

  const layersAvailable = useMemo(() => placedLayers(latestRun).length > 0, [latestRun]);
  const runTechnologies = useMemo(
    () => MAP_TECHNOLOGIES.filter((tech) => latestRun?.result?.technologies.includes(tech)),
    [latestRun],
  );
  const overlays = useMemo<MapOverlay[]>(
    () =>
      coverageOverlays(
        latestRun,
        runTechnologies.filter((tech) => layerOn[tech]),
      ),
    [latestRun, layerOn, runTechnologies],
  );
  const overlayTechnologies = useMemo(() => [...new Set(overlays.map((o) => o.technology))], [overlays]);

  const hotspotTech: Technology =
    chosenTechnology && latestRun?.result?.hotspots?.[chosenTechnology] ? chosenTechnology : '4G';
  const hotspots = useMemo(() => sortHotspots(latestRun?.result?.hotspots?.[hotspotTech]), [latestRun, hotspotTech]);
  const hotspotData = useMemo(
    () => (showHotspots && hotspots.length ? hotspotFeatures(hotspots) : null),
    [showHotspots, hotspots],
  );

  return {
    runTechnologies,
    layersAvailable,
    layerOn,
    toggleLayer: (tech: Technology, on: boolean) => setLayerOn((state) => ({ ...state, [tech]: on })),
    opacity,
    setOpacity,
    showHotspots,
    setShowHotspots,
    overlays,
    /** The technologies shown, each once whatever its number of grids. */
    overlayTechnologies,
    hotspotTech,
    hotspots,
    hotspotData,
  };
}

export type MapLayers = ReturnType<typeof useMapLayers>;
