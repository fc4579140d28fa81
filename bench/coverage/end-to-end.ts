/**
 * The province end to end, as a user runs `dx-compact coverage run --dem … --population … --sites …`:
 * prepareStreamedRun over the files on disk (headers, population checked strip by strip, sites, communes from
 * the database, grids), then startStreamedCoverageJob with an output folder until `finished`: each tile reads
 * its window of the files, its rasters go into the COG outputs as it completes, indicators stored at the end.
 * Wall time per stage and in total, peak RSS of the process. Prints; asserts nothing.
 *
 * Stages: "prepare" checks the population file holds counts (one pass over its pixels, a strip at a time),
 * hashes the input files and plans the grids (the terrain's pixels are read by the tiles); the tiles
 * run from the job's answer to the last progress report (reading and resampling each tile's window, the
 * prediction, and writing its blocks); from there, finishing the COG files and the site tables ends at
 * the newest output file's mtime, and the rest until `finished` is storing the indicators.
 *
 * npm run bench -- coverage-e2e [--scale=small] [--runs=N]   (or npx tsx bench/coverage/end-to-end.ts)
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { openPglite } from '../../src/db/pglite-database.js';
import { migrate } from '../../src/db/migrate.js';
import { prepareStreamedRun } from '../../src/jobs/streamed-inputs.js';
import { startStreamedCoverageJob } from '../../src/jobs/streamed-coverage.js';
import { describeLoad } from '../machine.js';
import { line } from '../report.js';
import { MemorySampler } from './memory.js';
import { buildCommunes, buildProvince, buildSites, DEFAULT_SITE_MIX } from './province.js';
import { CELL_M, communeBoundaries, storeCommunes, writeProvinceRasters, writeSitesCsv } from './province-files.js';

export type EndToEndScale = 'full' | 'small';

const SCALES: Record<EndToEndScale, { side: number; people: number; communes: number; sectors: number }> = {
  full: { side: 5000, people: 3_600_000, communes: 135, sectors: 3000 },
  small: { side: 1000, people: 144_000, communes: 27, sectors: 150 },
};
const SEED = 20250701;
const GOAL_S = 60;

const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20).toLocaleString('en-US')} MiB`;
const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
/** Wall clock in ms, comparable with file mtimes. */
const clock = () => Date.now();

interface Stages {
  prepare: number;
  startJob: number;
  tiles: number;
  outputs: number;
  indicators: number;
  total: number;
  peakRss: number;
}

async function runOnce(
  folder: string,
  boundaries: ReturnType<typeof communeBoundaries>,
  memory: MemorySampler,
): Promise<Stages> {
  // A fresh database each run, migrated and loaded with the communes: the user's state before the job (untimed).
  const db = await openPglite('memory://');
  try {
    await migrate(db);
    const root = await storeCommunes(db, boundaries);
    const outputDir = join(folder, 'runs');
    memory.mark();
    const t0 = clock();
    const prepared = await prepareStreamedRun(db, {
      rootUnit: root,
      technologies: ['2G', '4G'],
      params: { cellSizeM: CELL_M },
      dem: [join(folder, 'dem-30m.tif')],
      population: join(folder, 'population-30m.tif'),
      sites: join(folder, 'sites.csv'),
    });
    const t1 = clock();
    let lastTile = Number.NaN;
    const { runId, finished } = await startStreamedCoverageJob(db, prepared, {
      period: '2025-12',
      rootUnit: root,
      actor: 'bench',
      requestId: null,
      outputDir,
      poolSize: os.availableParallelism(),
      onProgress: (done, total) => {
        if (done === total) lastTile = clock();
      },
    });
    const t2 = clock();
    const run = await finished;
    const t3 = clock();
    const peakRss = memory.sinceMark().rss;
    if (run.status !== 'succeeded') throw new Error(`run ${runId} ${run.status}: ${run.error ?? ''}`);
    const runFolder = join(outputDir, runId);
    const files = readdirSync(runFolder).map((f) => statSync(join(runFolder, f)).mtimeMs);
    const written = Math.max(...files);
    line(
      `  run: grids ${prepared.plan.grids.map((g) => `${g.name} ${g.spec.width} × ${g.spec.height}`).join(', ')}, ` +
        `${prepared.sites.length} sectors, ${prepared.units.length} communes, ${files.length} output files, ${run.tilesTotal} tiles`,
    );
    return {
      prepare: t1 - t0,
      startJob: t2 - t1,
      tiles: lastTile - t2,
      outputs: written - lastTile,
      indicators: t3 - written,
      total: t3 - t0,
      peakRss,
    };
  } finally {
    await db.close();
  }
}

