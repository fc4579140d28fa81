/**
 * Commune names drawn on a canvas above the MapLibre canvas, redrawn with every frame: MapLibre's own text
 * layers would need a glyph server, which an offline map does not have. Names that would overlap are left out,
 * the selected commune's first, then the largest communes'.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useMemo, useRef } from 'react';
import { createPortal } from 'react-dom';
import type { BoundaryCollection, BoundaryFeature } from '../api/types.js';
import { bboxOf } from './geo.js';
import { labelAnchor, placeLabels, shortUnitName, type LabelCandidate } from './labels.js';

const FONT = '600 12px system-ui, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif';
const LINE_HEIGHT = 14;
/** Below this zoom the province fills a phone and names would cover the colours. */
const MIN_ZOOM = 7.2;

interface Anchor {
  code: string;
  text: string;
  lon: number;
  lat: number;
  /** Degrees², for the placement order. */
  size: number;
}

export interface CommuneLabelLayerProps {
  map: MapLibreMap;
  data: BoundaryCollection | null;
  selected: string | null;
  labelOf: (properties: BoundaryFeature['properties']) => string;
}

export function CommuneLabelLayer({ map, data, selected, labelOf }: CommuneLabelLayerProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const anchors = useMemo<Anchor[]>(() => {
    const list: Anchor[] = [];
    for (const feature of data?.features ?? []) {
      const at = labelAnchor(feature.geometry);
      const box = bboxOf({ type: 'FeatureCollection', features: [feature] });
      if (!at || !box) continue;
      const text = shortUnitName(labelOf(feature.properties));
      list.push({
        code: feature.properties.code,
        text,
        lon: at[0],
        lat: at[1],
        size: (box[2] - box[0]) * (box[3] - box[1]),
      });
    }
    return list;
  }, [data, labelOf]);

  useEffect(() => {
    const node = canvas.current;
    const context = node?.getContext('2d');
    if (!node || !context) return;
    const widths = new Map<string, number>();
    const draw = () => {
      const frame = map.getCanvas();
      const width = frame.clientWidth;
      const height = frame.clientHeight;
      const ratio = window.devicePixelRatio || 1;
      if (node.width !== Math.round(width * ratio) || node.height !== Math.round(height * ratio)) {
        node.width = Math.round(width * ratio);
        node.height = Math.round(height * ratio);
        node.style.width = `${width}px`;
        node.style.height = `${height}px`;
      }
      context.setTransform(ratio, 0, 0, ratio, 0, 0);
      context.clearRect(0, 0, width, height);
      if (map.getZoom() < MIN_ZOOM && !selected) return;
      context.font = FONT;
      const candidates: LabelCandidate[] = [];
      for (const a of anchors) {
        if (map.getZoom() < MIN_ZOOM && a.code !== selected) continue;
        const point = map.project([a.lon, a.lat]);
        let textWidth = widths.get(a.text);
        if (textWidth === undefined) {
          textWidth = context.measureText(a.text).width;
          widths.set(a.text, textWidth);
        }
        candidates.push({
          code: a.code,
          text: a.text,
          x: point.x,
          y: point.y,
          width: textWidth + 6,
          height: LINE_HEIGHT,
          priority: a.code === selected ? Number.MAX_VALUE : a.size,
        });
      }
      context.textAlign = 'center';
      context.textBaseline = 'middle';
      context.lineJoin = 'round';
      for (const label of placeLabels(candidates, { width, height })) {
        context.lineWidth = 3;
        context.strokeStyle = 'rgba(255, 255, 255, 0.92)';
        context.strokeText(label.text, label.x, label.y);
        context.fillStyle = label.code === selected ? '#8a2f00' : '#1b2430';
        context.fillText(label.text, label.x, label.y);
      }
    };
    draw();
    map.on('render', draw);
    map.on('resize', draw);
    return () => {
      map.off('render', draw);
      map.off('resize', draw);
    };
  }, [map, anchors, selected]);

  // Inside MapLibre's canvas container, right after its canvas: above the map, below popups and controls.
  return createPortal(<canvas ref={canvas} className="map-labels" aria-hidden="true" />, map.getCanvasContainer());
}
