/**
 * The per-site radial sweep (src/engines/coverage/sweep) against gdal_viewshed, on a synthetic 30 m
 * DEM, measured three ways so that like is compared with like:
 *  1. kernel only: our sweep in process (buffers reused, no file I/O), in ns per swept cell, alone and
 *     with a path loss for every cell (COST-231 Hata + a single knife-edge from the dominant obstacle,
 *     the engine's real per-site work);
 *  2. gdal_viewshed's marginal cost per cell: its whole process at radius r minus at a tiny radius, same
 *     DEM, divided by the extra cells (start-up, opening the file and fixed costs cancel out);
 *  3. one site end to end as a user runs it: `dx-compact coverage viewshed` (read the DEM GeoTIFF, sweep,
 *     write a GeoTIFF) against `gdal_viewshed`, both whole processes on the same GeoTIFF.
 * Compared runs are interleaved (A, B, A, B…) after one warm-up each; medians; load average before and
 * after. Last, the line-of-sight accuracy of both against the exact per-cell reference
 * (bench/viewshed-accuracy.ts). Printed, never asserted.
 *
 * Standalone: npx tsx -e "import('./bench/viewshed.bench.ts').then(m => m.runViewshedBench())"
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { readGeoTiff } from '../src/engines/coverage/raster/read-geotiff.js';
import {
  gdalToolAvailable,
  gdalViewshedArgs,
  REFERENCE_ORIGIN,
  WGS84_SEMI_MAJOR_M,
  writeDemGeoTiff,
} from '../src/engines/coverage/sweep/gdal-reference.js';
import {
  allocateSweepBuffers,
  maxSweepCells,
  radialSweep,
  SweepCells,
  sweepCells,
  sweepWindow,
  type SweepBuffers,
  type SweepDem,
  type SweepResult,
} from '../src/engines/coverage/sweep/radial-sweep.js';
import { syntheticDem } from '../src/engines/coverage/sweep/synthetic-dem.js';
import { describeLoad, describeMachine } from './machine.js';
import { line } from './report.js';
import { againstGoal, formatInt, formatMs } from './stats.js';
import { printLineOfSightAccuracy } from './viewshed-accuracy.js';

const CELL_M = 30;
const DEM_SIDE = 1400; // 42 km: room for a 20 km radius around the centre
const ANTENNA_M = 30;
const RECEIVER_M = 1.5;
const FREQ_MHZ = 1800;
const RUNS = 5;
const RADII_KM = [5, 10, 15, 20];
const SITE_RADIUS_KM = 15;
/** gdal_viewshed's fixed costs (start-up, opening the DEM, writing a file) are measured at this radius. */
const TINY_RADIUS_M = 300;
const PER_CELL_GOAL_NS = 30;
const REPO = join(import.meta.dirname, '..');

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
const ns = (x: number) => x.toFixed(1);

/** Wall-clock and CPU (user + system) milliseconds. */
interface Timing {
  wall: number;
  cpu: number;
}
const medianTiming = (ts: readonly Timing[]): Timing => ({
  wall: median(ts.map((t) => t.wall)),
  cpu: median(ts.map((t) => t.cpu)),
});
const show = (t: Timing) => `${formatMs(t.wall)} wall, ${formatMs(t.cpu)} CPU`;

/**
 * Runs each job once to warm up (page cache, JIT), then RUNS rounds of A, B, C… in turn, so that a
 * change in the machine's load touches every job alike; returns each job's median.
 */
function interleaved(jobs: readonly (() => Timing)[]): Timing[] {
  for (const job of jobs) job();
  const times = jobs.map((): Timing[] => []);
  for (let round = 0; round < RUNS; round++) jobs.forEach((job, k) => times[k]!.push(job()));
  return times.map(medianTiming);
}

/**
 * One run of `tool args` as a whole process: its wall-clock and CPU time, measured by bash's `time`
 * around it (so neither Node's spawn overhead nor bash's start-up is counted).
 */
function timeProcess(tool: string, args: readonly string[]): Timing {
  const script = 'TIMEFORMAT="%3R %3U %3S"; time "$0" "$@" >/dev/null 2>&1';
  const done = spawnSync('bash', ['-c', script, tool, ...args], { encoding: 'utf8', cwd: REPO });
  if (done.error) throw done.error;
  const [real, user, sys] = done.stderr.trim().split(/\s+/).slice(-3).map(Number) as [number, number, number];
  return { wall: real * 1000, cpu: (user + sys) * 1000 };
}

