/**
 * The MapLibre style and layers of the coverage map: an optional raster base map, the communes' fill, outlines
 * and marks, the province outline, the selection and the hot spots. Everything but the base map comes from the
 * app's own GeoJSON, so the map needs no tile, glyph or sprite server.
 */
import type { FilterSpecification, Map as MapLibreMap, StyleSpecification } from 'maplibre-gl';
import type { Technology } from '../api/types.js';

/** Raster tiles under the communes, from the server's configuration (GET /api/map-config). */
export interface BaseMap {
  tileUrl: string;
  attribution: string;
  maxZoom: number;
}

export function styleFor(baseMap: BaseMap | null): StyleSpecification {
  const background = { id: 'background', type: 'background', paint: { 'background-color': '#eef2f6' } } as const;
  if (!baseMap) return { version: 8, sources: {}, layers: [background] };
  return {
    version: 8,
    sources: {
      base: {
        type: 'raster',
        tiles: [baseMap.tileUrl],
        tileSize: 256,
        maxzoom: baseMap.maxZoom,
        attribution: baseMap.attribution,
      },
    },
    layers: [background, { id: 'base', type: 'raster', source: 'base' }],
  };
}

export const EMPTY: { type: 'FeatureCollection'; features: [] } = { type: 'FeatureCollection', features: [] };
export const OVERLAY_TECHS: readonly Technology[] = ['2G', '3G', '4G', '5G'];
/** What every coverage image's source and layer id starts with. */
export const OVERLAY_PREFIX = 'coverage-';
/** One image per technology and grid; a run on one grid keeps the plain id (coverage-4G). */
export const overlayId = (tech: Technology, grid: string | null = null) =>
  `${OVERLAY_PREFIX}${tech}${grid === null ? '' : `-${grid}`}`;
const HATCH = 'economic-zone-hatch';

/** An 8×8 diagonal hatch for the economic-zone fill pattern (made here: no sprite to download). */
function hatchImage(): { width: number; height: number; data: Uint8Array } {
  const size = 8;
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if ((x + y) % size === 0 || (x + y) % size === 1) {
        data.set([106, 27, 154, 150], (y * size + x) * 4);
      }
    }
  }
  return { width: size, height: size, data };
}

export function selectedFilter(code: string | null): FilterSpecification {
  return ['==', ['get', 'code'], code ?? ''];
}

export function addLayers(map: MapLibreMap, hasBaseMap: boolean): void {
  map.addSource('communes', { type: 'geojson', data: EMPTY, promoteId: 'code' });
  map.addSource('province', { type: 'geojson', data: EMPTY });
  map.addSource('hotspots', { type: 'geojson', data: EMPTY });
  map.addImage(HATCH, hatchImage(), { pixelRatio: 1 });

  map.addLayer({
    id: 'communes-fill',
    type: 'fill',
    source: 'communes',
    paint: { 'fill-color': ['coalesce', ['get', 'fill'], '#d5d9e0'], 'fill-opacity': fillOpacity(hasBaseMap, false) },
  });
  map.addLayer({
    id: 'communes-economic-zone',
    type: 'fill',
    source: 'communes',
    filter: ['==', ['get', 'isEconomicZone'], true],
    paint: { 'fill-pattern': HATCH },
  });
  // Coverage PNGs go here (before 'communes-line'): above the fill, under outlines and hot spots.
  map.addLayer({
    id: 'communes-line',
    type: 'line',
    source: 'communes',
    paint: {
      'line-color': '#445266',
      'line-opacity': ['case', ['boolean', ['feature-state', 'hover'], false], 1, 0.55],
      'line-width': ['case', ['boolean', ['feature-state', 'hover'], false], 2, 0.6],
    },
  });
  map.addLayer({
    id: 'communes-economic-zone-line',
    type: 'line',
    source: 'communes',
    filter: ['==', ['get', 'isEconomicZone'], true],
    paint: { 'line-color': '#6a1b9a', 'line-width': 1.6, 'line-dasharray': [3, 2] },
  });
  map.addLayer({
    id: 'communes-border',
    type: 'line',
    source: 'communes',
    filter: ['==', ['get', 'isBorder'], true],
    paint: { 'line-color': '#1b2430', 'line-width': 2.8 },
  });
  map.addLayer({
    id: 'province-outline',
    type: 'line',
    source: 'province',
    paint: { 'line-color': '#1b2430', 'line-width': 2.2, 'line-opacity': 0.9 },
  });
  map.addLayer({
    id: 'communes-selected-halo',
    type: 'line',
    source: 'communes',
    filter: selectedFilter(null),
    paint: { 'line-color': '#ffffff', 'line-width': 6 },
  });
  map.addLayer({
    id: 'communes-selected',
    type: 'line',
    source: 'communes',
    filter: selectedFilter(null),
    paint: { 'line-color': '#e6550d', 'line-width': 3 },
  });
  map.addLayer({
    id: 'hotspots',
    type: 'circle',
    source: 'hotspots',
    paint: {
      // Smaller at the province's zoom, where hundreds of them overlap; full size from zoom 11.
      'circle-radius': [
        'interpolate',
        ['linear'],
        ['zoom'],
        6,
        ['*', 0.45, ['get', 'radius']],
        8,
        ['*', 0.65, ['get', 'radius']],
        11,
        ['get', 'radius'],
        14,
        ['*', 1.4, ['get', 'radius']],
      ],
      'circle-color': '#b2182b',
      'circle-opacity': 0.72,
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 1,
    },
  });
}

/** The choropleth lets a base map show through, more so under a coverage layer. */
export function fillOpacity(hasBaseMap: boolean, hasOverlay: boolean): number {
  if (hasOverlay) return 0.45;
  return hasBaseMap ? 0.7 : 0.88;
}
