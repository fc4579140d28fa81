import type { Queryable } from './database.js';

const CHUNK = 10_000;

/** One value asked for by codes. */
export interface ValueKey {
  indicator: string;
  unit: string;
  period: string;
}

export interface StoredValueRow extends ValueKey {
  value: number;
  comment: string | null;
}

/** The stored values (and comments) of the given indicator, unit and period codes; absent ones are left out. */
export async function findStoredValues(db: Queryable, keys: readonly ValueKey[]): Promise<StoredValueRow[]> {
  const found: StoredValueRow[] = [];
  for (let start = 0; start < keys.length; start += CHUNK) {
    const chunk = keys.slice(start, start + CHUNK);
    found.push(
      ...(await db.query<StoredValueRow>(
        `select k.i as indicator, k.u as unit, k.p as period, v.value, v.comment
         from unnest($1::text[], $2::text[], $3::text[]) as k(i, u, p)
         join indicator i on i.code = k.i join org_unit o on o.code = k.u join period pe on pe.code = k.p
         join indicator_value v on v.indicator_id = i.id and v.org_unit_id = o.id and v.period_id = pe.id`,
        [chunk.map((k) => k.indicator), chunk.map((k) => k.unit), chunk.map((k) => k.period)],
      )),
    );
  }
  return found;
}
