import { rebuildAggregates } from '../src/db/stored-aggregates.js';
import type { Database, Queryable } from '../src/db/database.js';
import { ensurePeriods } from '../src/db/periods.js';
import type { BenchEngine, CopyTarget } from './engines.js';
import { monthNumber, NATION_CODE, SOURCE, valueCount, valueOf, type NationalDataset } from './national-dataset.js';
import { line, step } from './report.js';
import { formatBytes, formatInt, formatMs, now, rowsPerSecond } from './stats.js';

/** The dataset in a database: the ids the benchmarks need to resolve codes without asking. */
export interface LoadedDataset {
  dataset: NationalDataset;
  nationId: number;
  unitIds: Map<string, number>;
  indicatorIds: Map<string, number>;
  periodIds: Map<string, number>;
  rows: number;
}

export const VALUE_COPY: CopyTarget = {
  table: 'indicator_value',
  columns: ['indicator_id', 'org_unit_id', 'period_id', 'value', 'source', 'updated_by'],
};

async function insertUnits(db: Queryable, dataset: NationalDataset): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const insert = async (
    units: { code: string; parent: string | null; level: string; type: string; name: string; population: number }[],
  ) => {
    const rows = await db.query<{ id: number; code: string }>(
      `insert into org_unit (code, parent_id, level, unit_type, name_vi, source, population)
       select * from unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[])
       returning id, code`,
      [
        units.map((u) => u.code),
        units.map((u) => (u.parent === null ? null : ids.get(u.parent)!)),
        units.map((u) => u.level),
        units.map((u) => u.type),
        units.map((u) => u.name),
        units.map(() => SOURCE),
        units.map((u) => u.population),
      ],
    );
    for (const row of rows) ids.set(row.code, row.id);
  };
  const populationOf = new Map<string, number>();
  for (const c of dataset.communes)
    populationOf.set(c.provinceCode, (populationOf.get(c.provinceCode) ?? 0) + c.population);
  const nationPopulation = [...populationOf.values()].reduce((a, b) => a + b, 0);
  await insert([
    {
      code: NATION_CODE,
      parent: null,
      level: 'nation',
      type: 'nation',
      name: 'Việt Nam',
      population: nationPopulation,
    },
  ]);
  await insert(
    dataset.provinces.map((p) => ({
      code: p.code,
      parent: NATION_CODE,
      level: 'province',
      type: p.unitType,
      name: p.nameVi,
      population: populationOf.get(p.code)!,
    })),
  );
  await insert(
    dataset.communes.map((c) => ({
      code: c.code,
      parent: c.provinceCode,
      level: 'commune',
      type: c.unitType,
      name: c.nameVi,
      population: c.population,
    })),
  );
  return ids;
}

async function insertIndicators(db: Queryable, dataset: NationalDataset): Promise<Map<string, number>> {
  const specs = dataset.indicators;
  const rows = await db.query<{ id: number; code: string }>(
    `insert into indicator (code, name_vi, name_en, unit_vi, unit_en, value_type, unit_aggregation, threshold,
                            time_aggregation, direction, reporting_level, decimals, position)
     select code, name_vi, name_en, unit_vi, unit_en, value_type, unit_aggregation, threshold, time_aggregation,
            direction, 'commune', decimals, position
     from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::float8[],
                 $9::text[], $10::text[], $11::int[], $12::int[])
       as s(code, name_vi, name_en, unit_vi, unit_en, value_type, unit_aggregation, threshold, time_aggregation,
            direction, decimals, position)
     returning id, code`,
    [
      specs.map((s) => s.code),
      specs.map((s) => s.nameVi),
      specs.map((s) => s.nameEn),
      specs.map((s) => s.unitVi),
      specs.map((s) => s.unitEn),
      specs.map((s) => s.valueType),
      specs.map((s) => s.unitAggregation),
      specs.map((s) => s.threshold),
      specs.map((s) => s.timeAggregation),
      specs.map((s) => s.direction),
      specs.map((s) => s.decimals),
      specs.map((_, i) => i + 1),
    ],
  );
  return new Map(rows.map((row) => [row.code, row.id]));
}

/** Tab-separated COPY lines, one chunk per month and indicator: months arrive in order, as reports do. */
export function* valueLines(loaded: Omit<LoadedDataset, 'rows'>): Generator<string> {
  const { dataset } = loaded;
  const unitIds = dataset.communes.map((c) => loaded.unitIds.get(c.code)!);
  for (const month of dataset.months) {
    const t = monthNumber(month);
    const periodId = loaded.periodIds.get(month.code)!;
    for (const [i, spec] of dataset.indicators.entries()) {
      const prefix = `${loaded.indicatorIds.get(spec.code)!}\t`;
      const suffix = `\t${periodId}\t`;
      let chunk = '';
      for (const commune of dataset.communes) {
        chunk += `${prefix}${unitIds[commune.index]}${suffix}${valueOf(spec, i, commune, t)}\tload\tbench\n`;
      }
      yield chunk;
    }
  }
}

interface Definition {
  name: string;
  sql: string;
}

