import type { Database } from '../db/database.js';
import { loadCatalogue } from '../db/catalogue.js';
import { appendAudit } from '../db/audit-log.js';
import { deleteMapping, saveMapping, type Dhis2Mapping, type MappingKind } from '../db/dhis2-mappings.js';
import type { Actor } from '../domain/auth/actor.js';
import { NotFound } from '../domain/errors.js';
import { auditContext } from './audit-context.js';
import { requireAction } from './authorize.js';

/** Maps a DHIS2 id to a code of ours (which must exist); audited. */
export async function saveMappingAs(db: Database, actor: Actor, mapping: Dhis2Mapping, requestId: string | null) {
  requireAction(actor, 'dhis2_mapping.write');
  const catalogue = await loadCatalogue(db);
  const known =
    mapping.kind === 'data_element' ? catalogue.indicators.has(mapping.code) : catalogue.units.has(mapping.code);
  if (!known)
    throw new NotFound(
      'dhis2.mapping_target',
      `No ${mapping.kind === 'data_element' ? 'indicator' : 'unit'} has the code "${mapping.code}"`,
    );
  await db.transaction(async (tx) => {
    await saveMapping(tx, mapping);
    await appendAudit(tx, auditContext(actor, requestId, null, 'api'), [
      {
        action: 'dhis2_mapping.save',
        entity: 'dhis2_mapping',
        entityKey: { kind: mapping.kind, dhis2Id: mapping.dhis2Id },
        oldValue: null,
        newValue: { code: mapping.code },
      },
    ]);
  });
  return mapping;
}

export async function deleteMappingAs(
  db: Database,
  actor: Actor,
  kind: MappingKind,
  dhis2Id: string,
  requestId: string | null,
): Promise<void> {
  requireAction(actor, 'dhis2_mapping.write');
  await db.transaction(async (tx) => {
    if (!(await deleteMapping(tx, kind, dhis2Id)))
      throw new NotFound('dhis2.mapping_not_found', `No ${kind} mapping for "${dhis2Id}"`);
    await appendAudit(tx, auditContext(actor, requestId, null, 'api'), [
      {
        action: 'dhis2_mapping.delete',
        entity: 'dhis2_mapping',
        entityKey: { kind, dhis2Id },
        oldValue: null,
        newValue: null,
      },
    ]);
  });
}
