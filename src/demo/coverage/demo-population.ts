/**
 * DEMO ONLY — a synthetic population raster for the demo province's coverage scenario (not WorldPop,
 * not a census): people per grid cell, summing exactly (within a person) to each demo commune's
 * population under the area-share zonal sums the coverage engine uses.
 *
 * Settlement pattern: a ward is a town, dense around its centroid (a Gaussian core plus one or two
 * secondary quarters); a rural commune is a handful of village clusters placed on its lower, flatter
 * ground (best of several random candidates), plus a thin rural background that also thins out on
 * steep and high ground. Cells outside every commune hold nobody.
 */
import { zonalSums, type ZoneMap } from '../../engines/coverage/zones/rasterize-units.js';
import type { GridSpec } from '../../engines/coverage/raster/raster.js';
import { mulberry32, randomIndex, uniform, type Random } from '../seeded-random.js';

export const DEMO_POPULATION_SEED = 3583693;

/** What the raster needs from a demo commune (`DemoUnit` has all of it). */
export interface PopulationUnit {
  code: string;
  unitType: string;
  population: number;
}

/** Cells of one unit: index and the share of the cell's area inside the unit. */
interface UnitCells {
  cells: number[];
  shares: number[];
  /** Area-weighted centre, in cells. */
  cx: number;
  cy: number;
}

function cellsByUnit(zones: ZoneMap, unitCount: number): UnitCells[] {
  const out: UnitCells[] = Array.from({ length: unitCount }, () => ({ cells: [], shares: [], cx: 0, cy: 0 }));
  const add = (cell: number, unit: number, share: number) => {
    const u = out[unit]!;
    u.cells.push(cell);
    u.shares.push(share);
  };
  zones.whole.forEach((unit, cell) => {
    if (unit >= 0) add(cell, unit, 1);
  });
  zones.partial.cell.forEach((cell, i) => add(cell, zones.partial.unit[i]!, zones.partial.share[i]!));
  for (const u of out) {
    let area = 0;
    u.cells.forEach((cell, i) => {
      u.cx += (cell % zones.width) * u.shares[i]!;
      u.cy += Math.floor(cell / zones.width) * u.shares[i]!;
      area += u.shares[i]!;
    });
    u.cx /= area || 1;
    u.cy /= area || 1;
  }
  return out;
}

/** Slope (rise over run) at each cell by central differences. */
function slopes(dem: Float32Array, width: number, height: number, cellSizeM: number): Float32Array {
  const out = new Float32Array(dem.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const l = dem[y * width + Math.max(0, x - 1)]!;
      const r = dem[y * width + Math.min(width - 1, x + 1)]!;
      const u = dem[Math.max(0, y - 1) * width + x]!;
      const d = dem[Math.min(height - 1, y + 1) * width + x]!;
      out[y * width + x] = Math.hypot(r - l, d - u) / (2 * cellSizeM);
    }
  }
  return out;
}

interface Cluster {
  x: number;
  y: number;
  sigmaCells: number;
  weight: number;
}

/** Density over one unit's cells (arbitrary scale), before fitting to its population. */
function unitDensity(
  unit: PopulationUnit,
  cells: UnitCells,
  grid: GridSpec,
  dem: Float32Array,
  slope: Float32Array,
  random: Random,
): Float64Array {
  const km = 1000 / grid.cellSizeM; // cells per km
  const n = cells.cells.length;
  const density = new Float64Array(n);
  if (n === 0) return density;
  let low = Infinity;
  let high = -Infinity;
  for (const cell of cells.cells) {
    low = Math.min(low, dem[cell]!);
    high = Math.max(high, dem[cell]!);
  }
  const relief = Math.max(1, high - low);
  // Habitability: lower and flatter is better (1 on the flattest valley floor, → 0 on steep high ground).
  const habitable = (cell: number) => Math.max(0.02, 1 - (dem[cell]! - low) / relief) * Math.exp(-slope[cell]! / 0.12);
  const clusters: Cluster[] = [];
  const ward = unit.unitType === 'ward';
  if (ward) {
    clusters.push({ x: cells.cx, y: cells.cy, sigmaCells: uniform(random, 1.6, 2.6) * km, weight: 1 });
    const quarters = 1 + randomIndex(random, 2);
    for (let q = 0; q < quarters; q++) {
      const angle = uniform(random, 0, 2 * Math.PI);
      const r = uniform(random, 2.5, 4.5) * km;
      const sigma = uniform(random, 0.6, 1.1) * km;
      clusters.push({
        x: cells.cx + r * Math.cos(angle),
        y: cells.cy + r * Math.sin(angle),
        sigmaCells: sigma,
        weight: 0.25,
      });
    }
  } else {
    const villages = 3 + randomIndex(random, 4);
    for (let v = 0; v < villages; v++) {
      let best = -Infinity;
      let at = cells.cells[0]!;
      for (let c = 0; c < 12; c++) {
        const cell = cells.cells[randomIndex(random, n)]!;
        const x = cell % grid.width;
        const y = Math.floor(cell / grid.width);
        const spacing = Math.min(2, ...clusters.map((k) => Math.hypot(k.x - x, k.y - y) / (2.5 * km)));
        const score = habitable(cell) + 0.5 * spacing + uniform(random, 0, 0.3);
        if (score > best) {
          best = score;
          at = cell;
        }
      }
      clusters.push({
        x: at % grid.width,
        y: Math.floor(at / grid.width),
        sigmaCells: uniform(random, 0.35, 0.8) * km,
        weight: v === 0 ? 2 : uniform(random, 0.5, 1.2), // the first is the commune centre
      });
    }
  }
  // Per-cell: clusters (normalised so each one's weight is its share) + a background on habitable ground.
  const backgroundShare = ward ? 0.04 : 0.08;
  let clusterSum = 0;
  let backgroundSum = 0;
  const background = new Float64Array(n);
  cells.cells.forEach((cell, i) => {
    const x = cell % grid.width;
    const y = Math.floor(cell / grid.width);
    let d = 0;
    for (const k of clusters) {
      const r2 = ((x - k.x) ** 2 + (y - k.y) ** 2) / (k.sigmaCells * k.sigmaCells);
      if (r2 < 25) d += (k.weight * Math.exp(-r2 / 2)) / (k.sigmaCells * k.sigmaCells);
    }
    density[i] = d * cells.shares[i]!;
    background[i] = habitable(cell) * cells.shares[i]!;
    clusterSum += density[i]!;
    backgroundSum += background[i]!;
  });
  for (let i = 0; i < n; i++) {
    density[i] =
      (1 - backgroundShare) * (density[i]! / (clusterSum || 1)) + backgroundShare * (background[i]! / backgroundSum);
  }
  return density;
}

