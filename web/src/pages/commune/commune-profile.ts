/**
 * What the commune profile shows, read from the progress summary, the unit tree and the latest coverage run:
 * coverage shares by technology, the rollout of yes/no indicators, and whether the user may enter the commune's
 * data. Pure functions, so they are easy to test.
 */
import type { IndicatorProgress, ProgressSummary, UnitTreeNode } from '../../../../src/domain/overview-contract.js';
import type { SessionState } from '../../api/session.js';
import type { CoverageRun, Technology } from '../../api/types.js';
import { technologyOf } from '../map/map-choices.js';

/** The unit and its ancestors, nearest first (the lineage the server checks an assigned scope against). */
export function lineageOf(tree: UnitTreeNode, code: string): UnitTreeNode[] {
  const walk = (node: UnitTreeNode, path: UnitTreeNode[]): UnitTreeNode[] | null => {
    const here = [node, ...path];
    if (node.code === code) return here;
    for (const child of node.children) {
      const found = walk(child, here);
      if (found) return found;
    }
    return null;
  };
  return walk(tree, []) ?? [];
}

/** True when the session may enter values for the unit: everywhere, or a unit of its own or one below it. */
export function mayEnterValues(state: SessionState, lineage: readonly string[]): boolean {
  const scope = state.permissions.find((p) => p.action === 'value.write')?.scope;
  if (!scope) return false;
  if (scope === 'all') return true;
  const own = state.user?.units ?? [];
  return lineage.some((code) => own.includes(code));
}

export interface CoverageFigure {
  technology: Technology;
  /** Reported share, percent (0–100); null when not reported. */
  reported: number | null;
  /** The coverage model's share, percent; null without a run. */
  computed: number | null;
  /** People the model finds not covered; null without a run. */
  uncovered: number | null;
}

const TECHNOLOGY_ORDER: readonly Technology[] = ['2G', '3G', '4G', '5G'];

/**
 * Population coverage of the unit by technology: the reported indicators (with the computed figure the summary
 * carries beside them) and the latest run's share, for each technology either knows.
 */
export function coverageFigures(
  summary: ProgressSummary | undefined,
  run: CoverageRun | null,
  unit: string,
): CoverageFigure[] {
  const byTech = new Map<Technology, CoverageFigure>();
  const figure = (technology: Technology) => {
    let f = byTech.get(technology);
    if (!f) {
      f = { technology, reported: null, computed: null, uncovered: null };
      byTech.set(technology, f);
    }
    return f;
  };
  for (const area of summary?.areas ?? []) {
    for (const indicator of area.indicators) {
      const technology = technologyOf(indicator.code);
      if (!technology) continue;
      const f = figure(technology);
      f.reported = indicator.current;
      if (indicator.computed) f.computed = indicator.computed.value;
    }
  }
  const entry = run?.result?.units.find((u) => u.unit === unit);
  if (entry && entry.population > 0) {
    for (const [technology, covered] of Object.entries(entry.covered) as [Technology, number | undefined][]) {
      if (typeof covered !== 'number' || !Number.isFinite(covered)) continue;
      const f = figure(technology);
      f.computed = (100 * covered) / entry.population;
      f.uncovered = Math.max(0, entry.population - covered);
    }
  }
  return [...byTech.values()].sort(
    (a, b) => TECHNOLOGY_ORDER.indexOf(a.technology) - TECHNOLOGY_ORDER.indexOf(b.technology),
  );
}

/** The yes/no indicators (fibre reached, broadband, e-records…): the rollout of infrastructure and platforms. */
export function rolloutIndicators(summary: ProgressSummary | undefined): IndicatorProgress[] {
  return (summary?.areas ?? []).flatMap((a) => a.indicators).filter((i) => i.valueType === 'boolean');
}
