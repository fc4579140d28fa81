/**
 * The planner at province scale: the synthetic province of the coverage benchmarks (5,000 × 5,000 cells at 30 m,
 * about 24 million cells with people, 135 communes, its west edge the border), about 5,000 generated candidates with
 * their 5G coverage cached on disk, k = 300. Times the plan as a user's re-plan runs it once the candidates' coverage
 * is cached: reading the cached coverages and building the instance, merging identical demand, greedy, swaps and the
 * bound; the merged size, the gap and the peak RSS. The first run computes and caches the coverages (timed apart).
 *
 * npx tsx bench/planner/province-scale.ts [--cache=DIR] [--runs=N] [--k=300]
 */
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_COVERAGE_PARAMS, type CoverageParams } from '../../src/engines/coverage/predict/coverage-params.js';
import { rasterizeUnits } from '../../src/engines/coverage/zones/rasterize-units.js';
import { generatedCandidates } from '../../src/engines/planner/candidates.js';
import { DEFAULT_5G_RADIO } from '../../src/domain/planner/plan-settings.js';
import { ThreadedMastCoverer, type MastCoverer } from '../../src/engines/planner/mast-coverer.js';
import { planDem, preparePlanInputs, type PlanArea } from '../../src/engines/planner/plan-inputs.js';
import { solvePlan } from '../../src/engines/planner/solve-plan.js';
import { describeLoad } from '../machine.js';
import { line } from '../report.js';
import { formatInt } from '../stats.js';
import { MemorySampler } from '../coverage/memory.js';
import { buildCommunes, buildProvince } from '../coverage/province.js';

const SIDE = 5000;
const CELL_M = 30;
const SEED = 20250701;
const GOAL_S = 10;
const GOAL_GAP = 0.005;
const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const mib = (bytes: number) => `${formatInt(bytes / 2 ** 20)} MiB`;

/** The synthetic province as a plan's area: communes touching the west edge are the border ones. */
function provinceArea(): PlanArea {
  const province = buildProvince(SIDE, SIDE, 3_600_000, SEED);
  const units = buildCommunes(province, 135, SEED);
  const zones = rasterizeUnits(units, SIDE, SIDE);
  const border = units.map((polygons) => polygons.some((rings) => rings[0]!.some(([x]) => x <= 1e-6)));
  const bigTowns = new Set(
    [...province.towns]
      .sort((a, b) => b.people - a.people)
      .slice(0, 2)
      .map((t) => zones.whole[Math.round(t.y) * SIDE + Math.round(t.x)]),
  );
  return {
    grid: {
      crs: '+proj=utm +zone=49 +datum=WGS84 +units=m +no_defs',
      originX: 300_000,
      originY: 1_650_000,
      cellSizeM: CELL_M,
      width: SIDE,
      height: SIDE,
    },
    dem: province.dem,
    population: province.population,
    zones,
    units: units.map((_, u) => ({ isBorder: border[u]!, isEconomicZone: bigTowns.has(u) })),
    unitCodes: units.map((_, u) => `GL-${String(u + 1).padStart(3, '0')}`),
    unitNames: units.map((_, u) => `Xã ${u + 1}`),
    unitTypes: units.map(() => 'commune'),
  };
}

async function withCoverer<T>(
  area: PlanArea,
  params: CoverageParams,
  cacheDir: string,
  work: (coverer: MastCoverer) => Promise<T>,
) {
  const coverer = new ThreadedMastCoverer(planDem(area), params, cacheDir);
  try {
    return await work(coverer);
  } finally {
    await coverer.close();
  }
}

