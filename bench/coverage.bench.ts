/**
 * The province benchmark of the coverage engine: `runCoverageModel` over a synthetic province the size
 * of Gia Lai (5,000 × 5,000 cells of 30 m, 3.6 million people, 135 communes, 3,000 sectors of 2G and
 * 4G), then how the time grows with the number of sites and with the radius on a 2,000 × 2,000 crop.
 * Prints figures; asserts nothing. The goal (≤ 60 s for the province on the 2-core machine) is
 * reported as met or not.
 *
 * Standalone: npx tsx -e "import('./bench/coverage.bench.ts').then(m => m.runCoverageBench())"
 *        or: npx tsx bench/coverage.bench.ts [--scale=small]
 */
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import type { Technology } from '../src/domain/coverage/technology.js';
import { DEFAULT_COVERAGE_PARAMS, type CoverageParams } from '../src/engines/coverage/predict/coverage-params.js';
import { runCoverageModel, type ModelInputs, type ModelOutputs } from '../src/engines/coverage/run-model.js';
import { rasterizeUnits, zonalSums, type ZoneMap } from '../src/engines/coverage/zones/rasterize-units.js';
import type { GridSpec } from '../src/engines/coverage/raster/raster.js';
import { siteModel, type GridSite, type SiteModel } from '../src/engines/coverage/predict/site-signal.js';
import { groupIntoMasts, type Mast } from '../src/engines/coverage/predict/masts.js';
import { mastsForTile, splitIntoTiles } from '../src/engines/coverage/predict/predict-tile.js';
import { MemorySampler, type MemoryPeaks } from './coverage/memory.js';
import {
  buildCommunes,
  buildPopulation,
  buildSites,
  buildTerrain,
  cropProvince,
  DEFAULT_SITE_MIX,
  type Province,
} from './coverage/province.js';

export type CoverageBenchScale = 'full' | 'small';

interface ScaleSpec {
  side: number;
  people: number;
  communes: number;
  sectors: number;
  crop: { x0: number; y0: number; size: number };
  siteCounts: number[];
  radiusSites: number;
  radiiKm: number[];
}

const SCALES: Record<CoverageBenchScale, ScaleSpec> = {
  full: {
    side: 5000,
    people: 3_600_000,
    communes: 135,
    sectors: 3000,
    crop: { x0: 650, y0: 1100, size: 2000 }, // around the highland city
    // 250…2,000 as the issue lists would add about 12 more minutes of the same linear figures.
    siteCounts: [125, 250, 500, 1000],
    radiusSites: 500,
    radiiKm: [5, 10, 15, 20],
  },
  small: {
    side: 1000,
    people: 144_000, // the full province's density
    communes: 27,
    sectors: 150,
    crop: { x0: 0, y0: 0, size: 1000 },
    siteCounts: [25, 50, 100, 150],
    radiusSites: 50,
    radiiKm: [5, 10, 15, 20],
  },
};

const SEED = 20250701;
const CELL_M = 30;
const TECHNOLOGIES: readonly Technology[] = ['2G', '4G'];
const GOAL_S = 60;
const POOL = Math.max(1, os.availableParallelism());

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const mib = (bytes: number) => `${int(bytes / 2 ** 20)} MiB`;
const secs = (ms: number) => (ms >= 100_000 ? `${(ms / 1000).toFixed(0)} s` : `${(ms / 1000).toFixed(2)} s`);
const pct = (x: number) => `${(100 * x).toFixed(2)} %`;
const now = () => performance.now();
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

function describeMachine(): string {
  const cpus = os.cpus();
  const model = cpus[0]?.model.trim() ?? 'unknown CPU';
  return (
    `machine: ${model}, ${cpus.length} cores (availableParallelism ${os.availableParallelism()}), ` +
    `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM (${(os.freemem() / 2 ** 30).toFixed(1)} GiB free), ` +
    `Node ${process.version}, V8 ${process.versions.v8}, ${os.platform()} ${os.release()}, ` +
    `load average ${os.loadavg()[0]!.toFixed(2)}`
  );
}

