import type { GridSpec } from '../coverage/raster/raster.js';
import type { ZoneMap } from '../coverage/zones/rasterize-units.js';
import { toGridCell } from '../coverage/analysis-grid.js';

/**
 * How much more a person counts where the province asked for 5G first (DOMAIN.md §4: w = pop·(1 + α·EZ +
 * β·border)). Parameters of a scenario, shown with its result.
 */
export interface DemandWeights {
  /** α: extra weight of a person in an economic-zone commune (0 = none). */
  economicZone: number;
  /** β: extra weight of a person in a border commune. */
  border: number;
}

export const DEFAULT_DEMAND_WEIGHTS: DemandWeights = { economicZone: 1, border: 1 };

/** A school, health station, market or industrial park: its weight is shared by the cells within its radius. */
export interface PointOfInterest {
  name: string;
  kind: string;
  lon: number;
  lat: number;
  /** People-equivalents the place is worth when every cell within its radius is covered. */
  weight: number;
  radiusM: number;
}

export interface UnitFlags {
  isBorder: boolean;
  isEconomicZone: boolean;
}

/** The area the demand lives on: the analysis grid, people per cell, the communes burnt in and their flags. */
export interface DemandArea {
  grid: GridSpec;
  population: Float32Array;
  zones: ZoneMap;
  /** Per unit of the zone map. */
  units: readonly UnitFlags[];
}

/** Per cell, the mean weight factor of the units holding it (shares by area); 0 outside every unit. */
export function cellWeightFactors(area: DemandArea, weights: DemandWeights): Float32Array {
  const unitFactor = area.units.map(
    (u) => 1 + (u.isEconomicZone ? weights.economicZone : 0) + (u.isBorder ? weights.border : 0),
  );
  const { whole, partial } = area.zones;
  const factor = new Float32Array(whole.length);
  for (let cell = 0; cell < whole.length; cell++) {
    const unit = whole[cell]!;
    if (unit >= 0) factor[cell] = unitFactor[unit]!;
  }
  for (let i = 0; i < partial.cell.length; i++)
    factor[partial.cell[i]!]! += partial.share[i]! * unitFactor[partial.unit[i]!]!;
  return factor;
}

/** Per cell, the share of the area's units in it (1 inside, the summed shares on a boundary, 0 outside). */
function areaShare(zones: ZoneMap): Float32Array {
  const share = Float32Array.from(zones.whole, (unit) => (unit >= 0 ? 1 : 0));
  for (let i = 0; i < zones.partial.cell.length; i++) share[zones.partial.cell[i]!]! += zones.partial.share[i]!;
  return share;
}

/**
 * The demand a plan can win: per cell of the grid, people × the weight factor, plus each point of interest's
 * weight shared equally by the cells of the area within its radius, and 0 where the technology already
 * covers the cell (`coveredNow`, 1 per covered cell) or outside the area.
 */
export function demandWeightsPerCell(
  area: DemandArea,
  weights: DemandWeights,
  points: readonly PointOfInterest[],
  coveredNow: Uint8Array,
): Float64Array {
  const { grid, population } = area;
  const factor = cellWeightFactors(area, weights);
  const share = areaShare(area.zones);
  const demand = new Float64Array(population.length);
  for (let cell = 0; cell < demand.length; cell++) {
    const people = population[cell]!;
    if (people > 0 && !coveredNow[cell]) demand[cell] = people * factor[cell]!;
  }
  for (const point of points) {
    const cells = cellsWithin(grid, point, share);
    if (cells.length === 0) continue;
    const each = point.weight / cells.length;
    for (const cell of cells) if (!coveredNow[cell]) demand[cell]! += each;
  }
  return demand;
}

/** The cells of the area whose centre lies within the point's radius (the cell under it when none does). */
function cellsWithin(grid: GridSpec, point: PointOfInterest, share: Float32Array): number[] {
  const { x, y } = toGridCell(point.lon, point.lat, grid);
  const r = point.radiusM / grid.cellSizeM;
  const cells: number[] = [];
  for (let row = Math.max(0, Math.ceil(y - r)); row <= Math.min(grid.height - 1, Math.floor(y + r)); row++) {
    for (let col = Math.max(0, Math.ceil(x - r)); col <= Math.min(grid.width - 1, Math.floor(x + r)); col++) {
      const cell = row * grid.width + col;
      if ((col - x) ** 2 + (row - y) ** 2 <= r * r && share[cell]! > 0) cells.push(cell);
    }
  }
  const col = Math.round(x);
  const row = Math.round(y);
  if (cells.length === 0 && col >= 0 && row >= 0 && col < grid.width && row < grid.height) {
    const cell = row * grid.width + col;
    if (share[cell]! > 0) cells.push(cell);
  }
  return cells;
}
