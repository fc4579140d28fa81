/**
 * Candidate coverage on the demo province: the 5G coverage of about 5,000 candidates (the main operator's 4G
 * masts without 5G, and new masts on the high ground of a 1.6 km lattice), as a plan scenario computes it, cold
 * (an empty cache folder) and warm (the same folder, new threads: every answer read from disk), on as many
 * threads as cores,, interleaved
 * cold, warm, cold, warm… Wall time of the whole preparation (candidates, today's 5G, coverage, demand, the
 * instance) and how often the cache answered. The demo area itself is built once, untimed. Prints; asserts nothing.
 *
 * npm run bench -- planner-candidates [--runs=N]   (or npx tsx bench/planner/candidate-coverage.ts)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { PlanSettingsSchema } from '../../src/domain/planner/plan-settings.js';
import { ThreadedMastCoverer } from '../../src/engines/planner/mast-coverer.js';
import { scenarioCandidates } from '../../src/engines/planner/plan-candidates.js';
import { planDem, preparePlanInputs } from '../../src/engines/planner/plan-inputs.js';
import { loadPlanArea } from '../../src/jobs/plan-area.js';
import { describeLoad } from '../machine.js';
import { line } from '../report.js';
import { formatInt } from '../stats.js';

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

export async function runPlannerCandidatesBench(options: { runs?: number } = {}) {
  const runs = options.runs ?? 3;
  const { area, sites, params } = await loadPlanArea({ kind: 'demo' });
  const settings = PlanSettingsSchema.parse({
    name: 'bench',
    maxSites: 1,
    candidates: { generated: { latticeKm: 1.6, minSpacingKm: 1.2 } },
  });
  const mainOperator = params.mainOperator;
  const candidates = scenarioCandidates(area, sites, settings, mainOperator, mainOperator);
  line(
    `planner candidate coverage, demo province: ${area.grid.width} × ${area.grid.height} cells of ${area.grid.cellSizeM} m, ` +
      `${formatInt(candidates.length)} candidates (${candidates.filter((c) => c.source === 'existing-mast').length} existing 4G masts, the rest generated)`,
  );
  const times: Record<'cold' | 'warm', number[]> = { cold: [], warm: [] };
  for (let run = 0; run < runs; run++) {
    const folder = mkdtempSync(join(os.tmpdir(), 'dx-plan-cache-'));
    try {
      for (const kind of ['cold', 'warm'] as const) {
        line(`  run ${run + 1}/${runs} ${kind}, before: ${describeLoad()}`);
        const coverer = new ThreadedMastCoverer(planDem(area), params, folder);
        const started = performance.now();
        const inputs = await preparePlanInputs(
          { area, sites, candidates, params, weights: settings.weights, points: [] },
          coverer,
        );
        const ms = performance.now() - started;
        await coverer.close();
        times[kind].push(ms);
        const asked = inputs.masts.cacheHits + inputs.masts.cacheMisses;
        line(
          `    ${(ms / 1000).toFixed(2)} s for ${formatInt(asked)} masts (${inputs.masts.existing} of them today's 5G): ` +
            `cache answered ${formatInt(inputs.masts.cacheHits)} (${((100 * inputs.masts.cacheHits) / asked).toFixed(1)} %); ` +
            `${formatInt(inputs.demandCells)} demand cells merged into ${formatInt(inputs.instance.demandCount)} points; after: ${describeLoad()}`,
        );
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }
  line(
    `  median of ${runs}: cold ${(median(times.cold) / 1000).toFixed(2)} s (${(median(times.cold) / candidates.length).toFixed(2)} ms a mast), ` +
      `warm ${(median(times.warm) / 1000).toFixed(2)} s`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
  await runPlannerCandidatesBench({ runs: Number(values.runs) });
}
