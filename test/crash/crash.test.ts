import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { migrate } from '../../src/db/migrate.js';
import { openPglite } from '../../src/db/pglite-database.js';
import { openPostgres } from '../../src/db/postgres-database.js';
import { verifyAudit } from '../../src/db/audit-log.js';
import type { Database } from '../../src/db/database.js';
import { mulberry32, uniform } from '../../src/demo/seeded-random.js';
import { openTestDatabase, testEngine } from '../fixtures/test-database.js';
import { CRASH_OFFICER, IMPORT_INDICATORS, IMPORT_ROWS, WRITE_INDICATOR } from '../fixtures/crash-workload.js';

/**
 * Issue 9's crash test: a child process writing values one by one and importing files of 3,000 rows is killed with
 * SIGKILL at a random moment, 20 times on the same database. After each kill the database opens with nothing left
 * to migrate, every acknowledged value is stored as acknowledged, every import is there whole or not at all (an
 * acknowledged one whole), the audit chain verifies and holds one record per committed change.
 * Reproducible kill schedule: CRASH_SEED=<seed> (CRASH_ROUNDS=<n> for more or fewer rounds).
 */
const SEED = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);
const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 20);
/**
 * When a round's timer starts: at `ready` (a kill at any moment, most often during an import since imports take
 * most of the time), at an import's start (killed part-way or around its commit) or at the first single write.
 */
type KillFrom = 'ready' | 'import-start' | 'write';
const KILL_FROM: readonly [KillFrom, number][] = [
  ['ready', 0.4],
  ['import-start', 0.4],
  ['write', 0.2],
];
const READY_TIMEOUT_MS = 60_000;
const writer = join(import.meta.dirname, '..', 'fixtures', 'crash-writer.ts');

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

function killDelayMs(from: KillFrom, random: () => number, longestImportMs: number): number {
  if (from === 'ready') return uniform(random, 200, 2500);
  // Into an import: from its first statement to past its longest run, so around its commit too.
  if (from === 'import-start') return uniform(random, 0, longestImportMs * 1.2);
  return uniform(random, 0, 150); // one of the first few single writes
}

function pick<T>(draw: number, weighted: readonly [T, number][]): T {
  for (const [choice, weight] of weighted) if ((draw -= weight) < 0) return choice;
  return weighted.at(-1)![0];
}

type Pending = { kind: 'write'; key: string; value: number } | { kind: 'import'; marker: number; rows: number };

/** What one run of the writer reported before it was killed. */
interface RoundLog {
  acks: [key: string, value: number][];
  imports: { batchId: number; marker: number; rows: number }[];
  /** The write or import it had begun and not acknowledged: it may have committed or not. */
  pending: Pending | null;
  importMs: number[];
}

/** What must be stored, from every acknowledgement so far and the in-flight work found committed. */
interface Expected {
  values: Map<string, number>;
  /** The marker every imported row holds, once an import has committed. */
  importMarker: number | null;
  /** Markers of the committed imports, in commit order; the batch id where acknowledged. */
  batches: { marker: number; batchId: number | null }[];
  auditRecords: number;
}

interface Target {
  args: string[];
  open(): Promise<Database>;
  /** Resolves once the server has ended the killed writer's sessions (and so rolled back or committed its work). */
  settled(): Promise<void>;
}

