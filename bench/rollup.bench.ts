import type { Queryable } from '../src/db/database.js';
import { findIndicator, type Indicator } from '../src/db/indicators.js';
import { findUnit, type StoredUnit } from '../src/db/org-units.js';
import { rollUp, type RolledUpValue } from '../src/db/roll-ups.js';
import { parsePeriod } from '../src/domain/periods.js';
import type { Benchmark, BenchContext } from './benchmark.js';
import { rollUpCodes } from './indicator-specs.js';
import { NATION_CODE } from './national-dataset.js';
import { referenceRollUp, type ReferenceValue } from './rollup-reference.js';
import { heading, line, step } from './report.js';
import { ROLL_UP_KINDS, timingQueryable } from './timing-queryable.js';
import { againstGoal, formatInt, formatMs, now, percentile, relativeDifference } from './stats.js';

const YEAR = '2025';
const WARM_UPS = 3;
const RUNS = 30;
const NATIONAL_RUNS = 3;
const TOLERANCE = 1e-9;
const GOAL_RATIO = 1.5;
const GOAL_P95_MS = 150;
const BREAKDOWN_RUNS = 5;

/** One API request's worth: rollUp for each of the indicators, one after the other. */
async function ours(db: Queryable, indicators: readonly Indicator[], unit: StoredUnit): Promise<RolledUpValue[]> {
  const values: RolledUpValue[] = [];
  for (const indicator of indicators) values.push(await rollUp(db, indicator, unit, YEAR));
  return values;
}

interface Sample<T> {
  times: number[];
  last: T;
}

/**
 * Runs `a` then `b`, `warmUps + runs` times, timing each: interleaved so that both meet the same
 * conditions (a busy machine, a checkpoint) rather than one getting a quiet minute.
 */
async function samplePair<A, B>(a: () => Promise<A>, b: () => Promise<B>, warmUps: number, runs: number) {
  const timesA: number[] = [];
  const timesB: number[] = [];
  let lastA: A | undefined;
  let lastB: B | undefined;
  for (let i = 0; i < warmUps + runs; i += 1) {
    let start = now();
    lastA = await a();
    if (i >= warmUps) timesA.push(now() - start);
    start = now();
    lastB = await b();
    if (i >= warmUps) timesB.push(now() - start);
  }
  return { a: { times: timesA, last: lastA! } as Sample<A>, b: { times: timesB, last: lastB! } as Sample<B> };
}

/** The two must agree on every indicator: value to 1e-9 (relative) and the number of communes reported. */
function compare(indicators: readonly Indicator[], ourValues: RolledUpValue[], reference: ReferenceValue[]): string[] {
  const byId = new Map(reference.map((r) => [r.indicatorId, r]));
  const problems: string[] = [];
  indicators.forEach((indicator, i) => {
    const a = ourValues[i]!;
    const b = byId.get(indicator.id) ?? { value: null, reported: 0 };
    const same =
      a.reported === b.reported &&
      (a.value === null || b.value === null ? a.value === b.value : relativeDifference(a.value, b.value) <= TOLERANCE);
    if (!same) {
      problems.push(
        `${indicator.code} (${indicator.unitAggregation}/${indicator.timeAggregation}): rollUp ${a.value} over ${a.reported}, SQL ${b.value} over ${b.reported}`,
      );
    }
  });
  return problems;
}

function printCheck(where: string, problems: string[], count: number) {
  if (problems.length === 0) {
    line(
      `  check (${where}): rollUp and SQL agree on all ${count} indicators (to ${TOLERANCE}, same communes reported)`,
    );
    return;
  }
  line(`  !!!!!! MISMATCH (${where}): rollUp and the SQL disagree on ${problems.length} of ${count} indicators !!!!!!`);
  for (const problem of problems) line(`  !!!!!!   ${problem}`);
}

