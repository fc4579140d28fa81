/**
 * The nation end to end, as a user runs `dx-compact coverage run` over the whole country: a synthetic
 * Vietnam (nation-files.ts: 34 provinces, 3,321 communes, 30,000 masts of three operators, 2G + 4G + 5G,
 * SRTM 3″ tiles and a 3″ population raster) read from files on disk tile by tile, COG outputs written,
 * indicators stored. Wall time per stage and in total, peak RSS of the process (the coordinator and its
 * worker threads together). Prints; asserts nothing.
 *
 * The input files are generated once into a folder (not timed) and kept for the next run.
 *
 * npm run bench -- coverage-nation [--scale=small]   (or npx tsx bench/coverage/nation.ts [--scale=small]
 *   [--cell=30] [--runs=1] [--inputs=<folder>] [--threads=N])
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
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
import { storeNation, writeNationFiles, type NationFiles, type NationScale } from './nation-files.js';

const GOAL_S = 600;
const GOAL_RSS = 2 * 2 ** 30;
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20).toLocaleString('en-US')} MiB`;
const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

interface Stages {
  prepare: number;
  tiles: number;
  finish: number;
  total: number;
  peakRss: number;
}

async function runOnce(files: InputFiles, cellSizeM: number, threads: number, memory: MemorySampler): Promise<Stages> {
  const db = await openPglite('memory://');
  const outputDir = mkdtempSync(join(os.tmpdir(), 'dx-nation-runs-'));
  try {
    await migrate(db);
    const { nation } = await storeNation(db, files.units);
    memory.mark();
    const t0 = Date.now();
    const run = await prepareStreamedRun(db, {
      rootUnit: nation,
      technologies: ['2G', '4G', '5G'],
      params: { cellSizeM },
      dem: files.dem,
      population: files.population,
      sites: files.sites,
    });
    const t1 = Date.now();
    let lastTile = t1;
    const { finished } = await startStreamedCoverageJob(db, run, {
      period: '2025',
      rootUnit: nation,
      actor: 'bench',
      requestId: null,
      outputDir,
      poolSize: threads,
      onProgress: (done, total) => {
        lastTile = Date.now();
        if (done === 1 || done % 10 === 0 || done === total)
          process.stderr.write(`    ${done}/${total} tiles at ${secs(lastTile - t1)}\n`);
      },
    });
    const done = await finished;
    const t2 = Date.now();
    if (done.status !== 'succeeded') throw new Error(`run ${done.id} ${done.status}: ${done.error ?? ''}`);
    const grids = run.plan.grids.map((g) => `${g.name} ${g.spec.width} × ${g.spec.height}`).join(', ');
    const total = done.result!.total;
    const share = (tech: '2G' | '4G' | '5G') => ((100 * (total.covered[tech] ?? 0)) / total.population).toFixed(2);
    line(
      `    ${run.plan.tiles.length} tiles of ${run.params.tileCells}² cells on ${grids}; ${run.sites.length.toLocaleString('en-US')} sector rows; ` +
        `${Math.round(total.population).toLocaleString('en-US')} people; main operator 2G ${share('2G')} %, 4G ${share('4G')} %, 5G ${share('5G')} %`,
    );
    return {
      prepare: t1 - t0,
      tiles: lastTile - t1,
      finish: t2 - lastTile,
      total: t2 - t0,
      peakRss: memory.sinceMark().rss,
    };
  } finally {
    await db.close();
    rmSync(outputDir, { recursive: true, force: true });
  }
}

export async function runNationBench(
  options: { scale?: NationScale; cellSizeM?: number; runs?: number; inputs?: string; threads?: number } = {},
) {
  const scale = options.scale ?? 'full';
  const cellSizeM = options.cellSizeM ?? 30;
  const runs = options.runs ?? 1;
  const threads = options.threads ?? os.availableParallelism();
  const folder = options.inputs ?? join(os.tmpdir(), `dx-nation-${scale}`);
  const memory = new MemorySampler();
  try {
    line(`coverage of the nation end to end, scale ${scale}, cells of ${cellSizeM} m, ${threads} worker thread(s)`);
    const t = Date.now();
    const files = writeOrReuse(folder, scale);
    line(`  inputs in ${folder} (${files.reused ? 'reused' : `written in ${secs(Date.now() - t)}`}, not timed below)`);
    const results: Stages[] = [];
    for (let i = 0; i < runs; i++) {
      line(`  run ${i + 1}/${runs}, before: ${describeLoad()}`);
      const r = await runOnce(files, cellSizeM, threads, memory);
      results.push(r);
      line(
        `    prepare (headers, sites, units, grids; inputs hashed) ${secs(r.prepare)}, tiles ${secs(r.tiles)}, ` +
          `finishing files + storing indicators ${secs(r.finish)}; total ${secs(r.total)}; peak RSS ${mib(r.peakRss)}`,
      );
      line(`    after: ${describeLoad()}`);
    }
    const m = (key: keyof Stages) => median(results.map((r) => r[key]));
    const peak = Math.max(...results.map((r) => r.peakRss));
    line(
      `  median of ${runs}: total ${secs(m('total'))} (prepare ${secs(m('prepare'))}, tiles ${secs(m('tiles'))}, finish ${secs(m('finish'))}); ` +
        `peak RSS ${mib(peak)}`,
    );
    const note = scale === 'small' || cellSizeM !== 30 ? ' (the goals are for the full nation at 30 m)' : '';
    line(
      `  ≤ ${GOAL_S / 60} min: ${m('total') <= GOAL_S * 1000 ? 'met' : 'NOT met'}; process ≤ 2 GB: ${peak <= GOAL_RSS ? 'met' : 'NOT met'}${note}`,
    );
  } finally {
    await memory.stop();
  }
}

type InputFiles = Pick<NationFiles, 'dem' | 'population' | 'sites' | 'units'>;

/** The inputs for a scale, written once into `folder` and reused while its files are there. */
function writeOrReuse(folder: string, scale: NationScale): InputFiles & { reused: boolean } {
  const paths = {
    population: join(folder, 'population-3s.tif'),
    sites: join(folder, 'sites.csv'),
    units: join(folder, 'units.geojson'),
  };
  if (Object.values(paths).every((path) => existsSync(path))) {
    const dem = readdirSync(folder)
      .filter((name) => name.endsWith('.hgt'))
      .sort()
      .map((name) => join(folder, name));
    if (dem.length > 0) return { ...paths, dem, reused: true };
  }
  return { ...writeNationFiles(folder, { scale }), reused: false };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: 'full' },
      cell: { type: 'string', default: '30' },
      runs: { type: 'string', default: '1' },
      inputs: { type: 'string' },
      threads: { type: 'string' },
    },
  });
  await runNationBench({
    scale: values.scale as NationScale,
    cellSizeM: Number(values.cell),
    runs: Number(values.runs),
    inputs: values.inputs,
    threads: values.threads ? Number(values.threads) : undefined,
  });
}
