import type { Queryable } from './database.js';
import type { UnitSummary, UnitTreeNode } from '../domain/overview-contract.js';
import { NotFound } from '../domain/errors.js';

interface OrgUnitRow {
  [key: string]: unknown;
  id: number;
  code: string;
  parent_code: string | null;
  level: UnitSummary['level'];
  unit_type: UnitSummary['unitType'];
  name_vi: string;
  name_en: string | null;
  population: number | null;
  area_km2: number | null;
  is_border: boolean;
  is_economic_zone: boolean;
  is_demo: boolean;
}

const UNIT_COLUMNS = `u.id, u.code, p.code as parent_code, u.level, u.unit_type, u.name_vi, u.name_en, u.population,
  u.area_km2, u.is_border, u.is_economic_zone, u.is_demo`;
const FROM_UNIT = 'from org_unit u left join org_unit p on p.id = u.parent_id';
const SELECT_UNIT = `select ${UNIT_COLUMNS} ${FROM_UNIT}`;

export function toUnitSummary(row: OrgUnitRow): UnitSummary {
  return {
    code: row.code,
    nameVi: row.name_vi,
    nameEn: row.name_en,
    level: row.level,
    unitType: row.unit_type,
    parentCode: row.parent_code,
    population: row.population,
    areaKm2: row.area_km2,
    isBorder: row.is_border,
    isEconomicZone: row.is_economic_zone,
    isDemo: row.is_demo,
  };
}

export interface StoredUnit extends UnitSummary {
  id: number;
}

export async function findUnit(db: Queryable, code: string): Promise<StoredUnit> {
  const [row] = await db.query<OrgUnitRow>(`${SELECT_UNIT} where u.code = $1`, [code]);
  if (!row)
    throw new NotFound('org_unit.not_found', `No organisation unit has the code "${code}"`, undefined, {
      codes: code,
    });
  return { id: row.id, ...toUnitSummary(row) };
}

export async function findUnitBoundary(db: Queryable, code: string): Promise<unknown> {
  const [row] = await db.query<{ boundary: unknown }>('select boundary from org_unit where code = $1', [code]);
  if (!row)
    throw new NotFound('org_unit.not_found', `No organisation unit has the code "${code}"`, undefined, {
      codes: code,
    });
  return row.boundary;
}

/** The units directly below a unit that have a boundary, each with it (GeoJSON), by code. */
export async function childBoundaries(
  db: Queryable,
  parentId: number,
): Promise<{ unit: StoredUnit; boundary: unknown }[]> {
  const rows = await db.query<OrgUnitRow & { boundary: unknown }>(
    `select ${UNIT_COLUMNS}, u.boundary ${FROM_UNIT} where u.parent_id = $1 and u.boundary is not null order by u.code`,
    [parentId],
  );
  return rows.map((row) => ({ unit: { id: row.id, ...toUnitSummary(row) }, boundary: row.boundary }));
}

export async function listChildren(db: Queryable, code: string): Promise<UnitSummary[]> {
  const parent = await findUnit(db, code);
  const rows = await db.query<OrgUnitRow>(`${SELECT_UNIT} where u.parent_id = $1 order by u.name_vi, u.code`, [
    parent.id,
  ]);
  return rows.map(toUnitSummary);
}

/** The whole hierarchy below `rootCode` (default: the nation), children sorted by name. */
export async function unitTree(db: Queryable, rootCode?: string): Promise<UnitTreeNode> {
  const rows = await db.query<OrgUnitRow>(`${SELECT_UNIT} order by u.name_vi, u.code`);
  const nodes = new Map(rows.map((row) => [row.code, { ...toUnitSummary(row), children: [] as UnitTreeNode[] }]));
  let root: UnitTreeNode | undefined;
  for (const node of nodes.values()) {
    const parent = node.parentCode ? nodes.get(node.parentCode) : undefined;
    if (parent) parent.children.push(node);
    if (rootCode ? node.code === rootCode : node.level === 'nation') root = node;
  }
  if (!root) throw new NotFound('org_unit.not_found', `No organisation unit has the code "${rootCode ?? 'nation'}"`);
  return root;
}

