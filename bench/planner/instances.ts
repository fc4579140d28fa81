/**
 * The solver against HiGHS on generated instances: 150 × 150 km, 2,000 candidates with 3–5 km reach, 50,000 demand
 * points (clustered around towns), k = 100 and k = 400, three seeds each. Per instance, in the same run: our whole
 * solve (merge, greedy, swaps, bound) with its proven gap, then HiGHS (npm `highs`, single-threaded, in a worker
 * thread) on the merged instance — merging makes HiGHS several times faster, so it is given that help — with a
 * 120 s limit, its optimum where it proves one, else its best plan and bound then. Prints our objective as a ratio
 * of HiGHS's, both times and our gap; load average before and after each solve. Asserts nothing.
 *
 * npm run bench -- planner-instances [--seeds=3] [--highs-limit=120]   (or npx tsx bench/planner/instances.ts)
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { generateInstance } from '../../src/engines/planner/generate-instance.js';
import { mergeIdenticalDemand } from '../../src/engines/planner/merge-demand.js';
import { solveExact } from '../../src/engines/planner/solve-exact.js';
import { solvePlan } from '../../src/engines/planner/solve-plan.js';
import { describeLoad } from '../machine.js';
import { line } from '../report.js';
import { formatInt } from '../stats.js';

const KS = [100, 400] as const;
const GOALS = { 100: { ratio: 0.998, speedUp: 1000 }, 400: { seconds: 2, gap: 0.01 } } as const;
const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const pct = (x: number, digits = 3) => `${(100 * x).toFixed(digits)} %`;

export async function runPlannerInstancesBench(options: { seeds?: number; highsLimitS?: number } = {}) {
  const seeds = options.seeds ?? 3;
  const highsLimitS = options.highsLimitS ?? 120;
  line(`planner vs HiGHS: 150 × 150 km, 2,000 candidates (3–5 km), 50,000 demand points; HiGHS limit ${highsLimitS} s`);
  for (const k of KS) {
    const rows: { ratio: number; ours: number; highs: number; gap: number; proven: boolean }[] = [];
    for (let seed = 1; seed <= seeds; seed++) {
      const instance = generateInstance({
        seed,
        sideKm: 150,
        candidateCount: 2000,
        demandCount: 50_000,
        reachKm: { min: 3, max: 5 },
        clusterCount: 40,
      });
      line(`  k = ${k}, seed ${seed}, before ours: ${describeLoad()}`);
      const t0 = performance.now();
      const ours = solvePlan(instance, { maxSites: k }, { timeLimitMs: 10_000 });
      const oursS = (performance.now() - t0) / 1000;
      line(`    after ours: ${describeLoad()}`);
      // HiGHS gets the merged instance (same candidates, same objective of every plan), and no start plan.
      const merged = mergeIdenticalDemand(instance).instance;
      const exact = await solveExact(merged, { maxSites: k }, { timeLimitS: highsLimitS });
      line(`    after HiGHS: ${describeLoad()}`);
      const ratio = ours.objective / exact.objective;
      rows.push({ ratio, ours: oursS, highs: exact.seconds, gap: ours.gap, proven: exact.status === 'optimal' });
      line(
        `    ours ${formatInt(ours.objective)} in ${oursS.toFixed(2)} s, proven gap ${pct(ours.gap)}; ` +
          `HiGHS ${exact.status === 'optimal' ? 'optimum' : `best (${exact.status})`} ${formatInt(exact.objective)}, ` +
          `bound ${formatInt(exact.bound)}, in ${exact.seconds.toFixed(1)} s on ${formatInt(merged.demandCount)} merged points; ` +
          `ours / HiGHS ${ratio.toFixed(5)}, ${(exact.seconds / oursS).toFixed(0)}× faster`,
      );
    }
    const ratio = median(rows.map((r) => r.ratio));
    const ours = median(rows.map((r) => r.ours));
    const highs = median(rows.map((r) => r.highs));
    const gap = Math.max(...rows.map((r) => r.gap));
    line(
      `  k = ${k}, median of ${seeds}: ours / HiGHS ${ratio.toFixed(5)} (lowest ${Math.min(...rows.map((r) => r.ratio)).toFixed(5)}), ` +
        `ours ${ours.toFixed(2)} s, HiGHS ${highs.toFixed(1)} s (${(highs / ours).toFixed(0)}×), our largest gap ${pct(gap)}; ` +
        `HiGHS proved ${rows.filter((r) => r.proven).length} of ${seeds} optimal`,
    );
    if (k === 100) {
      const met = Math.min(...rows.map((r) => r.ratio)) >= GOALS[100].ratio && highs / ours >= GOALS[100].speedUp;
      line(`  goal within 0.2 % of the optimum at ≥ 1,000× HiGHS's speed: ${met ? 'met' : 'NOT met'}`);
    } else {
      const met = rows.every((r) => r.ratio >= 1 - 1e-9) && ours <= GOALS[400].seconds && gap <= GOALS[400].gap;
      line(`  goal at least HiGHS's answer in ≤ 2 s with our gap ≤ 1 %: ${met ? 'met' : 'NOT met'}`);
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: { seeds: { type: 'string', default: '3' }, 'highs-limit': { type: 'string', default: '120' } },
  });
  await runPlannerInstancesBench({ seeds: Number(values.seeds), highsLimitS: Number(values['highs-limit']) });
}
