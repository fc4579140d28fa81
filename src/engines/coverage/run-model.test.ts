import { describe, expect, it } from 'vitest';
import { runCoverageModel, type ModelInputs } from './run-model.js';
import { rasterizeUnits } from './zones/rasterize-units.js';
import { DEFAULT_COVERAGE_PARAMS } from './predict/coverage-params.js';
import { freeSpaceLossDb } from '../../domain/coverage/path-loss.js';
import type { GridSite } from './predict/site-signal.js';

const SIZE = 301; // cells; the site sits on the centre cell
const CELL = 30;
const HEIGHT = 30;
const RX = 1.5;

const omniSite: GridSite = {
  index: 0,
  technology: '2G',
  x: 150,
  y: 150,
  bandMhz: 900,
  antennaHeightM: HEIGHT,
  azimuthDeg: null,
  mechanicalTiltDeg: 0,
  electricalTiltDeg: 0,
  hBeamwidthDeg: null,
  vBeamwidthDeg: 3600, // flat vertical pattern: the threshold alone sets the reach
  txPowerDbm: 30,
  antennaGainDbi: 0,
  cableLossDb: 0,
  environment: 'rural',
};

/** The threshold that makes free-space reach exactly `radiusM` on the ground. */
function thresholdFor(radiusM: number): number {
  const slantKm = Math.hypot(radiusM, HEIGHT - RX) / 1000;
  return omniSite.txPowerDbm - freeSpaceLossDb(slantKm, omniSite.bandMhz);
}

function flatInputs(radiusM: number, unitSquare: [number, number, number, number]): ModelInputs {
  const [x0, y0, x1, y1] = unitSquare;
  const zones = rasterizeUnits(
    [
      [
        [
          [
            [x0, y0],
            [x1, y0],
            [x1, y1],
            [x0, y1],
          ],
        ],
      ],
    ],
    SIZE,
    SIZE,
  );
  return {
    grid: {
      crs: '+proj=utm +zone=49 +datum=WGS84 +units=m +no_defs',
      originX: 0,
      originY: SIZE * CELL,
      cellSizeM: CELL,
      width: SIZE,
      height: SIZE,
    },
    dem: new Float32Array(SIZE * SIZE),
    population: new Float32Array(SIZE * SIZE).fill(4),
    zones,
    unitCodes: ['U'],
    sites: [omniSite],
    technologies: ['2G'],
    params: {
      ...DEFAULT_COVERAGE_PARAMS,
      cellSizeM: CELL,
      kFactor: Infinity,
      model: 'free_space',
      thresholdsDbm: { ...DEFAULT_COVERAGE_PARAMS.thresholdsDbm, '2G': thresholdFor(radiusM) },
      tileCells: 128,
    },
  };
}

describe('the coverage model on flat ground', () => {
  it('covers one omni site exactly to the radius its threshold implies', async () => {
    const radiusM = 3015; // no cell centre lies exactly on it (30 m cells), so float rounding cannot decide a tie
    const result = await runCoverageModel(flatInputs(radiusM, [0, 0, SIZE, SIZE]), { poolSize: 2 });
    expect(result.completed).toBe(true);
    const level = result.bestSignalDbm['2G']!;
    const threshold = thresholdFor(radiusM);
    let wrong = 0;
    let worst = 0;
    let inside = 0;
    for (let y = 0; y < SIZE; y++) {
      for (let x = 0; x < SIZE; x++) {
        const d = Math.hypot(x - 150, y - 150) * CELL;
        const covered = level[y * SIZE + x]! >= threshold;
        if (d < radiusM - 1e-6) inside += 1;
        if (covered !== d <= radiusM) {
          wrong += 1;
          worst = Math.max(worst, Math.abs(d - radiusM));
        }
      }
    }
    expect({ wrong, worst }).toEqual({ wrong: 0, worst: 0 });
    expect(inside).toBeGreaterThan(30_000);
    expect(result.bestServer['2G']![150 * SIZE + 150]).toBe(0);
  });

  it('gives 50.00 % ± 0.05 pp for a uniform population square half inside the coverage disc', async () => {
    // The unit is a 200 × 200-cell square around the site; the disc has half its area.
    const radiusM = (200 * CELL) / Math.sqrt(2 * Math.PI);
    const result = await runCoverageModel(flatInputs(radiusM, [50.5, 50.5, 250.5, 250.5]), { poolSize: 2 });
    const share = (100 * result.units[0]!.covered['2G']!) / result.units[0]!.population;
    expect(result.units[0]!.population).toBeCloseTo(200 * 200 * 4, 3);
    expect(Math.abs(share - 50)).toBeLessThan(0.05);
  });
});

describe('the coverage model with several operators', () => {
  const radiusM = 2000;
  const mobi: GridSite = { ...omniSite, index: 1, x: 210, operator: 'MBF', txPowerDbm: omniSite.txPowerDbm + 3 };

  it('reports the main operator as before, each operator alone, the largest and the union', async () => {
    const inputs = { ...flatInputs(radiusM, [0, 0, SIZE, SIZE]), sites: [omniSite, mobi] };
    const [both, viettelAlone, mobiAlone] = await Promise.all([
      runCoverageModel(inputs, { poolSize: 1 }),
      runCoverageModel({ ...inputs, sites: [omniSite] }, { poolSize: 1 }),
      runCoverageModel({ ...inputs, sites: [{ ...mobi, index: 0 }] }, { poolSize: 1 }),
    ]);
    expect(both.operators).toEqual(['VTL', 'MBF']);
    const unit = both.units[0]!;
    const vtl = viettelAlone.units[0]!.covered['2G']!;
    const mbf = mobiAlone.units[0]!.byOperator.MBF!['2G']!;
    expect(mobiAlone.units[0]!.covered['2G']).toBe(0); // the main operator has no site there
    expect(unit.covered['2G']).toBe(vtl); // the agreement's figure ignores the other networks
    expect(unit.byOperator).toEqual({ VTL: { '2G': vtl }, MBF: { '2G': mbf } });
    expect(mbf).toBeGreaterThan(vtl);
    expect(unit.maxOperator['2G']).toEqual({ operator: 'MBF', covered: mbf });
    expect(unit.union['2G']).toBeGreaterThan(mbf);
    expect(unit.union['2G']).toBeLessThan(vtl + mbf); // the discs overlap: shared people count once
    expect(both.total.union['2G']).toBe(unit.union['2G']);
    expect(viettelAlone.units[0]!.union['2G']).toBe(vtl);
  });

  it('counts fewer people under a 90 % reliability target, as the margin σ·z shrinks the disc', async () => {
    const base = flatInputs(radiusM, [0, 0, SIZE, SIZE]);
    const reliable = {
      ...base,
      params: {
        ...base.params,
        coverageCriterion: { kind: 'reliability', reliability: 0.9, sigmaDb: { urban: 8, suburban: 8, rural: 2 } },
      } as const,
    };
    const [median, strict] = await Promise.all([
      runCoverageModel(base, { poolSize: 1 }),
      runCoverageModel(reliable, { poolSize: 1 }),
    ]);
    // Free space: 2.56 dB more margin (σ 2 dB · 1.2816) is the level at a distance 10^(2.56/20) ≈ 1.343× nearer.
    const ratio = strict.units[0]!.covered['2G']! / median.units[0]!.covered['2G']!;
    expect(ratio).toBeCloseTo(1 / 1.343 ** 2, 1);
  });
});
