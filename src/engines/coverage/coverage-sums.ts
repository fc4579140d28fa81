import type { Technology } from '../../domain/coverage/technology.js';
import type { GridSpec } from './raster/raster.js';
import { zonalSums, type ZoneMap } from './zones/rasterize-units.js';
import { zonalOperatorSums } from './zones/operator-sums.js';
import { uncoveredHotspots, type Hotspot } from './hotspots.js';

/** What the sums read: the grid (a whole grid or a tile), its people and its units. */
export interface SumInputs {
  grid: GridSpec;
  population: Float32Array;
  zones: ZoneMap;
  unitCodes: readonly string[];
  technologies: readonly Technology[];
}

/**
 * Per unit its people and, per technology, its covered people per operator and for the union (see
 * zonalOperatorSums), and the main operator's hot spots (blocks of about 1 km with the most people left uncovered).
 */
export function coverageSums(
  inputs: SumInputs,
  coveredMask: Partial<Record<Technology, Uint8Array>>,
  operatorCount: number,
): {
  population: Float64Array;
  sums: Partial<Record<Technology, Float64Array>>;
  hotspots: Partial<Record<Technology, Hotspot[]>>;
} {
  const { grid } = inputs;
  const cells = grid.width * grid.height;
  const unitCount = inputs.unitCodes.length;
  const population = zonalSums(inputs.zones, inputs.population, null, unitCount).population;
  const sums: Partial<Record<Technology, Float64Array>> = {};
  const hotspots: Partial<Record<Technology, Hotspot[]>> = {};
  for (const tech of inputs.technologies) {
    const mask = coveredMask[tech] ?? new Uint8Array(cells);
    sums[tech] = zonalOperatorSums(inputs.zones, inputs.population, mask, operatorCount, unitCount);
    hotspots[tech] = uncoveredHotspots(
      grid,
      inputs.population,
      inputs.zones,
      inputs.unitCodes,
      (cell) => (mask[cell]! & 1) === 1,
    );
  }
  return { population, sums, hotspots };
}
