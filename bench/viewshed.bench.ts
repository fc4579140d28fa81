/**
 * The per-site radial sweep (src/engines/coverage/sweep) against gdal_viewshed: one site with
 * a 15 km radius on a 30 m DEM, then how our time grows with the radius. Our timing includes a
 * path loss for every cell (COST-231 Hata + a single knife-edge from the dominant obstacle),
 * so it is the engine's real per-site work; gdal_viewshed only computes visibility (and pays
 * for its process start, reading the GeoTIFF and writing its output, shown separately). Last, the
 * line-of-sight accuracy of both against the exact per-cell reference (bench/viewshed-accuracy.ts).
 *
 * Standalone: npx tsx -e "import('./bench/viewshed.bench.ts').then(m => m.runViewshedBench())"
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import {
  gdalToolAvailable,
  gdalViewshedArgs,
  runGdalViewshed,
  WGS84_SEMI_MAJOR_M,
  writeDemGeoTiff,
} from '../src/engines/coverage/sweep/gdal-reference.js';
import {
  allocateSweepBuffers,
  maxSweepCells,
  radialSweep,
  type SweepBuffers,
  type SweepDem,
  type SweepResult,
} from '../src/engines/coverage/sweep/radial-sweep.js';
import { syntheticDem } from '../src/engines/coverage/sweep/synthetic-dem.js';
import { printLineOfSightAccuracy } from './viewshed-accuracy.js';

const CELL_M = 30;
const DEM_SIDE = 1400; // 42 km: room for a 20 km radius around the centre
const ANTENNA_M = 30;
const RECEIVER_M = 1.5;
const FREQ_MHZ = 1800;
const RUNS = 5;

/**
 * Path loss (dB) for every cell of a sweep, into `loss` (NaN beyond the radius):
 * COST-231 Hata (medium city, 1800 MHz, hb 30 m, hm 1.5 m) L = A + B·log10(d km), plus the
 * knife-edge loss J(v) of the dominant obstacle, v = h·√(2d/(λ·d1·d2)), when v > −0.78.
 */