/** Wall and CPU time of `work` in this process. */
function timeInProcess(work: () => void): Timing {
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  work();
  const wall = performance.now() - start;
  const cpu = process.cpuUsage(cpu0);
  return { wall, cpu: (cpu.user + cpu.system) / 1000 };
}

/** Buffers and the cell list, reused from one sweep to the next as a worker reuses them. */
interface Reused {
  buffers: SweepBuffers;
  cells: SweepCells;
  loss: Float32Array;
}

const siteOf = (dem: SweepDem) => ({
  x: Math.floor(dem.width / 2),
  y: Math.floor(dem.height / 2),
  antennaHeightM: ANTENNA_M,
});
const sweepOptions = (radiusM: number) => ({ radiusM, receiverHeightM: RECEIVER_M, earthRadiusM: WGS84_SEMI_MAJOR_M });

function sweepWithLoss(dem: SweepDem, radiusM: number, reused: Reused, withLoss: boolean): SweepResult {
  const result = radialSweep(dem, siteOf(dem), sweepOptions(radiusM), reused.buffers, reused.cells);
  if (withLoss) pathLossOverSweep(result, reused.loss);
  return result;
}

/** The rays' march alone: the cell list the tiled engine (predict-tile.ts) consumes, without the window. */
function marchOnly(dem: SweepDem, radiusM: number, reused: Reused): void {
  const site = siteOf(dem);
  sweepCells(dem, site, sweepOptions(radiusM), sweepWindow(dem, site, radiusM), reused.cells);
}

/** Cells whose centre lies within `radiusM` of the site's cell centre: what both tools compute. */
function cellsWithin(radiusM: number): number {
  const rc = radiusM / CELL_M;
  let n = 0;
  for (let dy = -Math.floor(rc); dy <= rc; dy++) n += 2 * Math.floor(Math.sqrt(rc * rc - dy * dy)) + 1;
  return n;
}

/** The command that runs our CLI: the build in dist/ when it has the viewshed command, else tsx on the sources. */
function ourCli(): { tool: string; args: string[]; how: string } {
  const built = join(REPO, 'dist/src/cli/commands/coverage-viewshed.js');
  if (!existsSync(built)) {
    return {
      tool: process.execPath,
      args: ['--import', 'tsx', 'src/cli/main.ts'],
      how: 'node --import tsx src/cli/main.ts (no build in dist/, so TypeScript is transpiled at start-up; `npm run build` for what users run)',
    };
  }
  const sources = [
    'src/cli/main.ts',
    'src/cli/commands/coverage-viewshed.ts',
    'src/engines/coverage/sweep/radial-sweep.ts',
    'src/engines/coverage/raster/read-geotiff.ts',
    'src/engines/coverage/raster/write-geotiff.ts',
  ];
  const stale = sources.some((s) => statSync(join(REPO, s)).mtimeMs > statSync(built).mtimeMs);
  return {
    tool: process.execPath,
    args: ['dist/src/cli/main.js'],
    how: `node dist/src/cli/main.js (the built CLI)${stale ? ' — dist/ is older than src/: `npm run build` first' : ''}`,
  };
}

/** Share of the cells within the radius (ours ≠ 255) on which the two output files agree. */
async function outputAgreement(oursPath: string, gdalPath: string): Promise<{ cells: number; agreement: number }> {
  const ours = await readGeoTiff(new Uint8Array(await readFile(oursPath)), 'ours');
  const gdal = await readGeoTiff(new Uint8Array(await readFile(gdalPath)), 'gdal');
  const dx = Math.round((ours.transform.originX - gdal.transform.originX) / CELL_M);
  const dy = Math.round((gdal.transform.originY - ours.transform.originY) / CELL_M);
  let cells = 0;
  let agree = 0;
  for (let y = 0; y < ours.height; y++) {
    for (let x = 0; x < ours.width; x++) {
      const v = ours.data[y * ours.width + x]!;
      if (v === 255) continue;
      cells++;
      const g = gdal.data[(y + dy) * gdal.width + (x + dx)];
      if ((g === 255) === (v === 1)) agree++;
    }
  }
  return { cells, agreement: cells > 0 ? agree / cells : NaN };
}

