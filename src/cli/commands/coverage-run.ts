import { readCoverageCriterion } from '../../domain/coverage/read-criterion.js';
import { join } from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import { openDatabase, describeDatabase } from '../../db/open-database.js';
import { migrate } from '../../db/migrate.js';
import { demoCoverageInputs } from '../../jobs/demo-coverage.js';
import { startCoverageJob, type JobOptions } from '../../jobs/coverage-job.js';
import { prepareStreamedRun } from '../../jobs/streamed-inputs.js';
import { startStreamedCoverageJob } from '../../jobs/streamed-coverage.js';
import type { CoverageRun } from '../../db/coverage-runs.js';
import { startDistributedCoverageJob } from '../../jobs/distributed-coverage.js';
import { startDistributedStreamedJob } from '../../jobs/distributed-streamed.js';
import { coverageOutputDir } from '../../jobs/coverage-output-dir.js';
import type { Technology } from '../../domain/coverage/technology.js';
import { Invalid } from '../../domain/errors.js';
import { databaseConfig, type DatabaseFlags } from '../config.js';

export interface CoverageRunFlags extends DatabaseFlags {
  unit: string;
  period: string;
  demo?: boolean;
  dem?: string[];
  population?: string;
  sites?: string;
  tech: string;
  cell?: string;
  model?: string;
  criterion?: string;
  out?: string;
  distributed?: boolean;
}

const missingInputs = () =>
  new Invalid('coverage.inputs', 'Give --dem and --population (and --sites, or the stored sites are used), or --demo');

/** Runs coverage in this process with a progress bar and ETA; exits 0 only when the run succeeded. */
export async function coverageRunCommand(flags: CoverageRunFlags): Promise<void> {
  const config = databaseConfig(flags);
  const db = await openDatabase(config);
  try {
    await migrate(db);
    const technologies = flags.tech.split(',').map((t) => t.trim().toUpperCase()) as Technology[];
    const params = {
      ...(flags.cell ? { cellSizeM: Number(flags.cell) } : {}),
      ...(flags.model ? { model: flags.model as never } : {}),
      ...(flags.criterion ? { coverageCriterion: readCoverageCriterion(flags.criterion) } : {}),
    };
    if (flags.distributed && !config.databaseUrl)
      throw new Invalid('coverage.distributed', '--distributed needs a PostgreSQL server (--database-url)');
    const where = `Coverage of ${flags.unit} for ${flags.period} on ${describeDatabase(config)}`;
    let start: (options: JobOptions) => Promise<{ runId: string; finished: Promise<CoverageRun> }>;
    if (!flags.demo) {
      // Files on disk: streamed tile by tile, each tile reading its own window of them (here, or on the
      // queue's workers, each tile with its own window of them).
      if (!flags.dem?.length || !flags.population) throw missingInputs();
      const run = await prepareStreamedRun(db, {
        rootUnit: flags.unit,
        technologies,
        params,
        dem: flags.dem,
        population: flags.population,
        sites: flags.sites ?? 'stored',
      });
      const grids = run.plan.grids.map((g) => `${g.name} ${g.spec.width} × ${g.spec.height}`).join(', ');
      console.log(
        `${where}: ${run.plan.tiles.length} tiles of ${run.params.tileCells} × ${run.params.tileCells} cells of ` +
          `${run.params.cellSizeM} m on ${grids}; ${run.sites.length} sectors, ${technologies.join('/')}`,
      );
      start = flags.distributed
        ? (options) =>
            startDistributedStreamedJob(db, run, { ...options, queue: { connectionString: config.databaseUrl! } })
        : (options) => startStreamedCoverageJob(db, run, options);
    } else {
      // The demo's inputs are made in memory, on one grid.
      const prepared = await demoCoverageInputs(db, technologies, params);
      const { grid } = prepared;
      console.log(
        `${where}: ${grid.width} × ${grid.height} cells of ${grid.cellSizeM} m, ` +
          `${prepared.gridSites.length} sectors, ${technologies.join('/')}`,
      );
      const inMemory = prepared;
      start = flags.distributed
        ? (options) =>
            startDistributedCoverageJob(db, inMemory, { ...options, queue: { connectionString: config.databaseUrl! } })
        : (options) => startCoverageJob(db, inMemory, options);
    }
    const bar = new SingleBar(
      {
        format: 'tiles {bar} {value}/{total} | {percentage}% | elapsed {duration_formatted} | ETA {eta_formatted}',
        hideCursor: true,
      },
      Presets.shades_classic,
    );
    let started = false;
    const outputDir = flags.out ?? coverageOutputDir(config); // the folder `serve` reads too
    if (flags.distributed) console.log('Tiles are queued for `dx-compact worker` processes; start at least one.');
    const { runId, finished } = await start({
      period: flags.period,
      rootUnit: flags.unit,
      actor: process.env.USER ? `cli:${process.env.USER}` : 'cli',
      requestId: null,
      outputDir,
      onProgress: (done, total) => {
        if (!started) {
          bar.start(total, 0);
          started = true;
        }
        bar.update(done);
      },
    });
    const run = await finished;
    if (started) bar.stop();
    if (run.status !== 'succeeded') {
      console.error(`dx-compact: coverage run ${runId} ${run.status}${run.error ? `: ${run.error}` : ''}`);
      process.exitCode = 1;
      return;
    }
    const total = run.result!.total;
    for (const tech of run.result!.technologies) {
      const share = (100 * (total.covered[tech] ?? 0)) / total.population;
      console.log(
        `${tech}: ${share.toFixed(2)} % of ${Math.round(total.population).toLocaleString('en')} people covered`,
      );
    }
    console.log(`Run ${runId} succeeded; values written for ${flags.period}; GeoTIFFs in ${join(outputDir, runId)}`);
  } finally {
    await db.close();
  }
}
