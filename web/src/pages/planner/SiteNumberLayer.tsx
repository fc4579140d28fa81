/**
 * The sites' build-order numbers drawn on a canvas above the map (MapLibre's text layers would need a glyph
 * server). Numbers that would overlap are left out, earlier sites' first kept.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useCallback } from 'react';
import { LabelCanvas, type FrameLabels, type LabelLook } from '../../map/label-canvas.js';
import type { PlannedSite } from './planner-api.js';

const LOOK: LabelLook = {
  font: '700 11px system-ui, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif',
  gap: 1,
  haloWidth: 2.5,
  haloColour: 'rgba(0, 0, 0, 0.55)',
};
const HEIGHT = 12;

export function SiteNumberLayer({ map, sites }: { map: MapLibreMap; sites: readonly PlannedSite[] }) {
  const labels = useCallback<FrameLabels>(
    (measure) =>
      sites.map((site) => {
        const point = map.project([site.lon, site.lat]);
        const text = String(site.order);
        return {
          code: site.code,
          text,
          x: point.x,
          y: point.y,
          width: measure(text) + 2,
          height: HEIGHT,
          priority: -site.order,
          colour: '#ffffff',
        };
      }),
    [map, sites],
  );
  return <LabelCanvas map={map} look={LOOK} labels={labels} />;
}
