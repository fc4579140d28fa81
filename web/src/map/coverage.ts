/**
 * Coverage-model helpers for the map page: which runs to show, hot spots, progress and periods.
 * Pure functions (no MapLibre, no DOM) so they are easy to test.
 */
import type { CoverageHotspot, CoverageRun, RunStatus, Technology } from '../api/types.js';

/** Technologies the model computes and the map can show. */
export const MAP_TECHNOLOGIES: readonly Technology[] = ['2G', '4G', '5G'];

/** Technologies with a reported (hand-entered) coverage indicator. */
export const REPORTED_TECHNOLOGIES: readonly Technology[] = ['4G', '2G'];

export const reportedCode = (tech: Technology) => `POP_COV_${tech}`;
export const computedCode = (tech: Technology) => `POP_COV_${tech}_COMPUTED`;

/** Whether a map indicator is the model's computed coverage or the hand-reported one. */
export type MapIndicatorKind = 'computed' | 'reported';

const ACTIVE: readonly RunStatus[] = ['queued', 'running'];

export function isActiveRun(run: Pick<CoverageRun, 'status'>): boolean {
  return ACTIVE.includes(run.status);
}

const runTime = (run: CoverageRun) => Date.parse(run.finishedAt ?? run.createdAt) || 0;

/** The most recent run for `rootUnit` that succeeded with a result; null when there is none. */
export function latestSucceededRun(runs: readonly CoverageRun[] | undefined, rootUnit: string): CoverageRun | null {
  let best: CoverageRun | null = null;
  for (const run of runs ?? []) {
    if (run.rootUnit !== rootUnit || run.status !== 'succeeded' || !run.result) continue;
    if (!best || runTime(run) > runTime(best)) best = run;
  }
  return best;
}

/** A queued or running run for `rootUnit` (the newest), to resume watching after a reload. */
export function activeRun(runs: readonly CoverageRun[] | undefined, rootUnit: string): CoverageRun | null {
  const active = (runs ?? []).filter((r) => r.rootUnit === rootUnit && isActiveRun(r));
  active.sort((a, b) => (Date.parse(b.createdAt) || 0) - (Date.parse(a.createdAt) || 0));
  return active[0] ?? null;
}

/** True when the run used the demo scenario's synthetic inputs (their fingerprints start with 'demo:'). */
export function isDemoRun(run: Pick<CoverageRun, 'inputs'> | null | undefined): boolean {
  return Object.values(run?.inputs ?? {}).some((v) => typeof v === 'string' && v.startsWith('demo:'));
}

/** Percent of the tiles done (0–100, whole), or null while the total is not known. */
export function runProgressPercent(run: Pick<CoverageRun, 'tilesDone' | 'tilesTotal' | 'status'>): number | null {
  if (run.status === 'succeeded') return 100;
  if (!(run.tilesTotal > 0) || !Number.isFinite(run.tilesDone)) return null;
  return Math.round((Math.min(run.tilesTotal, Math.max(0, run.tilesDone)) / run.tilesTotal) * 100);
}

/** A run's signal threshold for a technology (dBm) from its parameters; null when not recorded. */
export function runThreshold(run: Pick<CoverageRun, 'params'> | null | undefined, tech: Technology): number | null {
  const thresholds = run?.params?.thresholdsDbm;
  if (typeof thresholds !== 'object' || thresholds === null) return null;
  const value = (thresholds as Record<string, unknown>)[tech];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * Hot spots largest first (ties by unit code, then west to east), dropping entries without a positive head
 * count or a valid position. Does not change the input.
 */
export function sortHotspots(hotspots: readonly CoverageHotspot[] | null | undefined): CoverageHotspot[] {
  return (hotspots ?? [])
    .filter(
      (h) =>
        Number.isFinite(h.people) &&
        h.people > 0 &&
        Number.isFinite(h.lon) &&
        Number.isFinite(h.lat) &&
        Math.abs(h.lon) <= 180 &&
        Math.abs(h.lat) <= 90,
    )
    .sort((a, b) => b.people - a.people || a.unit.localeCompare(b.unit) || a.lon - b.lon || a.lat - b.lat);
}

export const HOTSPOT_MIN_RADIUS = 4;
export const HOTSPOT_MAX_RADIUS = 18;

/** Circle radius (px) for a hot spot: its area proportional to the people, the largest at the maximum radius. */
export function hotspotRadius(people: number, maxPeople: number): number {
  if (!(maxPeople > 0) || !(people > 0)) return HOTSPOT_MIN_RADIUS;
  const r = HOTSPOT_MAX_RADIUS * Math.sqrt(Math.min(1, people / maxPeople));
  return Math.round(Math.max(HOTSPOT_MIN_RADIUS, r) * 10) / 10;
}

export interface HotspotFeature {
  type: 'Feature';
  id: number;
  properties: { rank: number; unit: string; people: number; radius: number };
  geometry: { type: 'Point'; coordinates: [number, number] };
}

/** Sorted hot spots as GeoJSON points, each with its rank (1 = most people) and circle radius. */
export function hotspotFeatures(sorted: readonly CoverageHotspot[]): {
  type: 'FeatureCollection';
  features: HotspotFeature[];
} {
  const max = sorted.reduce((m, h) => Math.max(m, h.people), 0);
  return {
    type: 'FeatureCollection',
    features: sorted.map((h, i) => ({
      type: 'Feature',
      id: i + 1,
      properties: { rank: i + 1, unit: h.unit, people: h.people, radius: hotspotRadius(h.people, max) },
      geometry: { type: 'Point', coordinates: [h.lon, h.lat] },
    })),
  };
}

/** '2025', '2025Q3' / '2025-Q3' or '2025-09'; anything else is not a period the map asks for. */
export function isMapPeriod(value: string | null | undefined): value is string {
  if (!value) return false;
  const m = /^(\d{4})(?:-(0[1-9]|1[0-2])|-?Q([1-4]))?$/i.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  return year >= 2000 && year <= 2100;
}

/** The month a model run for `period` writes its values for: the period's last month ('2025' → '2025-12'). */
export function runMonthFor(period: string): string {
  const quarter = /^(\d{4})-?Q([1-4])$/i.exec(period);
  if (quarter) return `${quarter[1]}-${String(Number(quarter[2]) * 3).padStart(2, '0')}`;
  if (/^\d{4}-\d{2}$/.test(period)) return period;
  if (/^\d{4}$/.test(period)) return `${period}-12`;
  return period;
}

/**
 * The period the map shows: `?period=` when valid; else the run's year for a computed indicator; else the
 * latest year with data; null while that is not known.
 */
export function pickPeriod(
  wanted: string | null,
  option: { kind: MapIndicatorKind },
  run: Pick<CoverageRun, 'period'> | null,
  years: readonly string[] | undefined,
): string | null {
  if (isMapPeriod(wanted)) return wanted;
  if (option.kind === 'computed' && run && /^\d{4}/.test(run.period)) return run.period.slice(0, 4);
  if (!years) return null;
  return years[0] ?? String(new Date().getFullYear());
}

/** People a unit's model counts as not covered by a technology (null when the run has no figure). */
export function uncoveredPeople(
  run: CoverageRun | null | undefined,
  unit: string,
  tech: Technology,
): { population: number; uncovered: number } | null {
  const entry = run?.result?.units.find((u) => u.unit === unit);
  const covered = entry?.covered[tech];
  if (!entry || typeof covered !== 'number' || !Number.isFinite(entry.population)) return null;
  return { population: entry.population, uncovered: Math.max(0, entry.population - covered) };
}
