/**
 * The MapLibre map of the map page, in its own chunk (MapLibre is large): loaded with React.lazy by MapPage.
 *
 * Offline by design: without a configured base map the style has a background layer only (no tiles, no glyphs,
 * no sprite) and every other layer comes from our own GeoJSON and image sources. Commune names are drawn on a
 * canvas above the map from the boundaries' own names (labels.ts), so no glyph server is needed either.
 */
import {
  Map as MapLibreMap,
  Popup,
  type GeoJSONSource,
  type ImageSource,
  type MapGeoJSONFeature,
  type MapMouseEvent,
} from 'maplibre-gl';
import { createPortal } from 'react-dom';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useEffectEvent, useRef, useState, type ReactNode } from 'react';
import type { BoundaryCollection, BoundaryFeature } from '../api/types.js';
import type { HotspotFeature } from './coverage.js';
import { overlayAbove, type MapOverlay } from './coverage-overlays.js';
import type { BBox } from './geo.js';
import { addLayers, EMPTY, fillOpacity, OVERLAY_PREFIX, selectedFilter, type BaseMap } from './map-style.js';

export type { BaseMap };
import { CommuneLabelLayer } from './commune-label-layer.js';
import { createProvinceMap } from './maplibre-setup.js';

export type { MapOverlay };

/** The coverage images on the map now (their layers share the source's id). */
function coverageLayerIds(map: MapLibreMap): string[] {
  return (map.getStyle()?.layers ?? []).map((layer) => layer.id).filter((id) => id.startsWith(OVERLAY_PREFIX));
}

/** Where to move the map: a point (a hot spot) or a box (a commune); `key` changes for every request. */
export type MapFocus =
  { key: number; kind: 'point'; lon: number; lat: number } | { key: number; kind: 'bbox'; bbox: BBox };

export interface MapTooltip {
  title: string;
  detail?: string | undefined;
}

export interface CoverageMapProps {
  /** Optional tiles under the communes; without them the map is drawn from the app's own geometry only. */
  baseMap: BaseMap | null;
  /** The province's own boundary, drawn as its outline. */
  outline: BoundaryFeature | null;
  /** The name drawn for a commune (from its boundary's properties). */
  labelOf: (properties: BoundaryFeature['properties']) => string;
  /** What a tap or a click on a commune shows in a popup (its name, value and links). */
  renderPopup: (code: string) => ReactNode;
  /** Communes with `properties.fill` (map/choropleth.ts). */
  data: BoundaryCollection | null;
  /** The box to fit when `fitKey` changes (a new province). */
  bounds: BBox | null;
  fitKey: string;
  selected: string | null;
  onSelect: (code: string | null) => void;
  /** Visible coverage layers, lowest technology first. */
  overlays: readonly MapOverlay[];
  overlayOpacity: number;
  hotspots: { type: 'FeatureCollection'; features: HotspotFeature[] } | null;
  focus: MapFocus | null;
  /** Accessible name of the map. */
  label: string;
  /** MapLibre UI strings (zoom buttons, gesture hints). */
  locale: Record<string, string>;
  tooltipFor: (kind: 'commune' | 'hotspot', code: string, rank: number | null) => MapTooltip | null;
  /** The map cannot be drawn at all (no WebGL, or MapLibre threw). */
  onFatal: (reason: 'webgl' | string) => void;
  /** A layer failed to load (e.g. a coverage PNG); the map keeps working. */
  onLayerError: (message: string) => void;
}