export function pathLossOverSweep(r: SweepResult, loss: Float32Array): void {
  const lf = Math.log10(FREQ_MHZ);
  const lhb = Math.log10(ANTENNA_M);
  const aHm = (1.1 * lf - 0.7) * RECEIVER_M - (1.56 * lf - 0.8);
  const A = 46.3 + 33.9 * lf - 13.82 * lhb - aHm - 3 * (44.9 - 6.55 * lhb); // d in metres: log10(km) = log10(m) − 3
  const B = (44.9 - 6.55 * lhb) * Math.LOG10E; // × ln d: Math.log is about twice as fast as Math.log10
  const twoOverLambda = 2 / (299_792_458 / (FREQ_MHZ * 1e6));
  const { distanceM, obstacleExcessM, obstacleDistanceM } = r;
  const n = r.width * r.height;
  for (let i = 0; i < n; i++) {
    const d = distanceM[i]!;
    if (!(d >= 0)) {
      loss[i] = NaN; // beyond the radius
      continue;
    }
    let l = A + B * Math.log(d > 1 ? d : 1);
    const h = obstacleExcessM[i]!;
    if (h > -1e30) {
      const d1 = obstacleDistanceM[i]!;
      const v = h * Math.sqrt((twoOverLambda * d) / (d1 * (d - d1)));
      if (v > -0.78) {
        const t = v - 0.1;
        l += 6.9 + 20 * Math.LOG10E * Math.log(Math.sqrt(t * t + 1) + t);
      }
    }
    loss[i] = l;
  }
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const ms = (x: number) => `${x.toFixed(x >= 100 ? 0 : 1)} ms`;
const int = (x: number) => Math.round(x).toLocaleString('en-US');

/** Medians of wall-clock and CPU (user + system) milliseconds. */
interface Timing {
  wall: number;
  cpu: number;
}
const medianTiming = (ts: readonly Timing[]): Timing => ({
  wall: median(ts.map((t) => t.wall)),
  cpu: median(ts.map((t) => t.cpu)),
});
const show = (t: Timing) => `${ms(t.wall)} wall, ${ms(t.cpu)} CPU`;

/**
 * One run of `tool args`: the process's own wall-clock and CPU time, measured by bash's `time`
 * around it (so neither Node's spawn overhead nor bash's start-up is counted).
 */
function timeProcess(tool: string, args: readonly string[]): Timing {
  const script = 'TIMEFORMAT="%3R %3U %3S"; time "$0" "$@" >/dev/null 2>&1';
  const done = spawnSync('bash', ['-c', script, tool, ...args], { encoding: 'utf8' });
  if (done.error) throw done.error;
  const [real, user, sys] = done.stderr.trim().split(/\s+/).slice(-3).map(Number) as [number, number, number];
  return { wall: real * 1000, cpu: (user + sys) * 1000 };
}

/** Median timing of RUNS runs of a process, after one warm-up run (file cache, page cache). */
function timeProcessRuns(tool: string, args: readonly string[]): Timing {
  timeProcess(tool, args);
  return medianTiming(Array.from({ length: RUNS }, () => timeProcess(tool, args)));
}

function sweepWithLoss(dem: SweepDem, radiusM: number, buffers: SweepBuffers, loss?: Float32Array): SweepResult {
  const c = Math.floor(dem.width / 2);
  const result = radialSweep(
    dem,
    { x: c, y: c, antennaHeightM: ANTENNA_M },
    { radiusM, receiverHeightM: RECEIVER_M, earthRadiusM: WGS84_SEMI_MAJOR_M },
    buffers,
  );
  if (loss) pathLossOverSweep(result, loss);
  return result;
}

/** Median timing of RUNS sweeps + path loss (buffers reused, as a worker would) after one warm-up. */
function timeOurs(dem: SweepDem, radiusM: number, withLoss = true) {
  const buffers = allocateSweepBuffers(maxSweepCells(dem.cellSizeM, radiusM));
  const loss = withLoss ? new Float32Array(buffers.visible.length) : undefined;
  let result = sweepWithLoss(dem, radiusM, buffers, loss);
  const times: Timing[] = [];
  for (let i = 0; i < RUNS; i++) {
    const cpu0 = process.cpuUsage();
    const start = performance.now();
    result = sweepWithLoss(dem, radiusM, buffers, loss);
    const wall = performance.now() - start;
    const cpu = process.cpuUsage(cpu0);
    times.push({ wall, cpu: (cpu.user + cpu.system) / 1000 });
  }
  let inRadius = 0;
  let visible = 0;
  for (let i = 0; i < result.width * result.height; i++) {
    if (result.distanceM[i]! <= radiusM) inRadius++;
    visible += result.visible[i]!;
  }
  return { ...medianTiming(times), result, inRadius, visible, loss };
}

export async function runViewshedBench(): Promise<void> {
  const cpus = os.cpus();
  const load = os.loadavg()[0]!.toFixed(1);
  console.log(
    `machine: ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${cpus.length} cores, load average ${load}, Node ${process.version}`,
  );
  const heights = syntheticDem({ width: DEM_SIDE, height: DEM_SIDE, seed: 1 });
  const size = `${int(DEM_SIDE)} × ${int(DEM_SIDE)} cells of ${CELL_M} m (${(DEM_SIDE * CELL_M) / 1000} km a side)`;
  const hasGdal = gdalToolAvailable();
  const dir = await mkdtemp(join(os.tmpdir(), 'viewshed-bench-'));
  try {
    let dem: SweepDem = { heights, width: DEM_SIDE, height: DEM_SIDE, cellSizeM: CELL_M };
    let tif = '';
    if (hasGdal) {
      const written = await writeDemGeoTiff(dir, 'dem', dem);
      dem = { ...dem, heights: written.heights }; // exactly the heights gdal reads
      tif = written.path;
    }
    console.log(`DEM: synthetic highland terrain (value-noise octaves, seed 1), ${size}`);
    const c = Math.floor(DEM_SIDE / 2);
    const gdalParams = (radiusM: number) => ({
      ...{ col: c, row: c, antennaHeightM: ANTENNA_M, receiverHeightM: RECEIVER_M, radiusM, cellSizeM: CELL_M },
    });
    const timeGdal = (radiusM: number) =>
      timeProcessRuns('gdal_viewshed', gdalViewshedArgs(tif, join(dir, 'out.tif'), gdalParams(radiusM)));

    const radius = 15_000;
    const ours = timeOurs(dem, radius);
    const r = ours.result;
    console.log(
      `one site, ${radius / 1000} km radius, ${ANTENNA_M} m antenna, ${RECEIVER_M} m receiver, k = 4/3: ` +
        `window ${int(r.width)} × ${int(r.height)}, ${int(ours.inRadius)} cells in the radius, ` +
        `${((100 * ours.visible) / ours.inRadius).toFixed(1)} % visible`,
    );
    console.log(
      `  ours: radial sweep + path loss (Hata + knife-edge), median of ${RUNS} after 1 warm-up: ${show(ours)} ` +
        `(${((ours.cpu * 1e6) / ours.inRadius).toFixed(1)} ns CPU per cell)`,
    );
    const sweepOnly = timeOurs(dem, radius, false);
    console.log(`  of which the sweep alone (visibility, distance, obstacle): ${show(sweepOnly)}`);
    const lossOf = (seen: number) => {
      const xs: number[] = [];
      for (let i = 0; i < r.width * r.height; i++) {
        if (r.distanceM[i]! <= radius && r.visible[i] === seen) xs.push(ours.loss![i]!);
      }
      return `${median(xs).toFixed(1)} dB`;
    };
    console.log(`  path loss at ${FREQ_MHZ} MHz, median: visible cells ${lossOf(1)}, obstructed cells ${lossOf(0)}`);
    if (!hasGdal) {
      console.log('  gdal_viewshed: not on PATH (install gdal-bin): comparison skipped');
      await printLineOfSightAccuracy(dir, false);
      return;
    }
    const ref = await runGdalViewshed(tif, join(dir, 'out.tif'), gdalParams(radius));
    let agree = 0;
    for (let wy = 0; wy < r.height; wy++) {
      for (let wx = 0; wx < r.width; wx++) {
        const i = wy * r.width + wx;
        if (!(r.distanceM[i]! <= radius)) continue;
        const g = ref.data[(r.y0 + wy - ref.y0) * ref.width + (r.x0 + wx - ref.x0)] === 255;
        if (g === (r.visible[i] === 1)) agree++;
      }
    }
    const gdal = timeGdal(radius);
    const startup = timeProcessRuns('gdal_viewshed', ['--version']);
    console.log(`  gdal_viewshed process (read GeoTIFF, viewshed, write GeoTIFF), median of ${RUNS}: ${show(gdal)}`);
    console.log(`  gdal_viewshed --version (process start-up only), median of ${RUNS}: ${show(startup)}`);
    console.log(
      `  gdal_viewshed minus its start-up: ${ms(gdal.wall - startup.wall)} wall, ${ms(gdal.cpu - startup.cpu)} CPU`,
    );
    console.log(
      `  visibility agreement with gdal_viewshed: ${((100 * agree) / ours.inRadius).toFixed(2)} % of the cells`,
    );
    const ratio = gdal.wall / ours.wall;
    const ratioCpu = gdal.cpu / ours.cpu;
    const ratioNet = (gdal.cpu - startup.cpu) / ours.cpu;
    console.log(
      `  gdal_viewshed / ours: ${ratio.toFixed(2)}× wall, ${ratioCpu.toFixed(2)}× CPU, ${ratioNet.toFixed(2)}× CPU without its start-up` +
        ` — goal "faster than gdal_viewshed" (wall, whole process): ${ratio > 1 ? 'met' : 'NOT met'}`,
    );

    console.log(`growth with the radius (one site each, median of ${RUNS}; ours = sweep + path loss):`);
    console.log('  radius | window      | cells in radius | ours wall | ours CPU | ns CPU/cell | gdal wall | gdal CPU');
    for (const km of [5, 10, 15, 20]) {
      const t = timeOurs(dem, km * 1000);
      const g = timeGdal(km * 1000);
      const cols = [
        `${km} km`.padStart(6),
        `${t.result.width} × ${t.result.height}`.padEnd(11),
        int(t.inRadius).padStart(15),
        ms(t.wall).padStart(9),
        ms(t.cpu).padStart(8),
        ((t.cpu * 1e6) / t.inRadius).toFixed(1).padStart(11),
        ms(g.wall).padStart(9),
        ms(g.cpu),
      ];
      console.log(`  ${cols.join(' | ')}`);
    }
    await printLineOfSightAccuracy(dir, true);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