function gridFor(side: number): GridSpec {
  // UTM 49N, the zone of Pleiku and Quy Nhơn; the origin only places the grid.
  return {
    crs: '+proj=utm +zone=49 +datum=WGS84 +units=m +no_defs',
    originX: 300_000,
    originY: 1_650_000,
    cellSizeM: CELL_M,
    width: side,
    height: side,
  };
}

function quantiles(values: Float32Array, stride: number, qs: number[]): number[] {
  const sample: number[] = [];
  for (let i = 0; i < values.length; i += stride) sample.push(values[i]!);
  sample.sort((a, b) => a - b);
  return qs.map((q) => sample[Math.min(sample.length - 1, Math.floor(q * sample.length))]!);
}

function describeSites(sites: readonly GridSite[], models: readonly SiteModel[], masts: number): string[] {
  const count = (f: (s: GridSite) => boolean) => sites.filter(f).length;
  const lines = [
    `sites: ${int(sites.length)} sector records on ${int(masts)} masts (sectors at one position and antenna height; 65° × 7° panels): ` +
      TECHNOLOGIES.map((t) => `${t} ${int(count((s) => s.technology === t))}`).join(', ') +
      `; rural ${int(count((s) => s.environment === 'rural'))}, suburban ${int(count((s) => s.environment === 'suburban'))}, ` +
      `urban ${int(count((s) => s.environment === 'urban'))}`,
  ];
  for (const tech of TECHNOLOGIES) {
    const radii = sites.flatMap((s, i) => (s.technology === tech ? [models[i]!.radiusM / 1000] : []));
    if (radii.length === 0) continue;
    const capped = radii.filter((r) => r >= DEFAULT_COVERAGE_PARAMS.maxRadiusKm - 1e-9).length;
    const band = tech === '2G' ? '900 MHz, Okumura–Hata' : '1,800 MHz, COST-231 Hata';
    lines.push(
      `  ${tech} (${band}): radius to the threshold ${Math.min(...radii).toFixed(1)}–${Math.max(...radii).toFixed(1)} km, ` +
        `mean ${(radii.reduce((a, b) => a + b, 0) / radii.length).toFixed(1)} km; ${int(capped)} at the ${DEFAULT_COVERAGE_PARAMS.maxRadiusKm} km cap`,
    );
  }
  return lines;
}

/** Σ over tiles of the masts whose reach overlaps the tile: what predictTile considers before its bounds. */
function mastTilePairs(
  grid: { width: number; height: number; cellSizeM: number },
  masts: readonly Mast[],
  tileCells: number,
): number {
  let pairs = 0;
  for (const tile of splitIntoTiles(grid.width, grid.height, tileCells))
    pairs += mastsForTile(tile, masts, grid.cellSizeM).length;
  return pairs;
}

/** Cells a worker's SweepCells list holds: 2^20 to start, doubled until it takes the largest (mast, clip) overlap. */
function sweepListCells(tileCells: number): number {
  const need = Math.ceil(1.1 * tileCells);
  let capacity = 2 ** 20;
  while (capacity < need) capacity *= 2;
  return capacity;
}

interface TimedRun {
  result: ModelOutputs;
  wallMs: number;
  cpuMs: number;
  firstTileMs: number;
  lastTileMs: number;
}

async function timedRun(
  inputs: ModelInputs,
  progress?: (done: number, total: number, ms: number) => void,
): Promise<TimedRun> {
  const start = now();
  const cpu0 = cpuMs();
  let firstTileMs = Number.NaN;
  let lastTileMs = Number.NaN;
  const result = await runCoverageModel(inputs, {
    poolSize: POOL,
    onProgress: (done, total) => {
      const t = now() - start;
      if (done === 1) firstTileMs = t;
      lastTileMs = t;
      progress?.(done, total, t);
    },
  });
  return { result, wallMs: now() - start, cpuMs: cpuMs() - cpu0, firstTileMs, lastTileMs };
}