/**
 * People per cell of `grid`. `zones` is the unit zone map (`rasterizeUnits` over the units' boundaries,
 * in the order of `units`). Deterministic for a given seed.
 */
export function demoPopulation(
  grid: GridSpec,
  dem: Float32Array,
  zones: ZoneMap,
  units: readonly PopulationUnit[],
  seed = DEMO_POPULATION_SEED,
): Float32Array {
  const random = mulberry32(seed);
  const byUnit = cellsByUnit(zones, units.length);
  const slope = slopes(dem, grid.width, grid.height, grid.cellSizeM);
  // Density per cell, summed over the units sharing it (each already weighted by its area share).
  const density = new Float64Array(grid.width * grid.height);
  units.forEach((unit, u) => {
    const cells = byUnit[u]!;
    const d = unitDensity(unit, cells, grid, dem, slope, random);
    cells.cells.forEach((cell, i) => {
      density[cell]! += (d[i]! * unit.population) / (cells.shares[i]! || 1);
    });
  });
  return fitToUnits(Float32Array.from(density), zones, units, byUnit);
}

/**
 * Scales cells until each unit's area-share sum equals its population: a few rounds of iterative
 * proportional fitting (a cell shared by units takes the share-weighted mean of their factors), then an
 * exact last step on the cells wholly inside each unit, which no other unit sees.
 */
function fitToUnits(
  population: Float32Array,
  zones: ZoneMap,
  units: readonly PopulationUnit[],
  byUnit: readonly UnitCells[],
): Float32Array {
  const target = units.map((u) => u.population);
  const { partial } = zones;
  for (let round = 0; round < 8; round++) {
    const sums = zonalSums(zones, population, null, units.length).population;
    const factor = target.map((p, u) => (sums[u]! > 0 ? p / sums[u]! : 1));
    const num = new Float64Array(population.length);
    const den = new Float64Array(population.length);
    for (let i = 0; i < partial.cell.length; i++) {
      num[partial.cell[i]!]! += partial.share[i]! * factor[partial.unit[i]!]!;
      den[partial.cell[i]!]! += partial.share[i]!;
    }
    for (let cell = 0; cell < population.length; cell++) {
      const unit = zones.whole[cell]!;
      if (unit >= 0) population[cell]! *= factor[unit]!;
      else if (den[cell]! > 0) population[cell]! *= num[cell]! / den[cell]!;
      else population[cell] = 0; // outside the province
    }
  }
  const sums = zonalSums(zones, population, null, units.length).population;
  units.forEach((unit, u) => {
    const cells = byUnit[u]!;
    let whole = 0;
    cells.cells.forEach((cell, i) => {
      if (cells.shares[i] === 1 && zones.whole[cell] === u) whole += population[cell]!;
    });
    const residual = unit.population - sums[u]!;
    if (whole <= 0) throw new Error(`demo population: unit ${unit.code} has no inner cell to hold its people`);
    const scale = 1 + residual / whole;
    cells.cells.forEach((cell, i) => {
      if (cells.shares[i] === 1 && zones.whole[cell] === u) population[cell]! *= scale;
    });
  });
  return population;
}
