/**
 * Choropleth classes for the map: quantile breaks, a sequential palette and the legend's ranges.
 * Pure functions (no MapLibre, no DOM) so they are easy to test.
 */
import type { BoundaryCollection, BoundaryFeature } from '../api/types.js';

/** Sequential light-to-dark palette (ColorBrewer GnBu, 5 classes): more coverage is darker. */
export const SEQUENTIAL_PALETTE = ['#f0f9e8', '#bae4bc', '#7bccc4', '#43a2ca', '#0868ac'] as const;

/** Fill for a unit without a value. */
export const NO_DATA_COLOR = '#d5d9e0';

export const DEFAULT_CLASSES = SEQUENTIAL_PALETTE.length;

function roundTo(value: number, decimals: number): number {
  const f = 10 ** Math.min(6, Math.max(0, Math.trunc(decimals)));
  return Math.round(value * f) / f;
}

/** The q-quantile (0–1) of sorted values, linear between neighbours (R type 7). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  return a + (b - a) * (pos - lo);
}

/**
 * Inner class breaks (at most `classes - 1`, ascending, distinct) splitting the finite values into classes of
 * about equal size. Breaks are rounded to `decimals` — the digits the legend shows — so that a value is classed
 * exactly as its label reads. Breaks at or below the minimum (which would leave the first class empty) are
 * dropped. No values, or all values equal: no breaks (one class).
 */
export function quantileBreaks(
  values: readonly (number | null | undefined)[],
  classes: number,
  decimals: number,
  separateMinimum = false,
): number[] {
  const sorted = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0 || classes < 2) return [];
  const min = sorted[0]!;
  const breaks: number[] = [];
  for (let i = 1; i < classes; i++) {
    const b = roundTo(quantile(sorted, i / classes), decimals);
    if (b > min && (breaks.length === 0 || b > breaks[breaks.length - 1]!)) breaks.push(b);
  }
  // Counts with many units at the minimum (116 communes without a 5G station, 19 with one to seven): the
  // quantiles fall on it and every other unit ends up in one class. Asked to, the minimum gets a class of its
  // own and the units above it are split among the others.
  const atMin = sorted.findIndex((v) => v > min);
  if (separateMinimum && atMin > sorted.length / classes) {
    const first = roundTo(sorted[atMin]!, decimals);
    if (first > min && breaks[0] !== first) {
      const rest = quantileBreaks(sorted.slice(atMin), classes - 1, decimals).filter((b) => b > first);
      return [first, ...rest];
    }
  }
  return breaks;
}

/** The class of a value: 0 below the first break, i for `breaks[i-1] <= value < breaks[i]`; -1 for no value. */
export function classify(value: number | null | undefined, breaks: readonly number[]): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return -1;
  let index = 0;
  while (index < breaks.length && value >= breaks[index]!) index++;
  return index;
}

/** `count` colours spread evenly over the palette (its two ends for 2, its middle for 1). */
export function paletteFor(count: number, palette: readonly string[] = SEQUENTIAL_PALETTE): string[] {
  if (count <= 0 || palette.length === 0) return [];
  if (count === 1) return [palette[Math.floor((palette.length - 1) / 2)]!];
  if (count >= palette.length) return [...palette];
  return Array.from({ length: count }, (_, i) => palette[Math.round((i * (palette.length - 1)) / (count - 1))]!);
}

export interface LegendClass {
  color: string;
  /** Inclusive lower bound; null for the first class. */
  from: number | null;
  /** Exclusive upper bound; null for the last class. */
  to: number | null;
  /** Number of units in the class. */
  count: number;
}

export interface Choropleth {
  breaks: number[];
  colors: string[];
  legend: LegendClass[];
  /** Units without a value. */
  noData: number;
  /** The features with `properties.fill` (a colour) and `properties.classIndex` (-1 without a value). */
  data: BoundaryCollection;
}

/** Classes, colours and legend for the features' `properties.value`. */
export function buildChoropleth(
  collection: BoundaryCollection,
  decimals: number,
  classes: number = DEFAULT_CLASSES,
  separateMinimum = false,
): Choropleth {
  const values = collection.features.map((f) => f.properties.value);
  const breaks = quantileBreaks(values, classes, decimals, separateMinimum);
  const colors = paletteFor(breaks.length + 1);
  const counts = new Array<number>(colors.length).fill(0);
  let noData = 0;
  const features: BoundaryFeature[] = collection.features.map((feature) => {
    const classIndex = classify(feature.properties.value, breaks);
    if (classIndex < 0) noData++;
    else counts[classIndex]!++;
    const fill = classIndex < 0 ? NO_DATA_COLOR : colors[classIndex]!;
    return { ...feature, properties: { ...feature.properties, fill, classIndex } };
  });
  const legend = colors.map((color, i) => ({
    color,
    from: i === 0 ? null : breaks[i - 1]!,
    to: i === breaks.length ? null : breaks[i]!,
    count: counts[i]!,
  }));
  return { breaks, colors, legend, noData, data: { type: 'FeatureCollection', features } };
}

/**
 * A legend class's range in words, given a number formatter: '< 97,50 %', '97,50 – 98,80 %', '≥ 99,60 %'. With a
 * single class (all values equal, or one value) the range is the whole data: `null`, the caller says "all".
 */
export function legendRange(item: Pick<LegendClass, 'from' | 'to'>, format: (value: number) => string): string | null {
  if (item.from === null && item.to === null) return null;
  if (item.from === null) return `< ${format(item.to!)}`;
  if (item.to === null) return `≥ ${format(item.from)}`;
  return `${format(item.from)} – ${format(item.to)}`;
}
