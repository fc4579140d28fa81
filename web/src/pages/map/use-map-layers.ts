/**
 * Which of the latest run's layers are on the map: a coverage image per technology, its opacity, and the hot
 * spots of the chosen technology (4G when the chosen indicator is about none, or the run has none for it).
 */
import { useMemo, useState } from 'react';
import { coverageLayerUrl } from '../../api/client.js';
import type { CoverageRun, Technology } from '../../api/types.js';
import { hotspotFeatures, MAP_TECHNOLOGIES, sortHotspots } from '../../map/coverage.js';
import type { MapOverlay } from '../../map/CoverageMap.js';
import { orderCorners } from '../../map/geo.js';

export function useMapLayers(latestRun: CoverageRun | null, chosenTechnology: Technology | null) {
  const [layerOn, setLayerOn] = useState<Partial<Record<Technology, boolean>>>({});
  const [opacity, setOpacity] = useState(0.8);
  const [showHotspots, setShowHotspots] = useState(true);

  const corners = useMemo(() => orderCorners(latestRun?.result?.corners), [latestRun]);
  const runTechnologies = useMemo(
    () => MAP_TECHNOLOGIES.filter((tech) => latestRun?.result?.technologies.includes(tech)),
    [latestRun],
  );
  const overlays = useMemo<MapOverlay[]>(
    () =>
      latestRun && corners
        ? runTechnologies
            .filter((tech) => layerOn[tech])
            .map((technology) => ({ technology, url: coverageLayerUrl(latestRun.id, technology), corners }))
        : [],
    [latestRun, corners, layerOn, runTechnologies],
  );

  const hotspotTech: Technology =
    chosenTechnology && latestRun?.result?.hotspots?.[chosenTechnology] ? chosenTechnology : '4G';
  const hotspots = useMemo(() => sortHotspots(latestRun?.result?.hotspots?.[hotspotTech]), [latestRun, hotspotTech]);
  const hotspotData = useMemo(
    () => (showHotspots && hotspots.length ? hotspotFeatures(hotspots) : null),
    [showHotspots, hotspots],
  );

  return {
    runTechnologies,
    layersAvailable: corners !== null,
    layerOn,
    toggleLayer: (tech: Technology, on: boolean) => setLayerOn((state) => ({ ...state, [tech]: on })),
    opacity,
    setOpacity,
    showHotspots,
    setShowHotspots,
    overlays,
    hotspotTech,
    hotspots,
    hotspotData,
  };
}

export type MapLayers = ReturnType<typeof useMapLayers>;