export async function runCoverageEndToEndBench(options: { scale?: EndToEndScale; runs?: number } = {}) {
  const scaleName = options.scale ?? 'full';
  const scale = SCALES[scaleName];
  const runs = options.runs ?? 3;
  const memory = new MemorySampler();
  const folder = mkdtempSync(join(os.tmpdir(), 'dx-coverage-e2e-'));
  try {
    line(
      `coverage end to end, scale ${scaleName}: ${scale.side.toLocaleString('en-US')} × ${scale.side.toLocaleString('en-US')} cells of ${CELL_M} m, ` +
        `${scale.sectors.toLocaleString('en-US')} sectors (2G + 4G), ${scale.communes} communes, pool of ${os.availableParallelism()} workers`,
    );
    const buildStart = clock();
    const province = buildProvince(scale.side, scale.side, scale.people, SEED);
    const sites = buildSites(province, { ...DEFAULT_SITE_MIX, sectors: scale.sectors }, SEED);
    const boundaries = communeBoundaries(buildCommunes(province, scale.communes, SEED), scale.side, scale.side);
    writeProvinceRasters(province, folder);
    writeSitesCsv(sites, folder);
    const sizes = ['dem-30m.tif', 'population-30m.tif', 'sites.csv']
      .map((f) => `${f} ${mib(statSync(join(folder, f)).size)}`)
      .join(', ');
    line(`  inputs written to a temp folder in ${secs(clock() - buildStart)} (not timed below): ${sizes}`);
    const results: Stages[] = [];
    for (let i = 0; i < runs; i++) {
      line(`  run ${i + 1}/${runs}, before: ${describeLoad()}`);
      const r = await runOnce(folder, boundaries, memory);
      results.push(r);
      line(
        `    prepare (hash inputs, plan grids) ${secs(r.prepare)}, start job ${secs(r.startJob)}, tiles ${secs(r.tiles)}, ` +
          `finishing + writing outputs ${secs(r.outputs)}, storing indicators ${secs(r.indicators)}; ` +
          `total ${secs(r.total)}; peak RSS ${mib(r.peakRss)}`,
      );
      line(`    after: ${describeLoad()}`);
      rmSync(join(folder, 'runs'), { recursive: true, force: true });
    }
    const m = (key: keyof Stages) => median(results.map((r) => r[key]));
    line(
      `  median of ${runs}: prepare ${secs(m('prepare'))}, start job ${secs(m('startJob'))}, tiles ${secs(m('tiles'))}, ` +
        `finishing + writing outputs ${secs(m('outputs'))}, storing indicators ${secs(m('indicators'))}; ` +
        `total ${secs(m('total'))}; peak RSS ${mib(Math.max(...results.map((r) => r.peakRss)))} (largest)`,
    );
    const cores = os.cpus().length;
    const met = m('total') <= GOAL_S * 1000;
    line(
      `  end to end ≤ ${GOAL_S} s on 2 cores: ${met ? 'met' : 'NOT met'} (median ${secs(m('total'))} on ${cores} cores` +
        `${scaleName === 'small' ? '; small scale, the goal is for the full province' : ''})`,
    );
  } finally {
    await memory.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: { scale: { type: 'string', default: 'full' }, runs: { type: 'string', default: '3' } },
  });
  await runCoverageEndToEndBench({ scale: values.scale as EndToEndScale, runs: Number(values.runs) });
}
