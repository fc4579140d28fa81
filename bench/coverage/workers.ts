/**
 * A streamed run shared through the PostgreSQL queue, with one and with two `dx-compact worker` processes (one
 * thread each), interleaved A, B, A, B, …, after one local streamed run on one thread for reference: wall time of
 * each run (from starting the job to `finished`, the workers already waiting), medians, load average before and
 * after each run, and the peak resident set size (VmHWM) of the coordinator (this process, its peak reset before
 * each run) and of every worker process; and the size of the tile packages. The inputs are the synthetic
 * Vietnam's files; a fresh database on the server holds the runs. Prints; asserts nothing, except that every run
 * gives the local run's figures.
 *
 * npm run bench -- coverage-workers [--scale=small|full] [--url=postgres://…]
 *   (or npx tsx bench/coverage/workers.ts [--scale=…] [--runs=N] [--url=…])
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openPostgres } from '../../src/db/postgres-database.js';
import { migrate } from '../../src/db/migrate.js';
import type { Database } from '../../src/db/database.js';
import { prepareStreamedRun, type StreamedRunInputs } from '../../src/jobs/streamed-inputs.js';
import { startDistributedStreamedJob } from '../../src/jobs/distributed-streamed.js';
import { startStreamedCoverageJob, streamInitMessage } from '../../src/jobs/streamed-coverage.js';
import { openStreamTilePlanner, planStreamTile } from '../../src/engines/coverage/stream-tile-work.js';
import { packTilePackage } from '../../src/engines/coverage/tile-package-bytes.js';
import { describeLoad } from '../machine.js';
import { line } from '../report.js';
import { storeNation, writeNationFiles, type NationScale } from './nation-files.js';

export type WorkersScale = 'small' | 'full';

const SCALES: Record<WorkersScale, { nation: NationScale; cellSizeM: number; tileCells: number }> = {
  small: { nation: 'small', cellSizeM: 250, tileCells: 128 },
  full: { nation: 'full', cellSizeM: 100, tileCells: 256 },
};
const REPO = fileURLToPath(new URL('../..', import.meta.url));
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mib = (kib: number) => `${Math.round(kib / 1024).toLocaleString('en-US')} MiB`;
const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** Peak resident set size of a process in KiB (Linux), or NaN when it cannot be read. */
function peakRssKiB(pid: number | 'self'): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? Number.NaN);
  } catch {
    return Number.NaN;
  }
}

/** Resets this process's VmHWM to its current RSS, so the next reading is this run's peak (Linux ≥ 4.0). */
function resetOwnPeak(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

/** A `dx-compact worker` process from the sources, one thread; resolves once it waits for tiles. */
function startWorker(url: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(REPO, 'src/cli/main.ts'), 'worker', '--database-url', url, '--threads', '1'],
    { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let said = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      said += chunk.toString();
      if (said.includes('waiting for tiles')) resolve(child);
    });
    child.stderr!.on('data', (chunk: Buffer) => (said += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`worker exited (${code}) before it was ready: ${said.slice(-400)}`)));
  });
}

