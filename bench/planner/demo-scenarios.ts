/**
 * Plans on the demo province as a user's re-plan runs them once the candidates' coverage is cached: the demo area,
 * the candidates, their coverage from the cache folder, demand, merge, solve, bound, effects (runPlan, as the plan's
 * worker thread runs it; the area is built once, untimed). Scenarios interleaved (A, B, C, D, A, B…), each its
 * objective, proven gap (and the gap on the rest of the demand with priority places), sites and wall time; medians.
 * A first pass fills the cache (timed apart). Prints; asserts nothing.
 *
 * npm run bench -- planner-demo [--runs=N]   (or npx tsx bench/planner/demo-scenarios.ts)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { PlanResult } from '../../src/domain/planner/plan-contract.js';
import { PlanSettingsSchema } from '../../src/domain/planner/plan-settings.js';
import { ThreadedMastCoverer } from '../../src/engines/planner/mast-coverer.js';
import { planDem } from '../../src/engines/planner/plan-inputs.js';
import { runPlan } from '../../src/engines/planner/run-plan.js';
import { loadPlanArea } from '../../src/jobs/plan-area.js';
import { describeLoad } from '../machine.js';
import { line } from '../report.js';

const YEARS = [2026, 2027, 2028, 2029, 2030];
const SCENARIOS = [
  { name: '30 sites', maxSites: 30 },
  {
    name: 'border and economic zones first, 30 sites',
    maxSites: 30,
    priorities: { borderSettlements: true, economicZoneSettlements: true },
  },
  { name: '3 years × 10 sites', phases: YEARS.slice(0, 3).map((year) => ({ year, maxSites: 10 })) },
  { name: '5 years × 10 sites', phases: YEARS.map((year) => ({ year, maxSites: 10 })) },
] as const;

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const percent = (share: number) => `${(100 * share).toFixed(3)} %`;

/** Priority places covered after (and before), and the province's 5G share before and after the last phase. */
function placesAndShare(result: PlanResult): string {
  const { total } = result.effects;
  const share = (people: number) => `${((100 * people) / total.population).toFixed(1)} %`;
  const places = result.priorityPlaces;
  const covered = places.filter((p) => p.coveredAfter.at(-1)).length;
  const before = places.filter((p) => p.coveredBefore).length;
  return (
    (places.length ? `; priority places covered ${covered}/${places.length} (${before} before)` : '') +
    `; 5G ${share(total.coveredBefore)} → ${share(total.coveredAfter.at(-1)!)} of the people`
  );
}

export async function runPlannerDemoBench(options: { runs?: number } = {}) {
  const runs = options.runs ?? 3;
  const { area, sites, params } = await loadPlanArea({ kind: 'demo' });
  const folder = mkdtempSync(join(os.tmpdir(), 'dx-plan-demo-'));
  const coverer = new ThreadedMastCoverer(planDem(area), params, folder);
  const settings = SCENARIOS.map((s) => PlanSettingsSchema.parse({ ...s, timeLimitS: 60 }));
  line(
    `planner on the demo province: ${area.grid.width} × ${area.grid.height} cells of ${area.grid.cellSizeM} m; ${os.availableParallelism()} threads`,
  );
  try {
    const fillStart = performance.now();
    for (const scenario of settings) await runPlan(area, sites, scenario, params, coverer);
    line(`  filling the cache (every scenario once): ${((performance.now() - fillStart) / 1000).toFixed(1)} s`);
    const seconds: number[][] = settings.map(() => []);
    const last: { gap: number; demandGap: number | null; sites: number; objective: number }[] = [];
    for (let run = 0; run < runs; run++) {
      for (const [at, scenario] of settings.entries()) {
        const before = describeLoad();
        const started = performance.now();
        const { result } = await runPlan(area, sites, scenario, params, coverer);
        const s = (performance.now() - started) / 1000;
        seconds[at]!.push(s);
        last[at] = {
          gap: result.gap,
          demandGap: result.demandGap,
          sites: result.sites.length,
          objective: result.objective,
        };
        line(
          `  run ${run + 1}/${runs} ${scenario.name}: ${s.toFixed(2)} s, ${result.sites.length} sites, objective ` +
            `${Math.round(result.objective)}, gap ${percent(result.gap)}` +
            (result.demandGap === null ? '' : `, on the rest of the demand ${percent(result.demandGap)}`) +
            placesAndShare(result) +
            ` (${result.stats.mergedDemandPoints} merged points, ${result.stats.candidates} candidates); load before: ${before}, after: ${describeLoad()}`,
        );
      }
    }
    for (const [at, scenario] of settings.entries()) {
      const { gap, demandGap } = last[at]!;
      line(
        `  median of ${runs}, ${scenario.name}: ${median(seconds[at]!).toFixed(2)} s, gap ${percent(gap)}` +
          (demandGap === null ? '' : ` (rest of the demand ${percent(demandGap)})`),
      );
    }
  } finally {
    await coverer.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
  await runPlannerDemoBench({ runs: Number(values.runs) });
}
