import { cellCentreLonLat } from '../coverage/analysis-grid.js';
import type { PointOfInterest } from './demand.js';
import type { PlanArea } from './plan-inputs.js';

/** Why a place is a priority: the province asked for 5G in border areas and economic zones first. */
export type PriorityKind = 'border' | 'economic_zone';

export interface PriorityPlace {
  unit: number;
  kind: PriorityKind;
  /** The grid cell of the unit's main settlement: the cell wholly inside it with the most people. */
  cell: number;
}

/** Each flagged unit's main settlement (a unit that is both border and economic zone is listed once, as border). */
export function mainSettlements(area: PlanArea, kinds: { border: boolean; economicZone: boolean }): PriorityPlace[] {
  const best = new Int32Array(area.units.length).fill(-1);
  const { whole } = area.zones;
  for (let cell = 0; cell < whole.length; cell++) {
    const unit = whole[cell]!;
    if (unit < 0 || !(area.population[cell]! > 0)) continue;
    const held = best[unit]!;
    if (held < 0 || area.population[cell]! > area.population[held]!) best[unit] = cell;
  }
  const places: PriorityPlace[] = [];
  area.units.forEach((flags, unit) => {
    const cell = best[unit]!;
    if (cell < 0) return;
    if (kinds.border && flags.isBorder) places.push({ unit, kind: 'border', cell });
    else if (kinds.economicZone && flags.isEconomicZone) places.push({ unit, kind: 'economic_zone', cell });
  });
  return places;
}

/** The places as points of interest on their own cell, each worth `weight`. */
export function priorityPoints(area: PlanArea, places: readonly PriorityPlace[], weight: number): PointOfInterest[] {
  return places.map((place) => {
    const x = place.cell % area.grid.width;
    const [lon, lat] = cellCentreLonLat(x, (place.cell - x) / area.grid.width, area.grid);
    return {
      name: area.unitNames[place.unit]!,
      kind: place.kind === 'border' ? 'border settlement' : 'economic-zone settlement',
      lon,
      lat,
      weight,
      radiusM: 0,
    };
  });
}
