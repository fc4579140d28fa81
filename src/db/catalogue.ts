import type { Queryable } from './database.js';
import { listIndicators, type Indicator } from './indicators.js';
import type { UnitRef } from './value-writes.js';

/** Every indicator and unit by code: what intake needs to resolve a file's codes in one go. */
export interface Catalogue {
  indicators: Map<string, Indicator>;
  units: Map<string, UnitRef & { nameVi: string; parentId: number | null }>;
}

export async function loadCatalogue(db: Queryable): Promise<Catalogue> {
  const indicators = await listIndicators(db);
  const units = await db.query<UnitRef & { nameVi: string; parentId: number | null }>(
    `select id, code, level, name_vi as "nameVi", parent_id as "parentId" from org_unit`,
  );
  return {
    indicators: new Map(indicators.map((i) => [i.code, i])),
    units: new Map(units.map((u) => [u.code, u])),
  };
}