/** Where one request's time goes: each kind of statement (round trips included) and the rest, in JS. */
async function breakDown(db: Queryable, indicators: readonly Indicator[], unit: StoredUnit) {
  const timing = timingQueryable(db, ROLL_UP_KINDS);
  const start = now();
  for (let i = 0; i < BREAKDOWN_RUNS; i += 1) await ours(timing.tx, indicators, unit);
  const total = (now() - start) / BREAKDOWN_RUNS;
  const parts = [...timing.spent].map(([kind, ms]) => [kind, ms / BREAKDOWN_RUNS] as const);
  const inDatabase = parts.reduce((sum, [, ms]) => sum + ms, 0);
  const list = [...parts, ['JS (aggregation, parsing rows)', total - inDatabase] as const]
    .map(([kind, ms]) => `${kind} ${formatMs(ms)} (${((100 * ms) / total).toFixed(0)} %)`)
    .join(', ');
  line(
    `  where our time goes (mean of ${BREAKDOWN_RUNS} requests, ${formatMs(total)} each, ${2 * indicators.length} statements): ${list}`,
  );
}

/** The loaded province with the most communes: the heaviest province-level request. */
function largestProvince(context: BenchContext): { code: string; communes: number } {
  const counts = new Map<string, number>();
  for (const c of context.loaded.dataset.communes) counts.set(c.provinceCode, (counts.get(c.provinceCode) ?? 0) + 1);
  const [code, communes] = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]!;
  return { code, communes };
}

export const rollupBench: Benchmark = {
  name: 'rollup',
  async run(context) {
    const db = await context.engine.app();
    const province = largestProvince(context);
    const unit = await findUnit(db, province.code);
    const indicators = await Promise.all(rollUpCodes().map((code) => findIndicator(db, code)));
    const ids = indicators.map((i) => i.id);
    const rules = new Set(indicators.map((i) => `${i.unitAggregation}/${i.timeAggregation}`));
    heading(`rollup: ${indicators.length} indicators for ${unit.nameVi} in ${YEAR} (${context.engine.engine})`);
    line(
      `  request: rollUp × ${indicators.length} indicators (${rules.size} rule combinations: ${[...rules].join(', ')}), ` +
        `province ${unit.code} ${unit.nameVi} with ${province.communes} communes × 12 months; ${WARM_UPS} warm-ups, ${RUNS} runs`,
    );
    const year = parsePeriod(YEAR);
    const { a: mine, b: sql } = await step('ours (rollUp × 20) and the reference (one query), interleaved', () =>
      samplePair(
        () => ours(db, indicators, unit),
        () => referenceRollUp(db, unit.id, ids, year),
        WARM_UPS,
        RUNS,
      ),
    );
    printCheck('province', compare(indicators, mine.last, sql.last), indicators.length);
    const p50 = percentile(mine.times, 50);
    const p95 = percentile(mine.times, 95);
    const sqlP50 = percentile(sql.times, 50);
    line(
      `  rollup: ours p50 ${formatMs(p50)} p95 ${formatMs(p95)} vs SQL p50 ${formatMs(sqlP50)} p95 ${formatMs(percentile(sql.times, 95))} ` +
        `→ ratio of p50 ${againstGoal(p50 / sqlP50, { atMost: GOAL_RATIO })}`,
    );
    const p95Goal =
      context.engine.engine === 'postgres'
        ? againstGoal(p95, { atMost: GOAL_P95_MS }, { digits: 1, unit: ' ms' })
        : `${p95.toFixed(1)} ms (the ≤ ${GOAL_P95_MS} ms goal is set for PostgreSQL; for information)`;
    line(`  rollup: ours p95 ${p95Goal}`);
    await breakDown(db, indicators, unit);

    const nation = await findUnit(db, NATION_CODE);
    const communes = context.loaded.dataset.communes.length;
    const national = await step(`national roll-up (${formatInt(communes)} communes), ${NATIONAL_RUNS} runs each`, () =>
      samplePair(
        () => ours(db, indicators, nation),
        () => referenceRollUp(db, nation.id, ids, year),
        0,
        NATIONAL_RUNS,
      ),
    );
    printCheck('nation', compare(indicators, national.a.last, national.b.last), indicators.length);
    const list = (times: number[]) => times.map(formatMs).join(', ');
    line(
      `  national (for information): ours ${list(national.a.times)} (median ${formatMs(percentile(national.a.times, 50))}); ` +
        `SQL ${list(national.b.times)} (median ${formatMs(percentile(national.b.times, 50))})`,
    );
  },
};