/** indicator_value's primary key, foreign keys and indexes, as statements that recreate them. */
async function valueTableDefinitions(db: Queryable) {
  const constraints = await db.query<{ name: string; def: string; type: string }>(
    `select conname as name, pg_get_constraintdef(oid) as def, contype as type
     from pg_constraint where conrelid = 'indicator_value'::regclass and contype in ('p', 'f', 'u')
     order by contype desc, conname`,
  );
  const indexes = await db.query<{ name: string; def: string }>(
    `select i.relname as name, pg_get_indexdef(i.oid) as def
     from pg_index x join pg_class i on i.oid = x.indexrelid
     where x.indrelid = 'indicator_value'::regclass
       and not exists (select 1 from pg_constraint c where c.conindid = i.oid and c.conrelid = x.indrelid)`,
  );
  const toConstraint = (c: { name: string; def: string }): Definition => ({
    name: c.name,
    sql: `alter table indicator_value add constraint ${c.name} ${c.def}`,
  });
  return {
    primaryKey: constraints.filter((c) => c.type === 'p').map(toConstraint),
    foreignKeys: constraints.filter((c) => c.type === 'f').map(toConstraint),
    unique: constraints.filter((c) => c.type === 'u').map(toConstraint),
    indexes: indexes.map((i) => ({ name: i.name, sql: i.def })),
  };
}

/**
 * Loads the dataset the fastest way each engine offers: reference rows by plain inserts, values by
 * COPY into a table stripped of its keys and indexes, which are rebuilt afterwards in one sort each
 * (rather than 14 million index insertions and 43 million foreign-key probes).
 */
export async function loadDataset(engine: BenchEngine, dataset: NationalDataset): Promise<LoadedDataset> {
  const start = now();
  const db = await engine.app();
  const { unitIds, indicatorIds, periodIds } = await step('org units, indicators, periods', async () => ({
    unitIds: await insertUnits(db, dataset),
    indicatorIds: await insertIndicators(db, dataset),
    periodIds: await ensurePeriods(
      db,
      dataset.months.map((m) => m.code),
    ),
  }));
  const definitions = await valueTableDefinitions(db);
  const dropped = [...definitions.foreignKeys, ...definitions.primaryKey, ...definitions.unique];
  await step('drop keys and indexes of indicator_value', async () => {
    for (const d of definitions.indexes) await db.exec(`drop index ${d.name}`);
    for (const d of dropped) await db.exec(`alter table indicator_value drop constraint ${d.name}`);
    // A bulk load builds the stored aggregates once at the end, as a restore does, not per COPY.
    await db.exec('alter table indicator_value disable trigger user');
  });
  const loaded = { dataset, nationId: unitIds.get(NATION_CODE)!, unitIds, indicatorIds, periodIds };
  const rows = valueCount(dataset);
  const copyMs = await step(`COPY ${formatInt(rows)} values`, () =>
    engine.copyIn(VALUE_COPY, valueLines(loaded), { truncateFirst: true }),
  );
  const app = await engine.app();
  await rebuild(app, engine.engine, [...definitions.primaryKey, ...definitions.indexes, ...definitions.unique]);
  await step('foreign keys (validated)', async () => {
    for (const d of definitions.foreignKeys) await app.exec(d.sql);
  });
  await step('stored aggregates (rebuilt whole)', async () => {
    await app.exec('alter table indicator_value enable trigger user');
    await app.transaction(async (tx) => {
      await tx.exec(`set local work_mem = '${engine.engine === 'pglite' ? '256MB' : '1GB'}'`);
      await rebuildAggregates(tx);
    });
  });
  await step('analyze', () => app.exec('analyze'));
  const totalMs = now() - start;
  await printSizes(app, rows, copyMs, totalMs);
  return { ...loaded, rows };
}

async function rebuild(db: Database, engine: BenchEngine['engine'], definitions: Definition[]) {
  // More sort memory than the 64 MB default builds each index in one pass; PGlite's WebAssembly heap
  // tops out at 2 GB, so it gets less.
  const memory = engine === 'pglite' ? '512MB' : '1GB';
  for (const d of definitions) {
    await step(`rebuild ${d.name}`, () =>
      db.transaction(async (tx) => {
        await tx.exec(`set local maintenance_work_mem = '${memory}'`);
        await tx.exec(d.sql);
      }),
    );
  }
}

async function printSizes(db: Queryable, rows: number, copyMs: number, totalMs: number) {
  const [size] = await db.query<{ heap: number; total: number }>(
    `select pg_relation_size('indicator_value') as heap, pg_total_relation_size('indicator_value') as total`,
  );
  line(
    `  load: ${formatInt(rows)} values in ${formatMs(totalMs)} (${formatInt(rowsPerSecond(rows, totalMs))} rows/s overall; ` +
      `COPY alone ${formatMs(copyMs)}, ${formatInt(rowsPerSecond(rows, copyMs))} rows/s)`,
  );
  line(
    `  indicator_value: ${formatBytes(size!.total)} with indexes (table ${formatBytes(size!.heap)}, indexes ${formatBytes(size!.total - size!.heap)})`,
  );
}