/** One unit over the whole grid: the scaling runs time the engine, not the communes. */
function oneUnit(width: number, height: number): ZoneMap {
  return {
    width,
    height,
    whole: new Int32Array(width * height).fill(0),
    partial: { cell: new Int32Array(0), unit: new Int32Array(0), share: new Float32Array(0) },
  };
}

function memoryLine(label: string, peaks: MemoryPeaks): string {
  return (
    `  ${label}: peak RSS ${mib(peaks.rss)} (whole process, workers included); main-thread peaks: ` +
    `V8 heap ${mib(peaks.heapUsed)}, ArrayBuffers ${mib(peaks.arrayBuffers)}`
  );
}

export async function runCoverageBench(options: { scale?: CoverageBenchScale } = {}): Promise<void> {
  const scaleName = options.scale ?? scaleFromArgv();
  const spec = SCALES[scaleName];
  const memory = new MemorySampler(100);
  try {
    await bench(scaleName, spec, memory);
  } finally {
    await memory.stop();
  }
}

function scaleFromArgv(): CoverageBenchScale {
  const arg = process.argv.find((a) => a.startsWith('--scale='));
  const value = arg?.slice('--scale='.length);
  return value === 'small' ? 'small' : 'full';
}

async function bench(scaleName: CoverageBenchScale, spec: ScaleSpec, memory: MemorySampler): Promise<void> {
  const log = (text = '') => console.log(text);
  const baseline = process.memoryUsage();
  log(`== coverage: province benchmark (scale ${scaleName}) ==`);
  log(describeMachine());
  log(`baseline before any data: RSS ${mib(baseline.rss)}, V8 heap ${mib(baseline.heapUsed)}`);

  // ---- The province (synthetic: not part of the timed run) ----
  memory.mark();
  const side = spec.side;
  const cells = side * side;
  const grid = gridFor(side);
  let t = now();
  const terrain = buildTerrain(side, side, SEED);
  const terrainMs = now() - t;
  t = now();
  const people = buildPopulation(side, side, terrain.dem, terrain.coastX, spec.people, SEED);
  const peopleMs = now() - t;
  const province: Province = { width: side, height: side, ...terrain, ...people };
  t = now();
  const communes = buildCommunes(province, spec.communes, SEED);
  const communesMs = now() - t;
  t = now();
  const sites = buildSites(province, { ...DEFAULT_SITE_MIX, sectors: spec.sectors }, SEED);
  const sitesMs = now() - t;
  const params: CoverageParams = { ...DEFAULT_COVERAGE_PARAMS, cellSizeM: CELL_M };
  const models = sites.map((s) => siteModel(s, params));
  const masts = groupIntoMasts(sites, models, CELL_M);
  const pairsInReach = mastTilePairs(grid, masts, params.tileCells);
  const synthMem = memory.sinceMark();

  const [zMin, z10, z50, z90, zMax] = quantiles(terrain.dem, 7, [0, 0.1, 0.5, 0.9, 0.99999]);
  let land = 0;
  for (let y = 0; y < side; y++) land += terrain.coastX[y]!;
  let rasterPeople = 0;
  for (let i = 0; i < cells; i++) rasterPeople += province.population[i]!;
  const km = (side * CELL_M) / 1000;
  log();
  log(
    `province: ${int(side)} × ${int(side)} cells of ${CELL_M} m = ${km} × ${km} km (${int(km * km)} km², ` +
      `land ${int((land * CELL_M * CELL_M) / 1e6)} km²), ${int(cells)} cells, seed ${SEED}`,
  );
  log(
    `  terrain: plateau → mountain belt → coast; elevation min ${zMin!.toFixed(0)} m, p10 ${z10!.toFixed(0)} m, ` +
      `median ${z50!.toFixed(0)} m, p90 ${z90!.toFixed(0)} m, max ${zMax!.toFixed(0)} m`,
  );
  log(
    `  people: ${int(rasterPeople)} in the raster (${int(province.towns.length)} Gaussian towns and villages hold 60 %, ` +
      `the rest spread by a noise field thinning with altitude)`,
  );
  for (const line of describeSites(sites, models, masts.length)) log(`  ${line}`);
  log(
    `  synthetic generation (not timed as the run): terrain ${secs(terrainMs)}, people ${secs(peopleMs)}, ` +
      `commune polygons ${secs(communesMs)}, sites ${secs(sitesMs)}`,
  );

  // ---- Timed: inputs (zone map), engine (tiles), zonal sums ----
  log();
  log(
    `run: runCoverageModel, ${TECHNOLOGIES.join(' + ')}, default params at ${CELL_M} m (maxRadiusKm ${params.maxRadiusKm}, tileCells ${params.tileCells}), pool of ${POOL} workers`,
  );

  // The pool's own cost: start the workers (tsx compiles the worker in each), 4 empty tiles, close.
  const empty = await timedRun({
    grid: gridFor(64),
    dem: new Float32Array(64 * 64),
    population: new Float32Array(64 * 64),
    zones: oneUnit(64, 64),
    unitCodes: ['U'],
    sites: [],
    technologies: TECHNOLOGIES,
    params: { ...params, tileCells: 32 },
  });

  memory.mark();
  const runStart = now();
  const runCpu0 = cpuMs();
  t = now();
  const zones = rasterizeUnits(communes, side, side);
  const zonesMs = now() - t;
  const inputs: ModelInputs = {
    grid,
    dem: province.dem,
    population: province.population,
    zones,
    unitCodes: communes.map((_, i) => `C${String(i + 1).padStart(3, '0')}`),
    sites,
    technologies: TECHNOLOGIES,
    params,
  };
  let nextReport = 0.2;
  const run = await timedRun(inputs, (done, total, ms) => {
    if (done / total >= nextReport - 1e-9) {
      log(`  … ${done}/${total} tiles after ${secs(ms)}`);
      while (nextReport <= done / total + 1e-9) nextReport += 0.2;
    }
  });
  const totalMs = now() - runStart;
  const totalCpu = cpuMs() - runCpu0;
  const runMem = memory.sinceMark();
  const r = run.result;

  // Zonal sums alone, re-done here the engine's way (population once, then covered per technology).
  t = now();
  zonalSums(zones, province.population, null, communes.length);
  for (const tech of TECHNOLOGIES) {
    const level = r.bestSignalDbm[tech]!;
    const mask = new Uint8Array(cells);
    const threshold = params.thresholdsDbm[tech];
    for (let i = 0; i < cells; i++) mask[i] = level[i]! >= threshold ? 1 : 0;
    zonalSums(zones, province.population, mask, communes.length);
  }
  const zonalMs = now() - t;

  const wholeCells = zones.whole.reduce((a, u) => a + (u >= 0 ? 1 : 0), 0);
  log(
    `  total wall (zone map + runCoverageModel) ${secs(totalMs)} (goal ≤ ${GOAL_S} s: ${totalMs <= GOAL_S * 1000 ? 'met' : 'NOT met'}); CPU ${secs(totalCpu)} over all threads`,
  );
  log(`  stages:`);
  log(
    `    inputs: rasterizeUnits of ${communes.length} communes ${secs(zonesMs)} (${int(wholeCells)} whole cells, ${int(zones.partial.cell.length)} partial entries)`,
  );
  log(
    `    engine tiles: ${secs(run.lastTileMs)} from the call to the last tile (first tile back after ${secs(run.firstTileMs)}; ` +
      `the pool alone, start + 4 empty tiles + close: ${secs(empty.wallMs)})`,
  );
  log(
    `    after the last tile (pool close, threshold masks, zonal sums): ${secs(run.wallMs - run.lastTileMs)}; ` +
      `the zonal sums and masks alone, re-timed: ${secs(zonalMs)}`,
  );
  const levels = r.levelsComputed + r.levelsSkipped;
  log(
    `  tiles ${r.tiles} of ${params.tileCells} × ${params.tileCells}; masts ${int(masts.length)} (${int(sites.length)} sector records); ` +
      `masts swept (Σ over tiles) ${int(r.mastsSwept)} of ${int(pairsInReach)} (tile, mast) pairs in reach ` +
      `(${(r.mastsSwept / Math.max(1, masts.length)).toFixed(2)} tiles a mast` +
      (pairsInReach > r.mastsSwept
        ? `; the other ${int(pairsInReach - r.mastsSwept)} skipped whole by the bound)`
        : ')'),
  );
  log(
    `  cell levels computed ${int(r.levelsComputed)}, skipped by the bound ${int(r.levelsSkipped)} ` +
      `(${pct(r.levelsSkipped / Math.max(1, levels))} of the swept cells' levels; blocks left unswept are not counted)`,
  );
  log(
    `  engine (runCoverageModel) wall ${secs(run.wallMs)}, CPU ${secs(run.cpuMs)} over all threads; ` +
      `per grid cell ${((run.wallMs * 1e6) / cells).toFixed(0)} ns wall`,
  );
  const total = r.total;
  log(
    `  province shares (people covered at the "good" threshold): ` +
      TECHNOLOGIES.map(
        (tech) =>
          `${tech} ${pct((total.covered[tech] ?? 0) / total.population)} (${int(total.covered[tech] ?? 0)} of ${int(total.population)}; ≥ ${params.thresholdsDbm[tech]} dBm)`,
      ).join(', '),
  );
  log(
    `  people in the communes ${int(total.population)} vs ${int(rasterPeople)} in the raster (Δ ${(total.population - rasterPeople).toFixed(1)})`,
  );
  for (const tech of TECHNOLOGIES) {
    const shares = r.units.filter((u) => u.population > 0).map((u) => (u.covered[tech] ?? 0) / u.population);
    shares.sort((a, b) => a - b);
    const q = (p: number) => pct(shares[Math.min(shares.length - 1, Math.floor(p * shares.length))]!);
    log(
      `  ${tech} share by commune: min ${q(0)}, p25 ${q(0.25)}, median ${q(0.5)}, p75 ${q(0.75)}, max ${q(1)}; ` +
        `${shares.filter((s) => s < 0.5).length} of ${shares.length} communes below 50 %`,
    );
  }

  // ---- Memory ----
  const overall = memory.overall();
  const maxResource = process.resourceUsage().maxRSS * 1024;
  // t² is the largest tile's cells: the grid may be smaller than params.tileCells a side.
  const tileSq = Math.min(params.tileCells, side) ** 2;
  const scratchBytes = 21 * sweepListCells(tileSq);
  const tileBytes = 8 * TECHNOLOGIES.length * tileSq;
  const maskBytes = tileSq;
  const partialBytes = 12 * zones.partial.cell.length;
  const perCell = 4 + 4 + 4 + 4 + 8 * TECHNOLOGIES.length + 1;
  const workers = Math.min(POOL, r.tiles);
  const predicted = perCell * cells + partialBytes + workers * (scratchBytes + 2 * tileBytes + maskBytes);
  log();
  log('memory:');
  log(memoryLine('synthetic generation', synthMem));
  log(memoryLine('timed run', runMem));
  log(
    `  whole benchmark so far: peak RSS ${mib(overall.rss)} sampled every 100 ms, ${mib(maxResource)} by getrusage (maxRSS)`,
  );
  log(
    `  formula for the run (N cells, T technologies, W workers, t the tile side): ` +
      `main thread (4 DEM + 4 its shared copy + 4 people + 4 zone map + 8·T level and best server + 1 mask) · N ` +
      `+ 12 bytes a partial zone entry; each worker a growable list of swept cells, 21 bytes a cell ` +
      `(Int32 col + Int32 row + Float32 distance + Uint8 visible + 2 × Float32 obstacle), 2^20 cells doubled until it ` +
      `holds the largest (mast, clip) overlap (at most about 1.1·t²), + 8·T·t² Float32 level and Int32 server a tile ` +
      `(twice in flight) + t² Uint8 nodata mask`,
  );
  log(
    `  = ${perCell} bytes × ${int(cells)} + ${mib(partialBytes)} partial + ${workers} × (${mib(scratchBytes)} cell list + 2 × ${mib(tileBytes)} tile + ${mib(maskBytes)} mask) ` +
      `= ${mib(predicted)} of arrays, over the ${mib(baseline.rss)} baseline: ${mib(predicted + baseline.rss)} predicted; ` +
      `measured run peak ${mib(runMem.rss)}`,
  );

  // ---- Scaling on a crop ----
  const { x0, y0, size } = spec.crop;
  const crop = x0 === 0 && y0 === 0 && size === side ? province : cropProvince(province, x0, y0, size);
  const cropGrid = gridFor(size);
  const cropSites = buildSites(
    crop,
    { ...DEFAULT_SITE_MIX, sectors: Math.max(...spec.siteCounts, spec.radiusSites) },
    SEED + 1,
  );
  const cropZones = oneUnit(size, size);
  const cropInputs = (n: number, p: CoverageParams): ModelInputs => ({
    grid: cropGrid,
    dem: crop.dem,
    population: crop.population,
    zones: cropZones,
    unitCodes: ['crop'],
    sites: cropSites.slice(0, n),
    technologies: TECHNOLOGIES,
    params: p,
  });
  const header = ' | tiles | masts swept | levels computed | levels skipped |   wall   |   CPU    | 2G / 4G covered';
  const row = (label: string, run: TimedRun) =>
    [
      label,
      String(run.result.tiles).padStart(5),
      int(run.result.mastsSwept).padStart(11),
      int(run.result.levelsComputed).padStart(15),
      int(run.result.levelsSkipped).padStart(14),
      secs(run.wallMs).padStart(8),
      secs(run.cpuMs).padStart(8),
      TECHNOLOGIES.map((tech) => pct((run.result.total.covered[tech] ?? 0) / run.result.total.population)).join(' / '),
    ].join(' | ');
  log();
  log(
    `scaling on a ${int(size)} × ${int(size)} crop (${(size * CELL_M) / 1000} km a side, origin cell ${x0}, ${y0}; ` +
      `one unit; sites built afresh for the crop, same mix, each count a prefix of the next):`,
  );
  log(`  with the number of sites (default params, maxRadiusKm ${params.maxRadiusKm}):`);
  log(`   sites${header}`);
  for (const n of spec.siteCounts) {
    const p = params;
    const run = await timedRun(cropInputs(n, p));
    log(`  ${row(int(n).padStart(6), run)}`);
  }
  log(`  with the radius (maxRadiusKm capped, ${spec.radiusSites} sites):`);
  log(`  radius${header}`);
  for (const km of spec.radiiKm) {
    const p = { ...params, maxRadiusKm: km };
    const run = await timedRun(cropInputs(spec.radiusSites, p));
    log(`  ${row(`${km} km`.padStart(6), run)}`);
  }
  const end = memory.overall();
  log();
  log(`benchmark peak RSS ${mib(end.rss)} (sampled), ${mib(process.resourceUsage().maxRSS * 1024)} (getrusage maxRSS)`);
  log(
    `load average at the end ${os.loadavg()[0]!.toFixed(2)} on ${os.cpus().length} cores (above the core count, other work competed)`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runCoverageBench();
}
