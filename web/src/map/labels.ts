/**
 * Commune names on the map, from the app's own boundaries (no glyph or tile server): where to put each name and
 * which names fit without overlapping at the current zoom. Pure functions; CoverageMap draws the result.
 */
import type { PolygonGeometry, Position } from '../api/types.js';

/** Signed area (×2) and centroid of a ring (shoelace); longitude/latitude are close enough to planar here. */
function ringCentroid(ring: readonly Position[]): { area: number; x: number; y: number } {
  let area = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x0, y0] = ring[j]!;
    const [x1, y1] = ring[i]!;
    const cross = x0 * y1 - x1 * y0;
    area += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  if (area === 0) {
    const n = ring.length || 1;
    return { area: 0, x: ring.reduce((s, p) => s + p[0], 0) / n, y: ring.reduce((s, p) => s + p[1], 0) / n };
  }
  return { area: Math.abs(area), x: cx / (3 * area), y: cy / (3 * area) };
}

/** Where a unit's name goes: the centroid of its largest polygon's outer ring; null without geometry. */
export function labelAnchor(geometry: PolygonGeometry | null): Position | null {
  if (!geometry) return null;
  const outers = geometry.type === 'Polygon' ? [geometry.coordinates[0]] : geometry.coordinates.map((p) => p[0]);
  let best: { area: number; x: number; y: number } | null = null;
  for (const ring of outers) {
    if (!ring || ring.length < 3) continue;
    const c = ringCentroid(ring);
    if (!best || c.area > best.area) best = c;
  }
  return best && Number.isFinite(best.x) && Number.isFinite(best.y) ? [best.x, best.y] : null;
}

/** The name without its unit type, which every label would repeat: 'Xã Ia O' → 'Ia O', 'Quy Nhơn Ward' → 'Quy Nhơn'. */
export function shortUnitName(name: string): string {
  const short = name
    .replace(/^(Xã|Phường|Đặc khu|Thị trấn)\s+/u, '')
    .replace(/\s+(Commune|Ward|Special Zone|Township)$/u, '')
    .trim();
  return short || name;
}

export interface LabelCandidate {
  code: string;
  text: string;
  /** Screen position, pixels. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Higher is placed first (the selected commune, then larger ones). */
  priority: number;
}

/**
 * Greedy placement: candidates by priority, each kept when its box (with `gap` pixels around it) overlaps no
 * kept box and lies inside the viewport. Returns the kept ones.
 */
export function placeLabels<Label extends LabelCandidate>(
  candidates: readonly Label[],
  viewport: { width: number; height: number },
  gap = 4,
): Label[] {
  const kept: Label[] = [];
  const sorted = [...candidates].sort((a, b) => b.priority - a.priority || a.code.localeCompare(b.code));
  for (const c of sorted) {
    const left = c.x - c.width / 2;
    const top = c.y - c.height / 2;
    if (left < 0 || top < 0 || left + c.width > viewport.width || top + c.height > viewport.height) continue;
    const overlaps = kept.some(
      (k) =>
        Math.abs(k.x - c.x) * 2 < k.width + c.width + 2 * gap &&
        Math.abs(k.y - c.y) * 2 < k.height + c.height + 2 * gap,
    );
    if (!overlaps) kept.push(c);
  }
  return kept;
}