/** Units at `level` at or below the unit with id `unitId` (the unit itself when it is at that level). */
export async function unitsAtLevelBelow(
  db: Queryable,
  unitId: number,
  level: UnitSummary['level'],
): Promise<{ id: number; code: string; population: number | null }[]> {
  return db.query(
    `with recursive below as (
       select id, code, level, population from org_unit where id = $1
       union all
       select u.id, u.code, u.level, u.population from org_unit u join below b on u.parent_id = b.id
         where b.level <> $2
     )
     select id, code, population from below where level = $2 order by code`,
    [unitId, level],
  );
}

/** Ids of the given units and every unit below them. */
export async function unitIdsBelow(db: Queryable, rootIds: readonly number[]): Promise<number[]> {
  if (rootIds.length === 0) return [];
  const rows = await db.query<{ id: number }>(
    `with recursive below as (
       select id from org_unit where id = any($1::int[])
       union
       select u.id from org_unit u join below b on u.parent_id = b.id
     )
     select id from below order by id`,
    [rootIds],
  );
  return rows.map((row) => row.id);
}

/** For each unit, its own id and its ancestors' ids (nearest first). */
export async function unitLineages(db: Queryable, unitIds: readonly number[]): Promise<Map<number, number[]>> {
  const lineages = new Map<number, number[]>();
  if (unitIds.length === 0) return lineages;
  const rows = await db.query<{ unitId: number; ids: number[] }>(
    `with recursive up as (
       select id as unit_id, id, parent_id, 0 as depth from org_unit where id = any($1::int[])
       union all
       select up.unit_id, p.id, p.parent_id, up.depth + 1 from org_unit p join up on p.id = up.parent_id
     )
     select unit_id as "unitId", array_agg(id order by depth) as ids from up group by unit_id`,
    [unitIds],
  );
  for (const row of rows) lineages.set(row.unitId, row.ids);
  return lineages;
}

/** Ids of units by code; codes not found are left out. */
export async function unitIdsByCode(db: Queryable, codes: readonly string[]): Promise<Map<string, number>> {
  const rows = await db.query<{ id: number; code: string }>(
    'select id, code from org_unit where code = any($1::text[])',
    [codes],
  );
  return new Map(rows.map((row) => [row.code, row.id]));
}

/**
 * The one "units below" query: a CTE `below(id)` of the unit whose id is parameter `$n` and every unit under it.
 * Prefix a query with it and join `below`.
 */
export function unitsBelowCte(parameter: number): string {
  return `with recursive below as (
       select id from org_unit where id = $${parameter}
       union all
       select u.id from org_unit u join below b on u.parent_id = b.id
     )`;
}

/** The communes below a unit that have a boundary, with it (GeoJSON) and their province's code, in code order. */
export async function communeBoundariesBelow(
  db: Queryable,
  unitId: number,
): Promise<{ code: string; province: string; boundary: unknown }[]> {
  return db.query(
    `${unitsBelowCte(1)}
     select u.code, p.code as province, u.boundary from org_unit u join below b on b.id = u.id
     join org_unit p on p.id = u.parent_id
     where u.level = 'commune' and u.boundary is not null order by u.code`,
    [unitId],
  );
}

/** Whether the unit with this code is loaded and is demo data. */
export async function isDemoUnitLoaded(db: Queryable, code: string): Promise<boolean> {
  const [row] = await db.query('select 1 from org_unit where code = $1 and is_demo', [code]);
  return row !== undefined;
}

/** The units with these codes (names, types, border and economic-zone flags), in no particular order. */
export async function unitSummariesByCode(db: Queryable, codes: readonly string[]): Promise<UnitSummary[]> {
  const rows = await db.query<OrgUnitRow>(`${SELECT_UNIT} where u.code = any($1::text[])`, [codes]);
  return rows.map(toUnitSummary);
}
