import type { GridSpec } from './raster/raster.js';
import type { ZoneMap } from './zones/rasterize-units.js';
import { cellCentreLonLat } from './analysis-grid.js';

export interface Hotspot {
  unit: string;
  /** People living in the block and not covered. */
  people: number;
  lon: number;
  lat: number;
}

/**
 * Where the uncovered people live: the grid is cut into blocks of about `blockM` metres, uncovered people
 * are summed per unit and block, and each unit's largest blocks are returned (most people first).
 */
export function uncoveredHotspots(
  grid: GridSpec,
  population: Float32Array,
  zones: ZoneMap,
  unitCodes: readonly string[],
  covered: (cell: number) => boolean,
  options: { blockM?: number; perUnit?: number; minPeople?: number } = {},
): Hotspot[] {
  const blockCells = Math.max(1, Math.round((options.blockM ?? 1000) / grid.cellSizeM));
  const blocksWide = Math.ceil(grid.width / blockCells);
  const sums = new Map<number, Map<number, number>>(); // unit → block → people
  const add = (unit: number, cell: number, people: number) => {
    if (!(people > 0) || covered(cell)) return;
    const row = Math.floor(cell / grid.width);
    const col = cell - row * grid.width;
    const block = Math.floor(row / blockCells) * blocksWide + Math.floor(col / blockCells);
    let blocks = sums.get(unit);
    if (!blocks) sums.set(unit, (blocks = new Map()));
    blocks.set(block, (blocks.get(block) ?? 0) + people);
  };
  for (let cell = 0; cell < zones.whole.length; cell++)
    if (zones.whole[cell]! >= 0) add(zones.whole[cell]!, cell, population[cell]!);
  for (let i = 0; i < zones.partial.cell.length; i++)
    add(zones.partial.unit[i]!, zones.partial.cell[i]!, population[zones.partial.cell[i]!]! * zones.partial.share[i]!);
  const hotspots: Hotspot[] = [];
  for (const [unit, blocks] of sums) {
    const top = [...blocks]
      .filter(([, people]) => people >= (options.minPeople ?? 1))
      .sort((a, b) => b[1] - a[1])
      .slice(0, options.perUnit ?? 3);
    for (const [block, people] of top) {
      const bx = (block % blocksWide) * blockCells + blockCells / 2 - 0.5;
      const by = Math.floor(block / blocksWide) * blockCells + blockCells / 2 - 0.5;
      const [lon, lat] = cellCentreLonLat(Math.min(bx, grid.width - 1), Math.min(by, grid.height - 1), grid);
      hotspots.push({ unit: unitCodes[unit]!, people: Math.round(people), lon, lat });
    }
  }
  return hotspots.sort((a, b) => b.people - a.people);
}
