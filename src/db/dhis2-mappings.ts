import type { Queryable } from './database.js';

export type MappingKind = 'data_element' | 'org_unit';

export interface Dhis2Mapping {
  kind: MappingKind;
  dhis2Id: string;
  code: string;
}

export async function listMappings(db: Queryable): Promise<Dhis2Mapping[]> {
  return db.query<Dhis2Mapping>(`select kind, dhis2_id as "dhis2Id", code from dhis2_mapping order by kind, dhis2_id`);
}

export async function saveMapping(db: Queryable, mapping: Dhis2Mapping): Promise<void> {
  await db.query(
    `insert into dhis2_mapping (kind, dhis2_id, code) values ($1, $2, $3)
     on conflict (kind, dhis2_id) do update set code = excluded.code`,
    [mapping.kind, mapping.dhis2Id, mapping.code],
  );
}

export async function deleteMapping(db: Queryable, kind: MappingKind, dhis2Id: string): Promise<boolean> {
  const rows = await db.query('delete from dhis2_mapping where kind = $1 and dhis2_id = $2 returning 1', [
    kind,
    dhis2Id,
  ]);
  return rows.length > 0;
}

/** Translates DHIS2 ids to codes and back; an id with no mapping is taken to be the code itself. */
export async function loadMappingTables(db: Queryable) {
  const mappings = await listMappings(db);
  const toCode = (kind: MappingKind) =>
    new Map(mappings.filter((m) => m.kind === kind).map((m) => [m.dhis2Id, m.code]));
  const toId = (kind: MappingKind) => new Map(mappings.filter((m) => m.kind === kind).map((m) => [m.code, m.dhis2Id]));
  const elementCodes = toCode('data_element');
  const unitCodes = toCode('org_unit');
  const elementIds = toId('data_element');
  const unitIds = toId('org_unit');
  return {
    indicatorCode: (id: string) => elementCodes.get(id) ?? id,
    unitCode: (id: string) => unitCodes.get(id) ?? id,
    dataElementId: (code: string) => elementIds.get(code) ?? code,
    orgUnitId: (code: string) => unitIds.get(code) ?? code,
  };
}
