import type { WriteContext } from '../src/db/audit-log.js';
import { loadCatalogue } from '../src/db/catalogue.js';
import { importFile } from '../src/application/import-file.js';
import { systemActor } from '../src/domain/auth/actor.js';

const BENCH_ACTOR = systemActor('bench');
import { ensurePeriods } from '../src/db/periods.js';
import { writeValues } from '../src/db/value-writes.js';
import { chainEntries, GENESIS_HASH } from '../src/domain/audit/audit-chain.js';
import { monthPeriod, type Period } from '../src/domain/periods.js';
import { checkRows } from '../src/intake/check-rows.js';
import { mapColumns } from '../src/intake/columns.js';
import { readUploadedTable } from '../src/intake/read-table.js';
import type { Benchmark, BenchContext } from './benchmark.js';
import { importCells, periodSpan, toCopyText, toCsv, type ImportCell } from './import-file.js';
import { VALUE_COPY } from './load-dataset.js';
import { timingQueryable, WRITE_KINDS } from './timing-queryable.js';
import { monthsFrom } from './national-dataset.js';
import { heading, line, step } from './report.js';
import { againstGoal, formatBytes, formatInt, formatMs, now, rowsPerSecond, timed } from './stats.js';

const CONTEXT: WriteContext = { actor: 'bench', requestId: null, reason: null, source: 'import' };
const GOAL_RATIO = 0.5;

// Three disjoint runs of new months, so that each measurement inserts (the common case of a monthly
// report) rather than finding the previous run's rows: ours, its breakdown, and the reference COPY.
const OURS_FROM = monthPeriod(2026, 1);
const BREAKDOWN_FROM = monthPeriod(2026, 7);
const COPY_FROM = monthPeriod(2027, 1);
// A few rows copied untimed before the reference, into months of their own, to warm its connection.
const WARM_UP_FROM = monthPeriod(2028, 1);
const WARM_UP_ROWS = 1000;

/**
 * Each timed write starts from a checkpoint, as a monthly import in production does (checkpoints come
 * every few minutes): the first change to each index page after one writes the whole page to the WAL,
 * which otherwise only the first of the three runs would pay.
 */
async function checkpoint(context: BenchContext) {
  await (await context.engine.app()).exec('checkpoint');
}

async function importOnce(context: BenchContext, bytes: Uint8Array, rows: number) {
  const db = await context.engine.app();
  await checkpoint(context);
  const { result, ms } = await timed(() =>
    importFile(db, BENCH_ACTOR, { name: 'bench-import.csv', bytes }, { mode: 'commit' }, CONTEXT),
  );
  if (result.changes?.inserted !== rows) {
    line(`  !! importFile inserted ${result.changes?.inserted ?? 0} of ${formatInt(rows)} rows`);
  }
  return ms;
}

/** The reference: PostgreSQL's own COPY of the same values, already resolved to ids. */
async function copyOnce(context: BenchContext, cells: readonly ImportCell[]) {
  const db = await context.engine.app();
  // The same values in months of their own, shifted from ours by a whole number of months.
  const shiftTo = (to: Period) => {
    const shift = (to.year - OURS_FROM.year) * 12 + (to.index - OURS_FROM.index);
    return (month: Period) => monthsFrom(month, shift + 1).at(-1)!;
  };
  const toCopy = shiftTo(COPY_FROM);
  const toWarmUp = shiftTo(WARM_UP_FROM);
  const warmUpCells = cells.slice(0, WARM_UP_ROWS);
  const periodIds = await ensurePeriods(db, [
    ...cells.map((c) => toCopy(c.month).code),
    ...warmUpCells.map((c) => toWarmUp(c.month).code),
  ]);
  const text = toCopyText(cells, context.loaded, (month) => periodIds.get(toCopy(month).code)!);
  const warmUp = toCopyText(warmUpCells, context.loaded, (month) => periodIds.get(toWarmUp(month).code)!);
  await checkpoint(context);
  return context.engine.copyIn(VALUE_COPY, [text], { warmUp });
}

interface Breakdown {
  read: number;
  mapColumns: number;
  catalogue: number;
  check: number;
  toChanges: number;
  write: number;
  statements: Map<string, number>;
  commit: number;
  auditHashing: number;
}