async function stopWorker(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

interface RunResult {
  workers: number;
  ms: number;
  coordinatorKiB: number;
  workerKiB: number[];
  total: unknown;
}

async function runOnce(
  db: Database,
  url: string,
  run: StreamedRunInputs,
  root: string,
  outputDir: string,
  workers: number,
  period: string,
): Promise<RunResult> {
  const children = await Promise.all(Array.from({ length: workers }, () => startWorker(url)));
  try {
    resetOwnPeak();
    const t0 = performance.now();
    const { finished } = await startDistributedStreamedJob(db, run, {
      period,
      rootUnit: root,
      actor: 'bench',
      requestId: null,
      outputDir,
      queue: { connectionString: url },
      pollMs: 100,
    });
    const done = await finished;
    const ms = performance.now() - t0;
    if (done.status !== 'succeeded') throw new Error(`run ${done.id} ${done.status}: ${done.error ?? ''}`);
    return {
      workers,
      ms,
      coordinatorKiB: peakRssKiB('self'),
      workerKiB: children.map((child) => peakRssKiB(child.pid!)),
      total: done.result!.total,
    };
  } finally {
    await Promise.all(children.map(stopWorker));
  }
}

/** Every tile's package packed as the coordinator stores it: sizes, and the time to plan, read and pack. */
async function packageSizes(run: StreamedRunInputs) {
  const planner = await openStreamTilePlanner(streamInitMessage(run));
  const bytes: number[] = [];
  const t0 = performance.now();
  try {
    for (const tile of run.plan.tiles) bytes.push(packTilePackage(await planStreamTile(planner, tile)).length);
  } finally {
    await planner.reader.close();
  }
  return { ms: performance.now() - t0, bytes };
}

/** A database of its own on the server (named after this process), dropped at the end. */
async function freshDatabase(url: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `dx_bench_workers_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const own = new URL(url);
  own.pathname = `/${name}`;
  return {
    url: own.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

export async function runCoverageWorkersBench(options: { scale?: WorkersScale; url: string; runs?: number }) {
  const scaleName = options.scale ?? 'small';
  const scale = SCALES[scaleName];
  const pairs = options.runs ?? 3;
  const folder = mkdtempSync(join(os.tmpdir(), 'dx-coverage-workers-'));
  const database = await freshDatabase(options.url);
  let db: Database | null = null;
  try {
    const t0 = performance.now();
    const files = writeNationFiles(join(folder, 'inputs'), { scale: scale.nation });
    db = await openPostgres(database.url);
    await migrate(db);
    const { nation } = await storeNation(db, files.units);
    const run = await prepareStreamedRun(db, {
      rootUnit: nation,
      technologies: ['2G', '4G'],
      params: { cellSizeM: scale.cellSizeM, tileCells: scale.tileCells },
      dem: files.dem,
      population: files.population,
      sites: files.sites,
    });
    line(
      `coverage with dx-compact worker processes, scale ${scaleName}: ${files.counts.provinces} provinces, ` +
        `${files.counts.communes} communes, ${run.sites.length} sectors (2G + 4G), ${run.plan.tiles.length} tiles of ` +
        `${scale.tileCells} × ${scale.tileCells} cells of ${scale.cellSizeM} m; inputs written and planned in ` +
        `${secs(performance.now() - t0)} (not timed below); one thread per worker, ${os.cpus().length} cores`,
    );
    const sizes = await packageSizes(run);
    const kib = (b: number) => `${(b / 1024).toFixed(0)} KiB`;
    line(
      `  tile packages (gzip): mean ${kib(sizes.bytes.reduce((a, b) => a + b, 0) / sizes.bytes.length)}, largest ` +
        `${kib(Math.max(...sizes.bytes))}; planning, reading and packing every tile on the coordinator: ${secs(sizes.ms)}`,
    );
    resetOwnPeak();
    const localStart = performance.now();
    const before = describeLoad();
    const local = await (
      await startStreamedCoverageJob(db, run, {
        period: '2024-12',
        rootUnit: nation,
        actor: 'bench',
        requestId: null,
        outputDir: join(folder, 'runs'),
        poolSize: 1,
      })
    ).finished;
    if (local.status !== 'succeeded') throw new Error(`local run ${local.status}: ${local.error ?? ''}`);
    line(
      `  reference, a local streamed run on 1 thread: ${secs(performance.now() - localStart)}; peak RSS ` +
        `${mib(peakRssKiB('self'))}; before: ${before}; after: ${describeLoad()}`,
    );
    rmSync(join(folder, 'runs'), { recursive: true, force: true });
    const results: RunResult[] = [];
    for (let i = 0; i < pairs * 2; i++) {
      const workers = i % 2 === 0 ? 1 : 2;
      const before = describeLoad();
      const r = await runOnce(
        db,
        database.url,
        run,
        nation,
        join(folder, 'runs'),
        workers,
        `2025-${String(i + 1).padStart(2, '0')}`,
      );
      results.push(r);
      line(
        `  ${workers === 1 ? 'A' : 'B'} (${workers} worker${workers > 1 ? 's' : ''}): ${secs(r.ms)}; peak RSS coordinator ` +
          `${mib(r.coordinatorKiB)}, worker${workers > 1 ? 's' : ''} ${r.workerKiB.map(mib).join(', ')}; before: ${before}; ` +
          `after: ${describeLoad()}`,
      );
      rmSync(join(folder, 'runs'), { recursive: true, force: true });
    }
    const of = (workers: number) => results.filter((r) => r.workers === workers);
    const a = median(of(1).map((r) => r.ms));
    const b = median(of(2).map((r) => r.ms));
    const same = results.every((r) => JSON.stringify(r.total) === JSON.stringify(local.result!.total));
    line(
      `  median of ${pairs}: 1 worker ${secs(a)}, 2 workers ${secs(b)} (speed-up ×${(a / b).toFixed(2)}); ` +
        `largest peak RSS: coordinator ${mib(Math.max(...results.map((r) => r.coordinatorKiB)))}, ` +
        `a worker ${mib(Math.max(...results.flatMap((r) => r.workerKiB)))}; every run the local run's figures: ${same ? 'yes' : 'NO'}`,
    );
    if (!same) throw new Error('the runs gave different figures');
  } finally {
    await db?.close();
    await database.drop().catch(() => undefined);
    rmSync(folder, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: 'small' },
      runs: { type: 'string', default: '3' },
      url: { type: 'string', default: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test' },
    },
  });
  await runCoverageWorkersBench({ scale: values.scale as WorkersScale, url: values.url, runs: Number(values.runs) });
}