export default function CoverageMap(props: CoverageMapProps) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const [ready, setReady] = useState(false);
  /** The map once its style has loaded (for the label layer, which draws with it). */
  const [loaded, setLoaded] = useState<MapLibreMap | null>(null);
  /** The province (fitKey) the camera was last fitted to. */
  const fitted = useRef<string | null>(null);
  const [tooltip, setTooltip] = useState<(MapTooltip & { x: number; y: number; flip: boolean }) | null>(null);
  const popupRef = useRef<Popup | null>(null);
  const [popup, setPopup] = useState<{ code: string; node: HTMLElement } | null>(null);
  /** The commune whose popup is open, known at once (the selection reaches the props a render later). */
  const popupCode = useRef<string | null>(null);

  const { data, bounds, fitKey, selected, overlays, overlayOpacity, hotspots, focus, label, locale } = props;
  const { baseMap, outline, labelOf } = props;

  const select = useEffectEvent((code: string | null) => props.onSelect(code));
  const fatal = useEffectEvent((reason: string) => props.onFatal(reason));
  const layerError = useEffectEvent((message: string) => props.onLayerError(message));
  const describe = useEffectEvent((feature: MapGeoJSONFeature) => {
    const p = feature.properties as Record<string, unknown>;
    if (feature.layer.id === 'hotspots') {
      return props.tooltipFor('hotspot', String(p.unit ?? ''), typeof p.rank === 'number' ? p.rank : null);
    }
    return props.tooltipFor('commune', String(p.code ?? ''), null);
  });
  const initialLocale = useEffectEvent(() => locale);
  const initialLabel = useEffectEvent(() => label);
  const currentOpacity = useEffectEvent(() => overlayOpacity);
  const initialBaseMap = useEffectEvent(() => baseMap);

  // Create the map once.
  useEffect(() => {
    const node = container.current;
    if (!node) return;
    const base = initialBaseMap();
    const map = createProvinceMap(node, { baseMap: base, locale: initialLocale(), label: initialLabel() }, fatal);
    if (!map) return;
    mapRef.current = map;

    map.on('error', (event) => {
      const message = event.error instanceof Error ? event.error.message : String(event.error ?? 'error');
      layerError(message);
    });
    map.on('load', () => {
      addLayers(map, base !== null);
      setReady(true);
      setLoaded(map);
    });

    // One popup, moved from commune to commune; its content is rendered by React into its own element.
    const popupNode = document.createElement('div');
    popupNode.className = 'map-popup';
    const mapPopup = new Popup({ closeOnClick: false, maxWidth: '280px', focusAfterOpen: true }).setDOMContent(
      popupNode,
    );
    mapPopup.on('close', () => {
      popupCode.current = null;
      setPopup(null);
    });
    popupRef.current = mapPopup;

    const pick = (event: MapMouseEvent) => {
      if (!map.getLayer('communes-fill')) return [];
      return map.queryRenderedFeatures(event.point, { layers: ['hotspots', 'communes-fill'] });
    };
    let hovered: string | number | undefined;
    const setHover = (id: string | number | undefined) => {
      if (hovered === id) return;
      if (hovered !== undefined) map.setFeatureState({ source: 'communes', id: hovered }, { hover: false });
      hovered = id;
      if (id !== undefined) map.setFeatureState({ source: 'communes', id }, { hover: true });
    };
    map.on('mousemove', (event) => {
      const features = pick(event);
      const commune = features.find((f) => f.layer.id === 'communes-fill');
      setHover(commune?.id);
      map.getCanvas().style.cursor = features.length ? 'pointer' : '';
      const top = features[0];
      const text = top ? describe(top) : null;
      const flip = event.point.x > node.clientWidth * 0.6;
      setTooltip(text ? { ...text, x: event.point.x, y: event.point.y, flip } : null);
    });
    map.on('mouseout', () => {
      setHover(undefined);
      setTooltip(null);
    });
    map.on('click', (event) => {
      const features = pick(event);
      const hotspot = features.find((f) => f.layer.id === 'hotspots');
      const commune = features.find((f) => f.layer.id === 'communes-fill');
      const code = hotspot ? hotspot.properties.unit : commune?.properties.code;
      if (typeof code === 'string' && code) {
        popupCode.current = code;
        select(code);
        mapPopup.setLngLat(event.lngLat).addTo(map);
        setPopup({ code, node: popupNode });
        setTooltip(null);
      } else {
        mapPopup.remove();
      }
    });

    return () => {
      mapPopup.remove();
      popupRef.current = null;
      mapRef.current = null;
      fitted.current = null;
      setReady(false);
      setLoaded(null);
      map.remove();
    };
  }, []);

  useEffect(() => {
    mapRef.current?.getCanvas().setAttribute('aria-label', label);
  }, [label]);

  // Communes.
  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    (map.getSource('communes') as GeoJSONSource | undefined)?.setData((data ?? EMPTY) as never);
  }, [ready, data]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    (map.getSource('province') as GeoJSONSource | undefined)?.setData((outline ?? EMPTY) as never);
  }, [ready, outline]);

  // Fit the province when it changes (not when the indicator or period does).
  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map || !bounds || fitted.current === fitKey) return;
    fitted.current = fitKey;
    // A place asked for before the communes arrived (a hot spot chosen early) wins over the province view.
    if (!focus) map.fitBounds(bounds, { padding: 16, animate: false });
  }, [ready, bounds, fitKey, focus]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    map.setFilter('communes-selected', selectedFilter(selected));
    map.setFilter('communes-selected-halo', selectedFilter(selected));
  }, [ready, selected]);

  // Another commune chosen from the list closes the popup of the one tapped before.
  useEffect(() => {
    if (popupCode.current !== null && selected !== popupCode.current) popupRef.current?.remove();
  }, [selected]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    (map.getSource('hotspots') as GeoJSONSource | undefined)?.setData((hotspots ?? EMPTY) as never);
  }, [ready, hotspots]);

  // Coverage PNGs: add, move (a new run) or remove one image source + raster layer per technology and grid.
  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    const wanted = new Set(overlays.map((o) => o.id));
    for (const id of coverageLayerIds(map)) {
      if (wanted.has(id)) continue;
      map.removeLayer(id);
      if (map.getSource(id)) map.removeSource(id);
    }
    for (const overlay of overlays) {
      const { id, url, corners } = overlay;
      const source = map.getSource(id) as ImageSource | undefined;
      if (source) {
        if (source.url !== url) source.updateImage({ url, coordinates: corners });
        continue;
      }
      map.addSource(id, { type: 'image', url, coordinates: corners });
      const above = overlayAbove(overlay, overlays, (other) => map.getLayer(other) !== undefined);
      map.addLayer(
        {
          id,
          type: 'raster',
          source: id,
          paint: { 'raster-opacity': currentOpacity(), 'raster-resampling': 'nearest', 'raster-fade-duration': 0 },
        },
        above ?? 'communes-line',
      );
    }
    map.setPaintProperty('communes-fill', 'fill-opacity', fillOpacity(initialBaseMap() !== null, overlays.length > 0));
  }, [ready, overlays]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    for (const id of coverageLayerIds(map)) map.setPaintProperty(id, 'raster-opacity', overlayOpacity);
  }, [ready, overlayOpacity]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map || !focus) return;
    if (focus.kind === 'point') {
      map.flyTo({ center: [focus.lon, focus.lat], zoom: Math.max(map.getZoom(), 11), essential: false });
    } else {
      map.fitBounds(focus.bbox, { padding: 40, maxZoom: 12 });
    }
  }, [ready, focus]);

  return (
    <div className="map-canvas-wrap">
      <div ref={container} className="map-canvas" />
      {loaded && <CommuneLabelLayer map={loaded} data={data} selected={selected} labelOf={labelOf} />}
      {popup && createPortal(props.renderPopup(popup.code), popup.node)}
      {tooltip && (
        <div
          className="map-tooltip"
          aria-hidden="true"
          style={{
            transform: tooltip.flip
              ? `translate(calc(${Math.round(tooltip.x) - 12}px - 100%), ${Math.round(tooltip.y) + 12}px)`
              : `translate(${Math.round(tooltip.x) + 12}px, ${Math.round(tooltip.y) + 12}px)`,
          }}
        >
          <strong>{tooltip.title}</strong>
          {tooltip.detail && <span>{tooltip.detail}</span>}
        </div>
      )}
    </div>
  );
}
