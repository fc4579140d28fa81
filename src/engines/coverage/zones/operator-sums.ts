import type { ZoneMap } from './rasterize-units.js';

/**
 * Σ covered people per unit for each operator bit of `masks` and for the union (any bit), splitting shared
 * cells by area as zonalSums does. Flat result: unit u, operator o at u·(operatorCount + 1) + o; the union
 * at u·(operatorCount + 1) + operatorCount. One pass over the cells, whatever the number of operators.
 */
export function zonalOperatorSums(
  zones: ZoneMap,
  population: Float32Array,
  masks: Uint8Array,
  operatorCount: number,
  unitCount: number,
): Float64Array {
  const stride = operatorCount + 1;
  const sums = new Float64Array(unitCount * stride);
  const add = (unit: number, bits: number, people: number) => {
    const at = unit * stride;
    sums[at + operatorCount]! += people;
    for (let o = 0; o < operatorCount; o++) if (bits & (1 << o)) sums[at + o]! += people;
  };
  const { whole, partial } = zones;
  for (let cell = 0; cell < whole.length; cell++) {
    const unit = whole[cell]!;
    const bits = masks[cell]!;
    if (unit < 0 || bits === 0) continue;
    const people = population[cell]!;
    if (people > 0) add(unit, bits, people);
  }
  for (let i = 0; i < partial.cell.length; i++) {
    const cell = partial.cell[i]!;
    const bits = masks[cell]!;
    if (bits === 0) continue;
    const people = population[cell]! * partial.share[i]!;
    if (people > 0) add(partial.unit[i]!, bits, people);
  }
  return sums;
}
