import type { PlanResult } from '../../domain/planner/plan-contract.js';

const people = (n: number) => Math.round(n).toLocaleString('en-US');
const percent = (part: number, whole: number) => (whole > 0 ? `${((100 * part) / whole).toFixed(2)} %` : '–');

/** The lines `dx-compact plan` prints: the objective with its proven gap, each phase, and what it does to 5G. */
export function formatPlanSummary(result: PlanResult): string[] {
  const { total, reachingThreshold: reach } = result.effects;
  const lines = [
    `${result.sites.length} sites; weighted demand covered ${people(result.objective)} of at most ${people(result.upperBound)} ` +
      `(proven gap ${(100 * result.gap).toFixed(2)} %); ${people(result.unreachableWeight)} no candidate reaches`,
  ];
  if (result.priorityPlaces.length) {
    const covered = result.priorityPlaces.filter((p) => p.coveredAfter[p.coveredAfter.length - 1]).length;
    lines.push(
      `Priority places covered: ${covered} of ${result.priorityPlaces.length} (${result.priorityPlaces.filter((p) => p.coveredBefore).length} before)` +
        (result.demandGap === null
          ? ''
          : `; proven gap on the rest of the demand ${(100 * result.demandGap).toFixed(2)} %`),
    );
  }
  result.phases.forEach((phase, p) => {
    const after = total.coveredAfter[p] ?? total.coveredBefore;
    lines.push(
      `${phase.year ?? 'plan'}: ${phase.sites} sites, cost ${phase.cost.toLocaleString('en-US')}; ` +
        `5G ${percent(after, total.population)} of ${people(total.population)} people (now ${percent(total.coveredBefore, total.population)})`,
    );
  });
  const last = (xs: number[]) => xs[xs.length - 1] ?? 0;
  lines.push(
    `Communes at ≥ ${Math.round(reach.thresholdShare * 100)} % 5G: border ${reach.border.before} → ${last(reach.border.after)} of ${reach.border.units}, ` +
      `economic zones ${reach.economicZone.before} → ${last(reach.economicZone.after)} of ${reach.economicZone.units} (a projection, not a reported value)`,
  );
  return lines;
}
