/**
 * The plan's sites on a MapLibre map, in its own chunk (loaded with React.lazy): the province outline and one
 * circle per site coloured by phase, numbered in build order on a canvas above the map (no glyph server).
 * The cells the plan newly covers (a PNG in the grid, coloured by phase, placed by the result's corners) lie
 * between the outline and the sites.
 */
import { Map as MapLibreMap, type GeoJSONSource } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import type { BoundaryFeature } from '../../api/types.js';
import { createProvinceMap } from '../../map/maplibre-setup.js';
import { EMPTY, type BaseMap } from '../../map/map-style.js';
import { sitesBounds, siteFeatures } from './plan-view.js';
import type { PlanResult } from './planner-api.js';
import { SiteNumberLayer } from './SiteNumberLayer.js';

export interface PlanSitesMapProps {
  baseMap: BaseMap | null;
  outline: BoundaryFeature | null;
  result: PlanResult;
  /** The PNG of newly covered cells (the scenario's new-coverage layer). */
  coverageUrl: string;
  label: string;
  locale: Record<string, string>;
  onFatal: (reason: 'webgl' | string) => void;
}

export default function PlanSitesMap({
  baseMap,
  outline,
  result,
  coverageUrl,
  label,
  locale,
  onFatal,
}: PlanSitesMapProps) {
  const container = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const fatal = useEffectEvent((reason: string) => onFatal(reason));
  const initial = useEffectEvent(() => ({ baseMap, locale, label, coverageUrl, corners: result.corners }));

  useEffect(() => {
    const node = container.current;
    if (!node) return;
    const start = initial();
    const made = createProvinceMap(node, start, fatal);
    if (!made) return;
    made.on('load', () => {
      made.addSource('province', { type: 'geojson', data: EMPTY });
      made.addSource('plan-sites', { type: 'geojson', data: EMPTY });
      made.addLayer({
        id: 'province-outline',
        type: 'line',
        source: 'province',
        paint: { 'line-color': '#1b2430', 'line-width': 2.2, 'line-opacity': 0.9 },
      });
      const [a, b, c, d] = start.corners;
      if (a && b && c && d) {
        made.addSource('plan-coverage', { type: 'image', url: start.coverageUrl, coordinates: [a, b, c, d] });
        made.addLayer({
          id: 'plan-coverage',
          type: 'raster',
          source: 'plan-coverage',
          paint: { 'raster-opacity': 0.75 },
        });
      }
      made.addLayer({
        id: 'plan-sites',
        type: 'circle',
        source: 'plan-sites',
        paint: {
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 6, 7, 10, 10, 14, 13],
          'circle-color': ['get', 'colour'],
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': ['case', ['get', 'mandatory'], 3, 1.5],
        },
      });
      setMap(made);
    });
    return () => {
      setMap(null);
      made.remove();
    };
  }, []);

  useEffect(() => {
    map?.getCanvas().setAttribute('aria-label', label);
  }, [map, label]);

  useEffect(() => {
    if (!map) return;
    (map.getSource('province') as GeoJSONSource | undefined)?.setData((outline ?? EMPTY) as never);
  }, [map, outline]);

  useEffect(() => {
    if (!map) return;
    (map.getSource('plan-sites') as GeoJSONSource | undefined)?.setData(siteFeatures(result) as never);
    const box = sitesBounds(result.sites);
    if (box) map.fitBounds(box, { padding: 40, maxZoom: 11, animate: false });
  }, [map, result]);

  return (
    <div className="map-canvas-wrap">
      <div ref={container} className="map-canvas" />
      {map && <SiteNumberLayer map={map} sites={result.sites} />}
    </div>
  );
}