/** The import path taken apart: each piece of importFile timed on its own, on a second file. */
async function breakDown(context: BenchContext, bytes: Uint8Array): Promise<Breakdown> {
  const db = await context.engine.app();
  await checkpoint(context);
  const read = await timed(() => readUploadedTable({ name: 'bench-breakdown.csv', bytes }));
  const table = read.result;
  const mapStart = now();
  const mapping = mapColumns(table.header, { file: table.file, sheet: table.sheet, period: null });
  const mapMs = now() - mapStart;
  const catalogue = await timed(() => loadCatalogue(db));
  const checkStart = now();
  const checked = checkRows(table, mapping, catalogue.result, 'auto');
  const checkMs = now() - checkStart;
  if (!checked.ok) throw new Error(`breakdown file has errors: ${checked.errors[0]?.reason}`);
  const changesStart = now();
  const changes = checked.rows.map((row) => ({
    indicator: catalogue.result.indicators.get(row.indicator)!,
    unit: catalogue.result.units.get(row.unit)!,
    period: row.period,
    value: row.value,
    comment: row.comment,
  }));
  const changesMs = now() - changesStart;
  let write = 0;
  let statements = new Map<string, number>();
  const transactionStart = now();
  await db.transaction(async (tx) => {
    const timing = timingQueryable(tx, WRITE_KINDS);
    statements = timing.spent;
    const start = now();
    await writeValues(timing.tx, changes, CONTEXT);
    write = now() - start;
  });
  const commit = now() - transactionStart - write;
  return {
    read: read.ms,
    mapColumns: mapMs,
    catalogue: catalogue.ms,
    check: checkMs,
    toChanges: changesMs,
    write,
    statements,
    commit,
    auditHashing: timeAuditHashing(changes.length),
  };
}

/** The audit chain's hashing alone (pure JS, inside writeValues): one SHA-256 per record over canonical JSON. */
function timeAuditHashing(records: number): number {
  const at = new Date().toISOString();
  const entries = Array.from({ length: records }, (_, i) => ({
    at,
    actor: CONTEXT.actor,
    requestId: null,
    reason: 'import of bench-breakdown.csv (sha256 0123456789ab)',
    action: 'value.insert',
    entity: 'indicator_value',
    entityKey: { indicator: 'POP_COV_4G_1', unit: String(80_000_000 + i), period: '2026-07' },
    oldValue: null,
    newValue: { value: i / 10, comment: null },
  }));
  const start = now();
  chainEntries(GENESIS_HASH, 1, entries);
  return now() - start;
}

function printBreakdown(b: Breakdown, importMs: number) {
  const total = b.read + b.mapColumns + b.catalogue + b.check + b.toChanges + b.write + b.commit;
  const inDatabase = [...b.statements.values()].reduce((sum, ms) => sum + ms, 0);
  const row = (label: string, ms: number, indent = 4) =>
    line(
      `${' '.repeat(indent)}${label.padEnd(46 - indent)} ${formatMs(ms).padStart(9)}  ${((100 * ms) / total).toFixed(1).padStart(5)} %`,
    );
  line(`  where our time goes (a second file of the same size, each piece of importFile timed on its own):`);
  row('read (UTF-8 decode + csv-parse)', b.read);
  row('map columns + load catalogue', b.mapColumns + b.catalogue);
  row('check rows', b.check);
  row('build changes', b.toChanges);
  row('writeValues', b.write);
  for (const [kind, ms] of [...b.statements].sort((x, y) => y[1] - x[1])) row(`db: ${kind}`, ms, 6);
  row('js: checks, diff, audit records, parameters', b.write - inDatabase, 6);
  row(`  of which audit hash chain (SHA-256 per record)`, b.auditHashing, 6);
  row('begin + commit', b.commit);
  line(
    `    ${'total of the pieces'.padEnd(42)} ${formatMs(total).padStart(9)}  (importFile took ${formatMs(importMs)})`,
  );
  const audit = b.statements.get('audit_log (lock, last record, insert)') ?? 0;
  line(
    `  read+check ${formatMs(b.read + b.mapColumns + b.catalogue + b.check + b.toChanges)}, ` +
      `write (values, without audit) ${formatMs(b.write - audit - b.auditHashing)}, ` +
      `audit (insert ${formatMs(audit)} + hashing ${formatMs(b.auditHashing)}) ${formatMs(audit + b.auditHashing)}, begin + commit ${formatMs(b.commit)}`,
  );
}

export const importBench: Benchmark = {
  name: 'import',
  async run(context) {
    const rows = context.loaded.dataset.scale.importRows;
    heading(`import: ${formatInt(rows)} rows through importFile vs COPY (${context.engine.engine})`);
    const cells = importCells(context.loaded, OURS_FROM, rows);
    const second = importCells(context.loaded, BREAKDOWN_FROM, rows);
    const bytes = toCsv(cells);
    line(
      `  file: long CSV (indicator,unit,period,value), ${formatInt(cells.length)} rows, ${formatBytes(bytes.length)}, ` +
        `new periods ${periodSpan(cells)} (all inserts), into indicator_value of ${formatInt(context.loaded.rows)} rows`,
    );
    const oursMs = await step('importFile, mode commit', () => importOnce(context, bytes, cells.length));
    const breakdown = await step('the same pieces timed one by one', () => breakDown(context, toCsv(second)));
    const copyMs = await step('reference COPY of the same rows', () => copyOnce(context, cells));
    const ours = rowsPerSecond(cells.length, oursMs);
    const copy = rowsPerSecond(cells.length, copyMs);
    line(
      `  import: ${formatInt(ours)} rows/s (${formatMs(oursMs)}) vs COPY ${formatInt(copy)} rows/s (${formatMs(copyMs)}) ` +
        `→ ratio ${againstGoal(ours / copy, { atLeast: GOAL_RATIO })}`,
    );
    printBreakdown(breakdown, oursMs);
  },
};
