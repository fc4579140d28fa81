import type { Environment, SiteRecord } from '../../domain/coverage/site-record.js';
import { Invalid } from '../../domain/errors.js';
import type { PlanSettings } from '../../domain/planner/plan-settings.js';
import { existingMastCandidates, generatedCandidates, templateSectors, type PlanCandidate } from './candidates.js';
import type { PlanArea } from './plan-inputs.js';
import { excludedCells } from './excluded-areas.js';
import { transformer, WGS84 } from '../coverage/raster/crs.js';
import { gridTransform, pixelAt } from '../coverage/raster/raster.js';

/** Wards get the urban model, communes the rural one (as the demo network's masts do). */
export function environmentOfCell(area: PlanArea): (cell: number) => Environment {
  return (cell) => {
    const unit = area.zones.whole[cell]!;
    return unit >= 0 && area.unitTypes[unit] === 'ward' ? 'urban' : 'rural';
  };
}

/** The model environment at a place: its cell's (a ward's is urban), rural outside the grid. */
function environmentAt(area: PlanArea, ofCell: (cell: number) => Environment, lon: number, lat: number): Environment {
  const [x, y] = transformer(WGS84, area.grid.crs).forward(lon, lat);
  const pixel = pixelAt(gridTransform(area.grid), area.grid.width, area.grid.height, x, y);
  return pixel === null ? 'rural' : ofCell(pixel.row * area.grid.width + pixel.col);
}

/**
 * The scenario's candidates in a fixed order (existing masts, generated, imported), each code once: a code the
 * partner's list repeats, or that clashes with another source's, is refused naming it.
 */
export function scenarioCandidates(
  area: PlanArea,
  sites: readonly SiteRecord[],
  settings: Pick<PlanSettings, 'candidates'>,
  operator: string,
  mainOperator: string,
): PlanCandidate[] {
  const { existingMasts, generated, imported, radio } = settings.candidates;
  const environment = environmentOfCell(area);
  const candidates: PlanCandidate[] = [];
  if (existingMasts.use)
    candidates.push(
      ...existingMastCandidates(sites, {
        operator,
        mainOperator,
        template: radio,
        cost: existingMasts.cost,
      }),
    );
  if (generated.use) {
    const allowed = Uint8Array.from(area.zones.whole, (unit) => (unit >= 0 ? 1 : 0));
    if (generated.excludedAreas.length > 0) {
      const excluded = excludedCells(area.grid, generated.excludedAreas, generated.excludedMarginM);
      for (let cell = 0; cell < allowed.length; cell++) if (excluded[cell]) allowed[cell] = 0;
    }
    candidates.push(
      ...generatedCandidates(area.grid, area.dem, allowed, environment, {
        latticeKm: generated.latticeKm,
        minSpacingKm: generated.minSpacingKm,
        template: radio,
        cost: generated.cost,
        codePrefix: 'NEW',
      }),
    );
  }
  imported.forEach((row) => {
    candidates.push({
      code: row.code,
      source: 'imported',
      lon: row.lon,
      lat: row.lat,
      cost: row.cost,
      sectors: templateSectors(
        row.code,
        row.lon,
        row.lat,
        environmentAt(area, environment, row.lon, row.lat),
        radio,
        row.antennaHeightM,
      ),
    });
  });
  const seen = new Set<string>();
  candidates.forEach((candidate, at) => {
    if (seen.has(candidate.code)) {
      const field =
        candidate.source === 'imported'
          ? `candidates.imported[${at - (candidates.length - imported.length)}].code`
          : 'candidates';
      throw new Invalid('plan.candidate', `Candidate code ${candidate.code} appears twice`, [
        { path: field, message: 'duplicate code' },
      ]);
    }
    seen.add(candidate.code);
  });
  return candidates;
}

/** Candidate indices of the codes a scenario names (mandatory or excluded); an unknown code is refused. */
export function candidateIndices(
  candidates: readonly PlanCandidate[],
  codes: readonly string[],
  field: string,
): number[] {
  const indexOf = new Map(candidates.map((candidate, i) => [candidate.code, i]));
  return codes.map((code, at) => {
    const index = indexOf.get(code);
    if (index === undefined)
      throw new Invalid('plan.candidate', `No candidate has the code ${code}`, [
        { path: `${field}[${at}]`, message: 'unknown candidate code' },
      ]);
    return index;
  });
}
