export interface GridCell {
  population: number;
  covered: boolean;
}

/** Population-weighted, so a covered empty hillside adds nothing. */
export function coveredShare(cells: readonly GridCell[]): number | null {
  let total = 0;
  let covered = 0;
  for (const cell of cells) {
    total += cell.population;
    if (cell.covered) covered += cell.population;
  }
  return total === 0 ? null : covered / total; // no residents: no share (not 0, not NaN)
}

/** Planar coordinates in metres (a projected CRS such as VN-2000 / TM-3), as [x, y]. */
export type PlanarRing = readonly (readonly [number, number])[];
/** Outer ring first, then holes; any winding. */
export type PlanarPolygon = readonly PlanarRing[];

/** Shoelace area, unsigned (m²). */
export function ringAreaM2(ring: PlanarRing): number {
  return Math.abs(signedArea(ring));
}

function signedArea(ring: PlanarRing): number {
  let twice = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    twice += ring[j]![0] * ring[i]![1] - ring[i]![0] * ring[j]![1];
  }
  return twice / 2;
}

/**
 * Sutherland–Hodgman: the part of `subject` (any simple ring, convex or not) inside the convex `window`.
 * Where the subject leaves and re-enters, the output joins the pieces along the window's edge with
 * zero-width bridges: wrong as a drawing, exact for the shoelace area, which is all it is used for.
 */
function clipToConvex(subject: PlanarRing, window: PlanarRing, windowSign: number): PlanarRing {
  let output: (readonly [number, number])[] = [...subject];
  for (let e = 0; e < window.length && output.length > 0; e++) {
    const [ax, ay] = window[e]!;
    const [bx, by] = window[(e + 1) % window.length]!;
    // > 0 on the inner side of edge a→b, whatever the window's winding.
    const side = (p: readonly [number, number]) => windowSign * ((bx - ax) * (p[1] - ay) - (by - ay) * (p[0] - ax));
    const input = output;
    output = [];
    for (let i = 0; i < input.length; i++) {
      const current = input[i]!;
      const previous = input[(i + input.length - 1) % input.length]!;
      const sc = side(current);
      const sp = side(previous);
      if (sc >= 0) {
        if (sp < 0) output.push(crossing(previous, current, sp, sc));
        output.push(current);
      } else if (sp >= 0) output.push(crossing(previous, current, sp, sc));
    }
  }
  return output;
}

function crossing(
  p: readonly [number, number],
  q: readonly [number, number],
  sp: number,
  sq: number,
): [number, number] {
  const t = sp / (sp - sq);
  return [p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])];
}

/**
 * Share (0–1) of a pixel's area inside a unit, for splitting a boundary pixel's people by area rather
 * than by centroid (DOMAIN.md §1). The pixel is any convex ring (a square, or its reprojection); the
 * unit is a multipolygon (pass one polygon as [polygon]) whose parts do not overlap. Each ring is
 * clipped to the pixel, holes subtracted.
 */
export function pixelAreaFractionInside(pixel: PlanarRing, unit: readonly PlanarPolygon[]): number {
  const pixelSigned = signedArea(pixel);
  const pixelArea = Math.abs(pixelSigned);
  if (pixelArea === 0) return 0;
  const windowSign = Math.sign(pixelSigned);
  const box = boundingBox(pixel);
  const clippedArea = (ring: PlanarRing) => {
    if (ring.length < 3) return 0;
    const r = boundingBox(ring); // most rings of a commune miss a given pixel: skip the clipping
    if (r.xMin >= box.xMax || r.xMax <= box.xMin || r.yMin >= box.yMax || r.yMax <= box.yMin) return 0;
    return ringAreaM2(clipToConvex(ring, pixel, windowSign));
  };
  let inside = 0;
  for (const polygon of unit) {
    polygon.forEach((ring, r) => (inside += r === 0 ? clippedArea(ring) : -clippedArea(ring)));
  }
  return Math.min(1, Math.max(0, inside / pixelArea)); // clamps rounding only
}

function boundingBox(ring: PlanarRing): { xMin: number; xMax: number; yMin: number; yMax: number } {
  let xMin = Infinity;
  let xMax = -Infinity;
  let yMin = Infinity;
  let yMax = -Infinity;
  for (const [x, y] of ring) {
    if (x < xMin) xMin = x;
    if (x > xMax) xMax = x;
    if (y < yMin) yMin = y;
    if (y > yMax) yMax = y;
  }
  return { xMin, xMax, yMin, yMax };
}