async function pgliteTarget(): Promise<Target> {
  const dir = mkdtempSync(join(tmpdir(), 'dx-crash-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return { args: [dir], open: () => openPglite(dir), settled: async () => undefined };
}

async function postgresTarget(): Promise<Target> {
  const owner = await openTestDatabase({ migrate: false }); // a schema of its own, dropped at the end
  cleanups.push(() => owner.close());
  const schema = owner.schema!;
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.searchParams.set('application_name', `crash-${schema}`);
  return {
    args: ['--postgres', url.toString(), schema],
    open: () => openPostgres(process.env.TEST_DATABASE_URL!, { schema, maxConnections: 2 }),
    async settled() {
      for (let tries = 0; tries < 200; tries += 1) {
        const [row] = await owner.query<{ n: number }>(
          'select count(*)::int as n from pg_stat_activity where application_name = $1',
          [`crash-${schema}`],
        );
        if (row!.n === 0) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error('the killed writer’s sessions did not end');
    },
  };
}

/** Runs the writer and kills it with SIGKILL `kill.afterMs` after it first prints `kill.from`. */
function runRound(round: number, target: Target, kill: { from: KillFrom; afterMs: number }): Promise<RoundLog> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, String(round), ...target.args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const log: RoundLog = { acks: [], imports: [], pending: null, importMs: [] };
    let stderr = '';
    let buffered = '';
    let importStartedAt = 0;
    let timer: NodeJS.Timeout | undefined;
    const killLater = (ms: number) => (timer ??= setTimeout(() => child.kill('SIGKILL'), ms));
    const readyTimer = setTimeout(() => child.kill('SIGKILL'), READY_TIMEOUT_MS);
    let ready = false;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        const [word, a, b, c] = line.split(' ');
        if (word === 'ready') {
          ready = true;
          clearTimeout(readyTimer);
          if (kill.from === 'ready') killLater(kill.afterMs);
        } else if (word === 'write') {
          log.pending = { kind: 'write', key: a!, value: Number(b) };
          if (kill.from === 'write') killLater(kill.afterMs);
        } else if (word === 'ack') {
          log.acks.push([a!, Number(b)]);
          log.pending = null;
        } else if (word === 'import-start') {
          log.pending = { kind: 'import', marker: Number(a), rows: Number(b) };
          importStartedAt = performance.now();
          if (kill.from === 'import-start') killLater(kill.afterMs);
        } else if (word === 'import-ack') {
          log.imports.push({ batchId: Number(a), marker: Number(b), rows: Number(c) });
          log.importMs.push(performance.now() - importStartedAt);
          log.pending = null;
        }
      }
    });
    // 'close', not 'exit': the lines still in the pipe when the child died are read first.
    child.on('close', (_code, signal) => {
      clearTimeout(timer);
      clearTimeout(readyTimer);
      if (signal === 'SIGKILL' && ready) resolve(log);
      else
        reject(new Error(`round ${round}: the writer ${ready ? 'stopped' : 'never got ready'} by itself: ${stderr}`));
    });
  });
}

interface StoredState {
  pendingMigrations: string[];
  values: Map<string, number>;
  importGroups: { value: number; n: number }[];
  batches: { id: number; fileName: string; rowCount: number }[];
  audit: Awaited<ReturnType<typeof verifyAudit>>;
  auditRecords: number;
  /** The value the newest audit record of each single-write key names. */
  auditedValues: Map<string, number>;
}

async function readStored(db: Database): Promise<StoredState> {
  const pendingMigrations = await migrate(db); // a current schema: nothing to apply
  const valueRows = await db.query<{ key: string; value: number }>(
    `select i.code || '/' || u.code || '/' || p.code as key, v.value
     from indicator_value v join indicator i on i.id = v.indicator_id join org_unit u on u.id = v.org_unit_id
       join period p on p.id = v.period_id
     where i.code = $1`,
    [WRITE_INDICATOR],
  );
  const importGroups = await db.query<{ value: number; n: number }>(
    `select v.value, count(*)::int as n from indicator_value v join indicator i on i.id = v.indicator_id
     where i.code = any($1::text[]) group by v.value order by v.value`,
    [IMPORT_INDICATORS],
  );
  const batches = await db.query<{ id: number; fileName: string; rowCount: number }>(
    'select id, file_name as "fileName", row_count as "rowCount" from import_batch order by id',
  );
  const [count] = await db.query<{ n: number }>('select count(*)::int as n from audit_log where actor = $1', [
    CRASH_OFFICER,
  ]);
  const audited = await db.query<{ key: string; value: number }>(
    `select distinct on (key) key, value from (
       select entity_key ->> 'indicator' || '/' || (entity_key ->> 'unit') || '/' || (entity_key ->> 'period') as key,
              (new_value ->> 'value')::float8 as value, seq
       from audit_log where entity = 'indicator_value' and entity_key ->> 'indicator' = $1) a
     order by key, seq desc`,
    [WRITE_INDICATOR],
  );
  return {
    pendingMigrations,
    values: new Map(valueRows.map((r) => [r.key, r.value])),
    importGroups,
    batches,
    audit: await verifyAudit(db),
    auditRecords: count!.n,
    auditedValues: new Map(audited.map((r) => [r.key, r.value])),
  };
}

/**
 * Applies the round's acknowledgements to `expected`, settles the in-flight work from what is stored (committed or
 * not, never half), and lists every way the stored state differs from what was acknowledged.
 */
