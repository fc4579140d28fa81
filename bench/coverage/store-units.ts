/** Organisation units with their GeoJSON boundaries, as the benchmarks store them (parents before children). */
import type { Queryable } from '../../src/db/database.js';

export interface BenchUnit {
  code: string;
  /** null for the nation. */
  parentCode: string | null;
  level: 'nation' | 'province' | 'commune';
  unitType: 'nation' | 'province' | 'city' | 'commune' | 'ward' | 'special_zone';
  nameVi: string;
  boundary: { type: 'MultiPolygon'; coordinates: number[][][][] } | null;
  population?: number;
  areaKm2?: number;
}

/** Inserts one level at a time in a single statement each; a parent must be stored before its children. */
export async function insertBenchUnits(db: Queryable, units: readonly BenchUnit[]): Promise<void> {
  for (const level of ['nation', 'province', 'commune'] as const) {
    const batch = units.filter((u) => u.level === level);
    if (batch.length === 0) continue;
    await db.query(
      `insert into org_unit (code, parent_id, level, unit_type, name_vi, boundary, population, area_km2)
       select u.code, p.id, u.level, u.unit_type, u.name_vi, u.boundary::jsonb, u.population, u.area_km2
       from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::float8[])
         as u(code, parent_code, level, unit_type, name_vi, boundary, population, area_km2)
       left join org_unit p on p.code = u.parent_code`,
      [
        batch.map((u) => u.code),
        batch.map((u) => u.parentCode),
        batch.map((u) => u.level),
        batch.map((u) => u.unitType),
        batch.map((u) => u.nameVi),
        batch.map((u) => (u.boundary === null ? null : JSON.stringify(u.boundary))),
        batch.map((u) => u.population ?? null),
        batch.map((u) => u.areaKm2 ?? null),
      ],
    );
  }
}
