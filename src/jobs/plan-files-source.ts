import type { Queryable } from '../db/database.js';
import { unitSummariesByCode } from '../db/org-units.js';
import { Invalid } from '../domain/errors.js';
import type { PlanAreaSource } from './plan-area.js';
import type { CoverageParams } from '../engines/coverage/predict/coverage-params.js';
import { prepareStreamedRun, type InputFile, type SitesInput } from './streamed-inputs.js';

/** A plan's grid is held whole (terrain, people, demand): a province at 30 m fits, a country does not. */
export const PLAN_MAX_CELLS = 120_000_000;

/**
 * A plan's area from the files a coverage run reads (terrain, population, sites or the stored sites), checked as a
 * run checks them: every site row, the population's pixels, the units' boundaries. The area must lie on one grid
 * (one UTM zone) and within PLAN_MAX_CELLS; a larger one is refused with the reason. With `sameAs`, the terrain and
 * population must be the very files a coverage run read (their hashes): a file changed since is refused by name.
 */
export async function filesPlanSource(
  db: Queryable,
  spec: {
    rootUnit: string;
    dem: InputFile[];
    population: InputFile;
    sites: SitesInput;
    params?: Partial<CoverageParams>;
    sameAs?: { runId: string; inputs: Record<string, string> };
  },
): Promise<Extract<PlanAreaSource, { kind: 'files' }>> {
  const run = await prepareStreamedRun(db, {
    ...spec,
    technologies: ['2G', '3G', '4G', '5G'],
    params: spec.params ?? {},
  });
  if (spec.sameAs) assertSameInputs(run.inputs, spec.sameAs, spec);
  if (run.plan.grids.length !== 1)
    throw new Invalid(
      'plan.area',
      `${spec.rootUnit} spans ${run.plan.grids.length} UTM zones (${run.plan.grids.map((g) => g.name).join(', ')}); plan one province at a time`,
    );
  const grid = run.plan.grids[0]!.spec;
  if (grid.width * grid.height > PLAN_MAX_CELLS)
    throw new Invalid(
      'plan.area',
      `${spec.rootUnit}'s grid of ${grid.width} × ${grid.height} cells is more than a plan holds (${PLAN_MAX_CELLS.toLocaleString('en-US')}); plan a province at a time`,
    );
  const summaries = new Map(
    (
      await unitSummariesByCode(
        db,
        run.units.map((u) => u.code),
      )
    ).map((u) => [u.code, u]),
  );
  return {
    kind: 'files',
    grid,
    dem: run.dem,
    population: run.population,
    units: run.units.map((unit) => {
      const summary = summaries.get(unit.code)!;
      return {
        code: unit.code,
        name: summary.nameVi,
        unitType: summary.unitType,
        isBorder: summary.isBorder,
        isEconomicZone: summary.isEconomicZone,
        boundary: unit.boundary,
      };
    }),
    sites: run.sites,
    params: run.params,
  };
}

/** Refuses terrain or population files whose content is no longer what the coverage run read. */
function assertSameInputs(
  now: Record<string, string>,
  run: { runId: string; inputs: Record<string, string> },
  files: { dem: InputFile[]; population: InputFile },
): void {
  const name = (file: InputFile) => (typeof file === 'string' ? file : file.name);
  const changed = [
    ...(now.dem === run.inputs.dem ? [] : files.dem.map(name)),
    ...(now.population === run.inputs.population ? [] : [name(files.population)]),
  ];
  if (changed.length > 0)
    throw new Invalid(
      'plan.area',
      `${changed.join(', ')} changed since coverage run ${run.runId} read ${changed.length === 1 ? 'it' : 'them'}; run the coverage again to plan on the new files`,
      changed.map((file) => ({ path: 'coverageRunId', message: `${file} changed` })),
    );
}
