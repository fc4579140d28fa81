/**
 * The sites' build-order numbers drawn on a canvas above the map, redrawn with every frame (MapLibre's text
 * layers would need a glyph server). Numbers that would overlap are left out, earlier sites' first kept.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import { placeLabels, type LabelCandidate } from '../../map/labels.js';
import type { PlannedSite } from './planner-api.js';

const FONT = '700 11px system-ui, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif';
const HEIGHT = 12;

export function SiteNumberLayer({ map, sites }: { map: MapLibreMap; sites: readonly PlannedSite[] }) {
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const node = canvas.current;
    const context = node?.getContext('2d');
    if (!node || !context) return;
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
      context.font = FONT;
      const candidates: LabelCandidate[] = sites.map((site) => {
        const point = map.project([site.lon, site.lat]);
        const text = String(site.order);
        return {
          code: site.code,
          text,
          x: point.x,
          y: point.y,
          width: context.measureText(text).width + 2,
          height: HEIGHT,
          priority: -site.order,
        };
      });
      context.textAlign = 'center';
      context.textBaseline = 'middle';
      context.lineJoin = 'round';
      for (const label of placeLabels(candidates, { width, height }, 1)) {
        context.lineWidth = 2.5;
        context.strokeStyle = 'rgba(0, 0, 0, 0.55)';
        context.strokeText(label.text, label.x, label.y);
        context.fillStyle = '#ffffff';
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
  }, [map, sites]);

  return createPortal(<canvas ref={canvas} className="map-labels" aria-hidden="true" />, map.getCanvasContainer());
}
