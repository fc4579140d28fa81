import { describe, expect, it } from 'vitest';
import type { BoundaryCollection } from '../api/types.js';
import { formatPercent } from '../format.js';
import {
  buildChoropleth,
  classify,
  legendRange,
  NO_DATA_COLOR,
  paletteFor,
  quantile,
  quantileBreaks,
  SEQUENTIAL_PALETTE,
} from './choropleth.js';

function collection(values: (number | null)[]): BoundaryCollection {
  return {
    type: 'FeatureCollection',
    features: values.map((value, i) => ({
      type: 'Feature',
      properties: {
        code: String(i),
        nameVi: `Xã ${i}`,
        nameEn: null,
        level: 'commune',
        unitType: 'commune',
        parentCode: '24',
        population: 1000,
        areaKm2: 10,
        isBorder: false,
        isEconomicZone: false,
        isDemo: true,
        value,
      },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [108, 14],
            [108.1, 14],
            [108.1, 14.1],
            [108, 14],
          ],
        ],
      },
    })),
  };
}

describe('quantile', () => {
  it('interpolates between neighbours', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 0)).toBe(1);
    expect(quantile([1, 2, 3, 4], 1)).toBe(4);
    expect(quantile([], 0.5)).toBeNaN();
  });
});

describe('quantileBreaks', () => {
  it('splits values into classes of about equal size, rounded to the shown digits', () => {
    const values = Array.from({ length: 100 }, (_, i) => 90 + i / 10); // 90.0 … 99.9
    expect(quantileBreaks(values, 5, 2)).toEqual([91.98, 93.96, 95.94, 97.92]);
    expect(quantileBreaks(values, 5, 0)).toEqual([92, 94, 96, 98]);
  });

  it('ignores missing values and drops repeated or empty-first-class breaks', () => {
    expect(quantileBreaks([null, 5, undefined, Number.NaN, 5, 5, 5], 5, 2)).toEqual([]);
    expect(quantileBreaks([1, 1, 1, 1, 2], 5, 0)).toEqual([]);
    const breaks = quantileBreaks([1, 1, 1, 1, 1, 1, 2, 3, 4, 5], 5, 0);
    expect(breaks).toEqual([3]); // 20–60 % quantiles all round to the minimum, 1
    expect(new Set(breaks).size).toBe(breaks.length);
  });

  it('returns no breaks for no values or a single class', () => {
    expect(quantileBreaks([], 5, 2)).toEqual([]);
    expect(quantileBreaks([1, 2, 3], 1, 2)).toEqual([]);
  });
});

describe('classify', () => {
  it('puts a value equal to a break in the upper class', () => {
    const breaks = [10, 20, 30];
    expect(classify(5, breaks)).toBe(0);
    expect(classify(10, breaks)).toBe(1);
    expect(classify(29.99, breaks)).toBe(2);
    expect(classify(30, breaks)).toBe(3);
    expect(classify(1000, breaks)).toBe(3);
    expect(classify(null, breaks)).toBe(-1);
    expect(classify(Number.NaN, breaks)).toBe(-1);
    expect(classify(7, [])).toBe(0);
  });
});

describe('paletteFor', () => {
  it('spreads the colours over the palette, light to dark', () => {
    expect(paletteFor(5)).toEqual([...SEQUENTIAL_PALETTE]);
    expect(paletteFor(2)).toEqual([SEQUENTIAL_PALETTE[0], SEQUENTIAL_PALETTE[4]]);
    expect(paletteFor(3)).toEqual([SEQUENTIAL_PALETTE[0], SEQUENTIAL_PALETTE[2], SEQUENTIAL_PALETTE[4]]);
    expect(paletteFor(1)).toEqual([SEQUENTIAL_PALETTE[2]]);
    expect(paletteFor(0)).toEqual([]);
  });
});

describe('buildChoropleth', () => {
  it('colours each feature, counts the classes and marks missing values', () => {
    const values = [90, 91, 92, 93, 94, 95, 96, 97, 98, 99, null];
    const result = buildChoropleth(collection(values), 2);
    expect(result.breaks).toHaveLength(4);
    expect(result.colors).toEqual([...SEQUENTIAL_PALETTE]);
    expect(result.noData).toBe(1);
    expect(result.legend.reduce((n, c) => n + c.count, 0)).toBe(10);
    expect(result.legend[0]).toMatchObject({ from: null, to: result.breaks[0] });
    expect(result.legend[4]).toMatchObject({ from: result.breaks[3], to: null });
    const props = result.data.features.map((f) => f.properties);
    expect(props[0]).toMatchObject({ fill: SEQUENTIAL_PALETTE[0], classIndex: 0 });
    expect(props[9]).toMatchObject({ fill: SEQUENTIAL_PALETTE[4], classIndex: 4 });
    expect(props[10]).toMatchObject({ fill: NO_DATA_COLOR, classIndex: -1 });
    // The input is left alone.
    expect(collection(values).features[0]!.properties.fill).toBeUndefined();
  });

  it('has one class when every value is the same', () => {
    const result = buildChoropleth(collection([50, 50, 50]), 1);
    expect(result.legend).toEqual([{ color: SEQUENTIAL_PALETTE[2], from: null, to: null, count: 3 }]);
  });
});

describe('legendRange', () => {
  const vi = (v: number) => formatPercent(v, 2, 'vi');
  it('words the ranges with vi-VN numbers', () => {
    expect(legendRange({ from: null, to: 97.5 }, vi)).toBe('< 97,50 %');
    expect(legendRange({ from: 97.5, to: 98.8 }, vi)).toBe('97,50 % – 98,80 %');
    expect(legendRange({ from: 99.6, to: null }, vi)).toBe('≥ 99,60 %');
    expect(legendRange({ from: null, to: null }, vi)).toBeNull();
    expect(legendRange({ from: 1234.5, to: null }, (v) => formatPercent(v, 1, 'en'))).toBe('≥ 1,234.5%');
  });
});

describe('a minimum shared by most units', () => {
  it('gets a class of its own when asked, the units above it split among the others', () => {
    const values = [...Array<number>(116).fill(0), ...[1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 4, 4, 4, 6, 7]];
    expect(quantileBreaks(values, 5, 0)).toEqual([]);
    const breaks = quantileBreaks(values, 5, 0, true);
    expect(breaks[0]).toBe(1);
    expect(breaks.length).toBeGreaterThan(1);
    expect(classify(0, breaks)).toBe(0);
    expect(classify(1, breaks)).toBe(1);
    expect(classify(7, breaks)).toBe(breaks.length);
  });
});