export async function runPlannerScaleBench(options: { cache?: string; runs?: number; k?: number } = {}) {
  const runs = options.runs ?? 3;
  const k = options.k ?? 300;
  const cacheDir = options.cache ?? join(os.tmpdir(), 'dx-plan-scale-cache');
  mkdirSync(cacheDir, { recursive: true });
  const memory = new MemorySampler();
  try {
    const area = provinceArea();
    const params = { ...DEFAULT_COVERAGE_PARAMS, cellSizeM: CELL_M };
    const allowed = Uint8Array.from(area.zones.whole, (unit, cell) =>
      unit >= 0 && area.population[cell]! >= 0 && area.dem[cell]! > 0 ? 1 : 0,
    );
    const candidates = generatedCandidates(area.grid, area.dem, allowed, () => 'rural', {
      latticeKm: 1.65,
      minSpacingKm: 1.2,
      template: DEFAULT_5G_RADIO,
      cost: 1,
      codePrefix: 'N',
    });
    let people = 0;
    let cells = 0;
    area.population.forEach((p) => {
      if (p > 0) {
        people += p;
        cells++;
      }
    });
    line(
      `planner at province scale: ${SIDE} × ${SIDE} cells of ${CELL_M} m, ${formatInt(cells)} cells with people (${formatInt(people)} people), ` +
        `${formatInt(candidates.length)} candidates, k = ${k}; cache ${cacheDir}`,
    );
    const setup = { area, sites: [], candidates, params, weights: { economicZone: 1, border: 1 }, points: [] };
    const first = performance.now();
    const warmUp = await withCoverer(area, params, cacheDir, (coverer) => preparePlanInputs(setup, coverer));
    line(
      `  candidate coverage: ${((performance.now() - first) / 1000).toFixed(1)} s with ${formatInt(warmUp.masts.cacheMisses)} computed, ` +
        `${formatInt(warmUp.masts.cacheHits)} from the cache (not part of the figures below)`,
    );
    const results: {
      prepare: number;
      solve: number;
      total: number;
      timings: Record<string, number>;
      gap: number;
      rss: number;
    }[] = [];
    for (let run = 0; run < runs; run++) {
      line(`  run ${run + 1}/${runs}, before: ${describeLoad()}`);
      memory.mark();
      const t0 = performance.now();
      const inputs = await withCoverer(area, params, cacheDir, (coverer) => preparePlanInputs(setup, coverer));
      const t1 = performance.now();
      const solution = solvePlan(inputs.instance, { maxSites: k }, { timeLimitMs: 60_000 });
      const t2 = performance.now();
      const rss = memory.sinceMark().rss;
      results.push({
        prepare: t1 - t0,
        solve: t2 - t1,
        total: t2 - t0,
        timings: solution.timings,
        gap: solution.gap,
        rss,
      });
      const stages = Object.entries(solution.timings)
        .map(([name, ms]) => `${name} ${(ms / 1000).toFixed(2)} s`)
        .join(', ');
      line(
        `    read the cached coverages and build the instance ${((t1 - t0) / 1000).toFixed(2)} s (${formatInt(inputs.demandCells)} demand cells merged into ${formatInt(inputs.instance.demandCount)} points, ` +
          `${formatInt(inputs.instance.candDemand.length)} candidate–point pairs); solve ${((t2 - t1) / 1000).toFixed(2)} s (${stages}); ` +
          `gap ${(100 * solution.gap).toFixed(3)} %; peak RSS ${mib(rss)}; after: ${describeLoad()}`,
      );
    }
    const m = (f: (r: (typeof results)[number]) => number) => median(results.map(f));
    line(
      `  median of ${runs}: build ${(m((r) => r.prepare) / 1000).toFixed(2)} s, solve ${(m((r) => r.solve) / 1000).toFixed(2)} s, ` +
        `total ${(m((r) => r.total) / 1000).toFixed(2)} s, gap ${(100 * m((r) => r.gap)).toFixed(3)} %, peak RSS ${mib(Math.max(...results.map((r) => r.rss)))}`,
    );
    const met = m((r) => r.total) <= GOAL_S * 1000 && m((r) => r.gap) <= GOAL_GAP;
    line(`  ≤ ${GOAL_S} s and gap ≤ ${100 * GOAL_GAP} %: ${met ? 'met' : 'NOT met'}`);
  } finally {
    await memory.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      cache: { type: 'string' },
      runs: { type: 'string', default: '3' },
      k: { type: 'string', default: '300' },
    },
  });
  await runPlannerScaleBench({ cache: values.cache, runs: Number(values.runs), k: Number(values.k) });
}
