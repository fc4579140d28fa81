import { PNG } from 'pngjs';
import type { ZoneMap } from '../coverage/zones/rasterize-units.js';

/**
 * Per grid cell of the area, the phase (1, 2, …) in which the plan first covers it, 0 where it was covered
 * already, stays uncovered or lies outside the area: what the map shows and GIS users download.
 */
export function newCoverageByPhase(
  zones: ZoneMap,
  coveredNow: Uint8Array,
  phases: readonly (readonly Uint32Array[])[],
): Uint8Array {
  if (phases.length > 254) throw new Error('newCoverageByPhase: at most 254 phases');
  const inArea = Uint8Array.from(zones.whole, (unit) => (unit >= 0 ? 1 : 0));
  for (const cell of zones.partial.cell) inArea[cell] = 1;
  const phaseOf = new Uint8Array(coveredNow.length);
  phases.forEach((cellLists, p) => {
    for (const cells of cellLists)
      for (let k = 0; k < cells.length; k++) {
        const cell = cells[k]!;
        if (inArea[cell] && !coveredNow[cell] && phaseOf[cell] === 0) phaseOf[cell] = p + 1;
      }
  });
  return phaseOf;
}

/** Colours of phases 1, 2, … (then repeated): from dark to light, so the earlier a cell is covered the darker. */
const PHASE_RGBA: readonly (readonly [number, number, number, number])[] = [
  [123, 31, 162, 200],
  [194, 24, 91, 190],
  [245, 124, 0, 180],
  [251, 192, 45, 170],
  [124, 179, 66, 170],
];

export function phaseColour(phase: number): readonly [number, number, number, number] {
  return PHASE_RGBA[(phase - 1) % PHASE_RGBA.length]!;
}

/** The newly covered cells as a map layer in the grid (place it with the result's corners), transparent elsewhere. */
export function renderNewCoverage(phaseOf: Uint8Array, width: number, height: number): Buffer {
  const png = new PNG({ width, height });
  for (let i = 0; i < phaseOf.length; i++) {
    const phase = phaseOf[i]!;
    if (phase > 0) png.data.set(phaseColour(phase), i * 4);
  }
  return PNG.sync.write(png);
}
