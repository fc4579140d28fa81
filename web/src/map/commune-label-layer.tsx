/**
 * Commune names on the map's label canvas. Names that would overlap are left out, the selected commune's first,
 * then the largest communes'.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useCallback, useMemo } from 'react';
import type { BoundaryCollection, BoundaryFeature } from '../api/types.js';
import { bboxOf } from './geo.js';
import { LabelCanvas, type FrameLabels, type LabelLook, type PaintedLabel } from './label-canvas.js';
import { labelAnchor, shortUnitName } from './labels.js';

const LOOK: LabelLook = {
  font: '600 12px system-ui, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif',
  gap: 4,
  haloWidth: 3,
  haloColour: 'rgba(255, 255, 255, 0.92)',
};
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

  const labels = useCallback<FrameLabels>(
    (measure) => {
      const zoomedOut = map.getZoom() < MIN_ZOOM;
      if (zoomedOut && !selected) return [];
      const candidates: PaintedLabel[] = [];
      for (const a of anchors) {
        if (zoomedOut && a.code !== selected) continue;
        const point = map.project([a.lon, a.lat]);
        candidates.push({
          code: a.code,
          text: a.text,
          x: point.x,
          y: point.y,
          width: measure(a.text) + 6,
          height: LINE_HEIGHT,
          priority: a.code === selected ? Number.MAX_VALUE : a.size,
          colour: a.code === selected ? '#8a2f00' : '#1b2430',
        });
      }
      return candidates;
    },
    [map, anchors, selected],
  );
  return <LabelCanvas map={map} look={LOOK} labels={labels} />;
}
