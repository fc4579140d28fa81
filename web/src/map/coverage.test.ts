import { describe, expect, it } from 'vitest';
import type { CoverageRun } from '../api/types.js';
import {
  activeRun,
  HOTSPOT_MAX_RADIUS,
  HOTSPOT_MIN_RADIUS,
  hotspotFeatures,
  hotspotRadius,
  isDemoRun,
  isMapPeriod,
  latestSucceededRun,
  pickPeriod,
  runMonthFor,
  runProgressPercent,
  runThreshold,
  sortHotspots,
  uncoveredPeople,
} from './coverage.js';

function run(partial: Partial<CoverageRun> = {}): CoverageRun {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    status: 'succeeded',
    rootUnit: '24',
    period: '2025-12',
    params: { thresholdsDbm: { '2G': -95, '4G': -105 } },
    inputs: { dem: 'demo:abc', sites: 'def', population: 'demo:123' },
    tilesTotal: 2,
    tilesDone: 2,
    error: null,
    result: {
      units: [{ unit: '60309134', population: 1000, covered: { '4G': 900.4, '2G': 1000 } }],
      total: { unit: '*', population: 1000, covered: { '4G': 900.4 } },
      technologies: ['2G', '4G', '5G'],
    },
    createdBy: 'anonymous',
    createdAt: '2025-11-25T10:00:00Z',
    startedAt: '2025-11-25T10:00:00Z',
    finishedAt: '2025-11-25T10:00:20Z',
    ...partial,
  };
}

describe('runs', () => {
  it('picks the newest successful run of the province', () => {
    const runs = [
      run({ id: 'a', finishedAt: '2025-11-25T10:00:00Z' }),
      run({ id: 'b', finishedAt: '2025-11-26T10:00:00Z' }),
      run({ id: 'c', status: 'failed', finishedAt: '2025-11-27T10:00:00Z', result: null }),
      run({ id: 'd', rootUnit: '01', finishedAt: '2025-11-28T10:00:00Z' }),
      run({ id: 'e', status: 'running', finishedAt: null, createdAt: '2025-11-29T10:00:00Z', result: null }),
    ];
    expect(latestSucceededRun(runs, '24')?.id).toBe('b');
    expect(latestSucceededRun([], '24')).toBeNull();
    expect(activeRun(runs, '24')?.id).toBe('e');
    expect(activeRun(runs, '01')).toBeNull();
  });

  it('recognises the demo scenario and reads thresholds', () => {
    expect(isDemoRun(run())).toBe(true);
    expect(isDemoRun(run({ inputs: { dem: 'aa', population: 'bb' } }))).toBe(false);
    expect(isDemoRun(null)).toBe(false);
    expect(runThreshold(run(), '4G')).toBe(-105);
    expect(runThreshold(run(), '5G')).toBeNull();
    expect(runThreshold(run({ params: {} }), '4G')).toBeNull();
  });

  it('reports progress as a whole percent', () => {
    expect(runProgressPercent({ status: 'running', tilesDone: 1, tilesTotal: 3 })).toBe(33);
    expect(runProgressPercent({ status: 'queued', tilesDone: 0, tilesTotal: 0 })).toBeNull();
    expect(runProgressPercent({ status: 'running', tilesDone: 5, tilesTotal: 2 })).toBe(100);
    expect(runProgressPercent({ status: 'succeeded', tilesDone: 0, tilesTotal: 0 })).toBe(100);
  });

  it("counts a unit's uncovered people", () => {
    expect(uncoveredPeople(run(), '60309134', '4G')).toEqual({ population: 1000, uncovered: 1000 - 900.4 });
    expect(uncoveredPeople(run(), '60309134', '5G')).toBeNull();
    expect(uncoveredPeople(run(), 'nope', '4G')).toBeNull();
    expect(uncoveredPeople(null, '60309134', '4G')).toBeNull();
  });
});

describe('hot spots', () => {
  const spots = [
    { unit: '2', people: 120, lon: 108.2, lat: 14 },
    { unit: '1', people: 345, lon: 109.1, lat: 13.7 },
    { unit: '3', people: 120, lon: 108.1, lat: 14 },
    { unit: '2', people: 120, lon: 108.0, lat: 14 },
    { unit: '4', people: 0, lon: 108, lat: 14 },
    { unit: '5', people: 50, lon: Number.NaN, lat: 14 },
  ];

  it('sorts by people, largest first, with stable ties, and drops invalid entries', () => {
    const sorted = sortHotspots(spots);
    expect(sorted.map((s) => [s.unit, s.people, s.lon])).toEqual([
      ['1', 345, 109.1],
      ['2', 120, 108.0],
      ['2', 120, 108.2],
      ['3', 120, 108.1],
    ]);
    expect(spots[0]!.unit).toBe('2'); // input untouched
    expect(sortHotspots(undefined)).toEqual([]);
  });

  it('sizes circles by area, between the minimum and maximum radius', () => {
    expect(hotspotRadius(400, 400)).toBe(HOTSPOT_MAX_RADIUS);
    expect(hotspotRadius(100, 400)).toBe(HOTSPOT_MAX_RADIUS / 2);
    expect(hotspotRadius(1, 10_000)).toBe(HOTSPOT_MIN_RADIUS);
    expect(hotspotRadius(5, 0)).toBe(HOTSPOT_MIN_RADIUS);
  });

  it('makes ranked GeoJSON points', () => {
    const fc = hotspotFeatures(sortHotspots(spots));
    expect(fc.features).toHaveLength(4);
    expect(fc.features[0]).toMatchObject({
      id: 1,
      properties: { rank: 1, unit: '1', people: 345, radius: HOTSPOT_MAX_RADIUS },
      geometry: { type: 'Point', coordinates: [109.1, 13.7] },
    });
  });
});

describe('periods', () => {
  it('accepts years, quarters and months', () => {
    for (const p of ['2025', '2025Q3', '2025-Q3', '2025-09']) expect(isMapPeriod(p)).toBe(true);
    for (const p of ['', null, '25', '2025-13', '2025Q5', '1999', 'abcd']) expect(isMapPeriod(p)).toBe(false);
  });

  it("runs the model for the period's last month", () => {
    expect(runMonthFor('2025')).toBe('2025-12');
    expect(runMonthFor('2025Q3')).toBe('2025-09');
    expect(runMonthFor('2025-Q1')).toBe('2025-03');
    expect(runMonthFor('2025-07')).toBe('2025-07');
  });

  it('chooses the URL period, else the run year for computed values, else the latest year with data', () => {
    const computed = { kind: 'computed' } as const;
    const reported = { kind: 'reported' } as const;
    expect(pickPeriod('2024', computed, run(), ['2025'])).toBe('2024');
    expect(pickPeriod('bad', computed, run(), undefined)).toBe('2025');
    expect(pickPeriod(null, reported, run(), ['2025', '2024'])).toBe('2025');
    expect(pickPeriod(null, reported, null, undefined)).toBeNull();
  });
});