function problemsAfter(log: RoundLog, stored: StoredState, expected: Expected): string[] {
  const problems: string[] = [];
  for (const [key, value] of log.acks) expected.values.set(key, value);
  for (const batch of log.imports) {
    expected.importMarker = batch.marker;
    expected.batches.push({ marker: batch.marker, batchId: batch.batchId });
  }
  expected.auditRecords += log.acks.length + log.imports.reduce((sum, batch) => sum + batch.rows, 0);
  const pending = log.pending;
  if (pending?.kind === 'write' && stored.values.get(pending.key) === pending.value) {
    expected.values.set(pending.key, pending.value);
    expected.auditRecords += 1;
  }
  if (pending?.kind === 'import' && stored.importGroups.some((g) => g.value === pending.marker)) {
    expected.importMarker = pending.marker;
    expected.batches.push({ marker: pending.marker, batchId: null });
    expected.auditRecords += pending.rows;
  }

  if (stored.pendingMigrations.length > 0) problems.push(`migrations not current: ${stored.pendingMigrations}`);
  for (const [key, value] of expected.values)
    if (stored.values.get(key) !== value)
      problems.push(`${key}: acknowledged ${value}, stored ${stored.values.get(key)}`);
  for (const [key, value] of stored.values)
    if (!expected.values.has(key)) problems.push(`${key}: stored ${value}, never written`);
  for (const [key, value] of stored.values)
    if (stored.auditedValues.get(key) !== value)
      problems.push(`${key}: stored ${value}, the newest audit record says ${stored.auditedValues.get(key)}`);

  const wantGroups = expected.importMarker === null ? [] : [{ value: expected.importMarker, n: IMPORT_ROWS }];
  if (JSON.stringify(stored.importGroups) !== JSON.stringify(wantGroups))
    problems.push(`imported rows ${JSON.stringify(stored.importGroups)}, expected ${JSON.stringify(wantGroups)}`);
  const storedBatches = stored.batches.map((b) => `${b.fileName}:${b.rowCount}`);
  const wantBatches = expected.batches.map((b) => `crash-import-${b.marker}.csv:${IMPORT_ROWS}`);
  if (storedBatches.join() !== wantBatches.join())
    problems.push(`import batches ${storedBatches.join()}, expected ${wantBatches.join()}`);
  for (const batch of expected.batches) {
    const row = stored.batches.find((b) => b.fileName === `crash-import-${batch.marker}.csv`);
    if (batch.batchId !== null && row?.id !== batch.batchId)
      problems.push(`import ${batch.marker} acknowledged as batch ${batch.batchId}, stored as ${row?.id}`);
  }

  if (!stored.audit.ok) problems.push(`audit chain broken: ${stored.audit.message}`);
  if (stored.auditRecords !== expected.auditRecords)
    problems.push(`${stored.auditRecords} audit records by the writer, expected ${expected.auditRecords}`);
  return problems;
}

it(`keeps every acknowledged write and no partial import across ${ROUNDS} kills (${testEngine}, seed ${SEED})`, async () => {
  console.log(`crash test on ${testEngine}: CRASH_SEED=${SEED}, ${ROUNDS} rounds`);
  const started = performance.now();
  const random = mulberry32(SEED);
  const target = testEngine === 'pglite' ? await pgliteTarget() : await postgresTarget();
  const expected: Expected = { values: new Map(), importMarker: null, batches: [], auditRecords: 0 };
  const tally = { midImport: 0, midImportCommitted: 0, midWrite: 0, acks: 0, imports: 0 };
  let longestImportMs = 0; // the first import after a restart runs cold, so the longest, not the mean
  for (let round = 1; round <= ROUNDS; round += 1) {
    const from = pick(random(), KILL_FROM);
    const afterMs = killDelayMs(from, random, longestImportMs || 1500);
    const log = await runRound(round, target, { from, afterMs });
    longestImportMs = Math.max(longestImportMs, ...log.importMs);
    await target.settled();
    const db = await target.open();
    let stored: StoredState;
    try {
      stored = await readStored(db);
    } finally {
      await db.close();
    }
    const committedBefore = expected.batches.length;
    const problems = problemsAfter(log, stored, expected);
    if (log.pending?.kind === 'import') {
      tally.midImport += 1;
      if (expected.batches.length > committedBefore + log.imports.length) tally.midImportCommitted += 1;
    }
    if (log.pending?.kind === 'write') tally.midWrite += 1;
    tally.acks += log.acks.length;
    tally.imports += log.imports.length;
    expect(problems, `round ${round}, killed ${Math.round(afterMs)} ms after ${from} (CRASH_SEED=${SEED})`).toEqual([]);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `crash test on ${testEngine}: ${ROUNDS} kills in ${seconds} s, ${tally.midImport} during an import ` +
      `(${tally.midImportCommitted} of them committed, not yet acknowledged), ${tally.midWrite} during a single write; ` +
      `${tally.acks} writes and ${tally.imports} imports acknowledged`,
  );
  if (ROUNDS >= 10) expect(tally.midImport, 'no round killed an import part-way').toBeGreaterThan(0);
}, 600_000);