export async function runViewshedBench(): Promise<void> {
  line(describeMachine());
  const heights = syntheticDem({ width: DEM_SIDE, height: DEM_SIDE, seed: 1 });
  const size = `${formatInt(DEM_SIDE)} × ${formatInt(DEM_SIDE)} cells of ${CELL_M} m (${(DEM_SIDE * CELL_M) / 1000} km a side)`;
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
    line(`DEM: synthetic highland terrain (value-noise octaves, seed 1), ${size}; one site at its centre,`);
    line(`  ${ANTENNA_M} m antenna, ${RECEIVER_M} m receiver, k = 4/3 (gdal_viewshed -cc 0.75)`);
    const c = Math.floor(DEM_SIDE / 2);
    const gdalArgs = (radiusM: number, out = join(dir, 'gdal.tif')) =>
      gdalViewshedArgs(tif, out, {
        ...{ col: c, row: c, antennaHeightM: ANTENNA_M, receiverHeightM: RECEIVER_M, radiusM, cellSizeM: CELL_M },
      });
    const gdalRun = (radiusM: number) => () => timeProcess('gdal_viewshed', gdalArgs(radiusM));

    // 1 and 2: per cell, by radius; ours (kernel) and gdal (r and tiny) interleaved in each row.
    line();
    line(
      `per swept cell, by radius (median of ${RUNS}, runs interleaved: ours sweep, ours sweep + path loss, ours march only, gdal at r, gdal at ${TINY_RADIUS_M} m)`,
    );
    line(`  (${describeLoad()} before)`);
    const buffers = allocateSweepBuffers(maxSweepCells(CELL_M, Math.max(...RADII_KM) * 1000));
    const cellCapacity = buffers.visible.length;
    const reused: Reused = { buffers, cells: new SweepCells(cellCapacity), loss: new Float32Array(cellCapacity) };
    const rows = RADII_KM.map((km) => {
      const radiusM = km * 1000;
      const jobs = [
        () => timeInProcess(() => sweepWithLoss(dem, radiusM, reused, false)),
        () => timeInProcess(() => sweepWithLoss(dem, radiusM, reused, true)),
        () => timeInProcess(() => marchOnly(dem, radiusM, reused)),
      ];
      if (hasGdal) jobs.push(gdalRun(radiusM), gdalRun(TINY_RADIUS_M));
      const [sweep, withLoss, march, gdal, tiny] = interleaved(jobs);
      return { km, cells: cellsWithin(radiusM), sweep: sweep!, withLoss: withLoss!, march: march!, gdal, tiny };
    });
    line(`  (${describeLoad()} after)`);
    line(
      '  kernel only — ours in process, buffers reused, no file I/O; ns of CPU per cell within the radius (radialSweep: march, then the window):',
    );
    line(
      '  radius | cells in radius | sweep ms CPU | sweep ns/cell | + path loss ms CPU | + path loss ns/cell | path loss alone ns/cell',
    );
    for (const r of rows) {
      const perCell = (t: Timing) => (t.cpu * 1e6) / r.cells;
      const cols = [
        `${r.km} km`.padStart(6),
        formatInt(r.cells).padStart(15),
        formatMs(r.sweep.cpu).padStart(12),
        ns(perCell(r.sweep)).padStart(13),
        formatMs(r.withLoss.cpu).padStart(18),
        ns(perCell(r.withLoss)).padStart(19),
        ns(perCell(r.withLoss) - perCell(r.sweep)).padStart(23),
      ];
      line(`  ${cols.join(' | ')}`);
    }
    const site = rows.find((r) => r.km === SITE_RADIUS_KM)!;
    const oursPerCell = (site.withLoss.cpu * 1e6) / site.cells;
    line(
      `  kernel only, ns CPU per swept cell with path loss at ${SITE_RADIUS_KM} km: ` +
        againstGoal(oursPerCell, { atMost: PER_CELL_GOAL_NS }, { digits: 1, unit: ' ns' }),
    );
    line(
      `  kernel only, ns CPU per swept cell, line of sight alone at ${SITE_RADIUS_KM} km: ${ns((site.sweep.cpu * 1e6) / site.cells)} ns`,
    );
    line(
      `  kernel only, of which the rays' march (sweepCells: the cell list the tile engine consumes, no window): ` +
        `${ns((site.march.cpu * 1e6) / site.cells)} ns per cell`,
    );
    if (!hasGdal) {
      line('  gdal_viewshed: not on PATH (install gdal-bin): comparisons skipped');
      await printLineOfSightAccuracy(dir, false);
      return;
    }
    const tinyCells = cellsWithin(TINY_RADIUS_M);
    line(
      `  gdal_viewshed marginal cost — whole process at r minus at ${TINY_RADIUS_M} m (${formatInt(tinyCells)} cells), same DEM, ` +
        'per extra cell (its start-up and fixed costs cancel; reading and writing the larger window remain):',
    );
    line(
      `  radius | gdal at r              | gdal at ${TINY_RADIUS_M} m          | marginal ns/cell wall | marginal ns/cell CPU`,
    );
    for (const r of rows) {
      const extra = r.cells - tinyCells;
      const cols = [
        `${r.km} km`.padStart(6),
        `${formatMs(r.gdal!.wall)} / ${formatMs(r.gdal!.cpu)} CPU`.padEnd(22),
        `${formatMs(r.tiny!.wall)} / ${formatMs(r.tiny!.cpu)} CPU`.padEnd(22),
        ns(((r.gdal!.wall - r.tiny!.wall) * 1e6) / extra).padStart(21),
        ns(((r.gdal!.cpu - r.tiny!.cpu) * 1e6) / extra).padStart(20),
      ];
      line(`  ${cols.join(' | ')}`);
    }
    const gdalPerCell = ((site.gdal!.cpu - site.tiny!.cpu) * 1e6) / (site.cells - tinyCells);
    line(
      `  at ${SITE_RADIUS_KM} km, ns CPU per cell: ours kernel (line of sight + path loss) ${ns(oursPerCell)}, ` +
        `ours kernel (line of sight alone) ${ns((site.sweep.cpu * 1e6) / site.cells)}, gdal_viewshed marginal (line of sight) ${ns(gdalPerCell)}`,
    );

    // 3: one site end to end, as a user runs it.
    const cli = ourCli();
    const siteX = REFERENCE_ORIGIN.x + (c + 0.5) * CELL_M;
    const siteY = REFERENCE_ORIGIN.y - (c + 0.5) * CELL_M;
    const oursOut = join(dir, 'ours.tif');
    const oursArgs = [
      ...cli.args,
      ...['coverage', 'viewshed', '--dem', tif, '--x', String(siteX), '--y', String(siteY)],
      ...['--height', String(ANTENNA_M), '--receiver-height', String(RECEIVER_M)],
      ...['--radius-km', String(SITE_RADIUS_KM), '--out', oursOut],
    ];
    line();
    line(
      `one site, ${SITE_RADIUS_KM} km radius, end to end: whole processes on the same GeoTIFF (${formatInt(site.cells)} cells in the radius)`,
    );
    line(
      `  ours: ${cli.how} coverage viewshed — reads the DEM GeoTIFF, sweeps, writes a Byte COG (DEFLATE, overviews)`,
    );
    line('  gdal_viewshed: reads the DEM GeoTIFF, viewshed, writes an uncompressed GeoTIFF');
    line(`  (${describeLoad()} before)`);
    const [ours, gdal, startup] = interleaved([
      () => timeProcess(cli.tool, oursArgs),
      gdalRun(SITE_RADIUS_KM * 1000),
      () => timeProcess(cli.tool, [...cli.args, '--version']),
    ]);
    line(`  (${describeLoad()} after)`);
    line(`  ours, median of ${RUNS} interleaved: ${show(ours!)}`);
    line(`  gdal_viewshed, median of ${RUNS} interleaved: ${show(gdal!)}`);
    line(`  ours --version (Node and CLI start-up alone), median of ${RUNS}: ${show(startup!)}`);
    const { cells, agreement } = await outputAgreement(oursOut, join(dir, 'gdal.tif'));
    line(`  the two output files agree on ${(100 * agreement).toFixed(2)} % of ${formatInt(cells)} cells`);
    const ratio = gdal!.wall / ours!.wall;
    line(
      `  gdal_viewshed / ours, whole process: ${ratio.toFixed(2)}× wall, ${(gdal!.cpu / ours!.cpu).toFixed(2)}× CPU` +
        ` — goal "faster than gdal_viewshed" (wall, whole process): ${ratio > 1 ? 'met' : 'NOT met'}`,
    );

    const r = sweepWithLoss(dem, SITE_RADIUS_KM * 1000, reused, true);
    const loss = reused.loss;
    const lossOf = (seen: number) => {
      const xs: number[] = [];
      for (let i = 0; i < r.width * r.height; i++) {
        if (r.distanceM[i]! <= SITE_RADIUS_KM * 1000 && r.visible[i] === seen) xs.push(loss[i]!);
      }
      return `${median(xs).toFixed(1)} dB`;
    };
    line(`  path loss at ${FREQ_MHZ} MHz, median: visible cells ${lossOf(1)}, obstructed cells ${lossOf(0)}`);
    await printLineOfSightAccuracy(dir, true);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
